"""Outbox rows as plain data, the actions each state allows, and a table model over them."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.ui.panels.zoned_table import ZonedTableModel
from app.ui.runtime.i18n import translator

_CONTEXT = "OutboxPanel"
ATTENTION_STATES = frozenset({"needs_new_time", "rejected", "unknown"})


@dataclass(frozen=True, slots=True)
class OutboxRow:
    """One draft as the panel shows it; `state` and `verdict` use the outbox store's values."""

    id: str
    attendee: str
    link: str
    start_ms: int
    state: str  # draft, queued, sending, sent, needs_new_time, rejected, unknown, discarded
    last_error: str = ""
    verdict: str = ""  # "", no_calendar_event, probably_booked, probably_not_booked, offline


class OutboxAction(enum.Enum):
    """What the user may ask for on one draft."""

    SEND_NOW = "send_now"
    EDIT = "edit"
    PICK_NEW_TIME = "pick_new_time"
    DISCARD = "discard"
    MARK_BOOKED = "mark_booked"


_A = OutboxAction
_ACTIONS: dict[str, frozenset[OutboxAction]] = {
    "draft": frozenset({_A.SEND_NOW, _A.EDIT, _A.DISCARD}),
    "queued": frozenset({_A.SEND_NOW, _A.EDIT, _A.DISCARD}),
    "sending": frozenset(),
    "sent": frozenset(),
    "needs_new_time": frozenset({_A.PICK_NEW_TIME, _A.EDIT, _A.DISCARD}),
    "rejected": frozenset({_A.EDIT, _A.DISCARD}),
    # Never re-sent blindly: the user decides, and "send again" only once the time is known to be still open.
    "unknown": frozenset({_A.MARK_BOOKED, _A.PICK_NEW_TIME, _A.DISCARD}),
    "discarded": frozenset(),
}


def actions_for(row: OutboxRow) -> frozenset[OutboxAction]:
    """The actions valid for the row's state (an unknown outcome may be re-sent only when probably not booked)."""
    actions = _ACTIONS.get(row.state, frozenset())
    if row.state == "unknown" and row.verdict == "probably_not_booked":
        actions |= {_A.SEND_NOW}
    return actions


def needs_attention(row: OutboxRow) -> bool:
    """True when the user has to act on the draft."""
    return row.state in ATTENTION_STATES


_tr = translator(_CONTEXT)


def state_text(row: OutboxRow) -> str:
    """The row's state in words."""
    if row.state == "queued" and row.verdict == "offline":
        return _tr("Queued — waiting for the network")
    if row.state == "sent" and row.verdict == "no_calendar_event":
        return _tr("Sent — but no calendar event")
    if row.state == "unknown":
        if row.verdict == "probably_booked":
            return _tr("Probably booked — check HubSpot")
        if row.verdict == "probably_not_booked":
            return _tr("Probably not booked — you can send it again")
        return _tr("May have been booked — check HubSpot")
    texts = {
        "draft": _tr("Draft"),
        "queued": _tr("Queued"),
        "sending": _tr("Sending…"),
        "sent": _tr("Sent"),
        "needs_new_time": _tr("Needs a new time"),
        "rejected": _tr("Rejected by HubSpot"),
        "discarded": _tr("Discarded"),
    }
    return texts.get(row.state, row.state)


class OutboxTableModel(ZonedTableModel):
    """Columns: attendee, link, start, state, last error. `Qt.UserRole` gives the draft id."""

    ATTENDEE, LINK, START, STATE, ERROR = range(5)
    COLUMNS, TIME_COLUMN = 5, START

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[OutboxRow] = []

    def set_rows(self, rows: Sequence[OutboxRow]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update_rows(self, changes: Mapping[str, OutboxRow | None]) -> bool:
        """Replace the rows of these draft ids in place (None: remove it), without a reset: a flush changes one
        or two drafts per frame, and re-reading hundreds of rows for each fed full garbage collections.

        False (and nothing changed) when a changed draft is not listed yet: its place in the order is the
        store's to say, so the caller reads every row instead.
        """
        where = {row.id: index for index, row in enumerate(self._rows)}
        if any(draft_id not in where for draft_id, row in changes.items() if row is not None):
            return False
        removed = sorted((where[draft_id] for draft_id, row in changes.items() if row is None and draft_id in where))
        for draft_id, row in changes.items():
            if row is not None:
                index = where[draft_id]
                self._rows[index] = row
                self.dataChanged.emit(self.index(index, 0), self.index(index, self.COLUMNS - 1))
        for index in reversed(removed):  # from the bottom, so the numbers of the rows still to go stay right
            self.beginRemoveRows(QModelIndex(), index, index)
            del self._rows[index]
            self.endRemoveRows()
        return True

    def row_at(self, row: int) -> OutboxRow:
        """The data of one row."""
        return self._rows[row]

    def rows(self) -> list[OutboxRow]:
        """Every row, in display order."""
        return list(self._rows)

    def row_of(self, draft_id: str) -> int:
        """The row number of a draft, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.id == draft_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def _title(self, section: int) -> str:
        titles = ("Attendee", "Link", "Start", "State", "Last error")
        return QCoreApplication.translate(_CONTEXT, titles[section])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column, long=False)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column, long=True)
        return None

    def _text(self, row: OutboxRow, column: int, *, long: bool) -> str:
        if column == self.ATTENDEE:
            return row.attendee
        if column == self.LINK:
            return row.link
        if column == self.START:
            return self._moment(row.start_ms, long=long) if row.start_ms else ""
        if column == self.STATE:
            return state_text(row)
        return row.last_error
