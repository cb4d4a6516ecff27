"""*Add to Google Calendar* and *Add to Outlook* on the confirmation: the web calendar with the meeting filled in."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from app.booking.calendar_links import calendar_links
from app.hubspot.models import BookResponse


class CalendarButtons(QWidget):
    """Two buttons; each opens the browser (QDesktopServices) on a link built by app/booking/calendar_links.py."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._links: dict[str, str] = {}
        self.google_button = QPushButton(self.tr("Add to Google Calendar"), self)
        self.google_button.setAccessibleName(self.tr("Add to Google Calendar (opens the browser)"))
        self.google_button.clicked.connect(lambda: self._open("google"))
        self.outlook_button = QPushButton(self.tr("Add to Outlook"), self)
        self.outlook_button.setAccessibleName(self.tr("Add to Outlook on the web (opens the browser)"))
        self.outlook_button.clicked.connect(lambda: self._open("outlook"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.google_button)
        row.addWidget(self.outlook_button)

    def show_booking(self, response: BookResponse, *, link_name: str = "", organizer_name: str = "") -> None:
        self._links = calendar_links(response, link_name=link_name, organizer_name=organizer_name)

    def link(self, service: str) -> str:
        return self._links.get(service, "")

    def _open(self, service: str) -> None:
        url = self._links.get(service)
        if url:
            # TolerantMode would re-encode; the link is already percent-encoded exactly as the service reads it.
            QDesktopServices.openUrl(QUrl(url, QUrl.ParsingMode.StrictMode))
