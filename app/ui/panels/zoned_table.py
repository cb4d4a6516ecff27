"""The part the Outbox and History tables share: one column of moments shown in the rep's zone, locale and clock."""

from __future__ import annotations

from typing import ClassVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.ui.runtime.formatting import format_moment


class ZonedTableModel(QAbstractTableModel):
    """A table of `COLUMNS` columns whose `TIME_COLUMN` shows moments; a subclass gives rows and `_title(section)`."""

    COLUMNS: ClassVar[int]
    TIME_COLUMN: ClassVar[int]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zone: ZoneInfo | None = None
        self._use_24h: bool | None = None
        self._locale = QLocale()

    def set_display(self, zone: ZoneInfo | None, locale: QLocale, use_24h: bool | None = None) -> None:
        """Show times in `zone` (None: the system zone) formatted for `locale` (`use_24h` None: its clock)."""
        self._zone, self._locale, self._use_24h = zone, locale, use_24h
        count = self.rowCount()
        if count:
            self.dataChanged.emit(self.index(0, self.TIME_COLUMN), self.index(count - 1, self.TIME_COLUMN))

    def _moment(self, ms: int, *, long: bool) -> str:
        return format_moment(ms, self._zone, self._use_24h, self._locale, long=long)

    def _title(self, section: int) -> str:
        raise NotImplementedError

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._title(section)
