"""Typing into the zone and link fields, then Tab, Enter or leaving: the typed choice applies, or the field goes
back to what is in effect. Real key events into the window (the bug: "Santiago" + Tab left Sydney's times)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton
from pytestqt.qtbot import QtBot

from app.settings import Settings
from app.ui.window.window_controller import WindowController
from tests.gui.window_support import SLUG, close_session, open_session


def edit_text(combo: QComboBox) -> str:
    """What the editable combo box's line shows."""
    line = combo.lineEdit()
    assert line is not None
    return line.text()


pytestmark = pytest.mark.gui


@pytest_asyncio.fixture
async def sydney(qtbot: QtBot, tmp_path: Path) -> AsyncIterator[WindowController]:
    settings = Settings(timezone="Australia/Sydney", use_24h=True, default_link=SLUG)
    opened = await open_session(qtbot, tmp_path / "profile", settings=settings, activate=True)
    qtbot.waitUntil(opened.window.isActiveWindow)
    yield opened
    await close_session(opened)


def shown_times(session: WindowController) -> list[str]:
    return [button.text() for button in session.window.open_times.time_buttons()]


def times_in(session: WindowController, zone: str) -> list[str]:
    """What the shown buttons' instants read as on a clock in `zone` (HH:MM)."""
    return [
        datetime.fromtimestamp(int(b.property("start_ms")) / 1000, ZoneInfo(zone)).strftime("%H:%M")
        for b in session.window.open_times.time_buttons()
    ]


def press(qtbot: QtBot, key: Qt.Key) -> None:
    """A key press where Qt delivers it: the completer's open list grabs the keyboard, else the focused widget."""
    target = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key)


def type_over(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Focus the field as Tab would, select what it shows and type over it, key by key."""
    # Offscreen, a closed completer list leaves no active window behind (a desktop re-activates the window).
    combo.window().activateWindow()
    qtbot.waitUntil(combo.window().isActiveWindow)
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(combo.hasFocus)
    edit = combo.lineEdit()
    assert edit is not None
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, text)


@pytest.mark.asyncio
@pytest.mark.parametrize("key", [Qt.Key.Key_Tab, Qt.Key.Key_Return])
async def test_typed_city_then_tab_or_enter_shows_its_times(
    sydney: WindowController, qtbot: QtBot, key: Qt.Key
) -> None:
    picker = sydney.window.zone_picker
    assert [t[:5] for t in shown_times(sydney)] == times_in(sydney, "Australia/Sydney")
    type_over(qtbot, picker, "Santiago")
    press(qtbot, key)
    await sydney.window.tasks.idle()
    assert sydney.controller.state.timezone == "America/Santiago"
    assert picker.current_zone() == "America/Santiago"
    assert picker.currentText().startswith("Santiago — America/Santiago")
    assert edit_text(picker) == picker.currentText()
    shown = shown_times(sydney)
    assert shown
    assert [t[:5] for t in shown] == times_in(sydney, "America/Santiago")  # the buttons read Santiago's clock


@pytest.mark.asyncio
async def test_country_then_focus_leaving_applies_its_zone(sydney: WindowController, qtbot: QtBot) -> None:
    picker = sydney.window.zone_picker
    type_over(qtbot, picker, "Mumbai")
    press(qtbot, Qt.Key.Key_Escape)  # closes the list of matches; "Mumbai" stays typed
    assert edit_text(picker) == "Mumbai"
    other = sydney.window.link_picker.combo.lineEdit()
    qtbot.mouseClick(other, Qt.MouseButton.LeftButton)  # then a click elsewhere
    await sydney.window.tasks.idle()
    assert sydney.controller.state.timezone == "Asia/Kolkata"
    assert edit_text(picker).startswith("Kolkata — Asia/Kolkata")
    assert [t[:5] for t in shown_times(sydney)] == times_in(sydney, "Asia/Kolkata")


@pytest.mark.asyncio
async def test_text_meaning_no_single_zone_reverts_to_the_zone_in_effect(
    sydney: WindowController, qtbot: QtBot
) -> None:
    picker = sydney.window.zone_picker
    before = shown_times(sydney)
    for typed in ("Atlantis", "IST"):  # nothing; several zones (India, Ireland, Israel)
        type_over(qtbot, picker, typed)
        with qtbot.waitSignal(picker.search.reverted):
            press(qtbot, Qt.Key.Key_Return)
        assert edit_text(picker).startswith("Sydney — Australia/Sydney")
    await sydney.window.tasks.idle()
    assert sydney.controller.state.timezone == "Australia/Sydney"
    assert shown_times(sydney) == before


@pytest.mark.asyncio
async def test_typed_meeting_link_name_then_tab_opens_that_link(sydney: WindowController, qtbot: QtBot) -> None:
    combo = sydney.window.link_picker.combo
    type_over(qtbot, combo, "product demo")  # part of "Product demo (group)", the only link containing it
    press(qtbot, Qt.Key.Key_Tab)
    await sydney.window.tasks.idle()
    assert sydney.controller.state.slug == "product-demo"
    assert sydney.window.link_picker.current_slug() == "product-demo"
    assert edit_text(combo).startswith("Product demo (group)")

    type_over(qtbot, combo, "intro")  # two links have an intro call: none is applied
    with qtbot.waitSignal(sydney.window.link_picker.search.reverted):
        press(qtbot, Qt.Key.Key_Tab)
    assert edit_text(combo) == combo.currentText()
    assert sydney.controller.state.slug == "product-demo"


@pytest.mark.asyncio
async def test_zone_change_keeps_the_shown_month_and_chosen_day(sydney: WindowController, qtbot: QtBot) -> None:
    window = sydney.window
    grid = window.month_grid
    start = grid.shown_month
    next_month = next(b for b in grid.findChildren(QPushButton) if b.accessibleName() == "Next month")
    qtbot.mouseClick(next_month, Qt.MouseButton.LeftButton)
    await window.tasks.idle()
    later = grid.shown_month
    assert later != start
    days = sorted(grid.open_days())
    assert len(days) > 1
    chosen = days[len(days) // 2]  # not the first open day, which a reload would land on anyway
    cell = grid.cell_for(chosen)
    assert cell is not None
    qtbot.mouseClick(cell, Qt.MouseButton.LeftButton)
    assert sydney.controller.state.day == chosen

    type_over(qtbot, window.zone_picker, "Tokyo")  # an hour off Sydney: the same days have open times
    press(qtbot, Qt.Key.Key_Return)
    await window.tasks.idle()
    assert sydney.controller.state.timezone == "Asia/Tokyo"
    assert grid.shown_month == later
    assert sydney.controller.state.day == chosen
    assert grid.cell_for(chosen) is not None
    assert [t[:5] for t in shown_times(sydney)] == times_in(sydney, "Asia/Tokyo")
