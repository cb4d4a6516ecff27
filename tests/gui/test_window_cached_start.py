"""A returning rep's start: the page the profile's cache holds is on screen before the event loop runs (no request
made yet), marked with its age, and the refresh replaces it in place, or keeps it when HubSpot can't be reached.

Against the sandbox on a loopback socket; each start is the window's own: paint_from_cache, then the controller.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.env import TOKEN_ENV
from app.paths import Paths
from app.sandbox.state import DEMO_TOKEN
from app.settings import Settings, load_settings
from app.ui.window.cached_paint import CachedStart, paint_from_cache
from app.ui.window.main_window import MainWindow
from app.ui.window.window_controller import WindowController
from tests.gui.window_support import SLUG, Loopback, close_session, open_session, window_args

pytestmark = [pytest.mark.gui, pytest.mark.asyncio]

ZONE = "Europe/Berlin"


def _page(window: MainWindow) -> tuple[str, set[date], list[str]]:
    """What the rep sees: the chosen link, the month's open days, the chosen day's times."""
    times = [button.text() for button in window.open_times.time_buttons() if button.isVisible()]
    return window.link_picker.combo.currentText(), window.month_grid.open_days(), times


async def _first_run(qtbot: QtBot, profile: Path, loopback: Loopback) -> tuple[str, set[date], list[str]]:
    settings = Settings(timezone=ZONE, use_24h=True, default_link=SLUG)
    first = await open_session(qtbot, profile, settings=settings, demo=False, api_base=loopback.base)
    seen = _page(first.window)
    await close_session(first)
    return seen


def _cached_start(qtbot: QtBot, profile: Path, api_base: str) -> tuple[MainWindow, CachedStart]:
    paths = Paths.for_profile(profile)
    window = MainWindow(on_close=lambda: None)
    qtbot.addWidget(window)
    window.show()
    loaded = load_settings(paths.settings_file)
    cached = paint_from_cache(window, window_args(demo=False, api_base=api_base), paths, loaded.settings, ZONE)
    assert cached is not None
    return window, cached


@asynccontextmanager
async def _running(window: MainWindow, profile: Path, api_base: str, cached: CachedStart) -> AsyncIterator[None]:
    """The window controller started on the cached page, ready, and closed afterwards as the app closes it."""
    paths = Paths.for_profile(profile)
    args = window_args(demo=False, api_base=api_base)
    session = WindowController(window, args, paths, load_settings(paths.settings_file), cached)
    try:
        await session.start()
        await session.ready()
        yield
    finally:
        await close_session(session)


@pytest.fixture(autouse=True)
def _scripts_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TOKEN_ENV, DEMO_TOKEN)  # a script's token: the keychain is never opened


async def test_the_cached_page_is_painted_before_any_request_and_refreshed_in_place(
    qtbot: QtBot, tmp_path: Path, loopback: Loopback
) -> None:
    profile = tmp_path / "profile"
    seen = await _first_run(qtbot, profile, loopback)

    loopback.down()  # nothing to answer a request: the paint cannot have made one
    window, cached = _cached_start(qtbot, profile, loopback.base)
    # No event-loop turn: the link, its open days and the first day's times, with their age.
    assert cached.shown
    assert _page(window) == seen
    assert window.status.age.text().startswith("as of")

    loopback.up()
    async with _running(window, profile, loopback.base, cached):
        assert _page(window) == seen  # the same page, now fresh
        assert window.status.age.text() == ""
        assert not window.problem.isVisible()


async def test_when_hubspot_cannot_be_reached_the_cached_page_stays_and_says_so(
    qtbot: QtBot, tmp_path: Path, loopback: Loopback
) -> None:
    profile = tmp_path / "profile"
    seen = await _first_run(qtbot, profile, loopback)
    loopback.down()

    window, cached = _cached_start(qtbot, profile, loopback.base)
    async with _running(window, profile, loopback.base, cached):
        assert _page(window) == seen
        assert window.status.age.text().startswith("as of")
        assert window.problem.isVisible() and "can't be reached" in window.problem.text()


async def test_a_profile_with_nothing_cached_paints_nothing_and_loads_from_the_network(
    qtbot: QtBot, tmp_path: Path, loopback: Loopback
) -> None:
    profile = tmp_path / "profile"
    Paths.for_profile(profile).ensure()
    window, cached = _cached_start(qtbot, profile, loopback.base)
    assert not cached.shown
    assert window.link_picker.combo.count() == 0
    async with _running(window, profile, loopback.base, cached):
        assert window.link_picker.combo.count() > 0
        assert window.month_grid.open_days()
        assert window.status.age.text() == ""


async def test_a_month_asked_for_while_the_sign_in_is_still_read_is_shown_once_requests_can_be_made(
    qtbot: QtBot, tmp_path: Path, loopback: Loopback
) -> None:
    profile = tmp_path / "profile"
    await _first_run(qtbot, profile, loopback)
    window, cached = _cached_start(qtbot, profile, loopback.base)
    year, month = window.month_grid.shown_month
    following = (year + month // 12, month % 12 + 1)
    next_month = next(b for b in window.findChildren(QPushButton) if b.accessibleName() == "Next month")
    qtbot.mouseClick(next_month, Qt.MouseButton.LeftButton)  # no services yet: nothing can be fetched

    async with _running(window, profile, loopback.base, cached):
        await window.tasks.idle()
        assert window.month_grid.shown_month == following
