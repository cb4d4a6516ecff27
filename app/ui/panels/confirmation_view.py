"""What was booked: subject, time in both zones, place, video link, contact; save .ics, copy, book another."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QDate, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.booking import messages
from app.booking.confirmation import confirmation_text
from app.booking.ics import parse_instant, to_ics
from app.hubspot.models import BookResponse
from app.ui.panels.calendar_buttons import CalendarButtons
from app.ui.panels.problem_text import translate_template
from app.ui.panels.rich_text import safe_link
from app.ui.runtime.announce import announce


def zone_or_utc(name: str) -> ZoneInfo:
    """The IANA zone `name`, or UTC when it is unknown (a booking must stay viewable)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def format_when(start: datetime, end: datetime, zone: ZoneInfo, locale: QLocale, *, use_24h: bool) -> str:
    """A full date and time range in `zone`, e.g. "Tuesday, 8 September 2026, 20:00–20:30 (Europe/Berlin)"."""
    local_start, local_end = start.astimezone(zone), end.astimezone(zone)
    day = QDate(local_start.year, local_start.month, local_start.day)
    pattern = "HH:mm" if use_24h else "h:mm AP"
    first = locale.toString(QTime(local_start.hour, local_start.minute), pattern)
    last = locale.toString(QTime(local_end.hour, local_end.minute), pattern)
    return f"{locale.toString(day, QLocale.FormatType.LongFormat)}, {first}–{last} ({zone.key})"


def ics_filename(response: BookResponse, link_name: str = "") -> str:
    """A file name to suggest: the subject as a slug and the meeting's date, e.g. "discovery-call-2026-09-08.ics"."""
    title = response.subject or link_name or "meeting"
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "meeting"
    day = parse_instant(response.start).astimezone(zone_or_utc(response.booking_timezone)).date()
    return f"{slug}-{day.isoformat()}.ics"


