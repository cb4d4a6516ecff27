"""The window opens at a size that fits the screen (on a real X screen: tests/e2e/test_xcb_smoke.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from pytestqt.qtbot import QtBot

from app.ui.window.main_window import MainWindow, default_geometry
from app.window_state import WindowStateFile

pytestmark = pytest.mark.gui


def test_default_size_fits_a_1024x768_screen_with_a_panel() -> None:
    available = QRect(0, 27, 1024, 741)  # a top panel takes 27 px
    placed = default_geometry(available)
    assert available.contains(placed)
    assert placed.width() <= 1024 - 16 and placed.height() <= 741 - 48
    assert default_geometry(QRect(0, 0, 2560, 1440)).size().toTuple() == (1120, 720)  # big screens: the design


def open_window(qtbot: QtBot, state: WindowStateFile) -> MainWindow:
    window = MainWindow(on_close=lambda: None)
    qtbot.addWidget(window)
    window.place(state)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_broken_state_file_gives_the_default_place(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "window-state.json"
    path.write_text("{not json", encoding="utf-8")
    window = open_window(qtbot, WindowStateFile(path))
    expected = default_geometry(window.screen().availableGeometry()).size().expandedTo(window.minimumSizeHint())
    assert window.size() == expected
