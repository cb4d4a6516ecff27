"""Dates, times, zones and links as the user reads (and a screen reader announces) them, formatted by QLocale."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone

from app.booking.timefmt import from_ms
from app.hubspot.models import LinkType
from app.ui.runtime.i18n import translator

_tr = translator("Formatting")


def locale_uses_24h(locale: QLocale | None = None) -> bool:
    """Whether the locale's own short time format is a 24-hour clock (no AM/PM marker)."""
    fmt = (locale or QLocale()).timeFormat(QLocale.FormatType.ShortFormat)
    return "a" not in fmt.lower()


def clock_uses_24h(choice: bool | None) -> bool:
    """The user's 12/24-hour choice, else the locale's (None: never chosen)."""
    return choice if choice is not None else locale_uses_24h()


def format_time(moment: datetime, use_24h: bool, locale: QLocale | None = None) -> str:
    """`14:05` or `2:05 PM` (AM/PM text from the locale), in the zone `moment` carries."""
    loc = locale or QLocale()
    qtime = QTime(moment.hour, moment.minute)
    return loc.toString(qtime, "HH:mm" if use_24h else "h:mm AP")


def format_day_long(day: date, locale: QLocale | None = None) -> str:
    """`Tuesday 1 December 2026` in the locale's long date format."""
    return (locale or QLocale()).toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def format_month(year: int, month: int, locale: QLocale | None = None) -> str:
    """`December 2026`."""
    return (locale or QLocale()).toString(QDate(year, month, 1), "MMMM yyyy")


def spoken_datetime(moment: datetime, use_24h: bool, locale: QLocale | None = None) -> str:
    """A full date and time for accessible names: `Tuesday 1 December 2026, 09:30`."""
    return f"{format_day_long(moment.date(), locale)}, {format_time(moment, use_24h, locale)}"


def short_date_format(locale: QLocale) -> str:
    """The locale's short date pattern; ISO `yyyy-MM-dd` for the C locale, whose `d MM yyyy` reads as numbers."""
    if locale.language() == QLocale.Language.C:
        return "yyyy-MM-dd"
    return locale.dateFormat(QLocale.FormatType.ShortFormat)


def format_moment(
    ms: int, zone: ZoneInfo | None, use_24h: bool | None = None, locale: QLocale | None = None, *, long: bool = False
) -> str:
    """A meeting's start in a table: `Tue 11/24/26, 1:30 PM`, `Di. 24.11.26, 13:30`, `Tue 2026-11-24, 13:30` (C);
    `long` spells it out for screen readers and tooltips. `zone` None: the system's; `use_24h` None: the locale's."""
    loc = locale or QLocale()
    moment = from_ms(ms, zone) if zone is not None else datetime.fromtimestamp(ms / 1000).astimezone()
    clock = format_time(moment, locale_uses_24h(loc) if use_24h is None else use_24h, loc)
    if long:
        return f"{format_day_long(moment.date(), loc)}, {clock}"
    day = QDate(moment.year, moment.month, moment.day)
    return f"{loc.toString(day, 'ddd')} {loc.toString(day, short_date_format(loc))}, {clock}"


def format_duration(duration_ms: int) -> str:
    """`30 min`, `1 h`, `1 h 30 min`."""
    minutes = duration_ms // 60_000
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return _tr("%1 h %2 min").replace("%1", str(hours)).replace("%2", str(rest))
    if hours:
        return _tr("%1 h").replace("%1", str(hours))
    return _tr("%1 min").replace("%1", str(minutes))


def utc_offset_label(zone_id: str, at: QDateTime | None = None) -> str:
    """`UTC+01:00` for the zone at `at` (now by default); `UTC` for a zero offset."""
    zone = QTimeZone(zone_id.encode())
    if not zone.isValid():
        return ""
    seconds = zone.offsetFromUtc(at or QDateTime.currentDateTimeUtc())
    if seconds == 0:
        return "UTC"
    sign = "+" if seconds > 0 else "−"
    hours, minutes = divmod(abs(seconds) // 60, 60)
    return f"UTC{sign}{hours:02d}:{minutes:02d}"


def city_of(zone_id: str) -> str:
    """`America/Argentina/Buenos_Aires` → `Buenos Aires`."""
    return zone_id.rsplit("/", 1)[-1].replace("_", " ")


def link_type_label(link_type: LinkType | str) -> str:
    """Personal, Team (round robin) or Group: the words HubSpot's own UI uses."""
    return {
        "PERSONAL_LINK": _tr("Personal"),
        "ROUND_ROBIN_CALENDAR": _tr("Team (round robin)"),
        "GROUP_CALENDAR": _tr("Group"),
    }.get(link_type, link_type)


def age_label(seconds: float) -> str:
    """`just now`, `5 min ago`, `3 h ago`, `2 days ago` for "as of" labels."""
    if seconds < 60:
        return _tr("just now")
    if seconds < 3600:
        return _tr("%1 min ago").replace("%1", str(int(seconds // 60)))
    if seconds < 86_400:
        return _tr("%1 h ago").replace("%1", str(int(seconds // 3600)))
    return _tr("%1 days ago").replace("%1", str(int(seconds // 86_400)))
