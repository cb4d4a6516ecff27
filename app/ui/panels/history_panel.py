"""Booking history: a debounced search box and a random-access table, so 100,000 rows stay instant."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from app.ui.panels.history_model import HistoryTableModel, RowSource

SEARCH_DELAY_MS = 200


class HistoryPanel(QWidget):
    """The controller answers `search_requested` with `set_source(source)`; rows load as they are shown.

    Reads run on the UI thread: a count and a page of 100 rows take a few ms on 100,000 bookings (indexed order,
    trigram search index). The slowest case, a one- or two-letter search the trigram index cannot answer, scans
    every row (~30 ms at 100,000) once per debounced search: still under two frames, so a worker thread would only
    add latency, cancellation and a second database connection.
    """

    search_requested = Signal(str)
    record_activated = Signal(int)
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("History"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search by name, email or company"))
        self.search.setAccessibleName(self.tr("Search history"))
        self.search.setClearButtonEnabled(True)
        self.search.textEdited.connect(self.on_search_edited)
        self.search.returnPressed.connect(self.on_search_now)
        # Wait until typing pauses, so a search runs once per word rather than once per key.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.on_search_now)

        self.model = HistoryTableModel(self)
        self.model.load_failed.connect(self.on_load_failed)
        self.model.modelReset.connect(self._update_status)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Booked meetings"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        # Fixed row heights and no size-to-contents: the view never measures rows it does not show.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self.on_row_activated)
        self.status = QLabel(self)
        self.status.setWordWrap(True)

        column = QVBoxLayout(self)
        column.addWidget(self.search)
        column.addWidget(self.table, 1)
        column.addWidget(self.status)
        self._failed = False
        self._has_source = False
        self._update_status()

    def set_source(self, source: RowSource | None) -> None:
        """Show the rows of `source` (None: nothing)."""
        self._failed = False
        self._has_source = source is not None
        self.model.set_source(source)
        self._update_status()
        self.changed.emit()

    def set_display(self, zone: ZoneInfo | None, use_24h: bool | None = None) -> None:
        """Show times in the rep's zone (None: the system zone); a 24-hour clock or AM/PM (None: the locale's)."""
        self.model.set_display(zone, self.locale(), use_24h)

    def search_text(self) -> str:
        """What is in the search box."""
        return self.search.text()

    def on_search_edited(self, _text: str) -> None:
        self._debounce.start()

    def on_search_now(self) -> None:
        self._debounce.stop()
        self.search_requested.emit(self.search.text().strip())

    def on_row_activated(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.record_activated.emit(row.id)

    def on_load_failed(self, reason: str) -> None:
        self._failed = True
        self._update_status()

    def _update_status(self) -> None:
        if self._failed:
            self.status.setText(self.tr("Could not load more of the history. Try the search again."))
        elif self._has_source and self.model.rowCount() == 0:
            self.status.setText(self.tr("No bookings found."))
        else:
            self.status.clear()
        self.status.setVisible(bool(self.status.text()))
