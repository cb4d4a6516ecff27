"""The window's Outbox and History tabs wired to the store and sender; the confirmation's actions (demo sandbox)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.store.outbox import State
from app.ui.panels.outbox_model import OutboxAction
from app.ui.window.store_rows import outbox_rows
from app.ui.window.window_controller import WindowController
from tests.gui.window_support import answer_question, click_book, fill_attendee, pick_time

pytestmark = pytest.mark.gui


async def save_offline(session: WindowController, qtbot: QtBot, first: str = "Ada") -> str:
    session.window.set_network_online(False)
    pick_time(session)
    fill_attendee(qtbot, session, first)
    await click_book(session)
    panel = session.window.outbox_panel
    assert panel.select_id(outbox_rows(session.services.outbox)[0].id)
    draft_id = panel.selected_id()
    assert draft_id is not None
    return draft_id


@pytest.mark.asyncio
async def test_discard_from_the_outbox_tab_removes_the_draft_and_the_badge(
    session: WindowController, qtbot: QtBot
) -> None:
    window = session.window
    await save_offline(session, qtbot)
    assert window.tabs.tabText(1) == "Outbox (1)"
    assert "1 queued" in window.status.queued.text()
    window.outbox_panel.buttons[OutboxAction.DISCARD].click()
    await answer_question(qtbot, "Discard")  # a queued booking is someone's meeting: asked first
    await session.tasks.idle()
    assert window.tabs.tabText(1) == "Outbox"
    assert "0 queued" in window.status.queued.text()
    assert session.services.outbox.counts()[State.QUEUED] == 0


@pytest.mark.asyncio
async def test_edit_from_the_outbox_brings_every_answer_back_to_the_book_page(
    session: WindowController, qtbot: QtBot
) -> None:
    window = session.window
    await save_offline(session, qtbot, first="Grace")
    assert window.book.form.input_for_key("first_name").value() is None  # cleared after saving
    window.tabs.setCurrentIndex(1)
    window.outbox_panel.buttons[OutboxAction.EDIT].click()
    await session.tasks.idle()
    assert window.tabs.currentIndex() == 0
    form = window.book.form
    assert form.input_for_key("first_name").value() == "Grace"
    assert form.input_for_key("field:company").value() == "Analytical Engines Ltd"
    consent = window.book.consent.processing_box
    assert consent is not None and consent.isChecked()
    # Still queued while it is being edited (quitting now loses nothing), but this window does not send it.
    assert session.services.outbox.counts()[State.QUEUED] == 1
    assert "Editing a booking" in window.book.banner.message.text()


@pytest.mark.asyncio
async def test_history_search_finds_the_booking_and_book_another_clears_everything_personal(
    session: WindowController, qtbot: QtBot, tmp_path: Path
) -> None:
    window = session.window
    pick_time(session)
    fill_attendee(qtbot, session, first="Katherine")
    await click_book(session)
    book = window.book
    assert book.stack.currentWidget() is book.confirmation

    clipboard = QGuiApplication.clipboard()
    writes: list[str] = []
    record = lambda: writes.append(clipboard.text())  # noqa: E731 - connected and disconnected below
    clipboard.dataChanged.connect(record)
    try:
        book.confirmation.copy_button.click()
    finally:
        clipboard.dataChanged.disconnect(record)
    assert len(writes) == 1 and "Katherine" in writes[0]  # one write of the details, not one per listener
    book.confirmation.save_button.click()
    dialogs = [d for d in book.findChildren(QFileDialog) if d.isVisible()]
    assert dialogs and dialogs[0].isModal()  # open(), not exec(): the loop keeps running
    target = tmp_path / "meeting.ics"
    dialogs[0].fileSelected.emit(str(target))
    dialogs[0].reject()
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")

    history = window.history_panel
    window.tabs.setCurrentIndex(2)
    history.search.setText("katherine")
    qtbot.keyClick(history.search, Qt.Key.Key_Return)
    assert history.table.model().rowCount() == 1
    history.search.setText("nobody-like-this")
    qtbot.keyClick(history.search, Qt.Key.Key_Return)
    assert history.table.model().rowCount() == 0

    window.tabs.setCurrentIndex(0)
    book.confirmation.another_button.click()
    assert book.stack.currentIndex() == 0
    for key in ("first_name", "last_name", "email", "field:company"):
        assert book.form.input_for_key(key).value() is None, key
    assert book.consent.processing_box is not None and not book.consent.processing_box.isChecked()
    assert not book.book_button.isEnabled()  # a new time must be picked
