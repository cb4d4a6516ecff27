"""What came of pressing Book, as the book column shows it. Kept light: the window imports it before first paint
(the flow that produces it pulls in the outbox store and sqlite, imported after first paint).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.booking.messages import Problem
    from app.hubspot.models import Slot
    from app.store.outbox import OutboxEntry


class OutcomeKind(enum.Enum):
    INVALID = "invalid"  # not sent: the draft has problems (shown next to the fields)
    BOOKED = "booked"
    BOOKED_WITHOUT_EVENT = "booked_without_event"
    SAVED_OFFLINE = "saved_offline"  # in the outbox; sent when HubSpot can be reached
    QUEUED_AGAIN = "queued_again"  # tried, not processed (unreachable, rate limit, missing scopes): still queued
    TIME_GONE = "time_gone"
    REJECTED = "rejected"
    UNKNOWN = "unknown"  # may have been booked


@dataclass(frozen=True)
class BookOutcome:
    kind: OutcomeKind
    entry: OutboxEntry | None = None
    message: str = ""
    problems: dict[str, Problem] = field(default_factory=dict)
    alternatives: list[Slot] = field(default_factory=list)  # fresh open times near the wanted one
