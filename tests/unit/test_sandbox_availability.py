"""Open times: weekly hours in the organiser's zone across DST, busy blocks + buffers, notice, month views."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import msgspec
import pytest

from app.hubspot.models import AvailabilityPage
from app.sandbox.availability import month_window, open_times
from app.sandbox.state import SandboxState
from tests.unit.sandbox_support import API, THURSDAY, client_for, open_starts, pinned

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
HALF_HOUR = 1_800_000


def _local(ms: int, zone: ZoneInfo) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC).astimezone(zone)


def _first_start_on(starts: list[int], day: date, zone: ZoneInfo) -> datetime:
    return min(_local(ms, zone) for ms in starts if _local(ms, zone).date() == day)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("now", "before", "after", "utc_hours"),
    [
        # Last Sunday of March 2026 is the 29th: 09:00 Berlin is 08:00Z before, 07:00Z after.
        (datetime(2026, 3, 20, 12, tzinfo=UTC), date(2026, 3, 27), date(2026, 3, 30), (8, 7)),
        # Last Sunday of October 2026 is the 25th: 09:00 Berlin is 07:00Z before, 08:00Z after.
        (datetime(2026, 10, 20, 12, tzinfo=UTC), date(2026, 10, 23), date(2026, 10, 27), (7, 8)),
    ],
)
async def test_berlin_slots_stay_at_nine_local_across_dst(
    now: datetime, before: date, after: date, utc_hours: tuple[int, int]
) -> None:
    async with client_for(pinned(now)) as client:
        starts = await open_starts(client, "alex-morgan", HALF_HOUR)
    first_before = _first_start_on(starts, before, BERLIN)
    first_after = _first_start_on(starts, after, BERLIN)
    assert first_before.time() == time(9, 0) == first_after.time()
    assert (first_before.astimezone(UTC).hour, first_after.astimezone(UTC).hour) == utc_hours
    for ms in starts:
        local = _local(ms, BERLIN)
        assert local.weekday() < 5
        assert time(9, 0) <= local.time() <= time(16, 30)
        assert local.minute % 15 == 0  # increment FIFTEEN


@pytest.mark.asyncio
async def test_new_york_team_link_across_us_dst_end() -> None:
    # US summer time ends on Sunday 1 November 2026: 09:00 New York is 13:00Z before and 14:00Z after.
    state = pinned(datetime(2026, 10, 28, 12, tzinfo=UTC))
    async with client_for(state) as client:
        october = await open_starts(client, "sales-team/intro-call", HALF_HOUR, timezone="America/New_York")
        november = await open_starts(
            client, "sales-team/intro-call", HALF_HOUR, timezone="America/New_York", monthOffset=1
        )
    assert _first_start_on(october, date(2026, 10, 30), NEW_YORK).astimezone(UTC).hour == 13
    assert _first_start_on(november, date(2026, 11, 2), NEW_YORK).astimezone(UTC).hour == 14
    assert all(_local(ms, NEW_YORK).minute in (0, 30) for ms in october + november)  # increment THIRTY


def test_busy_blocks_with_buffer_and_minimum_notice_are_not_offered() -> None:
    state = pinned()
    link = state.links["alex-morgan"]
    starts = open_times(link, state.users, state.busy_by_user(), THURSDAY)[HALF_HOUR]
    local = [s.astimezone(BERLIN) for s in starts]
    # Minimum notice of 2 h from 09:00 Berlin: nothing before 11:00 today.
    assert min(local) == datetime(2026, 3, 26, 11, 0, tzinfo=BERLIN)
    # Friday 27 March is busy 10:00-11:00 with a 15-minute buffer on each side.
    friday = {s.time() for s in local if s.date() == date(2026, 3, 27)}
    assert time(9, 15) in friday
    assert not friday & {time(9, 30), time(9, 45), time(10, 0), time(10, 30), time(11, 0)}
    assert time(11, 15) in friday
    # Booking window: eight weeks from now.
    assert max(starts) <= datetime(2026, 5, 21, 8, 0, tzinfo=UTC)


def test_one_hour_meetings_never_run_past_closing_time() -> None:
    state = pinned()
    starts = open_times(state.links["alex-morgan"], state.users, state.busy_by_user(), THURSDAY)[3_600_000]
    assert starts
    assert all(s.astimezone(BERLIN).time() <= time(16, 0) for s in starts)


@pytest.mark.asyncio
async def test_month_offset_month_is_taken_in_the_request_timezone() -> None:
    # 23:30Z on 31 March is already 1 April in Berlin but still 31 March in New York.
    state = pinned(datetime(2026, 3, 31, 23, 30, tzinfo=UTC))
    async with client_for(state) as client:
        berlin_now = await open_starts(client, "alex-morgan", HALF_HOUR, timezone="Europe/Berlin")
        new_york_now = await client.get(
            f"{API}/book/availability-page/alex-morgan", params={"timezone": "America/New_York"}
        )
        new_york_next = await open_starts(client, "alex-morgan", HALF_HOUR, timezone="America/New_York", monthOffset=1)
    assert berlin_now
    assert all(_local(ms, BERLIN).month == 4 for ms in berlin_now)
    page = msgspec.json.decode(new_york_now.content, type=AvailabilityPage)
    assert page.link_availability is not None
    assert page.link_availability.slots_for(HALF_HOUR) == []
    assert page.link_availability.has_more is True
    assert new_york_next == berlin_now


@pytest.mark.asyncio
async def test_has_more_is_false_for_the_last_month_with_open_times() -> None:
    async with client_for(pinned()) as client:
        may = await client.get(
            f"{API}/book/availability-page/alex-morgan", params={"timezone": "Europe/Berlin", "monthOffset": 2}
        )
        june = await client.get(
            f"{API}/book/availability-page/alex-morgan", params={"timezone": "Europe/Berlin", "monthOffset": 3}
        )
    may_page = may.json()["linkAvailability"]
    assert may_page["hasMore"] is False
    assert may_page["linkAvailabilityByDuration"]["1800000"]["availabilities"]
    assert june.json()["linkAvailability"]["linkAvailabilityByDuration"]["1800000"]["availabilities"] == []


def test_month_window_handles_year_boundaries() -> None:
    window = month_window(datetime(2026, 12, 15, tzinfo=UTC), "Europe/Berlin", 1)
    assert window.start == datetime(2027, 1, 1, tzinfo=BERLIN).astimezone(UTC)
    assert window.end == datetime(2027, 2, 1, tzinfo=BERLIN).astimezone(UTC)
    back = month_window(datetime(2026, 1, 15, tzinfo=UTC), "Europe/Berlin", -1)
    assert back.start == datetime(2025, 12, 1, tzinfo=BERLIN).astimezone(UTC)


def test_group_link_needs_every_member_and_round_robin_any() -> None:
    state = SandboxState(now=lambda: THURSDAY)
    busy = state.busy_by_user()
    group = state.links["product-demo"]
    group_starts = open_times(group, state.users, busy, THURSDAY)[2_700_000]
    # Sam (a group member) is busy 12:00-13:00 Chicago on his second working day, Tuesday 31 March.
    sam_start, sam_end = state.users["7010005"].busy[0]
    length = timedelta(minutes=45)
    assert not any(s < sam_end and s + length > sam_start for s in group_starts)
    assert any(s.date() == sam_start.date() for s in group_starts)
    team = state.links["sales-team/intro-call"]
    team_starts = open_times(team, state.users, busy, THURSDAY)[HALF_HOUR]
    # Both connected members are busy at 10:00 New York on Friday, yet the offline member keeps it open.
    assert datetime(2026, 3, 27, 10, 0, tzinfo=NEW_YORK).astimezone(UTC) in team_starts
