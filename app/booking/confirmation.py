"""A plain-text summary of a booking for "copy details" and the CLI."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.booking import messages
from app.booking.ics import parse_instant
from app.booking.timefmt import format_date_long, format_time_range
from app.hubspot.models import BookResponse


def confirmation_text(
    response: BookResponse,
    *,
    use_24h: bool,
    second_tz: ZoneInfo | None = None,
    contact: str = "",
    link_name: str = "",
) -> str:
    """Subject, time in the attendee's zone (and `second_tz`, e.g. the rep's), location, video link, contact.

    `contact` is how to reach the attendee (e.g. "Ada Lovelace <ada@example.org>"); left out when empty.
    """
    start = parse_instant(response.start)
    end = parse_instant(response.end)
    attendee_tz = _zone_or_utc(response.booking_timezone)
    lines: list[str] = []
    if not response.has_calendar_event:
        lines += [messages.NO_CALENDAR_EVENT_WARNING, ""]
    lines.append(response.subject or link_name or "Meeting")
    lines.append(f"When: {_when(start, end, attendee_tz, use_24h)}")
    if second_tz is not None and second_tz.key != attendee_tz.key:
        lines.append(f"      {_when(start, end, second_tz, use_24h)}")
    if response.location:
        lines.append(f"Where: {response.location}")
    if response.web_conference_url:
        lines.append(f"Video link: {response.web_conference_url}")
    if contact:
        lines.append(f"Contact: {contact}")
    if response.guest_emails:
        lines.append(f"Guests: {', '.join(response.guest_emails)}")
    return "\n".join(lines) + "\n"


def _when(start: datetime, end: datetime, tz: ZoneInfo, use_24h: bool) -> str:
    local_start = start.astimezone(tz)
    local_end = end.astimezone(tz)
    return f"{format_date_long(local_start.date())}, {format_time_range(local_start, local_end, use_24h)} ({tz.key})"


def _zone_or_utc(name: str) -> ZoneInfo:
    # HubSpot echoes the zone we sent; an unknown name must not stop the user seeing their booking.
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")
