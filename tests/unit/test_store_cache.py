"""Offline caches round-trip HubSpot's JSON with the fetch time (the UI shows the age)."""

from __future__ import annotations

import msgspec

from app.hubspot.models import AvailabilityPage, MeetingLink
from app.store.cache import Cache
from app.store.database import Database
from tests.unit.test_outbox_fakes import (  # noqa: F401 (fixtures by name)
    FakeClock,
    clock_fixture,
    db_fixture,
    make_page,
    slot_ms,
)


def _link(slug: str) -> MeetingLink:
    return MeetingLink(
        id="1",
        slug=slug,
        link=f"https://meetings.hubspot.com/{slug}",
        name="Intro",
        type="PERSONAL_LINK",
        organizer_user_id="9",
        user_ids_of_link_members=["9"],
        default_link=True,
        created_at="2026-01-01T00:00:00Z",
    )


def test_links_round_trip_with_their_age(db: Database, clock: FakeClock) -> None:
    cache = Cache(db, clock=clock)
    assert cache.links() is None
    cache.put_links([_link("ada"), _link("team/intro")], account="portal-1")
    clock.now += 90
    cached = cache.links(account="portal-1")
    assert cached is not None
    links, _fetched_ms = cached
    assert [link.slug for link in links] == ["ada", "team/intro"]
    assert cached.age_s(clock()) == 90
    assert cache.links(account="portal-2") is None


def test_availability_is_kept_per_link_month_and_zone(db: Database, clock: FakeClock) -> None:
    cache = Cache(db, clock=clock)
    page = make_page({slot_ms(48)})
    cache.put_availability("ada", "Europe/Berlin", "2026-11", page)
    cache.put_availability("ada", "Europe/Berlin", "2026-12", msgspec.json.encode(make_page(set())))
    got = cache.availability("ada", "Europe/Berlin", "2026-11")
    assert got is not None
    assert got.value == page
    assert isinstance(got.value, AvailabilityPage)
    other = cache.availability("ada", "Europe/Berlin", "2026-12")
    assert other is not None
    assert other.value != page
    assert cache.availability("ada", "America/New_York", "2026-11") is None


def test_a_newer_fetch_replaces_the_old_one(db: Database, clock: FakeClock) -> None:
    cache = Cache(db, clock=clock)
    cache.put_availability("ada", "UTC", "2026-11", make_page(set()))
    clock.now += 600
    cache.put_availability("ada", "UTC", "2026-11", make_page({slot_ms(48)}))
    got = cache.availability("ada", "UTC", "2026-11")
    assert got is not None
    assert got.age_s(clock()) == 0
    assert got.value.link_availability is not None
    assert len(got.value.link_availability.slots_for(1_800_000)) == 1


def test_an_unreadable_entry_is_a_miss_not_an_error(db: Database, clock: FakeClock) -> None:
    cache = Cache(db, clock=clock)
    cache.put_booking_info("ada", "UTC", b'{"linkId": 5}')
    assert cache.booking_info("ada", "UTC") is None
    assert db.connection.execute("SELECT COUNT(*) FROM cache").fetchone()[0] == 0
