"""The rules of a draft, in one place: send now, retry, edit, pick a new time, mark as booked, discard.

The window, the kiosk and the CLI all act on outbox rows through `DraftActions`, so they cannot disagree on what
an `unknown` or a `sending` draft allows. Every action is a checked transition of the store's state machine; a
refusal is an `ActionRefused` whose message says why in the user's terms ("this booking is being sent").

Exactly-once rules that live here:
- a draft being sent cannot be sent, edited or discarded: what is on the wire is final;
- an `unknown` draft (it may have been booked) is sent again only when the user asks *and* the availability check
  found its time still offered; otherwise the user checks HubSpot and marks it booked or discards it;
- a draft being edited stays queued (a rep who quits mid-edit still has it sent), but this process's sender
  leaves it alone until the edit is saved or cancelled.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import msgspec

from app.hubspot.models import BookRequest, BookResponse
from app.store.history import History
from app.store.outbox import DraftNotFound, IllegalTransition, Outbox, OutboxEntry, State, Verdict

BEING_SENT = "This booking is being sent right now; wait for its outcome."
ALREADY_SENT = "This booking was sent already; it cannot be sent again."
DISCARDED = "This booking was discarded."
NOT_FOUND = "This booking is no longer in the outbox."
UNCHECKED_UNKNOWN = (
    "This booking may have been made and its time has not been checked yet. Wait for the check (or look in "
    "HubSpot), then send it again only if its time is still offered."
)
PROBABLY_BOOKED_REFUSAL = (
    "This booking was probably booked: its time is no longer offered. Check the meeting in HubSpot, then mark it "
    "as booked or discard it."
)
ONLY_TIME_CHANGES = "This booking may have been made: only its time can change (pick a new time)."


class ActionRefused(Exception):
    """The action is not allowed for the draft as it is now; `message` says why (an English domain template)."""

    def __init__(self, message: str, entry: OutboxEntry | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.entry = entry


def history_row_writer(
    history: History | None, entry: OutboxEntry, response: BookResponse | None
) -> Callable[[sqlite3.Connection], object] | None:
    """The history row for a booked draft, written in the same transaction that marks it sent (one writer for
    the sender's sends and the user's "mark as booked", so both store the same account and fields)."""
    if history is None:
        return None

    def write(conn: sqlite3.Connection) -> object:
        return history.insert(
            conn,
            request=entry.request,
            response=response,
            start_ms=entry.start_ms,
            link_name=entry.link_name,
            account=entry.account,
            outbox_id=entry.id,
        )

    return write


@dataclass
class EditHolds:
    """Drafts this process has open in an editor: still queued, but its sender does not take them meanwhile."""

    _ids: set[str] = field(default_factory=set)

    def hold(self, draft_id: str) -> None:
        self._ids.add(draft_id)

    def release(self, draft_id: str) -> None:
        self._ids.discard(draft_id)

    def __contains__(self, draft_id: object) -> bool:
        return draft_id in self._ids

    def ids(self) -> frozenset[str]:
        return frozenset(self._ids)


def _no_wake() -> None:
    """Used where no sender runs in this process (the CLI): `outbox send` picks the change up."""


class DraftActions:
    """Checked user actions on outbox rows; `wake` tells this process's sender that something is due now."""

    def __init__(
        self,
        outbox: Outbox,
        history: History | None,
        *,
        wake: Callable[[], None] = _no_wake,
        holds: EditHolds | None = None,
    ) -> None:
        self.outbox = outbox
        self.history = history
        self.holds = holds if holds is not None else EditHolds()
        self._wake = wake

    # --- reading --------------------------------------------------------------------------------------------

    def get(self, draft_id: str) -> OutboxEntry:
        try:
            return self.outbox.get(draft_id)
        except DraftNotFound:
            raise ActionRefused(NOT_FOUND) from None

    def send_problem(self, entry: OutboxEntry) -> str | None:
        """Why `entry` must not be sent (again) as it is now, or None when *Send now* is allowed."""
        if entry.state is State.SENDING:
            return BEING_SENT
        if entry.state is State.SENT:
            return ALREADY_SENT
        if entry.state is State.DISCARDED:
            return DISCARDED
        if entry.state is State.UNKNOWN:
            if entry.verdict is Verdict.PROBABLY_NOT_BOOKED:
                return None
            if entry.verdict is Verdict.PROBABLY_BOOKED:
                return PROBABLY_BOOKED_REFUSAL
            return UNCHECKED_UNKNOWN
        return None

    # --- sending --------------------------------------------------------------------------------------------

    def send_now(self, draft_id: str) -> OutboxEntry:
        """Queue the draft, due now (the window's *Send now*, the CLI's `outbox retry`).

        A queued draft is simply made due; an unknown one only after the check found its time still offered (the
        user's decision, never the sender's). Pressing it twice is harmless: the second press finds it queued.
        """
        entry = self.get(draft_id)
        problem = self.send_problem(entry)
        if problem is not None:
            raise ActionRefused(problem, entry)
        if entry.state is State.UNKNOWN:
            return self._due_now(draft_id, self.outbox.resend)
        return self._due_now(draft_id, self._queued_now)

    retry = send_now

    def _queued_now(self, draft_id: str) -> OutboxEntry:
        """Queued and due now, whatever sendable state it is in (queued stays queued)."""
        if self.outbox.get(draft_id).state is State.QUEUED:
            return self.outbox.make_due(draft_id)
        return self.outbox.queue(draft_id)

    def _due_now(self, draft_id: str, change: Callable[[str], OutboxEntry]) -> OutboxEntry:
        """Apply a checked `change` that leaves the draft queued, then let this process's sender take it."""
        try:
            updated = change(draft_id)
        except IllegalTransition as exc:
            raise self._refusal(draft_id) from exc
        except DraftNotFound:
            raise ActionRefused(NOT_FOUND) from None
        self.holds.release(draft_id)
        self._wake()
        return updated

    # --- editing --------------------------------------------------------------------------------------------

    def begin_edit(self, draft_id: str) -> OutboxEntry:
        """Open a draft for editing: it keeps its state (queued stays queued) and this process does not send it
        until `save_edit` or `cancel_edit`."""
        entry = self.get(draft_id)
        if entry.state in (State.SENDING, State.SENT, State.DISCARDED):
            raise ActionRefused(self.send_problem(entry) or BEING_SENT, entry)
        self.holds.hold(draft_id)
        return entry

    def cancel_edit(self, draft_id: str) -> None:
        """The editor closed without saving: the draft goes on as it was (sent when due)."""
        if draft_id in self.holds:
            self.holds.release(draft_id)
            self._wake()

    def save_edit(
        self, draft_id: str, *, request: BookRequest, payload: Mapping[str, Any], start_ms: int
    ) -> OutboxEntry:
        """Store the edited draft and queue it; an unknown draft may change only its time (it may be booked).

        Refused while it is being sent: the version on the wire is the one that counts, and the editor keeps
        what the user typed so nothing is lost.
        """
        entry = self.get(draft_id)
        if entry.state is State.UNKNOWN:
            if _without_time(request) != _without_time(entry.request):
                raise ActionRefused(ONLY_TIME_CHANGES, entry)
            return self.pick_new_time(draft_id, start_ms)

        def save(draft_id: str) -> OutboxEntry:
            self.outbox.update_draft(draft_id, request=request, payload=payload, start_ms=start_ms)
            return self._queued_now(draft_id)

        return self._due_now(draft_id, save)

    def pick_new_time(self, draft_id: str, start_ms: int) -> OutboxEntry:
        """A new time for a needs-new-time, rejected or unknown draft; queued again with every answer kept."""
        return self._due_now(draft_id, lambda draft_id: self.outbox.pick_new_time(draft_id, start_ms))

    # --- settling -------------------------------------------------------------------------------------------

    def mark_booked(self, draft_id: str) -> OutboxEntry:
        """The user found the meeting in HubSpot: unknown → sent, with its history row."""
        entry = self.get(draft_id)
        try:
            return self.outbox.mark_booked(draft_id, also=history_row_writer(self.history, entry, None))
        except IllegalTransition as exc:
            raise self._refusal(draft_id) from exc

    def discard(self, draft_id: str) -> OutboxEntry:
        """The draft will never be sent. Refused while it is being sent (it may be booking right now)."""
        entry = self.get(draft_id)
        if entry.state in (State.SENDING, State.SENT, State.DISCARDED):
            raise ActionRefused(self.send_problem(entry) or BEING_SENT, entry)
        try:
            updated = self.outbox.discard(draft_id)
        except IllegalTransition as exc:
            raise self._refusal(draft_id) from exc
        self.holds.release(draft_id)
        return updated

    def _refusal(self, draft_id: str) -> ActionRefused:
        """The row changed between our read and our write (the sender took it): say what it is now."""
        try:
            entry = self.outbox.get(draft_id)
        except DraftNotFound:
            return ActionRefused(NOT_FOUND)
        return ActionRefused(self.send_problem(entry) or BEING_SENT, entry)


def _without_time(request: BookRequest) -> BookRequest:
    """The request with its start left out: what must stay the same when only the time may change."""
    return msgspec.structs.replace(request, start_time="")