class ConfirmationView(QWidget):
    """The booking's details; emits what the user asked for, the controller does the file work."""

    save_ics_requested = Signal(str, str)  # suggested file name, .ics text
    details_copied = Signal(str)  # after the view has put the text on the clipboard itself (the one write)
    book_another_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self._clock = clock or (lambda: datetime.now(UTC))
        self._response: BookResponse | None = None
        self._details = ""
        self._ics = ("", "")
        self.setAccessibleName(self.tr("Booking confirmation"))

        self.heading = QLabel(self)
        self.heading.setObjectName("confirmationHeading")
        # Focus can rest on the heading (where the outcome is stated), but Tab does not stop at it.
        self.heading.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.notice = QLabel(self)
        self.notice.setObjectName("confirmationNotice")
        self.notice.setWordWrap(True)
        self.subject = QLabel(self)
        self.attendee_time = QLabel(self)
        self.rep_time = QLabel(self)
        self.location = QLabel(self)
        self.video = QLabel(self)
        self.video.setTextFormat(Qt.TextFormat.RichText)
        self.video.setOpenExternalLinks(True)
        self.video.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.contact = QLabel(self)
        self.guests = QLabel(self)
        for label in (self.subject, self.attendee_time, self.rep_time, self.location, self.contact, self.guests):
            label.setWordWrap(True)
            # Selectable with the mouse, but not a tab stop each: keyboard users have Copy details.
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QFormLayout()
        self._captions: dict[QLabel, QLabel] = {}
        for caption, label in (
            (self.tr("Subject"), self.subject),
            (self.tr("Attendee's time"), self.attendee_time),
            (self.tr("Your time"), self.rep_time),
            (self.tr("Where"), self.location),
            (self.tr("Video link"), self.video),
            (self.tr("Contact"), self.contact),
            (self.tr("Guests"), self.guests),
        ):
            # The value keeps its own text as its accessible name (a screen reader speaks the value); the caption
            # is its label through the buddy's labelled-by relation.
            caption_label = QLabel(caption, self)
            caption_label.setBuddy(label)
            self._captions[label] = caption_label
            self.details.addRow(caption_label, label)

        self.save_button = QPushButton(self.tr("Save .ics…"), self)
        self.save_button.setAccessibleName(self.tr("Save as calendar file"))
        self.save_button.clicked.connect(self.on_save_clicked)
        self.copy_button = QPushButton(self.tr("Copy details"), self)
        self.copy_button.setAccessibleName(self.tr("Copy details"))
        self.copy_button.clicked.connect(self.on_copy_clicked)
        self.another_button = QPushButton(self.tr("Book another"), self)
        self.another_button.setAccessibleName(self.tr("Book another meeting"))
        self.another_button.clicked.connect(self.book_another_requested)
        self.copied_note = QLabel(self)
        self.copied_note.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.copied_note)
        buttons.addStretch(1)
        buttons.addWidget(self.another_button)

        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.notice)
        column.addLayout(self.details)
        column.addLayout(buttons)
        # A row of their own: beside the others they would make the column (and the window) wider.
        self.calendar_buttons = CalendarButtons(self)
        calendar_row = QHBoxLayout()
        calendar_row.addWidget(self.calendar_buttons)
        calendar_row.addStretch(1)
        column.addLayout(calendar_row)
        column.addStretch(1)

    def show_booking(
        self,
        response: BookResponse,
        *,
        rep_zone: str,
        use_24h: bool,
        contact: str = "",
        link_name: str = "",
        organizer_name: str = "",
    ) -> None:
        """Fill the view from HubSpot's answer; `rep_zone` is the user's own zone, `contact` the attendee."""
        self._response = response
        attendee_zone = zone_or_utc(response.booking_timezone)
        own_zone = zone_or_utc(rep_zone)
        start, end = parse_instant(response.start), parse_instant(response.end)
        locale = self.locale()

        booked_properly = response.has_calendar_event
        self.setProperty("level", "success" if booked_properly else "warning")
        self.heading.setProperty("level", "success" if booked_properly else "warning")
        # A symbol and words, never colour alone, tell success from the warning.
        if booked_properly:
            self.heading.setText(self.tr("✓ Meeting booked"))
            self.notice.clear()
        else:
            self.heading.setText(self.tr("⚠ Booked without a calendar event"))
            self.notice.setText(translate_template(messages.NO_CALENDAR_EVENT_WARNING))
        self.notice.setVisible(not booked_properly)
        self.heading.setAccessibleName(self.heading.text())
        self.heading.setAccessibleDescription(self.notice.text())

        self._set_row(self.subject, response.subject or link_name or self.tr("Meeting"))
        self._set_row(self.attendee_time, format_when(start, end, attendee_zone, locale, use_24h=use_24h))
        same_zone = own_zone.key == attendee_zone.key
        self._set_row(self.rep_time, "" if same_zone else format_when(start, end, own_zone, locale, use_24h=use_24h))
        self._set_row(self.location, response.location or "")
        url = safe_link(response.web_conference_url or "")
        escaped = html.escape(url or "", quote=True)
        self._set_row(self.video, f'<a href="{escaped}">{html.escape(url or "")}</a>' if url else "")
        self.video.setAccessibleName(url or "")  # the address, not the markup
        self._set_row(self.contact, contact)
        self._set_row(self.guests, ", ".join(response.guest_emails))

        self._details = confirmation_text(
            response, use_24h=use_24h, second_tz=own_zone, contact=contact, link_name=link_name
        )
        ics_text = to_ics(response, organizer_name=organizer_name, link_name=link_name, now=self._clock())
        self._ics = (ics_filename(response, link_name), ics_text)
        self.calendar_buttons.show_booking(response, link_name=link_name, organizer_name=organizer_name)
        self.copied_note.hide()

    def details_text(self) -> str:
        """The plain-text summary that Copy details puts on the clipboard."""
        return self._details

    def focus_primary(self) -> None:
        """Put focus on Book another, the usual next step after reading the confirmation."""
        self.another_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def announce_outcome(self) -> None:
        """Say what happened: the heading and the subject and time; focus moves to the heading (never left on a
        page tab), where the screen reader starts reading the details."""
        spoken = ", ".join(
            part for part in (self.heading.text().lstrip("✓⚠ "), self.subject.text(), self.attendee_time.text()) if part
        )
        self.heading.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self, spoken, assertive=True)

    def on_save_clicked(self) -> None:
        if self._response is not None:
            self.save_ics_requested.emit(*self._ics)

    def on_copy_clicked(self) -> None:
        if self._response is None:
            return
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self._details)
        self.copied_note.setText(self.tr("Copied."))
        self.copied_note.show()
        self.details_copied.emit(self._details)

    def _set_row(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))
        self._captions[label].setVisible(bool(text))
