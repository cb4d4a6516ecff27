"""Open times by local day in a chosen IANA zone, and the month arithmetic behind `monthOffset`.

Slot instants from HubSpot are absolute (epoch ms); only the grouping into days and months depends on the
zone, so every conversion goes through zoneinfo and stays right across DST changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from app.booking.timefmt import format_time, from_ms
from app.hubspot.models import Slot

__all__ = [
    "LocalSlot",
    "first_month_with_slots",
    "format_time",
    "local_slot",
    "month_for_offset",
    "months_with_slots",
    "nearest_slots",
    "next_month_with_slots",
    "offset_for_month",
    "open_days_in_month",
    "slots_by_day",
    "today_in",
]

YearMonth = tuple[int, int]


@dataclass(frozen=True)
class LocalSlot:
    """One open time seen from a zone: aware start/end in that zone plus the original instants."""

    start: datetime
    end: datetime
    start_ms: int
    end_ms: int

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms


def local_slot(slot: Slot, tz: ZoneInfo) -> LocalSlot:
    """`slot` as seen in `tz`."""
    return LocalSlot(
        start=from_ms(slot.start_millis_utc, tz),
        end=from_ms(slot.end_millis_utc, tz),
        start_ms=slot.start_millis_utc,
        end_ms=slot.end_millis_utc,
    )


def slots_by_day(slots: Iterable[Slot], tz: ZoneInfo) -> dict[date, list[LocalSlot]]:
    """Open times grouped by the local date of their start in `tz`; days and times ascending, duplicates dropped."""
    unique = sorted({(s.start_millis_utc, s.end_millis_utc) for s in slots})
    days: dict[date, list[LocalSlot]] = {}
    for start_ms, end_ms in unique:
        local = local_slot(Slot(start_millis_utc=start_ms, end_millis_utc=end_ms), tz)
        days.setdefault(local.start.date(), []).append(local)
    return days


def open_days_in_month(by_day: dict[date, list[LocalSlot]], year: int, month: int) -> list[date]:
    """The days of one month that have at least one open time, ascending."""
    return sorted(d for d, times in by_day.items() if times and d.year == year and d.month == month)


def today_in(now: datetime, tz: ZoneInfo) -> date:
    """Today's date in `tz` (not the machine's zone)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now.astimezone(tz).date()


def month_for_offset(today_in_tz: date, offset: int) -> YearMonth:
    """The (year, month) that `monthOffset=offset` means when today in the requested zone is `today_in_tz`."""
    index = today_in_tz.year * 12 + (today_in_tz.month - 1) + offset
    return index // 12, index % 12 + 1


def offset_for_month(now: datetime, tz: ZoneInfo, year: int, month: int) -> int:
    """The `monthOffset` that fetches (year, month), counted from the current month in `tz`."""
    today = today_in(now, tz)
    return (year * 12 + month - 1) - (today.year * 12 + today.month - 1)


def months_with_slots(slots: Iterable[Slot], tz: ZoneInfo) -> list[YearMonth]:
    """Every (year, month) in `tz` holding at least one open time, ascending."""
    return sorted({(d.year, d.month) for d in (from_ms(s.start_millis_utc, tz).date() for s in slots)})


def first_month_with_slots(slots: Iterable[Slot], tz: ZoneInfo) -> YearMonth | None:
    """The month (in `tz`) of the earliest open time, or None when there are none."""
    months = months_with_slots(slots, tz)
    return months[0] if months else None


def next_month_with_slots(slots: Iterable[Slot], tz: ZoneInfo, after: YearMonth) -> YearMonth | None:
    """The first month strictly after `after` (in `tz`) that has open times, or None."""
    return next((m for m in months_with_slots(slots, tz) if m > after), None)


def nearest_slots(slots: Sequence[Slot], wanted_ms: int, n: int = 3) -> list[Slot]:
    """The `n` open times starting closest to `wanted_ms` (ties: the earlier one), returned in time order.

    Offered when the wanted time was taken meanwhile; the wanted time itself is excluded if still listed,
    because HubSpot just refused it.
    """
    unique = {s.start_millis_utc: s for s in slots if s.start_millis_utc != wanted_ms}
    by_distance = sorted(unique.values(), key=lambda s: (abs(s.start_millis_utc - wanted_ms), s.start_millis_utc))
    return sorted(by_distance[: max(n, 0)], key=lambda s: s.start_millis_utc)
