"""After saving a booking to the outbox no time stays highlighted while the form says "No time chosen yet"."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.ui.window.window_controller import WindowController
from tests.gui.window_support import fill_attendee

pytestmark = pytest.mark.gui


@pytest.mark.asyncio
async def test_saving_to_the_outbox_clears_the_time_highlight(session: WindowController, qtbot: QtBot) -> None:
    window = session.window
    window.set_network_online(False)
    time_button = window.open_times.time_buttons()[0]
    qtbot.mouseClick(time_button, Qt.MouseButton.LeftButton)
    assert time_button.isChecked()
    fill_attendee(qtbot, session)
    qtbot.mouseClick(window.book.book_button, Qt.MouseButton.LeftButton)
    await window.tasks.idle()
    assert "Outbox (1)" in window.tabs.tabText(1)
    assert window.book.chosen.text() == "No time chosen yet."
    assert [b.text() for b in window.open_times.time_buttons() if b.isChecked()] == []
    assert not window.book.book_button.isEnabled()  # nothing to book until a time is picked again
