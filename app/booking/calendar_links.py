"""*Add to Google Calendar* and *Add to Outlook* (web) links for a confirmed booking.

Both services take the event in the query string of a web address; every value is percent-encoded (spaces as
`%20`, `&`, `#`, `+` and non-ASCII too) so a subject like "Q&A #2" cannot cut the address short or add parameters.
Times are UTC: Google reads `YYYYMMDDTHHMMSSZ/…`, Outlook ISO 8601 with `Z`; both then show them in the user's zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import quote, urlencode, urlsplit

from app.booking.ics import parse_instant
from app.hubspot.models import BookResponse

GOOGLE_BASE = "https://calendar.google.com/calendar/render"
OUTLOOK_BASE = "https://outlook.live.com/calendar/0/deeplink/compose"


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    title: str
    start: datetime  # aware
    end: datetime  # aware
    location: str = ""
    video_url: str = ""
    description: str = ""


def _web_address(url: str | None) -> str:
    """Only http(s) video links go into a calendar entry someone will click."""
    text = (url or "").strip()
    return text if urlsplit(text).scheme.lower() in ("http", "https") else ""


def event_from_response(response: BookResponse, *, link_name: str = "", organizer_name: str = "") -> CalendarEvent:
    """The calendar entry for HubSpot's booking answer; the same details the .ics file carries."""
    video = _web_address(response.web_conference_url)
    lines = []
    if video:
        lines.append(f"Video link: {video}")
    if organizer_name:
        lines.append(f"Organiser: {organizer_name}")
    if link_name:
        lines.append(f"Booked through: {link_name}")
    return CalendarEvent(
        title=response.subject or link_name or "Meeting",
        start=parse_instant(response.start),
        end=parse_instant(response.end),
        # With no place given, the video link is where the meeting happens.
        location=(response.location or "").strip() or video,
        video_url=video,
        description="\n".join(lines),
    )


def _query(params: list[tuple[str, str]]) -> str:
    return urlencode([(k, v) for k, v in params if v], quote_via=quote, safe="")


def google_calendar_url(event: CalendarEvent) -> str:
    def stamp(moment: datetime) -> str:
        return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")

    params = [
        ("action", "TEMPLATE"),
        ("text", event.title),
        ("dates", f"{stamp(event.start)}/{stamp(event.end)}"),
        ("details", event.description),
        ("location", event.location),
    ]
    return f"{GOOGLE_BASE}?{_query(params)}"


def outlook_calendar_url(event: CalendarEvent) -> str:
    def stamp(moment: datetime) -> str:
        return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    params = [
        ("path", "/calendar/action/compose"),
        ("rru", "addevent"),
        ("subject", event.title),
        ("startdt", stamp(event.start)),
        ("enddt", stamp(event.end)),
        ("body", event.description),
        ("location", event.location),
    ]
    return f"{OUTLOOK_BASE}?{_query(params)}"


def calendar_links(response: BookResponse, *, link_name: str = "", organizer_name: str = "") -> dict[str, str]:
    """`{"google": …, "outlook": …}`, as `book --json` prints them."""
    event = event_from_response(response, link_name=link_name, organizer_name=organizer_name)
    return {"google": google_calendar_url(event), "outlook": outlook_calendar_url(event)}
