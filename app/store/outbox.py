"""The outbox: every drafted booking as a row with an explicit state machine, written ahead of any send.

HubSpot's book endpoint has no idempotency key, so exactly-once is ours: a row is committed before any byte goes
out, `sending` is committed before the request, and a `sending` row found at start-up becomes `unknown`.
"""

from __future__ import annotations

import enum
import sqlite3
import time
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, NamedTuple

import msgspec

from app.hubspot.models import BookRequest, BookResponse
from app.store.database import Database


def iso_utc(ms: int) -> str:
    """`2026-09-08T18:00:00Z`: the book request's startTime for an epoch-ms instant."""
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class State(enum.StrEnum):
    DRAFT = "draft"  # editable, not queued
    QUEUED = "queued"  # waiting to be sent (maybe after next_attempt_ms)
    SENDING = "sending"  # the request may be on the wire
    SENT = "sent"
    NEEDS_NEW_TIME = "needs_new_time"  # the time is gone; every answer kept
    REJECTED = "rejected"  # HubSpot refused; last_error names what to fix
    UNKNOWN = "unknown"  # may have been booked
    DISCARDED = "discarded"


class Verdict(enum.StrEnum):
    """Extra facts about a row, shown by the UI next to its state."""

    NONE = ""
    NO_CALENDAR_EVENT = "no_calendar_event"  # sent, but HubSpot created no meeting or calendar event
    PROBABLY_BOOKED = "probably_booked"  # unknown, and the time is no longer offered: check in HubSpot
    PROBABLY_NOT_BOOKED = "probably_not_booked"  # unknown, but the time is still offered: may send again
    OFFLINE = "offline"  # queued after a failure that provably never reached HubSpot


S = State
TRANSITIONS: Mapping[State, frozenset[State]] = {
    S.DRAFT: frozenset({S.QUEUED, S.DISCARDED}),
    S.QUEUED: frozenset({S.SENDING, S.NEEDS_NEW_TIME, S.REJECTED, S.UNKNOWN, S.DRAFT, S.DISCARDED}),
    # sending -> queued only when the request provably never reached HubSpot (no connection made, 429, 401/403).
    # A 5xx, a timeout or a dropped connection may have booked: sending -> unknown, never re-sent by itself.
    S.SENDING: frozenset({S.SENT, S.NEEDS_NEW_TIME, S.REJECTED, S.UNKNOWN, S.QUEUED}),
    S.NEEDS_NEW_TIME: frozenset({S.QUEUED, S.DRAFT, S.DISCARDED}),
    S.REJECTED: frozenset({S.QUEUED, S.DRAFT, S.DISCARDED}),
    # unknown -> queued only by an explicit user action (resend / pick a new time); -> sent by "mark as booked".
    S.UNKNOWN: frozenset({S.QUEUED, S.SENT, S.DISCARDED}),
    S.SENT: frozenset(),
    S.DISCARDED: frozenset(),
}
#: States whose draft holds its time in this profile: the same time must not be offered (or queued) twice.
HOLDING_STATES = (S.QUEUED, S.SENDING)
#: States the user may edit: the content is replaced, the state kept (queued stays queued).
EDITABLE_STATES = (S.DRAFT, S.QUEUED, S.NEEDS_NEW_TIME, S.REJECTED)


AlsoInTransaction = Callable[[sqlite3.Connection], object] | None


class SlotKey(NamedTuple):
    """What the pre-send availability check looks at: the same key means the same check still holds."""

    link_slug: str
    start_ms: int
    duration_ms: int
    timezone: str


class IllegalTransition(Exception):
    """A state change the outbox's state machine does not allow."""

    def __init__(self, draft_id: str, current: State, wanted: State) -> None:
        super().__init__(f"Draft {draft_id} is {current.value}; it cannot become {wanted.value}.")
        self.current = current
        self.wanted = wanted


class DraftNotFound(KeyError):
    """No outbox row with that id."""


