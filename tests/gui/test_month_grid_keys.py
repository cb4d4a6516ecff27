"""The calendar is one Tab stop with arrows, Home/End and PageUp/PageDown inside (WAI-ARIA grid pattern)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.ui.widgets.month_grid import DayButton, MonthGrid

OPEN = {date(2026, 9, d) for d in (2, 3, 4, 8, 9, 10, 11, 30)}


def _grid(qtbot: QtBot) -> MonthGrid:
    grid = MonthGrid()
    qtbot.addWidget(grid)
    grid.show_month(2026, 9, OPEN)
    grid.show()
    qtbot.waitExposed(grid)
    return grid


def test_only_one_day_takes_tab_and_padding_cells_are_hidden(qtbot: QtBot) -> None:
    grid = _grid(qtbot)
    tab_days = [c.day for c in grid.findChildren(DayButton) if c.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert tab_days == [date(2026, 9, 2)]
    stop = grid.tab_stop()
    assert isinstance(stop, DayButton) and stop.day == date(2026, 9, 2)
    padding = [c for c in grid.findChildren(DayButton) if c.day is None]
    assert padding and not any(c.isVisible() for c in padding)


def test_arrows_home_end_move_between_open_days(qtbot: QtBot) -> None:
    grid = _grid(qtbot)
    start = grid.tab_stop()
    start.setFocus()
    qtbot.keyClick(start, Qt.Key.Key_Right)
    assert grid.focusWidget() is grid.cell_for(date(2026, 9, 3))
    qtbot.keyClick(grid.focusWidget(), Qt.Key.Key_End)
    assert grid.focusWidget() is grid.cell_for(date(2026, 9, 4))  # the week's last open day
    qtbot.keyClick(grid.focusWidget(), Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert grid.focusWidget() is grid.cell_for(date(2026, 9, 30))
    assert grid.tab_stop() is grid.cell_for(date(2026, 9, 30))  # Tab comes back to the day last visited


def test_page_down_asks_for_the_next_month_and_focus_returns_to_a_day(qtbot: QtBot) -> None:
    grid = _grid(qtbot)
    grid.tab_stop().setFocus()
    with qtbot.waitSignal(grid.month_requested) as asked:
        qtbot.keyClick(grid.tab_stop(), Qt.Key.Key_PageDown)
    assert asked.args == [2026, 10]
    grid.show_month(2026, 10, set(), loading=True)
    grid.show_month(2026, 10, {date(2026, 10, 6)})
    assert grid.focusWidget() is grid.cell_for(date(2026, 10, 6))


def test_toggle_chooses_a_day(qtbot: QtBot) -> None:
    grid = _grid(qtbot)
    cell = grid.cell_for(date(2026, 9, 8))
    assert cell is not None
    with qtbot.waitSignal(grid.day_chosen) as chosen:
        cell.toggle()  # what AT-SPI's Toggle action calls
    assert chosen.args == [date(2026, 9, 8)]
    assert cell.isChecked()
