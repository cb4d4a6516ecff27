"""Booking from the window against the in-process sandbox: start to finish, time taken meanwhile, offline."""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.paths import Paths
from app.settings import Settings, load_settings, save_settings
from app.store.outbox import State
from app.ui.booking_flow import OutcomeKind
from app.ui.main_window import MainWindow
from app.ui.session import Session

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def _app_keeps_running_when_windows_close(qapp: QApplication) -> None:
    qapp.setQuitOnLastWindowClosed(False)


@pytest_asyncio.fixture
async def session(qtbot: QtBot, tmp_path: Path) -> AsyncIterator[Session]:
    paths = Paths.for_profile(tmp_path / "profile")
    paths.ensure()
    save_settings(paths.settings_file, Settings(timezone="Europe/Berlin", use_24h=True, default_link="alex-morgan"))
    window = MainWindow(on_close=lambda: None)
    qtbot.addWidget(window)
    args = argparse.Namespace(demo=True, smoke=False, screenshot=None, api_base=None, kiosk=False)
    opened = Session(window, args, paths, load_settings(paths.settings_file))
    window.show()
    await opened.start()
    await opened.ready()
    yield opened
    window.close()
    await opened.aclose()


def type_into(qtbot: QtBot, session: Session, key: str, text: str) -> None:
    field = session.window.book.form.input_for_key(key)
    line = field.findChild(QLineEdit)
    assert line is not None
    line.clear()
    qtbot.keyClicks(line, text)


def fill_attendee(qtbot: QtBot, session: Session, first: str = "Ada") -> None:
    type_into(qtbot, session, "first_name", first)
    type_into(qtbot, session, "last_name", "Lovelace")
    type_into(qtbot, session, "email", f"{first.lower()}@northwind.test")
    type_into(qtbot, session, "field:company", "Analytical Engines Ltd")  # the demo link asks for it
    box = session.window.book.consent.processing_box
    if box is not None and not box.isChecked():
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)


def pick_first_time(session: Session) -> int:
    button = session.window.open_times.time_buttons()[0]
    button.click()
    return int(button.property("start_ms"))


async def click_book(session: Session) -> None:
    button = session.window.book.book_button
    assert button.isEnabled(), "Book should be enabled once the form and time are complete"
    button.click()
    await session.window.tasks.idle()


@pytest.mark.asyncio
async def test_book_button_waits_for_a_time_and_a_complete_form(session: Session, qtbot: QtBot) -> None:
    book = session.window.book.book_button
    assert not book.isEnabled()
    pick_first_time(session)
    assert not book.isEnabled()  # the form is still empty
    fill_attendee(qtbot, session)
    assert book.isEnabled()


@pytest.mark.asyncio
async def test_book_a_meeting_start_to_finish(session: Session, qtbot: QtBot) -> None:
    pick_first_time(session)
    fill_attendee(qtbot, session)
    await click_book(session)
    book = session.window.book
    assert book.stack.currentWidget() is book.confirmation
    assert "booked" in book.confirmation.heading.text().lower()
    # Written ahead to the outbox, then sent: the row is `sent` and a history row exists.
    assert session.services.outbox.counts()[State.SENT] == 1
    assert session.services.history.count() == 1
    assert "0 queued" in session.window.status.queued.text()

    # Book another: personal data goes, the link stays.
    book.confirmation.book_another_requested.emit()
    assert book.stack.currentIndex() == 0
    assert book.form.input_for_key("first_name").value() is None
    assert session.controller.state.slug == "alex-morgan"


@pytest.mark.asyncio
async def test_time_taken_meanwhile_keeps_answers_and_offers_nearest_times(session: Session, qtbot: QtBot) -> None:
    taken = pick_first_time(session)
    fill_attendee(qtbot, session)
    await click_book(session)
    session.window.book.confirmation.book_another_requested.emit()

    # Someone else (here: our first booking) took the time; the window still offers it from its loaded month.
    session.controller.choose_time(taken)
    fill_attendee(qtbot, session, first="Grace")
    await click_book(session)

    book = session.window.book
    assert book.stack.currentIndex() == 0
    assert book.banner.isVisible()
    assert book.form.input_for_key("first_name").value() == "Grace"  # answers kept
    alternatives = book.banner.action_buttons
    assert alternatives, "the nearest fresh open times are offered"
    assert str(session.controller.state.day.year) in alternatives[0].accessibleName()
    alternatives[0].click()
    assert session.controller.state.start_ms not in (0, taken)
    await click_book(session)
    assert book.stack.currentWidget() is book.confirmation
    # The fixed draft was updated in place, not duplicated.
    counts = session.services.outbox.counts()
    assert counts[State.SENT] == 2
    assert counts[State.NEEDS_NEW_TIME] == 0


@pytest.mark.asyncio
async def test_offline_booking_is_saved_to_the_outbox_and_sent_when_back_online(session: Session, qtbot: QtBot) -> None:
    window = session.window
    window.set_network_online(False)
    assert "Offline" in window.status.network.text()
    pick_first_time(session)
    fill_attendee(qtbot, session)
    assert "outbox" in window.book.book_button.text().lower()
    outcomes: list[OutcomeKind] = []
    original = window.book.show_outcome
    window.book.show_outcome = lambda outcome, **kw: (outcomes.append(outcome.kind), original(outcome, **kw))  # type: ignore[method-assign]
    await click_book(session)
    assert outcomes == [OutcomeKind.SAVED_OFFLINE]
    assert window.book.form.input_for_key("first_name").value() is None  # ready for the next attendee
    assert "Outbox (1)" in window.tabs.tabText(1)

    sent = asyncio.get_running_loop().create_future()
    unsubscribe = session.services.sender.subscribe(lambda event: sent.done() or sent.set_result(event))
    try:
        window.set_network_online(True)
        session.services.sender.notify_online()
        await asyncio.wait_for(sent, 10)
    finally:
        unsubscribe()
    assert session.services.outbox.counts()[State.SENT] == 1
    assert session.notifier.shown, "a queued booking sent in the background is announced"
    assert "0 queued" in window.status.queued.text()
