"""Kiosk booking without Qt: the offer (fresh, then cached offline) and each outcome a visitor can be told."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
import pytest_asyncio

from app.booking.draft import BookingDraft
from app.hubspot.client import SchedulerClient
from app.kiosk.offer import NothingToOffer, Offer, load_offer
from app.kiosk.submit import Outcome, queued_count, submit_booking
from app.store.cache import Cache
from app.store.database import Database
from app.store.outbox import Outbox, State
from tests.kiosk_support import SwitchableTransport, sandbox_client

SLUG = "alex-morgan"
ZONE = "Europe/Berlin"


@dataclass
class Rig:
    transport: SwitchableTransport
    client: SchedulerClient
    db: Database


@pytest_asyncio.fixture
async def rig() -> AsyncIterator[Rig]:
    transport = SwitchableTransport()
    client = sandbox_client(transport)
    db = Database.in_memory()
    yield Rig(transport, client, db)
    await client.aclose()
    db.close()


def visitor_draft(offer: Offer, email: str = "jane.doe@acme.test") -> BookingDraft:
    first_day = next(iter(offer.days))
    return BookingDraft(
        slug=SLUG,
        start_ms=offer.days[first_day][0].start_ms,
        duration_ms=offer.duration_ms,
        timezone=ZONE,
        first_name="Jane",
        last_name="Doe",
        email=email,
        answers={"company": "Acme"},
        processing_consent=True,
    )


@pytest.mark.asyncio
async def test_offer_lists_upcoming_days_with_only_required_questions(rig: Rig) -> None:
    offer = await load_offer(rig.client, Cache(rig.db), SLUG, ZONE)
    assert offer.online and offer.days and len(offer.days) <= 8
    assert list(offer.days) == sorted(offer.days)
    assert offer.duration_ms == offer.info.custom_params.durations[0]
    names = [f.name for f in offer.visitor_info.custom_params.form_fields]
    assert names == ["company"]  # the optional questions are left out of the kiosk's short flow
    assert offer.visitor_info.custom_params.guest_settings is None
    assert offer.has_consent


@pytest.mark.asyncio
async def test_offline_offer_comes_from_the_cache_or_not_at_all(rig: Rig) -> None:
    cache = Cache(rig.db)
    rig.transport.offline = True
    with pytest.raises(NothingToOffer):
        await load_offer(rig.client, cache, SLUG, ZONE)
    rig.transport.offline = False
    fresh = await load_offer(rig.client, cache, SLUG, ZONE)
    rig.transport.offline = True
    cached = await load_offer(rig.client, cache, SLUG, ZONE)
    assert not cached.online
    assert cached.days == fresh.days


@pytest.mark.asyncio
async def test_online_booking_is_booked_once_and_recorded(rig: Rig) -> None:
    offer = await load_offer(rig.client, Cache(rig.db), SLUG, ZONE)
    result = await submit_booking(rig.db, rig.client, visitor_draft(offer), offer.info, policy="refuse")
    assert result.outcome is Outcome.BOOKED
    assert result.response is not None
    assert [b.email for b in rig.transport.state.bookings] == ["jane.doe@acme.test"]
    assert rig.transport.book_calls == 1
    assert queued_count(Outbox(rig.db)) == 0


@pytest.mark.asyncio
async def test_offline_refuse_keeps_nothing_to_send_later(rig: Rig) -> None:
    offer = await load_offer(rig.client, Cache(rig.db), SLUG, ZONE)
    rig.transport.offline = True
    result = await submit_booking(rig.db, rig.client, visitor_draft(offer), offer.info, policy="refuse")
    assert result.outcome is Outcome.REFUSED_OFFLINE
    assert queued_count(Outbox(rig.db)) == 0
    assert [e.state for e in Outbox(rig.db).entries()] == [State.DISCARDED]


@pytest.mark.asyncio
async def test_offline_queue_keeps_a_request_that_is_sent_when_back_online(rig: Rig) -> None:
    offer = await load_offer(rig.client, Cache(rig.db), SLUG, ZONE)
    rig.transport.offline = True
    result = await submit_booking(rig.db, rig.client, visitor_draft(offer), offer.info, policy="queue")
    assert result.outcome is Outcome.QUEUED
    outbox = Outbox(rig.db)
    assert queued_count(outbox) == 1
    assert rig.transport.state.bookings == []

    from app.outbox.sender import OutboxSender

    rig.transport.offline = False
    outbox.make_due_now()
    await OutboxSender(outbox, rig.client).flush()
    assert queued_count(outbox) == 0
    assert [b.email for b in rig.transport.state.bookings] == ["jane.doe@acme.test"]


@pytest.mark.asyncio
async def test_a_time_taken_meanwhile_asks_for_another_and_a_refused_email_names_the_field(rig: Rig) -> None:
    offer = await load_offer(rig.client, Cache(rig.db), SLUG, ZONE)
    first = await submit_booking(rig.db, rig.client, visitor_draft(offer), offer.info, policy="queue")
    assert first.outcome is Outcome.BOOKED
    again = await submit_booking(
        rig.db, rig.client, visitor_draft(offer, "other@acme.test"), offer.info, policy="queue"
    )
    assert again.outcome is Outcome.TIME_TAKEN
    fresh = await load_offer(rig.client, Cache(rig.db), SLUG, ZONE)
    spam = await submit_booking(
        rig.db, rig.client, visitor_draft(fresh, "someone@example.com"), fresh.info, policy="queue"
    )
    assert spam.outcome is Outcome.REJECTED
    assert spam.field == "email"
    assert queued_count(Outbox(rig.db)) == 0
