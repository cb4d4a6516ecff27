"""The .ics export: RFC 5545 structure, UTC times, escaping, CRLF and 75-octet folding."""

from __future__ import annotations

from datetime import UTC, datetime

from app.booking.ics import escape_text, fold_line, to_ics
from tests.unit.booking_fixtures import book_response

NOW = datetime(2026, 9, 7, 12, 0, tzinfo=UTC)


def unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def test_calendar_has_one_event_with_utc_times_and_crlf_endings() -> None:
    text = to_ics(book_response(), organizer_name="Rep One", link_name="Discovery", now=NOW)
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = unfold(text)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-2] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == 1
    assert "VERSION:2.0" in lines
    assert "DTSTART:20260908T180000Z" in lines
    assert "DTEND:20260908T183000Z" in lines
    assert "DTSTAMP:20260907T120000Z" in lines
    assert "UID:evt-789@booking-assistant" in lines
    assert "SUMMARY:Discovery call" in lines
    assert "LOCATION:Zoom" in lines
    assert "URL:https://zoom.example.org/j/123?pwd=a,b;c" in lines
    assert "STATUS:CONFIRMED" in lines


def test_offsets_in_the_response_become_utc() -> None:
    response = book_response(start="2026-09-08T20:00:00+02:00", end="2026-09-08T20:30:00+02:00")
    lines = unfold(to_ics(response, organizer_name="", link_name="", now=NOW))
    assert "DTSTART:20260908T180000Z" in lines


def test_uid_falls_back_to_contact_and_start_without_a_calendar_event() -> None:
    response = book_response(calendarEventId="", isOffline=True)
    lines = unfold(to_ics(response, organizer_name="", link_name="Discovery", now=NOW))
    assert "UID:c-42-1788890400000@booking-assistant" in lines
    assert "STATUS:TENTATIVE" in lines


def test_text_values_are_escaped() -> None:
    response = book_response(subject="Intro; pricing, Q&A \\ more", location="Room 1\nBuilding B")
    lines = unfold(to_ics(response, organizer_name="", link_name="", now=NOW))
    assert "SUMMARY:Intro\\; pricing\\, Q&A \\\\ more" in lines
    assert "LOCATION:Room 1\\nBuilding B" in lines
    assert escape_text("a\r\nb\rc") == "a\\nb\\nc"


def test_description_carries_the_video_link_and_organiser() -> None:
    lines = unfold(to_ics(book_response(), organizer_name="Rep One", link_name="Discovery", now=NOW))
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert description == (
        "DESCRIPTION:Video link: https://zoom.example.org/j/123?pwd=a\\,b\\;c\\nOrganiser: Rep One"
        "\\nBooked through: Discovery"
    )


def test_long_lines_fold_at_75_octets_without_splitting_characters() -> None:
    subject = "Besprechung über Größenänderungen " * 6
    response = book_response(subject=subject, location="x" * 200)
    text = to_ics(response, organizer_name="", link_name="", now=NOW)
    physical = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    assert any(line.startswith(" ") for line in physical)
    assert f"SUMMARY:{subject}" in unfold(text)
    assert f"LOCATION:{'x' * 200}" in unfold(text)


def test_fold_line_leaves_short_lines_alone_and_counts_the_leading_space() -> None:
    assert fold_line("SUMMARY:short") == "SUMMARY:short"
    folded = fold_line("X" * 150).split("\r\n")
    assert [len(part) for part in folded] == [75, 75, 2]
    assert folded[1].startswith(" ")
    two_byte = fold_line("é" * 40).split("\r\n")
    assert [len(p.encode()) for p in two_byte] == [74, 7]


def test_a_url_or_text_with_line_breaks_cannot_add_lines_to_the_file() -> None:
    from app.booking.ics import escape_text, safe_uri

    assert safe_uri("https://meet.test/x\r\nATTACH:http://evil.test/x") is None
    assert safe_uri("https://meet.test/x\rATTACH:x") is None
    assert safe_uri("https://meet.test/a;b,c") == "https://meet.test/a;b,c"
    escaped = escape_text("Jane\rATTACH:http://evil.test/x\x1b[2J")
    assert "\r" not in escaped and "\x1b" not in escaped
    assert escaped.startswith("Jane\\nATTACH")
