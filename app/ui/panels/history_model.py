"""History rows as plain data and a table model that loads them page by page as the view scrolls."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)

from app.booking.timefmt import from_ms

_CONTEXT = "HistoryPanel"
_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One booking as the history list shows it; `when_ms` is the meeting's start."""

    id: int
    when_ms: int
    attendee: str
    email: str
    company: str
    link: str


# Called with the cursor of the page to load (None: the first page); returns the rows and the next cursor,
# None when there are no more. The cursor is opaque here (the store's keyset cursor).
PageFetcher = Callable[[object | None], tuple[Sequence[HistoryRow], object | None]]


class HistoryTableModel(QAbstractTableModel):
    """Columns: when, attendee, email, company, link; rows arrive through fetchMore, never all at once."""

    WHEN, ATTENDEE, EMAIL, COMPANY, LINK = range(5)
    load_failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[HistoryRow] = []
        self._fetch: PageFetcher | None = None
        self._cursor: object | None = None
        self._exhausted = True
        self._zone: ZoneInfo | None = None
        self._locale = QLocale()

    def set_source(self, fetch: PageFetcher | None) -> None:
        """Start over with a new page source (e.g. after a new search); rows load on `fetchMore`."""
        self.beginResetModel()
        self._rows = []
        self._fetch = fetch
        self._cursor = None
        self._exhausted = fetch is None
        self.endResetModel()

    def set_display(self, zone: ZoneInfo | None, locale: QLocale) -> None:
        """Show times in `zone` (None: the system zone) formatted for `locale`."""
        self._zone, self._locale = zone, locale
        if self._rows:
            self.dataChanged.emit(self.index(0, self.WHEN), self.index(len(self._rows) - 1, self.WHEN))

    def is_complete(self) -> bool:
        """True when every page has been loaded."""
        return self._exhausted

    def row_at(self, row: int) -> HistoryRow:
        """The data of one loaded row."""
        return self._rows[row]

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if parent.isValid() or self._exhausted or self._fetch is None:
            return
        try:
            rows, cursor = self._fetch(self._cursor)
        except Exception as error:  # a failing source must not take the view down; the panel says so
            self._exhausted = True
            # The type only: the message of a store error may quote a searched name or email.
            _log.warning("loading a history page failed: %s", type(error).__name__)
            self.load_failed.emit(type(error).__name__)
            return
        self._cursor = cursor
        self._exhausted = cursor is None or not rows
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = ("When", "Attendee", "Email", "Company", "Link")
        return QCoreApplication.translate(_CONTEXT, titles[section])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column(), long=False)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, index.column(), long=True)
        return None

    def _text(self, row: HistoryRow, column: int, *, long: bool) -> str:
        if column == self.WHEN:
            return self._when(row.when_ms, long=long)
        return (row.attendee, row.email, row.company, row.link)[column - 1]

    def _when(self, ms: int, *, long: bool) -> str:
        moment = from_ms(ms, self._zone) if self._zone is not None else datetime.fromtimestamp(ms / 1000).astimezone()
        day = QDate(moment.year, moment.month, moment.day)
        date_format = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
        time_text = self._locale.toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
        return f"{self._locale.toString(day, date_format)} {time_text}"
