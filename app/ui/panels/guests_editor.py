"""Guest email rows: add and remove up to the link's maximum, each row with its own problem message."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class GuestRow(QWidget):
    """One guest: the email line, a remove button and the message about this address."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.email = QLineEdit(self)
        self.email.setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)
        self.email.setPlaceholderText(self.tr("guest@example.com"))
        self.remove = QPushButton(self.tr("Remove"), self)
        self.problem = QLabel(self)
        self.problem.setObjectName("fieldProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        # Touched once the user has left the row's email field; only then is its message shown.
        self.touched = False
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.email, 1)
        line.addWidget(self.remove)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(line)
        column.addWidget(self.problem)

    def show_problem(self, text: str) -> None:
        """Show `text` under the row (empty hides it) and expose it to screen readers."""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.email.setAccessibleDescription(text)


class GuestsEditor(QWidget):
    """The list of guest emails; `changed` on every edit, `touched` when a row was left after editing."""

    changed = Signal()
    touched = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._max = 0
        self.rows: list[GuestRow] = []
        self._rows_box = QVBoxLayout()
        self._rows_box.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self.tr("Add guest"), self)
        self.add_button.clicked.connect(self.on_add_clicked)
        self.limit_note = QLabel(self)
        self.limit_note.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("fieldProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        footer = QHBoxLayout()
        footer.setContentsMargins(0, 0, 0, 0)
        footer.addWidget(self.add_button)
        footer.addWidget(self.limit_note, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._rows_box)
        column.addLayout(footer)
        column.addWidget(self.problem)
        self._update_controls()

    def set_limit(self, max_guests: int) -> None:
        """Allow up to `max_guests` rows (existing extra rows stay so nothing typed vanishes; validation flags them)."""
        self._max = max(0, max_guests)
        self._update_controls()

    def emails(self) -> list[str]:
        """Every row's address as typed (stripped); empty rows included so validation can point at them."""
        return [row.email.text().strip() for row in self.rows]

    def set_emails(self, emails: list[str]) -> None:
        """Replace the rows with one per address."""
        while self.rows:
            self._drop_row(self.rows[-1])
        for address in emails:
            self._append_row().email.setText(address)
        self._update_controls()

    def show_problems(self, per_row: dict[int, str], general: str) -> None:
        """Messages next to each row (by index) and for the list as a whole."""
        for index, row in enumerate(self.rows):
            row.show_problem(per_row.get(index, ""))
        self.problem.setText(general)
        self.problem.setVisible(bool(general))
        self.add_button.setAccessibleDescription(general)

    def focus_chain(self) -> list[QWidget]:
        """Row fields and buttons, then Add guest, in tab order."""
        chain: list[QWidget] = []
        for row in self.rows:
            chain += [row.email, row.remove]
        return [*chain, self.add_button]

    def on_add_clicked(self) -> None:
        if len(self.rows) >= self._max:
            return
        row = self._append_row()
        self._update_controls()
        row.email.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def on_remove_clicked(self, row: GuestRow) -> None:
        index = self.rows.index(row)
        self._drop_row(row)
        self._update_controls()
        # Keep the keyboard user in the list: focus the row that took this one's place, else Add guest.
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].email.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _append_row(self) -> GuestRow:
        row = GuestRow(self)
        row.email.textChanged.connect(self.changed)  # not textEdited: text set through AT-SPI counts too
        row.email.editingFinished.connect(lambda r=row: self._on_row_left(r))
        row.remove.clicked.connect(lambda _=False, r=row: self.on_remove_clicked(r))
        self.rows.append(row)
        self._rows_box.addWidget(row)
        self._renumber()
        return row

    def _drop_row(self, row: GuestRow) -> None:
        self.rows.remove(row)
        self._rows_box.removeWidget(row)
        row.hide()
        row.deleteLater()
        self._renumber()

    def _on_row_left(self, row: GuestRow) -> None:
        if row in self.rows and not row.touched:
            row.touched = True
            self.touched.emit()

    def _renumber(self) -> None:
        for number, row in enumerate(self.rows, start=1):
            row.email.setAccessibleName(self.tr("Guest %1 email").replace("%1", str(number)))
            row.remove.setAccessibleName(self.tr("Remove guest %1").replace("%1", str(number)))

    def _update_controls(self) -> None:
        self.add_button.setEnabled(len(self.rows) < self._max)
        self.add_button.setAccessibleName(self.tr("Add guest"))
        if self._max:
            self.limit_note.setText(self.tr("Up to %n guest(s).", "", self._max))
        else:
            self.limit_note.clear()
