"""Booking on a visitor's behalf: written to the outbox first, sent once, and an outcome a visitor can be told."""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

import msgspec

from app.booking.draft import BookingDraft
from app.booking.wire import to_book_request
from app.hubspot.models import BookingInfo, BookResponse
from app.outbox.lock import SenderLock
from app.outbox.sender import BookingClient
from app.outbox.single_draft import send_draft
from app.store.database import Database
from app.store.outbox import Outbox, State, Verdict

log = logging.getLogger(__name__)

KIOSK_ACCOUNT = "kiosk"
#: A visitor waits at most this long for another process sending this profile's outbox.
LOCK_WAIT_S = 2.0


class Outcome(enum.Enum):
    BOOKED = "booked"
    BOOKED_NO_EVENT = "booked_no_event"  # HubSpot took it but made no calendar event: staff will follow up
    QUEUED = "queued"  # a request, sent when HubSpot can be reached (offline policy "queue")
    REFUSED_OFFLINE = "refused_offline"  # offline policy "refuse": nothing kept, ask at the desk
    TIME_TAKEN = "time_taken"  # pick another time
    REJECTED = "rejected"  # HubSpot refused an answer (e.g. the email); `field` names it
    UNKNOWN = "unknown"  # may have been booked: staff must check


@dataclass(frozen=True)
class SubmitResult:
    outcome: Outcome
    message: str = ""  # HubSpot's reason (REJECTED)
    field: str | None = None  # the draft key of the refused answer (REJECTED)
    response: BookResponse | None = None


def _field_key(wire_field: str | None) -> str | None:
    """HubSpot's field name in an error → the draft's problem key."""
    if not wire_field:
        return None
    return {"email": "email", "firstName": "first_name", "lastName": "last_name"}.get(wire_field, f"field:{wire_field}")


async def submit_booking(
    db: Database,
    client: BookingClient,
    draft: BookingDraft,
    info: BookingInfo,
    *,
    policy: str,
    link_name: str = "",
    lock: SenderLock | None = None,
    confirmation_id: str | None = None,
) -> SubmitResult:
    """Enqueue (durable), send this one draft, and map where it ended to what the visitor is told.

    `confirmation_id` is minted once per confirm screen: a second submission of it (a double tap) finds the row
    written by the first and reports where that one ended, without enqueueing or sending anything again.
    """
    outbox = Outbox(db)
    entry = outbox.enqueue(
        request=to_book_request(draft, info),
        payload=msgspec.to_builtins(draft),
        start_ms=draft.start_ms,
        link_name=link_name,
        account=KIOSK_ACCOUNT,
        draft_id=confirmation_id,
    )
    # Under the profile's sender lock, like every send: a CLI `outbox send` on this profile can't race it.
    sent = await send_draft(db, client, entry.id, lock, lock_wait_s=LOCK_WAIT_S, max_rate_limit_wait_s=0.0)
    final = outbox.get(entry.id)
    if final.state is State.SENT:
        no_event = final.verdict is Verdict.NO_CALENDAR_EVENT or (
            final.response is not None and not final.response.has_calendar_event
        )
        return SubmitResult(Outcome.BOOKED_NO_EVENT if no_event else Outcome.BOOKED, response=final.response)
    if final.state is State.QUEUED:
        provably_unsent = final.verdict is Verdict.OFFLINE or (sent.offline and not final.maybe_delivered)
        if policy == "refuse" and provably_unsent:
            outbox.discard(entry.id)  # refused means refused: nothing may be booked later behind the desk's back
            return SubmitResult(Outcome.REFUSED_OFFLINE)
        return SubmitResult(Outcome.QUEUED)
    if final.state is State.NEEDS_NEW_TIME:
        outbox.discard(entry.id)  # the visitor picks another time now; this draft must never be sent
        return SubmitResult(Outcome.TIME_TAKEN)
    if final.state is State.REJECTED:
        outbox.discard(entry.id)
        return SubmitResult(Outcome.REJECTED, final.last_error or "", _field_key(final.last_error_field))
    return SubmitResult(Outcome.UNKNOWN, final.last_error or "")


def queued_count(outbox: Outbox) -> int:
    """Requests waiting to be sent (for the staff indicator)."""
    counts = outbox.counts()
    return int(counts.get(State.QUEUED, 0) + counts.get(State.SENDING, 0))
