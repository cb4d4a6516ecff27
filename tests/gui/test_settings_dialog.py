"""The settings dialog: opened without exec(), saved to the file, applied to the window at once."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.paths import Paths
from app.settings import Settings, load_settings, save_settings
from app.ui.main_window import MainWindow
from app.ui.session import Session
from app.ui.settings_dialog import SettingsDialog
from app.ui.timezone_picker import ZONE_ROLE

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _app_keeps_running_when_windows_close(qapp: QApplication) -> None:
    qapp.setQuitOnLastWindowClosed(False)


def test_dialog_value_keeps_fields_it_does_not_show(qtbot: QtBot) -> None:
    original = Settings(last_link="kept", api_base="https://api.hubapi.com")
    dialog = SettingsDialog(original, [])
    qtbot.addWidget(dialog)
    dialog.retention.setValue(30)
    dialog.clock.setCurrentIndex(2)
    value = dialog.value()
    assert (value.history_retention_days, value.use_24h) == (30, False)
    assert (value.last_link, value.api_base) == ("kept", "https://api.hubapi.com")
    assert value.timezone == "system"


@pytest.mark.asyncio
async def test_saved_settings_are_written_and_applied(qtbot: QtBot, tmp_path: Path) -> None:
    paths = Paths.for_profile(tmp_path / "profile")
    paths.ensure()
    save_settings(paths.settings_file, Settings(timezone="Europe/Berlin", use_24h=True))
    window = MainWindow(on_close=lambda: None)
    qtbot.addWidget(window)
    args = argparse.Namespace(demo=True, smoke=False, screenshot=None, api_base=None, kiosk=False)
    session = Session(window, args, paths, load_settings(paths.settings_file))
    window.show()
    try:
        await session.start()
        await session.ready()
        window.settings_requested.emit()
        await asyncio.sleep(0)
        dialogs = window.findChildren(SettingsDialog)
        assert len(dialogs) == 1 and dialogs[0].isVisible()
        dialog = dialogs[0]
        dialog.zone.setCurrentIndex(dialog.zone.findData("Asia/Tokyo", ZONE_ROLE))
        dialog.clock.setCurrentIndex(2)  # 12-hour
        dialog.default_link.setCurrentIndex(dialog.default_link.findData("product-demo"))
        dialog.accept()
        await session.tasks.idle()

        saved = load_settings(paths.settings_file).settings
        assert (saved.timezone, saved.use_24h, saved.default_link) == ("Asia/Tokyo", False, "product-demo")
        assert session.controller.state.timezone == "Asia/Tokyo"
        assert window.zone_picker.current_zone() == "Asia/Tokyo"
        assert all(("AM" in b.text() or "PM" in b.text()) for b in window.open_times.time_buttons())
    finally:
        window.close()
        await session.aclose()
