"""GUI test set-up shared by the modules here: the app outlives its windows, a demo window, a loopback HubSpot.

A module whose window differs (another language, a real account) defines its own `session` fixture.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import pytest_asyncio
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.sandbox.state import DEMO_TOKEN
from app.settings import Settings
from app.ui.window.window_controller import WindowController
from tests.gui.window_support import SLUG, Loopback, close_session, open_session


@pytest.fixture(autouse=True)
def _app_keeps_running_when_windows_close(qapp: QApplication) -> None:
    """As in the app: closing the last window must not stop the loop the test (like main()) still runs on."""
    qapp.setQuitOnLastWindowClosed(False)


@pytest.fixture
def loopback() -> Iterator[Loopback]:
    served = Loopback()
    served.up()
    yield served
    served.down()


@pytest_asyncio.fixture
async def session(qtbot: QtBot, tmp_path: Path) -> AsyncIterator[WindowController]:
    """The window on the demo sandbox, ready on the demo link's first open day."""
    settings = Settings(timezone="Europe/Berlin", use_24h=True, default_link=SLUG)
    opened = await open_session(qtbot, tmp_path / "profile", settings=settings)
    yield opened
    await close_session(opened)


@pytest_asyncio.fixture
async def account_session(
    qtbot: QtBot, tmp_path: Path, loopback: Loopback, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[WindowController]:
    """The window signed in (a script's token) against the loopback sandbox, on the demo link's first open day."""
    monkeypatch.setenv("BOOKING_ASSISTANT_TOKEN", DEMO_TOKEN)  # a script's token: the keychain is never opened
    settings = Settings(timezone="Europe/Berlin", use_24h=True, default_link=SLUG)
    opened = await open_session(qtbot, tmp_path / "profile", settings=settings, demo=False, api_base=loopback.base)
    assert not opened.services.demo
    yield opened
    await close_session(opened)
