"""Closing the window from any state: nothing left running, client and database closed, drafts where they belong.

A real account over loopback (the profile's database outlives the run, so the test reopens it afterwards).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
import pytest_asyncio
from pytestqt.qtbot import QtBot

from app.paths import Paths
from app.sandbox.state import DEMO_TOKEN
from app.settings import Settings
from app.store.database import Database
from app.store.outbox import Outbox, State
from app.ui.window.store_rows import outbox_rows
from app.ui.window.window_controller import WindowController
from tests.gui.window_support import SLUG, Loopback, close_session, fill_attendee, open_session, pick_time

pytestmark = pytest.mark.gui


class Opened:
    def __init__(self, session: WindowController) -> None:
        self.session, self.paths = session, session.paths
        self.closed = False

    async def close(self) -> None:
        self.closed = True
        await close_session(self.session)


@pytest_asyncio.fixture
async def opened(
    qtbot: QtBot, tmp_path: Path, loopback: Loopback, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Opened]:
    monkeypatch.setenv("BOOKING_ASSISTANT_TOKEN", DEMO_TOKEN)
    settings = Settings(timezone="Europe/Berlin", use_24h=True, default_link=SLUG)
    session = await open_session(qtbot, tmp_path / "profile", settings=settings, demo=False, api_base=loopback.base)
    result = Opened(session)
    yield result
    if not result.closed:
        await result.close()


async def wait_until(condition: Callable[[], bool]) -> None:
    async with asyncio.timeout(10):
        while not condition():  # noqa: ASYNC110 - the state changes inside the sender's own tasks
            await asyncio.sleep(0.01)


def others_running() -> list[asyncio.Task[object]]:
    return [t for t in asyncio.all_tasks() if t is not asyncio.current_task() and not t.done()]


def state_in_profile(paths: Paths, draft_id: str) -> State:
    with Database.open(paths.database_file) as db:
        return Outbox(db).get(draft_id).state


async def close_cleanly(opened: Opened, caplog: pytest.LogCaptureFixture, *, within_s: float) -> None:
    caplog.set_level(logging.WARNING)
    async with asyncio.timeout(within_s):
        await opened.close()
    assert others_running() == []  # the sender's loop, its sends and every window task ended and were awaited
    services = opened.session.services
    assert services.client._http.is_closed
    with pytest.raises(Exception, match="closed"):
        services.db.connection.execute("SELECT 1")
    problems = [r.getMessage() for r in caplog.records if r.name.startswith(("asyncio", "app"))]
    assert not [p for p in problems if "loop" in p or "Task" in p or "Unexpected" in p], problems


@pytest.mark.asyncio
async def test_closing_with_a_draft_queued_offline_keeps_it_queued(
    opened: Opened,
    qtbot: QtBot,
    loopback: Loopback,
    caplog: pytest.LogCaptureFixture,
) -> None:
    session = opened.session
    pick_time(session)
    fill_attendee(qtbot, session)
    loopback.down()  # HubSpot unreachable: the sender saves it and waits to retry
    session.window.book.book_button.click()
    await session.window.tasks.idle()
    [row] = outbox_rows(session.services.outbox)
    assert row.state == "queued"

    await close_cleanly(opened, caplog, within_s=5)

    assert state_in_profile(opened.paths, row.id) is State.QUEUED  # sent at the next start, never lost


@pytest.mark.asyncio
async def test_closing_while_a_send_is_in_flight_marks_it_unknown_without_waiting_for_hubspot(
    opened: Opened,
    qtbot: QtBot,
    loopback: Loopback,
    caplog: pytest.LogCaptureFixture,
) -> None:
    session = opened.session
    session.services.stop_grace_s = 0.2  # how long a send in flight may still bring its answer
    loopback.state.faults.inject("book", delay=60)  # HubSpot takes a minute to answer
    pick_time(session)
    fill_attendee(qtbot, session)
    session.window.book.book_button.click()
    outbox = session.services.outbox
    await wait_until(lambda: [r.state for r in outbox_rows(outbox)] == ["sending"])
    [row] = outbox_rows(outbox)

    await close_cleanly(opened, caplog, within_s=5)  # not the minute HubSpot would take

    # It may have reached HubSpot: never queued again blindly, reconciled at the next start.
    assert state_in_profile(opened.paths, row.id) is State.UNKNOWN
