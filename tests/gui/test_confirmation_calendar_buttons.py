"""The confirmation's Add to Google Calendar / Add to Outlook buttons open the browser on the meeting's links."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.panels.confirmation_view import ConfirmationView
from tests.gui.window_support import show_active
from tests.unit.booking_fixtures import book_response

pytestmark = pytest.mark.gui


class Browser(QObject):
    """Stands in for the system browser: Qt hands it every https URL the app opens."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString(QUrl.ComponentFormattingOption.FullyEncoded))


@pytest.fixture
def browser(qapp: QApplication) -> Iterator[Browser]:
    handler = Browser()
    QDesktopServices.setUrlHandler("https", handler, "open")  # type: ignore[arg-type]
    yield handler
    QDesktopServices.unsetUrlHandler("https")


def test_buttons_open_google_and_outlook_with_the_meeting(qtbot: QtBot, browser: Browser) -> None:
    view = ConfirmationView(clock=lambda: datetime(2026, 9, 1, tzinfo=UTC))
    qtbot.addWidget(view)
    show_active(qtbot, view)
    view.show_booking(book_response(subject="Q&A #2"), rep_zone="UTC", use_24h=True, organizer_name="Rep One")
    qtbot.mouseClick(view.calendar_buttons.google_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.calendar_buttons.outlook_button, Qt.MouseButton.LeftButton)
    assert len(browser.opened) == 2
    google, outlook = (urlsplit(url) for url in browser.opened)
    assert google.netloc == "calendar.google.com"
    assert parse_qs(google.query)["text"] == ["Q&A #2"]
    assert parse_qs(google.query)["dates"] == ["20260908T180000Z/20260908T183000Z"]
    assert outlook.netloc == "outlook.live.com"
    assert parse_qs(outlook.query)["subject"] == ["Q&A #2"]
    assert "Organiser: Rep One" in parse_qs(outlook.query)["body"][0]
    # Exactly the links `book --json` prints: nothing re-encoded on the way to the browser.
    assert browser.opened == [view.calendar_buttons.link("google"), view.calendar_buttons.link("outlook")]
