"""The right-hand column: attendee form, consent, errors in place, the Book button, then the confirmation."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.booking.draft import BookingDraft
from app.booking.timefmt import from_ms
from app.hubspot.models import BookingInfo
from app.ui.panels.attendee_form import AttendeeForm
from app.ui.panels.confirmation_view import ConfirmationView, zone_or_utc
from app.ui.panels.consent_panel import ConsentPanel
from app.ui.panels.error_banner import BannerAction, BannerLevel, ErrorBanner
from app.ui.runtime.formatting import spoken_datetime
from app.ui.window.book_outcome import BookOutcome, OutcomeKind


class BookColumn(QWidget):
    """Lays out the booking step; the window decides when Book is possible and what an outcome means."""

    book_clicked = Signal()
    time_offered = Signal(object)  # epoch ms of an alternative time the user picked from the banner
    book_another = Signal()
    edit_cancelled = Signal()  # "Cancel edit" on the banner of an outbox draft being edited
    focus_chain_changed = Signal()  # questions, boxes or banner actions were rebuilt

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = AttendeeForm()
        self.consent = ConsentPanel()
        self.banner = ErrorBanner()
        self.banner.hide()
        self.chosen = QLabel(self.tr("No time chosen yet."))
        self.chosen.setObjectName("hint")
        self.chosen.setWordWrap(True)
        self.book_button = QPushButton(self.tr("&Book"))
        self.book_button.setObjectName("bookButton")
        self.book_button.setEnabled(False)
        self.book_button.clicked.connect(self.book_clicked)
        # Why Book is disabled, in words beside it (and as its accessible description).
        self.missing = QLabel()
        self.missing.setObjectName("hint")
        self.missing.setWordWrap(True)
        self.missing.hide()
        self.confirmation = ConfirmationView()
        self.confirmation.book_another_requested.connect(self.book_another)
        self.confirmation.save_ics_requested.connect(self._save_ics)
        self.banner.action_triggered.connect(self._on_banner_action)
        self.form.focus_chain_changed.connect(self.focus_chain_changed)
        self.banner.actions_rebuilt.connect(self.focus_chain_changed)

        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addWidget(self.form)
        fields_layout.addWidget(self.consent)
        fields_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(fields)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Not a tab stop of its own: focus moving through the questions scrolls them into view.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        form_page = QWidget()
        page = QVBoxLayout(form_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(scroll, 1)
        page.addWidget(self.banner)
        page.addWidget(self.chosen)
        page.addWidget(self.missing)
        page.addWidget(self.book_button)

        self.stack = QStackedWidget()
        self.stack.addWidget(form_page)
        self.stack.addWidget(self.confirmation)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._ics_dialog: QFileDialog | None = None
        self._note = ""  # which standing note the banner shows: "saved" (to the outbox), "editing", or ""
        self.banner.dismissed.connect(self._forget_note)
        self.set_book_state(enabled=False, online=True, sending=False, missing=self.missing_reason(has_time=False))

    # --- state ------------------------------------------------------------------------------------------

    def set_booking_info(self, info: BookingInfo) -> None:
        self.form.set_booking_info(info)
        self.consent.set_booking_info(info)
        self.focus_chain_changed.emit()

    def focus_chain(self) -> list[QWidget]:
        """The form's questions, the consent boxes, the banner's actions, then Book, in tab order."""
        return [
            *self.form.focus_chain(),
            *self.consent.focus_chain(),
            *self.banner.action_buttons,
            self.banner.close_button,
            self.book_button,
        ]

    def is_complete(self) -> bool:
        return self.form.is_valid() and self.consent.is_valid()

    def fill_draft(self, draft: BookingDraft) -> BookingDraft:
        return self.consent.fill_draft(self.form.fill_draft(draft))

    def missing_reason(self, *, has_time: bool) -> str:
        """What stops Book, said as the next step: "Choose a time", "Enter the email", "Tick the consent box"."""
        if not has_time:
            return self.tr("Choose a time")
        missing = self.form.first_missing()
        if missing is not None:
            key, label, empty = missing
            fixed = {
                "first_name": (self.tr("Enter the first name"), self.tr("Check the first name")),
                "last_name": (self.tr("Enter the last name"), self.tr("Check the last name")),
                "email": (self.tr("Enter the email"), self.tr("Check the email")),
            }
            if key in fixed:
                return fixed[key][0 if empty else 1]
            if key.startswith("guest"):
                return self.tr("Check the guests' emails")
            return self.tr("Answer “%1”").replace("%1", label) if label else self.tr("Complete the form")
        if not self.consent.is_valid():
            return self.tr("Tick the consent box")
        return ""

    def set_book_state(self, *, enabled: bool, online: bool, sending: bool, missing: str = "") -> None:
        """Disabled while invalid or sending (no double submit); "Save to outbox" while offline.

        `missing` (from `missing_reason`) says why Book is disabled, beside it and as its description.
        """
        if sending:
            text = self.tr("Sending…")
        elif online:
            text = self.tr("&Book")
        else:
            text = self.tr("&Save to outbox")
        self.book_button.setText(text)
        self.book_button.setEnabled(enabled and not sending)
        self.book_button.setAccessibleName(text.replace("&", ""))
        reason = missing if not enabled and not sending else ""
        offline = self.tr("Offline: the booking is kept and sent when HubSpot can be reached") if not online else ""
        self.book_button.setAccessibleDescription(" ".join(part for part in (reason, offline) if part))
        self.missing.setText(reason)
        self.missing.setVisible(bool(reason))

    def set_chosen(self, text: str) -> None:
        self.chosen.setText(text or self.tr("No time chosen yet."))

    def clear_personal(self) -> None:
        """ "Book another": everything personal goes; the link, zone and length stay."""
        self.form.clear_personal()
        self.consent.clear_personal()
        self._show_note("", BannerLevel.INFO, "")
        self.stack.setCurrentIndex(0)

    def begin_edit(self) -> None:
        """An outbox draft is open here: say so, and how to leave it unchanged."""
        self.stack.setCurrentIndex(0)
        self._show_note(
            "editing",
            BannerLevel.INFO,
            self.tr("Editing a booking from the outbox. It stays queued as it was until you save it with Book."),
            [BannerAction("cancel-edit", self.tr("Cancel edit"))],
        )

    def end_edit(self) -> None:
        """The edited draft is gone (discarded): its note goes with it."""
        if self._note == "editing":
            self._show_note("", BannerLevel.INFO, "")

    def followed_send(self) -> None:
        """A queued booking went out: a standing "Saved to the outbox" note is stale; say it was sent instead."""
        if self._note == "saved":
            self._show_note("", BannerLevel.INFO, self.tr("The booking saved to the outbox has been sent."))

    def _forget_note(self) -> None:
        self._note = ""

    def _show_note(self, note: str, level: BannerLevel, text: str, actions: list[BannerAction] | None = None) -> None:
        self._note = note
        if text:
            self.banner.show_message(level, text, actions or [])
        else:
            self.banner.clear()

    # --- outcomes -----------------------------------------------------------------------------------------

    def show_outcome(self, outcome: BookOutcome, *, rep_zone: str, use_24h: bool, contact: str) -> None:
        """Errors in place with what to do next; a booking switches to the confirmation."""
        kind, entry = outcome.kind, outcome.entry
        self._note = ""
        if kind is OutcomeKind.INVALID:
            if outcome.message:
                self.banner.show_message(BannerLevel.ERROR, outcome.message)
            if not self.form.focus_first_problem():
                self.consent.focus_first_problem()
            return
        if kind in (OutcomeKind.BOOKED, OutcomeKind.BOOKED_WITHOUT_EVENT) and entry and entry.response:
            self.banner.clear()
            self.confirmation.show_booking(
                entry.response, rep_zone=rep_zone, use_24h=use_24h, contact=contact, link_name=entry.link_name
            )
            self.stack.setCurrentIndex(1)
            self.confirmation.announce_outcome()
            return
        if kind is OutcomeKind.SAVED_OFFLINE:
            # The banner announces itself (error_banner.py): every outcome below is spoken without moving focus.
            self._show_note(
                "saved",
                BannerLevel.INFO,
                self.tr("Saved to the outbox. It will be sent as soon as HubSpot can be reached."),
            )
            return
        if kind is OutcomeKind.TIME_GONE:
            zone = zone_or_utc(entry.timezone if entry else rep_zone)
            actions = [
                BannerAction(
                    f"time:{slot.start_millis_utc}", spoken_datetime(from_ms(slot.start_millis_utc, zone), use_24h)
                )
                for slot in outcome.alternatives
            ]
            text = outcome.message or self.tr("That time was just taken.")
            hint = self.tr("Your answers are kept. Pick one of the nearest open times, or another day.")
            self.banner.show_message(BannerLevel.ERROR, f"{text} {hint}", actions)
            self.banner.focus_first_action()
            return
        if kind is OutcomeKind.REJECTED:
            if entry and entry.last_error_field:
                self._mark_field(entry.last_error_field, outcome.message)
            self.banner.show_message(BannerLevel.ERROR, outcome.message)
            return
        if kind is OutcomeKind.QUEUED_AGAIN:
            self._show_note(
                "saved",
                BannerLevel.WARNING,
                f"{outcome.message} " + self.tr("The booking stays in the outbox and is sent later."),
            )
            return
        self.banner.show_message(
            BannerLevel.WARNING,
            f"{outcome.message} "
            + self.tr("It may have been booked: check the meeting in HubSpot, then settle it in the Outbox tab."),
        )

    def _mark_field(self, field_name: str, text: str) -> None:
        key = {"email": "email", "firstName": "first_name", "lastName": "last_name"}.get(field_name)
        key = key or f"field:{field_name}"
        try:
            self.form.input_for_key(key)
        except KeyError:
            return
        self.form.set_external_problem(key, text)

    def _on_banner_action(self, key: str) -> None:
        if key.startswith("time:"):
            self.time_offered.emit(int(key.removeprefix("time:")))
        elif key == "cancel-edit":
            self.edit_cancelled.emit()

    def _save_ics(self, suggested: str, text: str) -> None:
        """Ask where to save with open() (never exec() while the asyncio loop runs), then write the file."""
        dialog = QFileDialog(self, self.tr("Save calendar file"), suggested, self.tr("Calendar files (*.ics)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("ics")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda path: _write_text(path, text, self._saved))
        self._ics_dialog = dialog
        dialog.open()

    def _saved(self, problem: str) -> None:
        if problem:
            self.banner.show_message(
                BannerLevel.ERROR, self.tr("The calendar file could not be saved: %1").replace("%1", problem)
            )


def _write_text(path: str, text: str, done: Callable[[str], None]) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
    except OSError as exc:
        done(exc.strerror or str(exc))
        return
    done("")
