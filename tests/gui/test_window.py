"""The booking window against the in-process sandbox (demo): opens with data, link → day → time, remembers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.paths import Paths
from app.settings import Settings, load_settings
from app.ui.widgets.link_picker import SLUG_ROLE
from app.ui.window.main_window import MainWindow
from app.ui.window.window_controller import WindowController
from tests.gui.window_support import close_session, open_session, window_args

pytestmark = pytest.mark.gui


class Opened:
    def __init__(self, session: WindowController) -> None:
        self.window, self.session, self.paths = session.window, session, session.paths
        self.closed = False

    def close(self) -> None:
        self.closed = True


@pytest_asyncio.fixture
async def opened(qtbot: QtBot, tmp_path: Path) -> AsyncIterator[Opened]:
    holder: list[Opened] = []
    settings = Settings(timezone="Europe/Berlin", use_24h=True)
    session = await open_session(qtbot, tmp_path / "profile", settings=settings, on_close=lambda: holder[0].close())
    holder.append(Opened(session))
    yield holder[0]
    await close_session(session)


def open_days(window: MainWindow) -> list[date]:
    return sorted(window.month_grid.open_days())


@pytest.mark.asyncio
async def test_window_opens_with_demo_data(opened: Opened) -> None:
    window = opened.window
    assert window.link_picker.combo.count() == 5
    assert "Demo" in window.status.account.text()
    assert window.zone_picker.current_zone() == "Europe/Berlin"
    assert open_days(window), "the first month shown has open days"
    # Lands on the first open day with its times, each announced as a full date and time.
    first_day = open_days(window)[0]
    assert opened.session.controller.state.day == first_day
    buttons = window.open_times.time_buttons()
    assert buttons
    assert str(first_day.year) in buttons[0].accessibleName()
    assert ":" in buttons[0].accessibleName()


@pytest.mark.asyncio
async def test_closed_days_are_disabled_and_open_days_enabled(opened: Opened) -> None:
    grid = opened.window.month_grid
    year, month = grid.shown_month
    for day_number in range(1, 29):
        day = date(year, month, day_number)
        cell = grid.cell_for(day)
        assert cell is not None
        assert cell.isEnabled() == (day in grid.open_days())
        assert str(year) in cell.accessibleName()


@pytest.mark.asyncio
async def test_pick_link_then_day_then_time(opened: Opened, qtbot: QtBot) -> None:
    window, controller = opened.window, opened.session.controller
    combo = window.link_picker.combo
    index = combo.findData("product-demo", SLUG_ROLE)
    assert index >= 0
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    await window.tasks.idle()
    assert controller.state.slug == "product-demo"
    assert "Group" in window.link_picker.details.text()

    days = open_days(window)
    assert days
    target = days[-1]
    cell = window.month_grid.cell_for(target)
    assert cell is not None
    qtbot.mouseClick(cell, Qt.MouseButton.LeftButton)
    assert controller.state.day == target
    assert window.open_times.time_buttons()

    button = window.open_times.time_buttons()[0]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert controller.state.start_ms == button.property("start_ms")
    assert button.isChecked()
    assert button.accessibleName() in window.book.chosen.text()
    # Remembered for the next start.
    assert load_settings(opened.paths.settings_file).settings.last_link == "product-demo"


@pytest.mark.asyncio
async def test_month_navigation_fetches_and_shows_the_next_month(opened: Opened) -> None:
    window = opened.window
    year, month = window.month_grid.shown_month
    window.month_grid._next.click()
    await window.tasks.idle()
    expected = (year + month // 12, month % 12 + 1)
    assert window.month_grid.shown_month == expected
    assert expected in opened.session.controller.state.pages


@pytest.mark.asyncio
async def test_twelve_hour_toggle_changes_labels_and_is_remembered(opened: Opened) -> None:
    window = opened.window
    before = [b.text() for b in window.open_times.time_buttons()]
    window.open_times._clock.click()
    after = [b.text() for b in window.open_times.time_buttons()]
    assert before != after
    assert all(("AM" in t or "PM" in t) for t in after)
    assert load_settings(opened.paths.settings_file).settings.use_24h is False


@pytest.mark.asyncio
async def test_closing_the_window_signals_main_to_clean_up(opened: Opened) -> None:
    opened.window.close()
    assert opened.closed


@pytest.mark.asyncio
async def test_broken_settings_file_is_reported_in_a_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    paths = Paths.for_profile(tmp_path / "profile")
    paths.ensure()
    paths.settings_file.write_text("{broken", encoding="utf-8")
    window = MainWindow(on_close=lambda: None)
    qtbot.addWidget(window)
    session = WindowController(window, window_args(), paths, load_settings(paths.settings_file))
    window.show()
    try:
        await session.start()
        boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        assert boxes
        assert str(paths.settings_file) in boxes[0].text()
        assert list(paths.config_dir.glob("settings.json.broken-*"))
        for box in boxes:
            box.close()
    finally:
        window.close()
        await session.aclose()


@pytest.mark.asyncio
async def test_a_session_that_never_started_closes_cleanly(qtbot: QtBot, tmp_path: Path) -> None:
    """A start that failed before any services opened (main() still calls aclose): nothing to close fails."""
    paths = Paths.for_profile(tmp_path / "profile")
    paths.ensure()
    window = MainWindow(on_close=lambda: None)
    qtbot.addWidget(window)
    session = WindowController(window, window_args(), paths, load_settings(paths.settings_file))
    assert not session.demo and session.link_count == 0
    await session.aclose()
    with pytest.raises(AssertionError, match="has not started"):
        _ = session.services
