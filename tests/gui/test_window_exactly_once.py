"""Exactly once in the rep's window, with real input events against the sandbox on a loopback socket.

Two clicks (or two key presses) with no event-loop turn between them are what a double click or a held key
delivers when the UI is busy: each submit control must turn them into one POST. The outbox tab's actions follow
the same rules as the CLI, and the window follows what the sender did.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.outbox.events import OutboxEvent, SentEvent
from app.paths import Paths
from app.sandbox.state import DEMO_TOKEN
from app.settings import Settings
from app.store.database import Database
from app.store.outbox import Outbox, State, Verdict
from app.ui.window.window_controller import WindowController
from tests.gui.window_support import (
    SLUG,
    Loopback,
    answer_question,
    close_session,
    fill_attendee,
    open_session,
    pick_time,
    until,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def session(account_session: WindowController) -> WindowController:
    return account_session


async def next_event(
    session: WindowController, kind: type[OutboxEvent] = SentEvent, within_s: float = 15
) -> OutboxEvent:
    got: asyncio.Future[OutboxEvent] = asyncio.get_running_loop().create_future()

    def listen(event: OutboxEvent) -> None:
        if isinstance(event, kind) and not got.done():
            got.set_result(event)

    unsubscribe = session.services.sender.subscribe(listen)
    try:
        return await asyncio.wait_for(got, within_s)
    finally:
        unsubscribe()


def offered(session: WindowController) -> list[int]:
    return [int(b.property("start_ms")) for b in session.window.open_times.time_buttons()]


async def save_offline(session: WindowController, qtbot: QtBot, loopback: Loopback, first: str = "Ada") -> int:
    start = pick_time(session)
    fill_attendee(qtbot, session, first)
    loopback.down()
    qtbot.mouseClick(session.window.book.book_button, Qt.MouseButton.LeftButton)
    await session.window.tasks.idle()
    return start


@pytest.mark.asyncio
async def test_a_double_click_on_book_makes_one_booking(
    session: WindowController, qtbot: QtBot, loopback: Loopback
) -> None:
    pick_time(session)
    fill_attendee(qtbot, session)
    button = session.window.book.book_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # no event-loop turn in between
    await session.window.tasks.idle()
    assert len(loopback.state.bookings) == 1
    assert session.window.book.stack.currentWidget() is session.window.book.confirmation
    assert session.services.outbox.counts()[State.SENT] == 1


@pytest.mark.asyncio
async def test_space_pressed_twice_on_book_makes_one_booking(
    session: WindowController, qtbot: QtBot, loopback: Loopback
) -> None:
    pick_time(session)
    fill_attendee(qtbot, session)
    button = session.window.book.book_button
    qtbot.keyClick(button, Qt.Key.Key_Space)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    await session.window.tasks.idle()
    assert len(loopback.state.bookings) == 1


@pytest.mark.asyncio
async def test_a_time_saved_to_the_outbox_is_no_longer_offered(
    session: WindowController, qtbot: QtBot, loopback: Loopback
) -> None:
    start = await save_offline(session, qtbot, loopback)
    assert session.services.outbox.counts()[State.QUEUED] == 1
    assert start not in offered(session)  # held by the queued draft: not offered (or queued) twice
    assert not any(b.isChecked() for b in session.window.open_times.time_buttons())


@pytest.mark.asyncio
async def test_after_the_outbox_is_sent_the_window_is_online_and_says_so(
    session: WindowController, qtbot: QtBot, loopback: Loopback
) -> None:
    await save_offline(session, qtbot, loopback)
    assert session.window.book.book_button.text() == "&Save to outbox"  # the failed send taught it
    assert "stays in the outbox" in session.window.book.banner.message.text()

    loopback.up()
    sent = asyncio.ensure_future(next_event(session))
    session.services.sender.notify_online()
    await sent
    await session.window.tasks.idle()
    assert len(loopback.state.bookings) == 1
    assert session.window.is_online()
    assert session.window.book.book_button.text() == "&Book"
    assert "has been sent" in session.window.book.banner.message.text()
    # The outbox view redraws at most once a frame: wait (bounded) for that frame.
    await until(lambda: session.window.status.queued.text() == "0 queued")


@pytest.mark.asyncio
async def test_edit_opens_on_the_drafts_own_time_and_keeps_it_queued(
    session: WindowController, qtbot: QtBot, loopback: Loopback
) -> None:
    start = await save_offline(session, qtbot, loopback)
    [entry] = session.services.outbox.entries(State.QUEUED)
    session.window.outbox_panel.edit_requested.emit(entry.id)
    await session.tasks.idle()
    controller = session.controller
    assert controller.state.start_ms == start  # its own day and time, chosen
    assert start in offered(session)  # offered to the draft being edited
    assert session.window.book.form.input_for_key("email").value() == "ada@northwind.test"
    assert session.services.outbox.get(entry.id).state is State.QUEUED  # a rep who quits now loses nothing
    assert "Editing a booking" in session.window.book.banner.message.text()

    loopback.up()
    session.services.sender.notify_online()  # the sender leaves a draft being edited alone…
    await session.window.tasks.idle()
    assert session.services.outbox.get(entry.id).state is State.QUEUED
    sent = asyncio.ensure_future(next_event(session))
    qtbot.mouseClick(session.window.book.book_button, Qt.MouseButton.LeftButton)  # …until the edit is saved
    await sent
    assert len(loopback.state.bookings) == 1
    assert session.services.outbox.get(entry.id).state is State.SENT


@pytest.mark.asyncio
async def test_discard_asks_first_and_keep_keeps_it(
    session: WindowController, qtbot: QtBot, loopback: Loopback
) -> None:
    await save_offline(session, qtbot, loopback)
    [entry] = session.services.outbox.entries(State.QUEUED)

    async def answer(button_text: str) -> None:
        session.window.outbox_panel.discard_requested.emit(entry.id)
        await answer_question(qtbot, button_text)
        await session.tasks.idle()

    await answer("Keep it")
    assert session.services.outbox.get(entry.id).state is State.QUEUED
    await answer("Discard")
    assert session.services.outbox.get(entry.id).state is State.DISCARDED


@pytest.mark.asyncio
async def test_send_now_twice_on_an_unknown_booking_posts_once(
    session: WindowController, qtbot: QtBot, loopback: Loopback
) -> None:
    pick_time(session)
    fill_attendee(qtbot, session)
    loopback.state.faults.inject("book", status=500)
    qtbot.mouseClick(session.window.book.book_button, Qt.MouseButton.LeftButton)
    await session.window.tasks.idle()
    [entry] = session.services.outbox.entries(State.UNKNOWN)
    await session.services.sender.reconcile(entry.id)
    assert session.services.outbox.get(entry.id).verdict is Verdict.PROBABLY_NOT_BOOKED
    assert loopback.state.bookings == []

    panel = session.window.outbox_panel
    sent = asyncio.ensure_future(next_event(session))
    panel.send_now_requested.emit(entry.id)
    panel.send_now_requested.emit(entry.id)  # a double click on Send now
    await sent
    await session.window.tasks.idle()
    assert len(loopback.state.bookings) == 1
    assert session.services.outbox.get(entry.id).state is State.SENT


@pytest.mark.asyncio
async def test_closing_the_window_while_the_discard_question_is_open_shuts_down_cleanly(
    qtbot: QtBot, tmp_path: Path, loopback: Loopback, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOOKING_ASSISTANT_TOKEN", DEMO_TOKEN)
    settings = Settings(timezone="Europe/Berlin", use_24h=True, default_link=SLUG)
    opened = await open_session(qtbot, tmp_path / "p", settings=settings, demo=False, api_base=loopback.base)
    await save_offline(opened, qtbot, loopback)
    [entry] = opened.services.outbox.entries(State.QUEUED)
    opened.window.outbox_panel.discard_requested.emit(entry.id)
    await asyncio.sleep(0.05)
    await asyncio.wait_for(close_session(opened), 10)  # the open question never holds up the shutdown
    with Database.open(Paths.for_profile(tmp_path / "p").database_file) as db:
        assert Outbox(db).get(entry.id).state is State.QUEUED  # closing is not discarding
