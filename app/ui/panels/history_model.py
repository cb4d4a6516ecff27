"""History rows as plain data and a random-access table model: the row count up front, rows page by page on demand."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from app.ui.panels.zoned_table import ZonedTableModel

_CONTEXT = "HistoryPanel"
_log = logging.getLogger(__name__)

#: Rows per page read from the source, and how many pages stay cached (a screenful is well under one page).
PAGE_ROWS = 100
CACHED_PAGES = 8


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One booking as the history list shows it; `when_ms` is the meeting's start."""

    id: int
    when_ms: int
    attendee: str
    email: str
    company: str
    link: str


@dataclass(frozen=True, slots=True)
class RowSource:
    """Random access to the rows of one search, newest first: how many there are, and `rows(offset, limit)`."""

    count: Callable[[], int]
    rows: Callable[[int, int], Sequence[HistoryRow]]


class HistoryTableModel(ZonedTableModel):
    """Columns: when, attendee, email, company, link. The row count is the search's count, so the scroll bar is
    true at once and jumping to the end is one read; rows come from a small LRU of pages loaded when shown."""

    WHEN, ATTENDEE, EMAIL, COMPANY, LINK = range(5)
    COLUMNS, TIME_COLUMN = 5, WHEN
    load_failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source: RowSource | None = None
        self._count = 0
        self._pages: OrderedDict[int, Sequence[HistoryRow]] = OrderedDict()
        self._failed = False
        self.pages_loaded = 0  # reads from the source since the last set_source (tests and benchmarks)

    def set_source(self, source: RowSource | None) -> None:
        """Show the rows of `source` (None: nothing); counts them now, reads rows only when they are shown."""
        self.beginResetModel()
        self._source = source
        self._pages.clear()
        self._failed = False
        self.pages_loaded = 0
        self._count = 0
        if source is not None:
            try:
                self._count = max(0, int(source.count()))
            except Exception as error:  # a failing source must not take the view down; the panel says so
                self._fail(error)
        self.endResetModel()

    def failed(self) -> bool:
        """True when the source failed to answer since the last `set_source`."""
        return self._failed

    def row_at(self, row: int) -> HistoryRow | None:
        """The data of one row (read from the source if its page is not cached); None if it cannot be read."""
        if not 0 <= row < self._count or self._source is None:
            return None
        page_number, within = divmod(row, PAGE_ROWS)
        page = self._page(page_number)
        return page[within] if page is not None and within < len(page) else None

    def _page(self, number: int) -> Sequence[HistoryRow] | None:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        if self._failed or self._source is None:
            return None
        try:
            page = self._source.rows(number * PAGE_ROWS, PAGE_ROWS)
        except Exception as error:
            self._fail(error)
            return None
        self.pages_loaded += 1
        self._pages[number] = page
        if len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    def _fail(self, error: Exception) -> None:
        # Once per source: a view asks for every visible cell, and each would fail the same way.
        self._failed = True
        # The type only: the message of a store error may quote a searched name or email.
        _log.warning("loading history rows failed: %s", type(error).__name__)
        self.load_failed.emit(type(error).__name__)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def _title(self, section: int) -> str:
        titles = ("When", "Attendee", "Email", "Company", "Link")
        return QCoreApplication.translate(_CONTEXT, titles[section])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in _ROLES:
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return self._text(row, index.column(), long=role != Qt.ItemDataRole.DisplayRole)

    def _text(self, row: HistoryRow, column: int, *, long: bool) -> str:
        if column == self.WHEN:
            return self._moment(row.when_ms, long=long)
        return (row.attendee, row.email, row.company, row.link)[column - 1]


# Roles answered; any other (font, colours, size hints…) is answered without touching the source.
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.UserRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)