class OutboxEntry(msgspec.Struct, frozen=True, kw_only=True):
    """One outbox row, as read."""

    id: str
    state: State
    link_slug: str
    link_name: str
    start_ms: int
    duration_ms: int
    timezone: str
    locale: str
    account: str
    payload: dict[str, Any]
    request: BookRequest
    response: BookResponse | None
    created_ms: int
    updated_ms: int
    attempts: int
    next_attempt_ms: int | None
    last_error: str | None
    last_error_field: str | None
    last_correlation_id: str | None
    maybe_delivered: bool
    verdict: Verdict

    @property
    def slot_key(self) -> SlotKey:
        return SlotKey(self.link_slug, self.start_ms, self.duration_ms, self.timezone)


_COLUMNS = (
    "id, state, link_slug, link_name, start_ms, duration_ms, timezone, locale, account, draft_json, request_json,"
    " response_json, created_ms, updated_ms, attempts, next_attempt_ms, last_error, last_error_field,"
    " last_correlation_id, maybe_delivered, verdict"
)


def _row_to_entry(row: sqlite3.Row | tuple[Any, ...]) -> OutboxEntry:
    (id_, state, slug, name, start, duration, tz, locale, account, draft, request, response, created, updated,
     attempts, next_at, error, error_field, correlation, maybe, verdict) = row  # fmt: skip
    return OutboxEntry(
        id=id_,
        state=State(state),
        link_slug=slug,
        link_name=name,
        start_ms=start,
        duration_ms=duration,
        timezone=tz,
        locale=locale,
        account=account,
        payload=msgspec.json.decode(draft),
        request=msgspec.json.decode(request, type=BookRequest),
        response=msgspec.json.decode(response, type=BookResponse) if response else None,
        created_ms=created,
        updated_ms=updated,
        attempts=attempts,
        next_attempt_ms=next_at,
        last_error=error,
        last_error_field=error_field,
        last_correlation_id=correlation,
        maybe_delivered=bool(maybe),
        verdict=Verdict(verdict),
    )


