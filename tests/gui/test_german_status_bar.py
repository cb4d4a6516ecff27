"""German status bar: the account ("Service key") translated, and "wartend" as the kiosk says it (not "warten")."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.auth.account import Account
from app.ui.window.status_bar import BookingStatusBar
from tests.i18n_fixtures import compiled, german  # noqa: F401 - the fixtures

pytestmark = pytest.mark.gui


@pytest.mark.usefixtures("german")
def test_status_bar_account_and_waiting_count_in_german(qtbot: QtBot) -> None:
    bar = BookingStatusBar()
    qtbot.addWidget(bar)
    bar.set_account(False, Account(kind="static", hub_id=7))
    assert bar.account.text() == "Service-Schlüssel · Hub 7"
    for count in (0, 1, 3):
        bar.set_queued(count)
        assert bar.queued.text() == f"{count} wartend"
