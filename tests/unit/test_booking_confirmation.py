"""The "copy details" text: subject, both zones, location, video link, contact, and the offline warning."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from app.booking import messages
from app.booking.confirmation import confirmation_text
from tests.unit.booking_fixtures import book_response


def test_summary_shows_time_in_attendee_and_second_zone() -> None:
    text = confirmation_text(
        book_response(guestEmails=["grace@example.org"]),
        use_24h=True,
        second_tz=ZoneInfo("America/New_York"),
        contact="Ada Lovelace <ada@example.org>",
    )
    assert text == (
        "Discovery call\n"
        "When: Tuesday, 8 September 2026, 20:00–20:30 (Europe/Berlin)\n"
        "      Tuesday, 8 September 2026, 14:00–14:30 (America/New_York)\n"
        "Where: Zoom\n"
        "Video link: https://zoom.example.org/j/123?pwd=a,b;c\n"
        "Contact: Ada Lovelace <ada@example.org>\n"
        "Guests: grace@example.org\n"
    )


def test_twelve_hour_clock_and_a_second_zone_on_another_day() -> None:
    text = confirmation_text(book_response(), use_24h=False, second_tz=ZoneInfo("Asia/Tokyo"))
    assert "When: Tuesday, 8 September 2026, 8:00 PM–8:30 PM (Europe/Berlin)" in text
    assert "Wednesday, 9 September 2026, 3:00 AM–3:30 AM (Asia/Tokyo)" in text


def test_same_second_zone_is_not_repeated_and_missing_parts_are_left_out() -> None:
    response = book_response(location=None, webConferenceUrl=None)
    text = confirmation_text(response, use_24h=True, second_tz=ZoneInfo("Europe/Berlin"))
    assert text == "Discovery call\nWhen: Tuesday, 8 September 2026, 20:00–20:30 (Europe/Berlin)\n"


def test_booking_without_calendar_event_leads_with_a_warning() -> None:
    text = confirmation_text(book_response(calendarEventId="", isOffline=True), use_24h=True)
    assert text.startswith(messages.NO_CALENDAR_EVENT_WARNING)


def test_unknown_booking_zone_falls_back_to_utc() -> None:
    text = confirmation_text(book_response(bookingTimezone="Mars/Olympus"), use_24h=True)
    assert "18:00–18:30 (UTC)" in text
