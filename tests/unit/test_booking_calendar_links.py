"""Add-to-calendar links: what Google and Outlook read back out of them is exactly the booking, however odd its text."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from app.booking.calendar_links import calendar_links, event_from_response
from tests.unit.booking_fixtures import book_response


def read_back(url: str) -> tuple[str, dict[str, str]]:
    """What the calendar service sees: the page and each parameter decoded (one value each)."""
    parts = urlsplit(url)
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert all(len(v) == 1 for v in query.values()), query
    return f"{parts.scheme}://{parts.netloc}{parts.path}", {k: v[0] for k, v in query.items()}


def test_google_link_carries_title_utc_times_place_and_video_link() -> None:
    page, params = read_back(calendar_links(book_response(), link_name="Discovery", organizer_name="Rep One")["google"])
    assert page == "https://calendar.google.com/calendar/render"
    assert params["action"] == "TEMPLATE"
    assert params["text"] == "Discovery call"
    assert params["dates"] == "20260908T180000Z/20260908T183000Z"
    assert params["location"] == "Zoom"
    assert params["details"] == (
        "Video link: https://zoom.example.org/j/123?pwd=a,b;c\nOrganiser: Rep One\nBooked through: Discovery"
    )


def test_outlook_link_carries_the_same_event() -> None:
    page, params = read_back(calendar_links(book_response(), link_name="Discovery")["outlook"])
    assert page == "https://outlook.live.com/calendar/0/deeplink/compose"
    assert params["rru"] == "addevent"
    assert params["subject"] == "Discovery call"
    assert params["startdt"] == "2026-09-08T18:00:00Z"
    assert params["enddt"] == "2026-09-08T18:30:00Z"
    assert params["location"] == "Zoom"
    assert params["body"].startswith("Video link: https://zoom.example.org/j/123?pwd=a,b;c\n")


def test_characters_that_would_break_the_address_are_escaped_and_read_back_intact() -> None:
    subject = 'Q&A #2 + pricing = 100% / Müller\'s "deal"?'
    location = "Room 1\nBuilding B & C"
    links = calendar_links(book_response(subject=subject, location=location))
    for url in links.values():
        assert " " not in url and "\n" not in url and "#" not in url
        assert "Müller" not in url  # non-ASCII is percent-encoded
        _, params = read_back(url)
        assert subject in params.values()
        assert params["location"] == location
        assert len(params) in (5, 7)  # nothing in the text added a parameter


def test_offsets_become_utc() -> None:
    response = book_response(start="2026-10-25T02:30:00+02:00", end="2026-10-25T02:30:00+01:00")
    _, params = read_back(calendar_links(response)["google"])
    assert params["dates"] == "20261025T003000Z/20261025T013000Z"


def test_no_place_means_the_video_link_is_the_place_and_a_non_web_link_is_dropped() -> None:
    assert event_from_response(book_response(location="")).location == "https://zoom.example.org/j/123?pwd=a,b;c"
    event = event_from_response(book_response(location="", webConferenceUrl="javascript:alert(1)"))
    assert (event.location, event.video_url, event.description) == ("", "", "")
    _, params = read_back(calendar_links(book_response(location="", webConferenceUrl=None))["outlook"])
    assert "location" not in params and "body" not in params
