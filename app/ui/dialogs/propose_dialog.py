"""*Propose times…*: pick a few open times (or take the next N), see the message, copy it as text and HTML.

The words and formats come from app/booking/proposal.py (the CLI's `propose` uses the same); this is only the
choosing, the preview and the clipboard. Opened with `open_dialog` (open() and a future), never exec().
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.booking.proposal import (
    MAX_TIMES,
    Proposal,
    ProposalError,
    build_proposal,
    format_slot,
    language_of,
    next_open,
)
from app.hubspot.models import Slot

if TYPE_CHECKING:
    from app.ui.window.booking_controller import BookingController

START_ROLE = Qt.ItemDataRole.UserRole + 1


def upcoming_slots(controller: BookingController, *, now_ms: int | None = None) -> list[Slot]:
    """The open times the window has loaded for the chosen link and length that have not started yet."""
    state = controller.state
    now = int(time.time() * 1000) if now_ms is None else now_ms
    found = {
        slot.start_millis_utc: slot
        for page in state.pages.values()
        if page.link_availability is not None
        for slot in page.link_availability.slots_for(state.duration_ms)
        if slot.start_millis_utc > now
    }
    return [found[start] for start in sorted(found)]


def dialog_for(controller: BookingController, *, rep_zone: str, use_24h: bool, parent: QWidget) -> ProposeDialog:
    """The dialog for the window's current link, in the zone the window shows (the attendee's)."""
    state = controller.state
    link = state.link
    return ProposeDialog(
        upcoming_slots(controller),
        attendee_zone=ZoneInfo(state.timezone),
        rep_zone=ZoneInfo(rep_zone),
        title=(link.name if link else "") or state.slug,
        booking_url=(link.link if link else "") or f"https://meetings.hubspot.com/{state.slug}",
        use_24h=use_24h,
        parent=parent,
    )


class ProposeDialog(QDialog):
    """`slots` are the link's upcoming open times for the chosen length; the message is rebuilt on every change."""

    def __init__(
        self,
        slots: Sequence[Slot],
        *,
        attendee_zone: ZoneInfo,
        rep_zone: ZoneInfo,
        title: str,
        booking_url: str,
        use_24h: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Propose times"))
        self.setAccessibleName(self.windowTitle())
        self._slots = sorted(slots, key=lambda s: s.start_millis_utc)
        self._attendee_zone, self._rep_zone = attendee_zone, rep_zone
        self._title, self._url, self._use_24h = title, booking_url, use_24h
        self._proposal: Proposal | None = None

        self.next_choice = QRadioButton(self.tr("The &next open times:"))
        self.pick_choice = QRadioButton(self.tr("&These times:"))
        group = QButtonGroup(self)
        group.addButton(self.next_choice)
        group.addButton(self.pick_choice)
        self.next_choice.setChecked(True)
        self.count = QSpinBox()
        self.count.setRange(1, MAX_TIMES)
        self.count.setValue(3)
        self.count.setAccessibleName(self.tr("How many open times"))
        next_row = QHBoxLayout()
        next_row.addWidget(self.next_choice)
        next_row.addWidget(self.count)
        next_row.addStretch(1)

        self.times = QListWidget()
        self.times.setAccessibleName(self.tr("Open times to propose"))
        language = language_of(QLocale().name())
        for slot in self._slots:
            line = format_slot(slot, attendee_zone, language=language, second_zone=rep_zone, use_24h=use_24h)
            item = QListWidgetItem(line.text)
            item.setData(START_ROLE, slot.start_millis_utc)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.times.addItem(item)

        self.language = QComboBox()
        for code, text in (("en", "English"), ("de", "Deutsch")):
            self.language.addItem(text, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.setAccessibleName(self.tr("Language of the message"))
        language_form = QFormLayout()
        language_form.addRow(self.tr("&Language:"), self.language)

        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName(self.tr("The message"))
        self.problem = QLabel()
        self.problem.setObjectName("fieldProblem")
        self.problem.setWordWrap(True)
        self.copied_note = QLabel()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setAccessibleName(self.tr("Copy the message (text and HTML)"))
        self.copy_button.setDefault(True)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy)

        layout = QVBoxLayout(self)
        layout.addLayout(next_row)
        layout.addWidget(self.pick_choice)
        layout.addWidget(self.times, 1)
        layout.addLayout(language_form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.problem)
        bottom = QHBoxLayout()
        bottom.addWidget(self.copied_note, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.resize(620, 560)

        self.count.valueChanged.connect(self._on_count_changed)
        self.times.itemChanged.connect(self._on_times_changed)
        self.next_choice.toggled.connect(self._rebuild)
        self.language.currentIndexChanged.connect(self._rebuild)
        self._rebuild()

    def chosen_slots(self) -> list[Slot]:
        if self.next_choice.isChecked():
            # The caller passed upcoming times only; "now" is theirs.
            return next_open(self._slots, self.count.value(), now_ms=0, zone=self._attendee_zone)
        starts = {
            self.times.item(i).data(START_ROLE)
            for i in range(self.times.count())
            if self.times.item(i).checkState() == Qt.CheckState.Checked
        }
        return [s for s in self._slots if s.start_millis_utc in starts]

    def proposal(self) -> Proposal | None:
        return self._proposal

    def copy(self) -> None:
        """Both forms on the clipboard: email clients paste the HTML, chat and plain editors the text."""
        if self._proposal is None:
            return
        mime = QMimeData()
        mime.setText(self._proposal.plain)
        mime.setHtml(self._proposal.html)
        QGuiApplication.clipboard().setMimeData(mime)
        self.copied_note.setText(self.tr("Copied."))

    def _on_count_changed(self) -> None:
        self.next_choice.setChecked(True)
        self._rebuild()

    def _on_times_changed(self) -> None:
        self.pick_choice.setChecked(True)
        self._rebuild()

    def _rebuild(self) -> None:
        self.copied_note.clear()
        chosen = self.chosen_slots()
        self._proposal = None
        problem = ""
        if not self._slots:
            problem = self.tr("This link has no open times in the months shown.")
        elif not chosen:
            problem = self.tr("Tick the times to propose.")
        elif len(chosen) > MAX_TIMES:
            problem = self.tr("Propose at most %1 times.").replace("%1", str(MAX_TIMES))
        else:
            try:
                self._proposal = build_proposal(
                    chosen,
                    attendee_zone=self._attendee_zone,
                    rep_zone=self._rep_zone,
                    language=str(self.language.currentData()),
                    title=self._title,
                    booking_url=self._url,
                    use_24h=self._use_24h,
                )
            except ProposalError as exc:  # defensive: the checks above match the builder's
                problem = str(exc)
        self.preview.setPlainText(self._proposal.plain if self._proposal else "")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.copy_button.setEnabled(self._proposal is not None)
