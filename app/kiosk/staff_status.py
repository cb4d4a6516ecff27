"""What the kiosk's staff corner counts: requests still to send, and requests a person has to look at."""

from __future__ import annotations

from dataclasses import dataclass

from app.store.outbox import Outbox, State

#: Outbox states nobody at the kiosk can resolve: a new time to agree, a refusal to fix, an outcome to check.
NEEDS_STAFF = (State.NEEDS_NEW_TIME, State.REJECTED, State.UNKNOWN)


@dataclass(frozen=True, slots=True)
class StaffCounts:
    queued: int  # waiting to be sent (or on the wire)
    needs_staff: int  # needs a new time, was refused, or may or may not have been booked

    @classmethod
    def of(cls, outbox: Outbox) -> StaffCounts:
        counts = outbox.counts()
        return cls(
            queued=counts[State.QUEUED] + counts[State.SENDING],
            needs_staff=sum(counts[state] for state in NEEDS_STAFF),
        )
