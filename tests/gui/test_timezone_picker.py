"""The zone picker starts with the rep's zone only and fills every zone when the user first reaches for it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.ui.widgets.timezone_picker import ZONE_ROLE, TimeZonePicker

pytestmark = pytest.mark.gui


def zones(picker: TimeZonePicker) -> list[str]:
    return [str(picker.itemData(i, ZONE_ROLE)) for i in range(picker.count())]


def test_keyboard_focus_fills_every_zone_and_keeps_the_chosen_one(qtbot: QtBot) -> None:
    picker = TimeZonePicker()
    qtbot.addWidget(picker)
    picker.set_zone("Europe/Berlin")
    picker.show()
    qtbot.waitExposed(picker)
    assert zones(picker) == ["Europe/Berlin"]  # nothing else built before first use
    picker.activateWindow()
    picker.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: picker.count() > 300)
    assert picker.current_zone() == "Europe/Berlin"
    assert {"Asia/Tokyo", "America/New_York"} <= set(zones(picker))
    with qtbot.waitSignal(picker.zone_chosen) as chosen:
        qtbot.keyClick(picker, Qt.Key.Key_Down)  # the next city, by keyboard alone
    assert chosen.args != ["Europe/Berlin"]
