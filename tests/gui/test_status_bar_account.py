"""The status bar names the account as people know it: user, portal (HubSpot domain) or hub id, else "Service key"."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.auth.account import Account
from app.ui.window.status_bar import BookingStatusBar

pytestmark = pytest.mark.gui


@pytest.mark.parametrize(
    ("account", "shown"),
    [
        (Account(kind="static"), "Service key"),
        (Account(kind="static", hub_id=123456), "Service key · hub 123456"),
        (Account(kind="oauth", user="jane@acme.com", hub_id=1, hub_domain="acme.com"), "jane@acme.com · acme.com"),
        (Account(kind="oauth", hub_id=42), "Signed in · hub 42"),
    ],
)
def test_account_label(qtbot: QtBot, account: Account, shown: str) -> None:
    bar = BookingStatusBar()
    qtbot.addWidget(bar)
    bar.set_account(False, account)
    assert bar.account.text() == shown
    assert "unknown" not in bar.account.text()
