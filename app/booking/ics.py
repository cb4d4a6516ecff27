"""An RFC 5545 calendar file (.ics) with one event for a confirmed booking."""

from __future__ import annotations

from datetime import UTC, datetime

from app.booking.timefmt import to_ms
from app.hubspot.models import BookResponse

PRODID = "-//Booking Assistant//Booking Assistant//EN"
UID_DOMAIN = "booking-assistant"
_MAX_OCTETS = 75


def to_ics(response: BookResponse, *, organizer_name: str, link_name: str, now: datetime) -> str:
    """The .ics text (CRLF line endings, folded at 75 octets) for `response`."""
    start = parse_instant(response.start)
    end = parse_instant(response.end)
    if response.calendar_event_id:
        uid = f"{response.calendar_event_id}@{UID_DOMAIN}"
    else:
        uid = f"{response.contact_id}-{to_ms(start)}@{UID_DOMAIN}"
    description_lines = []
    video = safe_uri(response.web_conference_url)
    if video:
        description_lines.append(f"Video link: {video}")
    if organizer_name:
        description_lines.append(f"Organiser: {organizer_name}")
    if link_name:
        description_lines.append(f"Booked through: {link_name}")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{escape_text(uid)}",
        f"DTSTAMP:{_utc_stamp(now)}",
        f"DTSTART:{_utc_stamp(start)}",
        f"DTEND:{_utc_stamp(end)}",
        f"SUMMARY:{escape_text(response.subject or link_name or 'Meeting')}",
    ]
    if response.location:
        lines.append(f"LOCATION:{escape_text(response.location)}")
    if video:
        # URL is a URI value, not TEXT: escaping its commas or semicolons would change the address.
        lines.append(f"URL:{video}")
    if description_lines:
        lines.append(f"DESCRIPTION:{escape_text(chr(10).join(description_lines))}")
    lines += ["STATUS:CONFIRMED" if response.has_calendar_event else "STATUS:TENTATIVE", "END:VEVENT", "END:VCALENDAR"]
    return "".join(fold_line(line) + "\r\n" for line in lines)


def parse_instant(text: str) -> datetime:
    """An ISO 8601 instant from HubSpot (`Z` or an offset; a bare time is taken as UTC)."""
    moment = datetime.fromisoformat(text.strip())
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def safe_uri(value: str | None) -> str | None:
    """A server-given URL fit for a URI value, or None: a URL holding a control character, a space or a quote
    (`…\r\nATTACH:http://evil.test/x`) would write lines of its own into the file, so it is left out."""
    if not value or len(value) > 2000:
        return None
    if any(not ch.isprintable() or ch.isspace() or ch in '"<>\\' for ch in value):
        return None
    return value


def escape_text(value: str) -> str:
    """RFC 5545 TEXT escaping: backslash, semicolon, comma, and newlines as `\\n`."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    # Other control characters are not allowed in TEXT (RFC 5545 §3.3.11): dropped.
    value = "".join(ch for ch in value if ch == "\n" or ch == "\t" or not (ord(ch) < 0x20 or ord(ch) == 0x7F))
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """Fold a content line into parts of at most 75 octets, never splitting a UTF-8 character."""
    parts: list[str] = []
    current = ""
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        # Continuation lines start with a space, which counts towards their 75 octets.
        if size + width > _MAX_OCTETS:
            parts.append(current)
            current, size = " ", 1
        current += char
        size += width
    parts.append(current)
    return "\r\n".join(parts)


def _utc_stamp(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetime: the instant is ambiguous")
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
