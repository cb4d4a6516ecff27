"""ConfirmationView: both time zones as full dates, clickable video link, .ics and copy, the no-event warning."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app.booking import messages
from app.ui.panels.confirmation_view import ConfirmationView
from tests.gui.window_support import show_active
from tests.unit.booking_fixtures import book_response

pytestmark = pytest.mark.gui

NOW = datetime(2026, 9, 1, 12, 0, tzinfo=UTC)


def make_view(qtbot: QtBot) -> ConfirmationView:
    view = ConfirmationView(clock=lambda: NOW)
    view.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    qtbot.addWidget(view)
    show_active(qtbot, view)
    return view


def test_shows_time_in_the_attendees_and_the_reps_zone(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_booking(
        book_response(), rep_zone="America/New_York", use_24h=True, contact="Ada Lovelace <ada@example.org>"
    )
    assert view.heading.text() == "✓ Meeting booked"
    assert view.notice.isHidden()
    assert view.subject.text() == "Discovery call"
    assert view.attendee_time.text() == "Tuesday, 8 September 2026, 20:00–20:30 (Europe/Berlin)"
    assert view.rep_time.text() == "Tuesday, 8 September 2026, 14:00–14:30 (America/New_York)"
    assert view.location.text() == "Zoom"
    assert view.contact.text() == "Ada Lovelace <ada@example.org>"


def test_twelve_hour_clock(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_booking(book_response(), rep_zone="America/New_York", use_24h=False)
    assert view.rep_time.text() == "Tuesday, 8 September 2026, 2:00 PM–2:30 PM (America/New_York)"


def test_same_zone_is_shown_once(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_booking(book_response(), rep_zone="Europe/Berlin", use_24h=True)
    assert view.rep_time.isHidden()


def test_video_link_is_clickable(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_booking(book_response(), rep_zone="UTC", use_24h=True)
    url = "https://zoom.example.org/j/123?pwd=a,b;c"
    assert view.video.text() == f'<a href="{url}">{url}</a>'
    assert view.video.openExternalLinks()
    assert view.video.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard


def test_unsafe_video_link_is_not_made_clickable(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_booking(book_response(webConferenceUrl="javascript:alert(1)"), rep_zone="UTC", use_24h=True)
    assert view.video.isHidden()


def test_booked_without_calendar_event_is_a_warning(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_booking(book_response(calendarEventId="", isOffline=True), rep_zone="UTC", use_24h=True)
    assert view.heading.text() == "⚠ Booked without a calendar event"
    assert view.heading.property("level") == "warning"
    assert view.notice.isVisible()
    assert view.notice.text() == messages.NO_CALENDAR_EVENT_WARNING
    assert view.details_text().startswith(messages.NO_CALENDAR_EVENT_WARNING)


def test_save_ics_emits_a_file_name_and_the_calendar_text(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_booking(book_response(), rep_zone="UTC", use_24h=True, organizer_name="Rep 1001")
    view.save_button.setFocus()
    with qtbot.waitSignal(view.save_ics_requested) as blocker:
        qtbot.keyClick(view.save_button, Qt.Key.Key_Space)
    filename, text = blocker.args
    assert filename == "discovery-call-2026-09-08.ics"
    assert "DTSTART:20260908T180000Z" in text
    assert "DTSTAMP:20260901T120000Z" in text


def test_copy_details_puts_the_summary_on_the_clipboard(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_booking(book_response(), rep_zone="America/New_York", use_24h=True, contact="Ada <ada@example.org>")
    with qtbot.waitSignal(view.details_copied):
        qtbot.keyClick(view.copy_button, Qt.Key.Key_Space)
    copied = QGuiApplication.clipboard().text()
    assert "Discovery call" in copied
    assert "(Europe/Berlin)" in copied
    assert "(America/New_York)" in copied
    assert "Video link: https://zoom.example.org/j/123?pwd=a,b;c" in copied
    assert view.copied_note.text() == "Copied."


def test_book_another_is_a_signal(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_booking(book_response(), rep_zone="UTC", use_24h=True)
    view.focus_primary()
    with qtbot.waitSignal(view.book_another_requested):
        qtbot.keyClick(view.another_button, Qt.Key.Key_Space)


def test_tab_goes_from_the_video_link_to_the_buttons(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.show_booking(book_response(), rep_zone="America/New_York", use_24h=True, contact="Ada <ada@example.org>")
    view.video.setFocus()
    order = []
    # The first Tab moves onto the link inside the label; the next ones leave it for the buttons.
    for _ in range(4):
        qtbot.keyClick(QGuiApplication.focusObject(), Qt.Key.Key_Tab)
        order.append(QGuiApplication.focusObject())
    assert order == [view.video, view.save_button, view.copy_button, view.another_button]
