"""History columns fit what they show (When never cut; Link takes the rest), keep widths the user dragged, and an
empty search says that nothing matched it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from app.ui.panels.history_model import HistoryTableModel
from app.ui.panels.history_panel import HistoryPanel
from tests.gui.test_panel_history import FakeHistory, make_panel

WHEN, EMAIL, LINK = HistoryTableModel.WHEN, HistoryTableModel.EMAIL, HistoryTableModel.LINK


def text_width(panel: HistoryPanel, row: int, column: int) -> int:
    return panel.table.fontMetrics().horizontalAdvance(str(panel.model.data(panel.model.index(row, column))))


def fitted(qtbot: QtBot) -> tuple[HistoryPanel, FakeHistory]:
    panel = make_panel(qtbot)
    panel.resize(900, 400)
    history = FakeHistory(total=500)
    panel.set_source(history.source())
    qtbot.waitUntil(lambda: panel.table.columnWidth(WHEN) > text_width(panel, 0, WHEN))
    return panel, history


def test_when_and_email_fit_their_text_and_link_takes_the_rest(qtbot: QtBot) -> None:
    panel, _ = fitted(qtbot)
    table = panel.table
    for column in (WHEN, EMAIL):
        assert table.columnWidth(column) > text_width(panel, 0, column), column
    assert table.horizontalHeader().stretchLastSection()
    used = sum(table.columnWidth(c) for c in range(LINK))
    assert used + table.columnWidth(LINK) >= table.viewport().width() - 2


def test_a_dragged_width_is_kept_and_comes_back(qtbot: QtBot) -> None:
    panel, history = fitted(qtbot)
    header = panel.table.horizontalHeader()
    edge = header.sectionViewportPosition(EMAIL) + header.sectionSize(EMAIL) - 1
    y = header.height() // 2
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    qtbot.mouseMove(header.viewport(), QPoint(edge + 50, y))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + 50, y))
    dragged = panel.table.columnWidth(EMAIL)
    panel.set_source(history.source())  # a new search…
    panel.fit_columns()  # …and the fit it schedules do not undo the user's width
    assert panel.table.columnWidth(EMAIL) == dragged
    state = panel.header_state()
    assert state

    again = make_panel(qtbot)
    again.restore_header_state(state)
    again.set_source(history.source())
    assert again.table.columnWidth(EMAIL) == dragged


def test_a_search_with_no_result_says_nothing_matched(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.search_requested.connect(lambda _text: panel.set_source(FakeHistory(total=0).source()))
    qtbot.keyClicks(panel.search, "zebra")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert panel.status.isVisible()
    assert panel.status.text().startswith("No bookings match “zebra”.")
