"""Booking history: a debounced search box and a random-access table, so 100,000 rows stay instant."""

from __future__ import annotations

from typing import ClassVar
from zoneinfo import ZoneInfo

from PySide6.QtCore import QByteArray, QModelIndex, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

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
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)  # Link takes what is left: long link names matter least
        # Columns fit what is shown (When never cut, names and emails up to a cap) until the user drags one;
        # from then on their widths are kept, also across starts (the window saves `header_state`).
        self._user_sized = False
        self._fitting = False
        header.sectionResized.connect(self._on_section_resized)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_columns)
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
        self._fit_timer.start()  # after the view has laid out the rows it shows
        self.changed.emit()

    # --- column widths ------------------------------------------------------------------------------------

    #: Widest a column grows to fit its contents (px); longer values are elided, the full text is the tooltip.
    CAPS: ClassVar[dict[int, int]] = {
        HistoryTableModel.ATTENDEE: 220,
        HistoryTableModel.EMAIL: 280,
        HistoryTableModel.COMPANY: 200,
    }

    def fit_columns(self) -> None:
        """Size When, Attendee, Email and Company to the rows shown (the view measures only those)."""
        if self._user_sized or self.model.rowCount() == 0:
            return
        header = self.table.horizontalHeader()
        # Measured here rather than by QTableView.sizeHintForColumn, which reads ~1000 rows (ten pages).
        first = max(0, self.table.rowAt(0))
        last = self.table.rowAt(self.table.viewport().height() - 1)
        last = min(self.model.rowCount() - 1, first + 40) if last < 0 else last
        metrics = self.table.fontMetrics()
        padding = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 16
        self._fitting = True
        try:
            for column in range(HistoryTableModel.LINK):
                texts = (str(self.model.data(self.model.index(row, column)) or "") for row in range(first, last + 1))
                widest = max((metrics.horizontalAdvance(text) for text in texts), default=0) + padding
                width = max(widest, header.sectionSizeHint(column))
                cap = self.CAPS.get(column)
                header.resizeSection(column, min(width, cap) if cap else width)
        finally:
            self._fitting = False

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        last = self.model.columnCount() - 1
        if not self._fitting and column != last and self.table.isVisible():
            self._user_sized = True

    def header_state(self) -> str:
        """The columns as the user left them ("" while they are still fitted automatically)."""
        if not self._user_sized:
            return ""
        return bytes(self.table.horizontalHeader().saveState().toBase64().data()).decode()

    def restore_header_state(self, state: str) -> None:
        if state and self.table.horizontalHeader().restoreState(QByteArray.fromBase64(state.encode())):
            self._user_sized = True

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
        elif self._has_source and self.model.rowCount() == 0 and self.search.text().strip():
            self.status.setText(
                self.tr("No bookings match “%1”. Try part of a name, an email or a company.").replace(
                    "%1", self.search.text().strip()
                )
            )
        elif self._has_source and self.model.rowCount() == 0:
            self.status.setText(self.tr("No bookings found."))
        else:
            self.status.clear()
        self.status.setVisible(bool(self.status.text()))
