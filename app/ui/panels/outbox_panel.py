"""The outbox: every draft's state, what went wrong, and the actions valid for it; a count for the badge."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.panels.outbox_model import (
    OutboxAction,
    OutboxRow,
    OutboxTableModel,
    actions_for,
    needs_attention,
    state_text,
)


class OutboxPanel(QWidget):
    """A table of drafts and one button per action; actions leave as signals carrying the draft id."""

    send_now_requested = Signal(str)
    edit_requested = Signal(str)
    pick_new_time_requested = Signal(str)
    discard_requested = Signal(str)
    mark_booked_requested = Signal(str)
    attention_count_changed = Signal(int)
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Outbox"))
        self._attention = 0
        self.model = OutboxTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Drafts in the outbox"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the table for the action buttons; arrows move between drafts.
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self.table.activated.connect(self.on_row_activated)

        self.empty_note = QLabel(self.tr("Nothing is waiting in the outbox."), self)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.detail.setAccessibleName(self.tr("Selected draft"))

        self.buttons: dict[OutboxAction, QPushButton] = {}
        row = QHBoxLayout()
        for action, text, signal in (
            (OutboxAction.SEND_NOW, self.tr("Send now"), self.send_now_requested),
            (OutboxAction.EDIT, self.tr("Edit…"), self.edit_requested),
            (OutboxAction.PICK_NEW_TIME, self.tr("Pick a new time…"), self.pick_new_time_requested),
            (OutboxAction.MARK_BOOKED, self.tr("Mark as booked"), self.mark_booked_requested),
            (OutboxAction.DISCARD, self.tr("Discard"), self.discard_requested),
        ):
            button = QPushButton(text, self)
            button.setAccessibleName(text.rstrip("…"))
            button.clicked.connect(lambda _=False, a=action, s=signal: self._on_action(a, s))
            self.buttons[action] = button
            row.addWidget(button)
        row.addStretch(1)

        column = QVBoxLayout(self)
        column.addWidget(self.empty_note)
        column.addWidget(self.table, 1)
        column.addWidget(self.detail)
        column.addLayout(row)
        self._update_controls()

    def set_rows(self, rows: Sequence[OutboxRow]) -> None:
        """Show these drafts (the selection follows its draft id across refreshes)."""
        selected = self.selected_id()
        self.model.set_rows(rows)
        if selected is not None and (index := self.model.row_of(selected)) >= 0:
            self.table.selectRow(index)
        self._rows_changed()

    def update_rows(self, changes: Mapping[str, OutboxRow | None]) -> bool:
        """Change only these drafts' rows (None: no longer listed); False when one is new (then call set_rows)."""
        if not self.model.update_rows(changes):
            return False
        self._rows_changed()
        return True

    def _rows_changed(self) -> None:
        attention = sum(1 for r in self.model.rows() if needs_attention(r))
        self._update_controls()
        if attention != self._attention:
            self._attention = attention
            self.attention_count_changed.emit(attention)
        self.changed.emit()

    def set_display(self, zone: ZoneInfo | None, use_24h: bool | None = None) -> None:
        """Show start times in the rep's zone (None: the system's), 24-hour or AM/PM (None: the locale's clock)."""
        self.model.set_display(zone, self.locale(), use_24h)

    def attention_count(self) -> int:
        """How many drafts need the user (new time, rejected, unknown outcome)."""
        return self._attention

    def selected_id(self) -> str | None:
        """The id of the selected draft, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()).id if rows else None

    def select_id(self, draft_id: str) -> bool:
        """Select a draft by id (e.g. from a notification); False when it is not listed."""
        index = self.model.row_of(draft_id)
        if index < 0:
            return False
        self.table.selectRow(index)
        return True

    def on_selection_changed(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        self._update_controls()

    def on_row_activated(self, index: QModelIndex) -> None:
        # Enter on a draft opens it for editing when that is allowed; otherwise nothing happens by surprise.
        row = self.model.row_at(index.row())
        if OutboxAction.EDIT in actions_for(row):
            self.edit_requested.emit(row.id)

    def _on_action(self, action: OutboxAction, signal: SignalInstance) -> None:
        draft_id = self.selected_id()
        if draft_id is None:
            return
        if action in actions_for(self.model.row_at(self.model.row_of(draft_id))):
            signal.emit(draft_id)

    def _update_controls(self) -> None:
        draft_id = self.selected_id()
        row = self.model.row_at(self.model.row_of(draft_id)) if draft_id is not None else None
        allowed = actions_for(row) if row is not None else frozenset()
        for action, button in self.buttons.items():
            button.setEnabled(action in allowed)
        empty = self.model.rowCount() == 0
        self.empty_note.setVisible(empty)
        self.table.setVisible(not empty)
        if row is None:
            self.detail.clear()
        else:
            parts = [f"{row.attendee} — {state_text(row)}"]
            if row.last_error:
                parts.append(row.last_error)
            self.detail.setText("\n".join(parts))
