"""The settings dialog: opened without exec(), saved to the file, applied to the window at once."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.settings import Settings, load_settings
from app.ui.dialogs.settings_dialog import SettingsDialog
from app.ui.widgets.timezone_picker import ZONE_ROLE
from tests.gui.window_support import close_session, open_session

pytestmark = pytest.mark.gui


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
    session = await open_session(qtbot, tmp_path / "profile", settings=Settings(timezone="Europe/Berlin", use_24h=True))
    window, paths = session.window, session.paths
    try:
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
        await close_session(session)