class Outbox:
    """Repository over the `outbox` table; every state change is one BEGIN IMMEDIATE transaction."""

    def __init__(self, db: Database, *, clock: Callable[[], float] = time.time) -> None:
        self._db = db
        self._clock = clock

    def _now_ms(self) -> int:
        return int(self._clock() * 1000)

    # --- creating and editing ------------------------------------------------------------------------------

    def add(
        self,
        *,
        request: BookRequest,
        payload: Mapping[str, Any],
        start_ms: int,
        link_name: str = "",
        account: str = "",
        queued: bool = True,
        draft_id: str | None = None,
    ) -> OutboxEntry:
        """Store a new draft (queued by default), committed before anything is sent.

        `draft_id` makes the write idempotent: a confirmation screen mints one id, and a second submission of it
        (a double tap, a repeated Enter) finds the row already there and returns it untouched, so one
        confirmation can never become two bookings.
        """
        now = self._now_ms()
        draft_id = draft_id or str(uuid.uuid4())
        state = S.QUEUED if queued else S.DRAFT
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO outbox (id, state, link_slug, link_name, start_ms, duration_ms, timezone,"
                " locale, account, email_lc, draft_json, request_json, created_ms, updated_ms)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    draft_id,
                    state.value,
                    request.slug,
                    link_name,
                    start_ms,
                    request.duration,
                    request.timezone or "UTC",
                    request.locale or "",
                    account,
                    request.email.strip().lower(),
                    msgspec.json.encode(dict(payload)),
                    msgspec.json.encode(request),
                    now,
                    now,
                ),
            )
        return self.get(draft_id)

    def enqueue(
        self,
        *,
        request: BookRequest,
        payload: Mapping[str, Any],
        start_ms: int,
        link_name: str = "",
        account: str = "",
        draft_id: str | None = None,
    ) -> OutboxEntry:
        """`add(..., queued=True)`: the write-ahead step of Book."""
        return self.add(
            request=request,
            payload=payload,
            start_ms=start_ms,
            link_name=link_name,
            account=account,
            queued=True,
            draft_id=draft_id,
        )

    def update_draft(
        self, draft_id: str, *, request: BookRequest, payload: Mapping[str, Any], start_ms: int
    ) -> OutboxEntry:
        """Replace the content of a draft the user edited; its state is kept (a queued draft stays queued).

        Refused (IllegalTransition) once the draft is being sent or is settled: what is on the wire is final.
        """
        with self._db.transaction() as conn:
            current = self._state(conn, draft_id)
            if current not in EDITABLE_STATES:
                raise IllegalTransition(draft_id, current, current)
            conn.execute(
                "UPDATE outbox SET link_slug = ?, start_ms = ?, duration_ms = ?, timezone = ?, locale = ?,"
                " email_lc = ?, draft_json = ?, request_json = ?, updated_ms = ? WHERE id = ?",
                (
                    request.slug,
                    start_ms,
                    request.duration,
                    request.timezone or "UTC",
                    request.locale or "",
                    request.email.strip().lower(),
                    msgspec.json.encode(dict(payload)),
                    msgspec.json.encode(request),
                    self._now_ms(),
                    draft_id,
                ),
            )
        return self.get(draft_id)

    # --- the state machine ----------------------------------------------------------------------------------

    def transition(self, draft_id: str, to: State, /, **columns: Any) -> OutboxEntry:
        """Move a row to `to` (raising IllegalTransition if not allowed) and set `columns`, atomically."""
        with self._db.transaction() as conn:
            self._transition(conn, draft_id, to, columns)
        return self.get(draft_id)

    def _transition(self, conn: sqlite3.Connection, draft_id: str, to: State, columns: Mapping[str, Any]) -> None:
        current = self._state(conn, draft_id)
        if to not in TRANSITIONS[current]:
            raise IllegalTransition(draft_id, current, to)
        values = {**columns, "state": to.value, "updated_ms": self._now_ms()}
        assignments = ", ".join(f"{name} = ?" for name in values)
        conn.execute(f"UPDATE outbox SET {assignments} WHERE id = ?", (*values.values(), draft_id))

    @staticmethod
    def _state(conn: sqlite3.Connection, draft_id: str) -> State:
        row = conn.execute("SELECT state FROM outbox WHERE id = ?", (draft_id,)).fetchone()
        if row is None:
            raise DraftNotFound(draft_id)
        return State(row[0])

    def queue(self, draft_id: str) -> OutboxEntry:
        """Draft (or a fixed rejected/needs-new-time row) → queued, due now."""
        return self.transition(draft_id, S.QUEUED, next_attempt_ms=None, verdict=Verdict.NONE.value)

    def mark_sending(self, draft_id: str, checked: SlotKey | None = None) -> OutboxEntry | None:
        """queued → sending, committed before the request leaves (a crash from here on leaves `sending` → unknown).

        Returns the row as it is *now*, so the request sent is always the latest saved version. With `checked`
        (the slot the pre-send availability check looked at), an edit that moved the draft to another slot
        meanwhile returns None and leaves the row queued: that slot has to be checked first. Raises
        IllegalTransition when the row is no longer queued (discarded, or another sender took it).
        """
        with self._db.transaction() as conn:
            current = self._state(conn, draft_id)
            if current is S.QUEUED and checked is not None:
                row = conn.execute(
                    "SELECT link_slug, start_ms, duration_ms, timezone FROM outbox WHERE id = ?", (draft_id,)
                ).fetchone()
                if SlotKey(*row) != checked:
                    return None
            self._transition(conn, draft_id, S.SENDING, {})
            conn.execute("UPDATE outbox SET attempts = attempts + 1 WHERE id = ?", (draft_id,))
        return self.get(draft_id)

    def mark_sent(self, draft_id: str, response: BookResponse | None, *, also: AlsoInTransaction = None) -> OutboxEntry:
        """sending → sent (or unknown → sent when the user marks it booked, with no response to store).

        `also` runs in the same transaction (the history row), so a crash cannot keep one without the other.
        """
        no_event = response is not None and not response.has_calendar_event
        with self._db.transaction() as conn:
            self._transition(
                conn,
                draft_id,
                S.SENT,
                {
                    "response_json": msgspec.json.encode(response) if response is not None else None,
                    "verdict": (Verdict.NO_CALENDAR_EVENT if no_event else Verdict.NONE).value,
                    "next_attempt_ms": None,
                    "last_error": None,
                    "last_error_field": None,
                },
            )
            if also is not None:
                also(conn)
        return self.get(draft_id)

    def mark_booked(self, draft_id: str, *, also: AlsoInTransaction = None) -> OutboxEntry:
        """User action: an unknown booking the user found in HubSpot → sent."""
        current = self.get(draft_id).state
        if current is not S.UNKNOWN:
            raise IllegalTransition(draft_id, current, S.SENT)
        return self.mark_sent(draft_id, None, also=also)

    def retry_later(
        self,
        draft_id: str,
        at_ms: int,
        *,
        error: str,
        correlation_id: str | None = None,
        verdict: Verdict = Verdict.NONE,
    ) -> OutboxEntry:
        """sending → queued, due at `at_ms`: only for a request that provably never reached HubSpot."""
        with self._db.transaction() as conn:
            self._transition(
                conn,
                draft_id,
                S.QUEUED,
                {
                    "next_attempt_ms": at_ms,
                    "last_error": error,
                    "last_correlation_id": correlation_id,
                    "verdict": verdict.value,
                },
            )
        return self.get(draft_id)

    def make_due(self, draft_id: str) -> OutboxEntry:
        """A queued row the user wants sent now: due at once (its state is unchanged)."""
        return self.defer(draft_id, self._now_ms())

    def defer(self, draft_id: str, at_ms: int, *, error: str | None = None) -> OutboxEntry:
        """A queued row that could not be checked yet (availability unreachable): try again at `at_ms`."""
        with self._db.transaction() as conn:
            current = self._state(conn, draft_id)
            if current is not S.QUEUED:
                raise IllegalTransition(draft_id, current, S.QUEUED)
            conn.execute(
                "UPDATE outbox SET next_attempt_ms = ?, last_error = COALESCE(?, last_error), updated_ms = ?"
                " WHERE id = ?",
                (at_ms, error, self._now_ms(), draft_id),
            )
        return self.get(draft_id)

    def mark_failed(
        self,
        draft_id: str,
        to: State,
        *,
        error: str,
        correlation_id: str | None = None,
        field: str | None = None,
        verdict: Verdict = Verdict.NONE,
    ) -> OutboxEntry:
        """→ needs_new_time, rejected or unknown, recording why."""
        if to not in (S.NEEDS_NEW_TIME, S.REJECTED, S.UNKNOWN):
            raise ValueError(f"not a failure state: {to}")
        return self.transition(
            draft_id,
            to,
            last_error=error,
            last_error_field=field,
            last_correlation_id=correlation_id,
            next_attempt_ms=None,
            verdict=verdict.value,
        )

    def set_verdict(self, draft_id: str, verdict: Verdict, *, note: str | None = None) -> OutboxEntry:
        """Record what reconciliation found, without changing the state."""
        with self._db.transaction() as conn:
            self._state(conn, draft_id)
            conn.execute(
                "UPDATE outbox SET verdict = ?, last_error = COALESCE(?, last_error), updated_ms = ? WHERE id = ?",
                (verdict.value, note, self._now_ms(), draft_id),
            )
        return self.get(draft_id)

    def resend(self, draft_id: str) -> OutboxEntry:
        """User action only: unknown → queued (after reconciliation says the time is still offered)."""
        current = self.get(draft_id).state
        if current is not S.UNKNOWN:
            raise IllegalTransition(draft_id, current, S.QUEUED)
        return self.transition(draft_id, S.QUEUED, next_attempt_ms=None, verdict="", maybe_delivered=0)

    def pick_new_time(self, draft_id: str, start_ms: int) -> OutboxEntry:
        """User action: a new start for a needs_new_time/unknown/rejected row, queued again with every answer kept."""
        with self._db.transaction() as conn:
            current = self._state(conn, draft_id)
            if current not in (S.NEEDS_NEW_TIME, S.UNKNOWN, S.REJECTED):
                raise IllegalTransition(draft_id, current, S.QUEUED)
            raw = conn.execute("SELECT request_json FROM outbox WHERE id = ?", (draft_id,)).fetchone()[0]
            request = msgspec.structs.replace(msgspec.json.decode(raw, type=BookRequest), start_time=iso_utc(start_ms))
            self._transition(
                conn,
                draft_id,
                S.QUEUED,
                {
                    "start_ms": start_ms,
                    "request_json": msgspec.json.encode(request),
                    "next_attempt_ms": None,
                    "verdict": "",
                    "maybe_delivered": 0,
                    "last_error": None,
                    "last_error_field": None,
                },
            )
        return self.get(draft_id)

    def discard(self, draft_id: str) -> OutboxEntry:
        return self.transition(draft_id, S.DISCARDED, next_attempt_ms=None)

    def recover_after_crash(self) -> list[str]:
        """At start (holding the sender lock): `sending` rows with no outcome → unknown, never re-sent silently."""
        with self._db.transaction() as conn:
            ids = [r[0] for r in conn.execute("SELECT id FROM outbox WHERE state = 'sending'")]
            for draft_id in ids:
                self._transition(
                    conn,
                    draft_id,
                    S.UNKNOWN,
                    {
                        "last_error": "The app stopped while this booking was being sent; it may have been booked.",
                        "next_attempt_ms": None,
                    },
                )
        return ids

    def make_due_now(self, *, verdict: Verdict | None = None) -> int:
        """Connectivity is back: queued rows (optionally only those with `verdict`) are due now."""
        sql = "UPDATE outbox SET next_attempt_ms = NULL WHERE state = 'queued'"
        params: tuple[Any, ...] = ()
        if verdict is not None:
            sql += " AND verdict = ?"
            params = (verdict.value,)
        with self._db.transaction() as conn:
            return conn.execute(sql, params).rowcount

    # --- queries -----------------------------------------------------------------------------------------

    def get(self, draft_id: str) -> OutboxEntry:
        row = self._db.connection.execute(f"SELECT {_COLUMNS} FROM outbox WHERE id = ?", (draft_id,)).fetchone()
        if row is None:
            raise DraftNotFound(draft_id)
        return _row_to_entry(row)

    def entries(self, *states: State, limit: int = 1000, offset: int = 0) -> list[OutboxEntry]:
        """Rows in `states` (all when none given), newest first."""
        sql = f"SELECT {_COLUMNS} FROM outbox"
        params: list[Any] = []
        if states:
            sql += f" WHERE state IN ({', '.join('?' for _ in states)})"
            params += [s.value for s in states]
        sql += " ORDER BY created_ms DESC, rowid DESC LIMIT ? OFFSET ?"
        rows = self._db.connection.execute(sql, (*params, limit, offset)).fetchall()
        return [_row_to_entry(r) for r in rows]

    def counts(self) -> dict[State, int]:
        """How many rows are in each state (every state present, zero when empty): the outbox badge."""
        result = dict.fromkeys(State, 0)
        for state, count in self._db.connection.execute("SELECT state, COUNT(*) FROM outbox GROUP BY state"):
            result[State(state)] = count
        return result

    def due(
        self, now_ms: int | None = None, *, limit: int = 100, exclude: frozenset[str] = frozenset()
    ) -> list[OutboxEntry]:
        """Queued rows whose next attempt time has come, oldest first."""
        now = self._now_ms() if now_ms is None else now_ms
        rows = self._db.connection.execute(
            f"SELECT {_COLUMNS} FROM outbox WHERE state = 'queued' AND (next_attempt_ms IS NULL OR next_attempt_ms"
            " <= ?) ORDER BY created_ms, rowid LIMIT ?",
            (now, limit + len(exclude)),
        ).fetchall()
        entries = [_row_to_entry(r) for r in rows if r[0] not in exclude]
        return entries[:limit]

    def next_due_ms(self) -> int | None:
        """The earliest next attempt among queued rows (0 when one is due now), None when nothing is queued."""
        row = self._db.connection.execute(
            "SELECT MIN(COALESCE(next_attempt_ms, 0)), COUNT(*) FROM outbox WHERE state = 'queued'"
        ).fetchone()
        return None if row[1] == 0 else int(row[0])

    def held_starts(self, slug: str, *, except_id: str | None = None) -> set[int]:
        """Start times of `slug` held by this profile's queued or sending drafts (not to be offered again)."""
        marks = ", ".join("?" for _ in HOLDING_STATES)
        rows = self._db.connection.execute(
            f"SELECT id, start_ms FROM outbox WHERE link_slug = ? AND state IN ({marks})",
            (slug, *(state.value for state in HOLDING_STATES)),
        ).fetchall()
        return {start for draft_id, start in rows if draft_id != except_id}
