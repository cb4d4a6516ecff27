"""Signing in from the window against the sandbox over loopback: demo without an account, a key (and a key
missing scopes), OAuth in the "browser" (a test plays it), cancel, sign-out, and no keychain. In-memory keyring only.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.hubspot.errors import READ_SCOPE, RECOMMENDED_WRITE_SCOPE
from app.paths import Paths
from app.sandbox.oauth import SANDBOX_PUBLIC_CLIENT_ID, SANDBOX_USER_EMAIL
from app.sandbox.server import running_server
from app.sandbox.state import DEMO_TOKEN, SandboxState
from app.settings import Settings, load_settings
from app.ui.sign_in.sign_in_dialog import SignInDialog
from app.ui.window.main_window import MainWindow
from app.ui.window.window_controller import WindowController
from tests.auth_fixtures import memory_keyring  # noqa: F401
from tests.auth_keyring import MemoryKeyring
from tests.gui.window_support import close_session, open_session

pytestmark = pytest.mark.gui


@pytest.fixture
def sandbox() -> Iterator[tuple[SandboxState, str]]:
    gc.collect()  # earlier tests' Qt timers must die on this thread, not the server's
    state = SandboxState()
    with running_server(state) as base:
        yield state, base


class Opened:
    def __init__(self, window: MainWindow, session: WindowController) -> None:
        self.window, self.session = window, session


async def open_window(qtbot: QtBot, profile: Path, base: str) -> Opened:
    first_start = not Paths.for_profile(profile).settings_file.exists()
    settings = Settings(timezone="Europe/Berlin") if first_start else None
    session = await open_session(qtbot, profile, settings=settings, demo=False, api_base=base)
    return Opened(session.window, session)


@pytest_asyncio.fixture
async def opened(
    qtbot: QtBot,
    tmp_path: Path,
    sandbox: tuple[SandboxState, str],
    memory_keyring: MemoryKeyring,  # noqa: F811 - installed before the window reads the keychain
) -> AsyncIterator[Opened]:
    result = await open_window(qtbot, tmp_path / "profile", sandbox[1])
    yield result
    await close_session(result.session)


@pytest_asyncio.fixture
async def opened_without_keychain(
    qtbot: QtBot, tmp_path: Path, sandbox: tuple[SandboxState, str]
) -> AsyncIterator[Opened]:
    # The test run's keyring is keyring's null backend, which stores nothing: as on a system without a keychain.
    result = await open_window(qtbot, tmp_path / "profile", sandbox[1])
    yield result
    await close_session(result.session)


async def sign_in_dialog(qtbot: QtBot, opened: Opened) -> SignInDialog:
    opened.window.sign_in_action.trigger()
    found: list[SignInDialog] = []

    def shown() -> bool:
        found[:] = [d for d in opened.window.findChildren(SignInDialog) if d.isVisible()]
        return bool(found)

    await wait_until(qtbot, shown)
    return found[0]


async def wait_until(qtbot: QtBot, condition: object) -> None:
    """Let the loop run (real sockets: the sandbox answers from its own thread) until `condition()` holds."""
    assert callable(condition)
    async with asyncio.timeout(10):
        # Polled: the state changes inside the window's own tasks, which offer no event to wait on.
        while not condition():  # noqa: ASYNC110
            await asyncio.sleep(0.01)


def stored(keyring: MemoryKeyring) -> str:
    return " ".join(keyring.entries.values())


@pytest.mark.asyncio
async def test_without_an_account_the_window_runs_the_demo_and_offers_sign_in(opened: Opened) -> None:
    status = opened.window.status
    assert opened.session.demo
    assert status.account.text() == "Demo (simulated HubSpot)"
    assert status.sign_in_button.isVisible()
    assert status.sign_in_button.accessibleName()
    assert not opened.window.sign_out_action.isEnabled()
    assert not status.notice.isVisible()


@pytest.mark.asyncio
async def test_sign_in_with_a_key_leaves_demo_and_is_used_on_the_next_start(
    qtbot: QtBot,
    tmp_path: Path,
    opened: Opened,
    sandbox: tuple[SandboxState, str],
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    dialog = await sign_in_dialog(qtbot, opened)
    assert not dialog.key_button.isEnabled()  # nothing pasted yet
    qtbot.keyClicks(dialog.key, DEMO_TOKEN)
    assert dialog.key.echoMode() is dialog.key.EchoMode.Password
    qtbot.mouseClick(dialog.key_button, Qt.MouseButton.LeftButton)
    await wait_until(qtbot, lambda: not opened.session.demo and opened.session.link_count > 0)
    status = opened.window.status
    assert not [d for d in opened.window.findChildren(SignInDialog) if d.isVisible()]
    assert status.account.text() == "Service key"  # nothing more is known about a pasted key
    assert not status.sign_in_button.isVisible()
    assert not status.notice.isVisible()  # the keychain works: nothing to warn about
    assert opened.window.sign_out_action.isEnabled()
    assert DEMO_TOKEN in stored(memory_keyring)
    # The real account's data: the profile's own database, links from the sandbox over loopback.
    assert opened.session.services.db is not None and not opened.session.services.demo

    again = await open_window(qtbot, tmp_path / "profile", sandbox[1])
    try:
        assert not again.session.demo
        assert again.window.status.account.text() == "Service key"
    finally:
        await close_session(again.session)


@pytest.mark.asyncio
async def test_a_key_missing_scopes_is_explained_in_the_dialog(
    qtbot: QtBot,
    opened: Opened,
    sandbox: tuple[SandboxState, str],
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    sandbox[0].add_token("pat-na1-no-scopes", [])
    dialog = await sign_in_dialog(qtbot, opened)
    qtbot.keyClicks(dialog.key, "pat-na1-no-scopes")
    qtbot.keyClick(dialog.key, Qt.Key.Key_Return)
    await wait_until(qtbot, lambda: READ_SCOPE in dialog.status.text())
    text = dialog.status.text()
    assert RECOMMENDED_WRITE_SCOPE in text and "Settings › Integrations" in text
    assert dialog.isVisible() and dialog.key.isEnabled()  # fix the key and try again
    assert opened.session.demo
    assert memory_keyring.entries == {}
    dialog.reject()


class Browser:
    """Plays the system browser: follows the authorize page's redirect back to the app's loopback listener."""

    def __init__(self) -> None:
        self.visits: list[asyncio.Task[httpx.Response]] = []

    def open(self, url: str) -> None:
        self.visits.append(asyncio.ensure_future(self._visit(url)))

    async def _visit(self, url: str) -> httpx.Response:
        async with httpx.AsyncClient() as browser:
            approved = await browser.get(url)
            assert approved.status_code == 302
            return await browser.get(approved.headers["location"])


@pytest.mark.asyncio
async def test_sign_in_with_hubspot_in_the_browser_then_sign_out_revokes_and_returns_to_demo(
    qtbot: QtBot,
    opened: Opened,
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    browser = Browser()
    opened.session.signin.open_url = browser.open
    dialog = await sign_in_dialog(qtbot, opened)
    dialog.client_id.setText(SANDBOX_PUBLIC_CLIENT_ID)
    qtbot.mouseClick(dialog.oauth_button, Qt.MouseButton.LeftButton)
    assert "Waiting for the browser" in dialog.status.text()
    assert dialog.cancel_wait.isVisible()
    await wait_until(qtbot, lambda: not opened.session.demo and opened.session.link_count > 0)
    page = await browser.visits[0]
    assert page.status_code == 200
    query = parse_qs(urlsplit(str(page.request.url)).query)
    assert "code" in query  # the page the user saw came from our listener
    assert opened.window.status.account.text().startswith(SANDBOX_USER_EMAIL)
    assert load_settings(opened.session.paths.settings_file).settings.oauth_client_id == SANDBOX_PUBLIC_CLIENT_ID
    secrets = [value for value in memory_keyring.entries.values() if "refresh_token" in value]
    assert secrets, "the refresh token is in the keychain"
    settings_text = opened.session.paths.settings_file.read_text(encoding="utf-8")
    assert "refresh_token" not in settings_text

    opened.window.sign_out_action.trigger()
    await wait_until(qtbot, lambda: opened.session.demo and opened.session.link_count > 0)
    assert memory_keyring.entries == {}
    assert opened.window.status.account.text() == "Demo (simulated HubSpot)"
    assert opened.window.status.sign_in_button.isVisible()
    assert not opened.window.sign_out_action.isEnabled()


@pytest.mark.asyncio
async def test_cancel_stops_waiting_for_the_browser(qtbot: QtBot, opened: Opened) -> None:
    opened.session.signin.open_url = lambda url: None  # the user never finishes in the browser
    dialog = await sign_in_dialog(qtbot, opened)
    dialog.client_id.setText(SANDBOX_PUBLIC_CLIENT_ID)
    qtbot.mouseClick(dialog.oauth_button, Qt.MouseButton.LeftButton)
    assert dialog.cancel_wait.isVisible()
    qtbot.mouseClick(dialog.cancel_wait, Qt.MouseButton.LeftButton)
    await wait_until(qtbot, lambda: "cancelled" in dialog.status.text())
    assert not dialog.cancel_wait.isVisible()
    assert dialog.oauth_button.isEnabled()
    assert opened.session.demo
    dialog.reject()


@pytest.mark.asyncio
async def test_without_a_keychain_the_sign_in_works_and_says_it_will_not_be_kept(
    qtbot: QtBot, opened_without_keychain: Opened
) -> None:
    opened = opened_without_keychain
    dialog = await sign_in_dialog(qtbot, opened)
    qtbot.keyClicks(dialog.key, DEMO_TOKEN)
    qtbot.keyClick(dialog.key, Qt.Key.Key_Return)
    await wait_until(qtbot, lambda: not opened.session.demo)
    notice = opened.window.status.notice
    assert notice.isVisible()
    assert "sign in again next time" in notice.text()
    boxes: list[QMessageBox] = []

    def told() -> bool:
        boxes[:] = [b for b in opened.window.findChildren(QMessageBox) if b.isVisible()]
        return bool(boxes)

    await wait_until(qtbot, told)
    assert "sign in again next time" in boxes[0].text()
    boxes[0].close()
