"""What the sender tells the window (which turns each into a notification)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the window imports these event types before first paint; sqlite can wait
    from app.store.outbox import OutboxEntry

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class OutboxEvent:
    entry: OutboxEntry


class SentEvent(OutboxEvent):
    """HubSpot booked it."""


class BookedWithoutCalendarEvent(SentEvent):
    """HTTP 200 but no meeting or calendar event (the member's calendar is disconnected): show as a warning."""


class NeedsNewTimeEvent(OutboxEvent):
    """The time passed or is no longer offered; every answer is kept."""


class RejectedEvent(OutboxEvent):
    """HubSpot refused; `entry.last_error` (and `last_error_field`) say what to fix."""


class UnknownEvent(OutboxEvent):
    """It may have been booked; `entry.verdict` says what reconciliation found (if it ran)."""


Listener = Callable[[OutboxEvent], None]


class EventHub:
    """A plain list of listeners; a failing listener is logged and never stops the sender."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Add `listener`; returns a function that removes it."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def emit(self, event: OutboxEvent) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception:
                log.exception("An outbox event listener failed")
