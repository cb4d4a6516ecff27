"""Open times by local day across DST changes and month boundaries; monthOffset in the chosen zone."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from app.booking.slots import (
    LocalSlot,
    first_month_with_slots,
    format_time,
    month_for_offset,
    nearest_slots,
    next_month_with_slots,
    offset_for_month,
    open_days_in_month,
    slots_by_day,
)
from app.hubspot.models import Slot

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
HALF_HOUR = 30 * 60_000


def slot_at(year: int, month: int, day: int, hour: int, minute: int = 0) -> Slot:
    start = int(datetime(year, month, day, hour, minute, tzinfo=UTC).timestamp() * 1000)
    return Slot(start_millis_utc=start, end_millis_utc=start + HALF_HOUR)


def local_hours(by_day: dict[date, list[LocalSlot]], day: date) -> list[str]:
    return [f"{s.start:%H:%M}" for s in by_day[day]]


def test_berlin_spring_forward_day_keeps_local_hours_right() -> None:
    # 2026-03-29: 02:00 CET jumps to 03:00 CEST. 00:30Z is 01:30 CET; 01:30Z is 03:30 CEST.
    slots = [slot_at(2026, 3, 29, 0, 30), slot_at(2026, 3, 29, 1, 30), slot_at(2026, 3, 28, 23, 30)]
    by_day = slots_by_day(slots, BERLIN)
    assert list(by_day) == [date(2026, 3, 29)]
    assert local_hours(by_day, date(2026, 3, 29)) == ["00:30", "01:30", "03:30"]
    assert [s.start.utcoffset() for s in by_day[date(2026, 3, 29)]] == [
        datetime(2026, 3, 29, 0, tzinfo=BERLIN).utcoffset(),
        datetime(2026, 3, 29, 1, tzinfo=BERLIN).utcoffset(),
        datetime(2026, 3, 29, 4, tzinfo=BERLIN).utcoffset(),
    ]


def test_berlin_fall_back_day_shows_the_repeated_hour_twice() -> None:
    # 2026-10-25: 03:00 CEST falls back to 02:00 CET, so 02:30 happens twice (00:30Z and 01:30Z).
    slots = [slot_at(2026, 10, 25, 0, 30), slot_at(2026, 10, 25, 1, 30), slot_at(2026, 10, 24, 22, 30)]
    by_day = slots_by_day(slots, BERLIN)
    assert list(by_day) == [date(2026, 10, 25)]
    assert local_hours(by_day, date(2026, 10, 25)) == ["00:30", "02:30", "02:30"]
    assert [s.start.fold for s in by_day[date(2026, 10, 25)]] == [0, 0, 1]


def test_new_york_dst_days_land_on_the_right_local_day_and_hour() -> None:
    # 2026-03-08 spring forward at 02:00 EST; 2026-11-01 fall back at 02:00 EDT.
    spring = [slot_at(2026, 3, 8, 6, 30), slot_at(2026, 3, 8, 7, 30), slot_at(2026, 3, 9, 3, 30)]
    fall = [slot_at(2026, 11, 1, 5, 30), slot_at(2026, 11, 1, 6, 30), slot_at(2026, 11, 2, 4, 30)]
    by_day = slots_by_day(spring + fall, NEW_YORK)
    assert local_hours(by_day, date(2026, 3, 8)) == ["01:30", "03:30", "23:30"]
    assert local_hours(by_day, date(2026, 11, 1)) == ["01:30", "01:30", "23:30"]
    assert date(2026, 3, 9) not in by_day
    assert date(2026, 11, 2) not in by_day


def test_days_and_times_are_sorted_and_duplicates_dropped() -> None:
    later, earlier = slot_at(2026, 9, 9, 9), slot_at(2026, 9, 8, 9)
    by_day = slots_by_day([later, earlier, later], UTC_ZONE := ZoneInfo("UTC"))
    assert list(by_day) == [date(2026, 9, 8), date(2026, 9, 9)]
    assert len(by_day[date(2026, 9, 9)]) == 1
    assert by_day[date(2026, 9, 8)][0].start.tzinfo == UTC_ZONE
    assert by_day[date(2026, 9, 8)][0].duration_ms == HALF_HOUR


def test_slot_late_on_the_last_utc_day_of_a_month_belongs_to_next_month_in_berlin() -> None:
    late = slot_at(2026, 9, 30, 23, 30)  # 01:30 on 1 October in Berlin
    by_day = slots_by_day([late], BERLIN)
    assert list(by_day) == [date(2026, 10, 1)]
    assert open_days_in_month(by_day, 2026, 10) == [date(2026, 10, 1)]
    assert open_days_in_month(by_day, 2026, 9) == []
    assert first_month_with_slots([late], BERLIN) == (2026, 10)
    assert first_month_with_slots([late], NEW_YORK) == (2026, 9)


def test_month_for_offset_counts_across_years() -> None:
    assert month_for_offset(date(2026, 11, 15), 0) == (2026, 11)
    assert month_for_offset(date(2026, 11, 15), 2) == (2027, 1)
    assert month_for_offset(date(2026, 1, 31), -1) == (2025, 12)
    assert month_for_offset(date(2026, 12, 1), 13) == (2028, 1)


def test_offset_for_month_uses_the_requested_zone_not_the_machines() -> None:
    # 23:30Z on 30 September is already October in Berlin but still September in New York.
    now = datetime(2026, 9, 30, 23, 30, tzinfo=UTC)
    assert offset_for_month(now, BERLIN, 2026, 10) == 0
    assert offset_for_month(now, NEW_YORK, 2026, 10) == 1
    assert offset_for_month(now, BERLIN, 2027, 1) == 3
    assert offset_for_month(now, NEW_YORK, 2026, 9) == 0


def test_offset_and_month_are_inverse() -> None:
    now = datetime(2026, 12, 31, 23, 59, tzinfo=UTC)
    today = now.astimezone(BERLIN).date()
    for offset in range(-2, 15):
        year, month = month_for_offset(today, offset)
        assert offset_for_month(now, BERLIN, year, month) == offset


def test_offset_for_month_rejects_a_naive_now() -> None:
    with pytest.raises(ValueError):
        offset_for_month(datetime(2026, 9, 1), BERLIN, 2026, 9)


def test_next_month_with_open_times_skips_empty_months() -> None:
    slots = [slot_at(2026, 9, 10, 9), slot_at(2026, 12, 1, 9), slot_at(2026, 9, 30, 23, 30)]
    assert next_month_with_slots(slots, BERLIN, (2026, 9)) == (2026, 10)
    assert next_month_with_slots(slots, NEW_YORK, (2026, 9)) == (2026, 12)
    assert next_month_with_slots(slots, BERLIN, (2026, 12)) is None
    assert first_month_with_slots([], BERLIN) is None


def test_nearest_slots_offers_the_closest_other_times_in_time_order() -> None:
    times = [slot_at(2026, 9, 8, h) for h in (8, 9, 10, 11, 14, 16)]
    wanted = slot_at(2026, 9, 8, 10).start_millis_utc
    nearest = nearest_slots(times, wanted, n=3)
    assert [datetime.fromtimestamp(s.start_millis_utc / 1000, UTC).hour for s in nearest] == [8, 9, 11]
    assert nearest_slots([], wanted) == []


def test_nearest_slots_prefers_the_earlier_on_a_tie() -> None:
    times = [slot_at(2026, 9, 8, 9), slot_at(2026, 9, 8, 11)]
    wanted = slot_at(2026, 9, 8, 10).start_millis_utc
    assert nearest_slots(times, wanted, n=1) == [times[0]]


def test_format_time_in_12_and_24_hours() -> None:
    evening = datetime(2026, 9, 8, 18, 5, tzinfo=BERLIN)
    assert format_time(evening, use_24h=True) == "18:05"
    assert format_time(evening, use_24h=False) == "6:05 PM"
    assert format_time(evening.replace(hour=0), use_24h=False) == "12:05 AM"
    assert format_time(evening.replace(hour=12), use_24h=False) == "12:05 PM"
    assert format_time(evening.replace(hour=7), use_24h=True) == "07:05"
