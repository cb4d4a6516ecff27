"""Open times the way HubSpot computes them: weekly hours in the organiser's zone minus everything busy."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from app.hubspot.models import (
    AvailabilityForDuration,
    LinkAvailability,
    Slot,
    TimeRange,
    UserBusyTimes,
)
from app.sandbox.links import BusyBlock, SandboxLink, SandboxUser


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def working_ranges(link: SandboxLink, day: date) -> list[BusyBlock]:
    """The link's hours on one local day, as UTC instants (DST-correct: 09:00 stays 09:00 local)."""
    hours = link.weekly_hours.get(day.weekday())
    if hours is None:
        return []
    tz = ZoneInfo(link.timezone)
    # Aware datetime + timedelta is wall-clock arithmetic, so the offset is looked up for the local time.
    midnight = datetime(day.year, day.month, day.day, tzinfo=tz)
    start = (midnight + timedelta(minutes=hours[0])).astimezone(UTC)
    end = (midnight + timedelta(minutes=hours[1])).astimezone(UTC)
    return [(start, end)]


def _is_free(blocks: list[BusyBlock], start: datetime, end: datetime, buffer: timedelta) -> bool:
    return all(not (start < b_end + buffer and end + buffer > b_start) for b_start, b_end in blocks)


def free_members(
    link: SandboxLink,
    users: Mapping[str, SandboxUser],
    busy: Mapping[str, list[BusyBlock]],
    start: datetime,
    end: datetime,
) -> list[str]:
    """User ids of members free for [start, end); an offline member looks free at every hour."""
    free: list[str] = []
    for user_id in link.member_ids:
        user = users.get(user_id)
        if user is None:
            continue
        if user.is_offline or _is_free(busy.get(user_id, []), start, end, link.buffer):
            free.append(user_id)
    return free


def _bookable(link: SandboxLink, free: list[str]) -> bool:
    if link.type == "GROUP_CALENDAR":
        return len(free) == len(link.member_ids)
    if link.type == "ROUND_ROBIN_CALENDAR":
        return bool(free)
    return link.organizer_user_id in free


def open_times(
    link: SandboxLink,
    users: Mapping[str, SandboxUser],
    busy: Mapping[str, list[BusyBlock]],
    now: datetime,
) -> dict[int, list[datetime]]:
    """Every open start (UTC) per duration in ms, from now + minimum notice to the end of the booking window."""
    earliest = now + link.min_notice
    custom_start = link.settings.custom_availability_start_date
    if custom_start is not None:
        earliest = max(earliest, datetime.fromtimestamp(custom_start / 1000, tz=UTC))
    latest = link.window_end(now)
    tz = ZoneInfo(link.timezone)
    first_day = earliest.astimezone(tz).date()
    last_day = latest.astimezone(tz).date()
    days = [first_day + timedelta(days=i) for i in range((last_day - first_day).days + 1)]
    result: dict[int, list[datetime]] = {}
    for duration_ms in link.settings.durations:
        length = timedelta(milliseconds=duration_ms)
        step = link.step_for(duration_ms)
        starts: list[datetime] = []
        for day in days:
            for range_start, range_end in working_ranges(link, day):
                start = range_start
                while start + length <= range_end:
                    end = start + length
                    if (
                        start >= earliest
                        and end <= latest
                        and _bookable(link, free_members(link, users, busy, start, end))
                    ):
                        starts.append(start)
                    start += step
        result[duration_ms] = starts
    return result


@dataclass(frozen=True)
class MonthWindow:
    start: datetime
    end: datetime


def month_window(now: datetime, timezone: str, month_offset: int) -> MonthWindow:
    """The calendar month `month_offset` months from the current one, both taken in the *request* zone."""
    tz = ZoneInfo(timezone)
    local = now.astimezone(tz)
    index = local.year * 12 + (local.month - 1) + month_offset
    year, month = divmod(index, 12)
    next_year, next_month = divmod(index + 1, 12)
    start = datetime(year, month + 1, 1, tzinfo=tz).astimezone(UTC)
    end = datetime(next_year, next_month + 1, 1, tzinfo=tz).astimezone(UTC)
    return MonthWindow(start, end)


def link_availability(
    link: SandboxLink,
    open_starts: Mapping[int, list[datetime]],
    window: MonthWindow,
) -> LinkAvailability:
    """The month's slots keyed by str(duration ms); `hasMore` when a later month still has open times."""
    by_duration: dict[str, AvailabilityForDuration] = {}
    has_more = False
    for duration_ms in link.settings.durations:
        starts = open_starts.get(duration_ms, [])
        length = timedelta(milliseconds=duration_ms)
        slots = [
            Slot(start_millis_utc=_ms(s), end_millis_utc=_ms(s + length))
            for s in starts
            if window.start <= s < window.end
        ]
        has_more = has_more or any(s >= window.end for s in starts)
        by_duration[str(duration_ms)] = AvailabilityForDuration(
            meeting_duration_millis=duration_ms, availabilities=slots
        )
    return LinkAvailability(has_more=has_more, link_availability_by_duration=by_duration)


def all_users_busy_times(
    link: SandboxLink,
    users: Mapping[str, SandboxUser],
    busy: Mapping[str, list[BusyBlock]],
    now: datetime,
) -> list[UserBusyTimes]:
    """Every member's busy blocks that have not ended; offline members report none."""
    out: list[UserBusyTimes] = []
    for user_id in link.member_ids:
        user = users.get(user_id)
        if user is None:
            continue
        blocks = [] if user.is_offline else sorted(b for b in busy.get(user_id, []) if b[1] > now)
        out.append(
            UserBusyTimes(
                meetings_user=user.meetings_user,
                busy_times=[TimeRange(start=_ms(s), end=_ms(e)) for s, e in blocks],
                is_offline=user.is_offline,
            )
        )
    return out
