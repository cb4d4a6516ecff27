"""Locale-free English date/time formatting for the CLI and plain-text summaries (the UI uses QLocale)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

# Own name tables: strftime's %A/%B follow the C locale, which Qt sets from the environment.
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def format_time(moment: datetime, use_24h: bool) -> str:
    """`14:05` or `2:05 PM`, in the zone `moment` carries."""
    if use_24h:
        return f"{moment.hour:02d}:{moment.minute:02d}"
    hour12 = moment.hour % 12 or 12
    suffix = "AM" if moment.hour < 12 else "PM"
    return f"{hour12}:{moment.minute:02d} {suffix}"


def format_time_range(start: datetime, end: datetime, use_24h: bool) -> str:
    """`14:00–14:30`; the end is shown in the start's zone."""
    return f"{format_time(start, use_24h)}–{format_time(end.astimezone(start.tzinfo), use_24h)}"


def format_date_long(day: date) -> str:
    """`Tuesday, 8 September 2026`."""
    return f"{_WEEKDAYS[day.weekday()]}, {day.day} {_MONTHS[day.month - 1]} {day.year}"


def from_ms(ms: int, tz: ZoneInfo) -> datetime:
    """An epoch-millisecond instant as an aware datetime in `tz`."""
    return datetime.fromtimestamp(ms / 1000, UTC).astimezone(tz)


def to_ms(moment: datetime) -> int:
    """Epoch milliseconds of an aware datetime."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: the instant is ambiguous")
    delta = moment - datetime(1970, 1, 1, tzinfo=UTC)
    return delta.days * 86_400_000 + delta.seconds * 1000 + delta.microseconds // 1000
