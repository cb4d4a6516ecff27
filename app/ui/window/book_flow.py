"""Book: write the draft to the outbox first (durable), let the sender send it, and tell the window what came of it.

The window never calls HubSpot's book endpoint itself: the sender is the only one that sends, so a booking can be
made exactly once even when the window closes mid-way.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from typing import TYPE_CHECKING

import msgspec
from PySide6.QtCore import QObject, Signal

from app.booking.draft import BookingDraft, find_problems
from app.booking.slots import nearest_slots
from app.booking.wire import to_book_request
from app.hubspot.models import Slot
from app.outbox import events
from app.outbox.actions import ActionRefused
from app.store.outbox import DraftNotFound, OutboxEntry, State
from app.ui.runtime.domain_text import domain_text
from app.ui.window.book_outcome import BookOutcome, OutcomeKind
from app.ui.window.booking_controller import BookingController

if TYPE_CHECKING:  # services pull in httpx and sqlite: never imported before the first paint
    from app.services import Services

log = logging.getLogger(__name__)

#: How often to look at the row while waiting: a re-queue (offline, missing scopes) emits no event.
POLL_S = 0.25
#: After this long the window stops waiting; the outbox keeps the draft and the sender keeps trying.
GIVE_UP_S = 90.0


class BookFlow(QObject):
    sending_changed = Signal(bool)

    def __init__(self, controller: BookingController, services: Services) -> None:
        super().__init__()
        self._controller = controller
        self._services = services
        self._waiters: dict[str, asyncio.Future[events.OutboxEvent]] = {}
        self._draft_id: str | None = None  # an outbox row being fixed (time gone, rejected): updated, not duplicated
        # The outbox id of the draft last submitted: submitting the same draft again (a double click, Enter held
        # down) writes nothing new, so one confirmation can never become two bookings.
        self._submission: tuple[BookingDraft, str] | None = None
        self.sending = False
        self._unsubscribe = services.sender.subscribe(self._on_event)

    def close(self) -> None:
        self._unsubscribe()
        for waiter in self._waiters.values():
            waiter.cancel()

    @property
    def editing_id(self) -> str | None:
        """The outbox row the next Book saves into (an edit, or fixing a taken time), if any."""
        return self._draft_id

    def edit_draft(self, draft_id: str) -> None:
        """The next Book updates this outbox row (an edit, a rejected or taken time) instead of adding one."""
        if self._draft_id is not None and self._draft_id != draft_id:
            self._services.actions.cancel_edit(self._draft_id)
        self._draft_id = draft_id

    def forget_draft(self) -> None:
        """ "Book another" or "Cancel edit": the next booking is a new outbox row; an edited one goes on as it was."""
        if self._draft_id is not None:
            self._services.actions.cancel_edit(self._draft_id)
        self._draft_id = None
        self._submission = None

    async def book(self, draft: BookingDraft, *, online: bool) -> BookOutcome:
        """Validate, write ahead to the outbox, then (online) wait for the sender's verdict on this draft."""
        if self.sending:
            return BookOutcome(OutcomeKind.INVALID, message=self.tr("A booking is being sent already."))
        state = self._controller.state
        info = state.info
        if info is None:
            return BookOutcome(OutcomeKind.INVALID, message=self.tr("The meeting link is still loading."))
        offered = self._controller.offered_starts() if online else None
        problems = find_problems(draft, info, offered)
        if problems:
            return BookOutcome(OutcomeKind.INVALID, problems=problems)
        self._set_sending(True)
        try:
            try:
                entry = self._write_ahead(draft)
            except ActionRefused as exc:
                return BookOutcome(OutcomeKind.INVALID, exc.entry, message=domain_text(exc.message))
            if entry.state is State.SENT:  # this very draft was booked already: show it, never book it twice
                self._draft_id = None
                return BookOutcome(OutcomeKind.BOOKED, entry)
            if not online:
                self._draft_id = None
                self._services.sender.wake()
                return BookOutcome(OutcomeKind.SAVED_OFFLINE, entry)
            return await self._await_outcome(entry)
        finally:
            self._set_sending(False)

    def _write_ahead(self, draft: BookingDraft) -> OutboxEntry:
        """The draft is committed to the outbox before any byte goes out."""
        info = self._controller.state.info
        assert info is not None
        request = to_book_request(draft, info)
        payload = {"draft": msgspec.to_builtins(draft)}
        link = self._controller.state.link
        outbox = self._services.outbox
        if self._draft_id is not None:
            try:
                current: OutboxEntry | None = outbox.get(self._draft_id)
            except DraftNotFound:
                current = None
            if current is not None and current.state not in (State.SENT, State.DISCARDED):
                # Raises ActionRefused while it is being sent; an unknown one may change only its time.
                return self._services.actions.save_edit(
                    current.id, request=request, payload=payload, start_ms=draft.start_ms
                )
            log.info("Draft %s is settled; saving the booking as a new draft", self._draft_id)
        if self._submission is None or self._submission[0] != draft:
            self._submission = (draft, str(uuid.uuid4()))
        entry = outbox.enqueue(
            request=request,
            payload=payload,
            start_ms=draft.start_ms,
            link_name=link.name if link else "",
            account=self._services.account,
            draft_id=self._submission[1],
        )
        self._draft_id = entry.id
        return entry

    async def _await_outcome(self, entry: OutboxEntry) -> BookOutcome:
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[events.OutboxEvent] = loop.create_future()
        self._waiters[entry.id] = waiter
        self._services.sender.wake()
        deadline = time.monotonic() + GIVE_UP_S
        try:
            while True:
                try:
                    event = await asyncio.wait_for(asyncio.shield(waiter), POLL_S)
                except TimeoutError:
                    row = self._services.outbox.get(entry.id)
                    if row.state is State.QUEUED and row.updated_ms > entry.updated_ms and row.last_error:
                        return self._queued_again(row, domain_text(row.last_error))
                    if time.monotonic() > deadline:
                        return self._queued_again(row, self.tr("Still waiting for HubSpot."))
                    continue
                return await self._outcome_of(event)
        finally:
            self._waiters.pop(entry.id, None)

    def _queued_again(self, row: OutboxEntry, message: str) -> BookOutcome:
        """The sender put it back in the queue (no connection, a refused sign-in): it is the outbox's now, and the
        next booking in the form is a new one (never an overwrite of this attendee's queued draft)."""
        self._draft_id = None
        self._submission = None
        if self._services.sender.offline:
            self._controller.note_offline()
        return BookOutcome(OutcomeKind.QUEUED_AGAIN, row, message=message)

    async def _outcome_of(self, event: events.OutboxEvent) -> BookOutcome:
        entry = event.entry
        if isinstance(event, events.BookedWithoutCalendarEvent):
            self._draft_id = None
            return BookOutcome(OutcomeKind.BOOKED_WITHOUT_EVENT, entry)
        if isinstance(event, events.SentEvent):
            self._draft_id = None
            return BookOutcome(OutcomeKind.BOOKED, entry)
        if isinstance(event, events.NeedsNewTimeEvent):
            return BookOutcome(
                OutcomeKind.TIME_GONE,
                entry,
                domain_text(entry.last_error or ""),
                alternatives=await self._fresh_times(entry),
            )
        if isinstance(event, events.RejectedEvent):
            return BookOutcome(OutcomeKind.REJECTED, entry, domain_text(entry.last_error or ""))
        self._draft_id = None  # an unknown outcome is the outbox panel's business now
        return BookOutcome(OutcomeKind.UNKNOWN, entry, domain_text(entry.last_error or ""))

    async def _fresh_times(self, entry: OutboxEntry) -> list[Slot]:
        """Reload the month (fresh from HubSpot) and offer the open times nearest to the one that was taken."""
        controller = self._controller
        month = controller.state.month
        controller.state.pages.pop(month, None)
        await controller.show_month(*month)
        slots = [
            Slot(start_millis_utc=s.start_ms, end_millis_utc=s.end_ms)
            for day in controller.all_slots().values()
            for s in day
            if s.start_ms > int(time.time() * 1000)
        ]
        return nearest_slots(slots, entry.start_ms, 3)

    def _on_event(self, event: events.OutboxEvent) -> None:
        waiter = self._waiters.get(event.entry.id)
        if waiter is not None and not waiter.done():
            waiter.set_result(event)

    def _set_sending(self, sending: bool) -> None:
        self.sending = sending
        self.sending_changed.emit(sending)
