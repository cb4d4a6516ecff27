"""Times to propose: a ready-to-paste message offering a few open times, in the attendee's zone and language.

"Tue 8 Dec, 10:00–10:30 (Berlin)" — weekday, day, month, the range and the zone's city, each time computed for its
own date (so a list crossing a DST change shows the right hour on both sides). When the rep's zone differs, every
time is also given in the rep's zone, which is the one the rep thinks in when the attendee answers. Plain text for
chat and HTML for email clients; the link's booking URL closes both. Qt-free (the CLI uses it too), so names of
weekdays and months come from the small tables below rather than from a locale library.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from app.booking.timefmt import from_ms
from app.hubspot.models import Slot

MIN_TIMES, MAX_TIMES = 1, 10


@dataclass(frozen=True, slots=True)
class _Language:
    weekdays: tuple[str, ...]
    months: tuple[str, ...]
    date_pattern: str  # {weekday} {day} {month}
    intro: str  # {title}, {minutes}
    closing: str
    minutes: str  # {n}
    cities: dict[str, str]


_EN = _Language(
    weekdays=("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    months=("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    date_pattern="{weekday} {day} {month}",
    intro="Would one of these times suit you for “{title}” ({minutes})?",
    closing="Pick one (or another open time) here:",
    minutes="{n} min",
    cities={},
)
_DE = _Language(
    weekdays=("Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."),
    months=("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."),
    date_pattern="{weekday} {day}. {month}",
    intro="Passt Ihnen einer dieser Termine für „{title}“ ({minutes})?",
    closing="Hier können Sie einen davon (oder eine andere freie Zeit) buchen:",
    minutes="{n} Min.",
    cities={
        "Vienna": "Wien",
        "Zurich": "Zürich",
        "Rome": "Rom",
        "Prague": "Prag",
        "Warsaw": "Warschau",
        "Copenhagen": "Kopenhagen",
        "Brussels": "Brüssel",
        "Lisbon": "Lissabon",
        "Moscow": "Moskau",
        "Athens": "Athen",
        "Bucharest": "Bukarest",
        "Belgrade": "Belgrad",
        "Luxembourg": "Luxemburg",
        "Mexico City": "Mexiko-Stadt",
    },
)
_LANGUAGES = {"en": _EN, "de": _DE}


def language_of(locale: str) -> str:
    """`de` for `de`, `de-DE`, `de_AT`; `en` for anything this module has no words for."""
    code = locale.strip().lower().replace("_", "-").split("-", 1)[0]
    return code if code in _LANGUAGES else "en"


def zone_city(zone: ZoneInfo, language: str = "en") -> str:
    """`Berlin` for Europe/Berlin, `New York` for America/New_York; `UTC` for UTC."""
    city = zone.key.rsplit("/", 1)[-1].replace("_", " ")
    return _LANGUAGES[language_of(language)].cities.get(city, city)


@dataclass(frozen=True, slots=True)
class ProposedTime:
    start: datetime  # in the attendee's zone
    end: datetime
    text: str  # the line as shown, both zones when they differ


@dataclass(frozen=True, slots=True)
class Proposal:
    times: list[ProposedTime]
    plain: str
    html: str
    booking_url: str


class ProposalError(ValueError):
    pass


def next_open(slots: Sequence[Slot], count: int, *, now_ms: int, zone: ZoneInfo) -> list[Slot]:
    """`count` upcoming open times worth proposing, earliest first: the first one of each of the next days (in the
    attendee's `zone`), so the attendee gets a real choice rather than 10:00, 10:15 and 10:30; when there are
    fewer open days than that, more times on those days that do not overlap the ones already picked."""
    if not MIN_TIMES <= count <= MAX_TIMES:
        raise ProposalError(f"Propose between {MIN_TIMES} and {MAX_TIMES} times.")
    upcoming = sorted((s for s in slots if s.start_millis_utc > now_ms), key=lambda s: s.start_millis_utc)
    picked: list[Slot] = []
    days: set[object] = set()
    for candidate in upcoming:
        day = from_ms(candidate.start_millis_utc, zone).date()
        if day not in days and len(picked) < count:
            days.add(day)
            picked.append(candidate)
    for candidate in upcoming:
        if len(picked) >= count:
            break
        overlaps = any(
            candidate.start_millis_utc < p.end_millis_utc and p.start_millis_utc < candidate.end_millis_utc
            for p in picked
        )
        if not overlaps:
            picked.append(candidate)
    return sorted(picked, key=lambda s: s.start_millis_utc)


def _date(moment: datetime, words: _Language) -> str:
    return words.date_pattern.format(
        weekday=words.weekdays[moment.weekday()], day=moment.day, month=words.months[moment.month - 1]
    )


def _range(start: datetime, end: datetime, use_24h: bool) -> str:
    def clock(moment: datetime) -> str:
        if use_24h:
            return f"{moment.hour:02d}:{moment.minute:02d}"
        return f"{moment.hour % 12 or 12}:{moment.minute:02d} {'AM' if moment.hour < 12 else 'PM'}"

    return f"{clock(start)}–{clock(end)}"


def format_slot(
    slot: Slot, zone: ZoneInfo, *, language: str = "en", second_zone: ZoneInfo | None = None, use_24h: bool = True
) -> ProposedTime:
    """One proposed time as a line: `Tue 8 Dec, 10:00–10:30 (Berlin)`, plus ` · 04:00–04:30 (New York)` when a
    second zone is given and differs; the second zone repeats the date only when it falls on another day."""
    words = _LANGUAGES[language_of(language)]
    start, end = from_ms(slot.start_millis_utc, zone), from_ms(slot.end_millis_utc, zone)
    text = f"{_date(start, words)}, {_range(start, end, use_24h)} ({zone_city(zone, language)})"
    if second_zone is not None and second_zone.key != zone.key:
        other_start, other_end = start.astimezone(second_zone), end.astimezone(second_zone)
        day = f"{_date(other_start, words)}, " if other_start.date() != start.date() else ""
        text += f" · {day}{_range(other_start, other_end, use_24h)} ({zone_city(second_zone, language)})"
    return ProposedTime(start, end, text)


def build_proposal(
    slots: Sequence[Slot],
    *,
    attendee_zone: ZoneInfo,
    rep_zone: ZoneInfo | None,
    language: str,
    title: str,
    booking_url: str,
    use_24h: bool = True,
) -> Proposal:
    """The message offering `slots`, earliest first (a time picked twice is offered once)."""
    if not slots:
        raise ProposalError("There are no open times to propose.")
    unique = sorted({s.start_millis_utc: s for s in slots}.values(), key=lambda s: s.start_millis_utc)
    if len(unique) > MAX_TIMES:
        raise ProposalError(f"Propose between {MIN_TIMES} and {MAX_TIMES} times.")
    words = _LANGUAGES[language_of(language)]
    times = [format_slot(s, attendee_zone, language=language, second_zone=rep_zone, use_24h=use_24h) for s in unique]
    minutes_each = {round((s.end_millis_utc - s.start_millis_utc) / 60_000) for s in unique}
    minutes = words.minutes.format(n=minutes_each.pop()) if len(minutes_each) == 1 else ""
    intro = words.intro.format(title=title, minutes=minutes)
    if not minutes:
        intro = intro.replace(" ()", "")
    plain_lines = [intro, "", *(f"• {t.text}" for t in times), "", words.closing, booking_url]
    items = "".join(f"<li>{html.escape(t.text)}</li>" for t in times)
    url = html.escape(booking_url, quote=True)
    rich = (
        f"<p>{html.escape(intro)}</p><ul>{items}</ul>"
        f'<p>{html.escape(words.closing)} <a href="{url}">{html.escape(booking_url)}</a></p>'
    )
    return Proposal(times=times, plain="\n".join(plain_lines) + "\n", html=rich, booking_url=booking_url)
