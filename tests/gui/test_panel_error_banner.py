"""ErrorBanner: level in words and icon, actions come back by key, dismiss hides it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.ui.panels.error_banner import BannerAction, BannerLevel, ErrorBanner

pytestmark = pytest.mark.gui


def make_banner(qtbot: QtBot) -> ErrorBanner:
    banner = ErrorBanner()
    qtbot.addWidget(banner)
    return banner


def test_hidden_until_a_message_is_shown(qtbot: QtBot) -> None:
    banner = make_banner(qtbot)
    assert banner.isHidden()
    banner.show_message(BannerLevel.ERROR, "That time was just taken.")
    assert banner.isVisible()
    assert banner.title.text() == "Error"
    assert banner.message.text() == "That time was just taken."
    assert banner.property("level") == "error"
    assert not banner.icon.pixmap().isNull()
    assert banner.accessibleName() == "Error: That time was just taken."


def test_actions_come_back_by_key(qtbot: QtBot) -> None:
    banner = make_banner(qtbot)
    banner.show_message(
        BannerLevel.WARNING,
        "That time was just taken.",
        [BannerAction("pick_new_time", "Pick a new time"), BannerAction("save_draft", "Keep as draft")],
    )
    assert [b.text() for b in banner.action_buttons] == ["Pick a new time", "Keep as draft"]
    banner.activateWindow()
    qtbot.waitUntil(banner.isActiveWindow)
    banner.focus_first_action()
    assert banner.action_buttons[0].hasFocus()
    with qtbot.waitSignal(banner.action_triggered) as blocker:
        qtbot.keyClick(banner.action_buttons[1], Qt.Key.Key_Space)
    assert blocker.args == ["save_draft"]


def test_new_message_replaces_the_old_actions(qtbot: QtBot) -> None:
    banner = make_banner(qtbot)
    banner.show_message(BannerLevel.ERROR, "Offline.", [BannerAction("retry", "Retry")])
    banner.show_message(BannerLevel.INFO, "Saved to the outbox.")
    assert banner.action_buttons == []
    assert banner.level() is BannerLevel.INFO
    assert banner.title.text() == "Note"


def test_dismiss_hides_and_signals(qtbot: QtBot) -> None:
    banner = make_banner(qtbot)
    banner.show_message(BannerLevel.INFO, "Sent 3 queued bookings.")
    with qtbot.waitSignal(banner.dismissed):
        qtbot.keyClick(banner.close_button, Qt.Key.Key_Space)
    assert banner.isHidden()


def test_not_dismissible_has_no_dismiss_button(qtbot: QtBot) -> None:
    banner = make_banner(qtbot)
    banner.show_message(BannerLevel.WARNING, "Working offline.", dismissible=False)
    assert banner.close_button.isHidden()
