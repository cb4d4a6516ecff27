"""*Propose times…* in the window: the next N or ticked times, both zones, German, copied as text and HTML."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app.settings import Settings
from app.ui.dialogs.propose_dialog import START_ROLE, ProposeDialog
from app.ui.window.window_controller import WindowController
from tests.gui.window_support import SLUG, close_session, open_session

pytestmark = pytest.mark.gui


@pytest_asyncio.fixture
async def new_york_attendee(qtbot: QtBot, tmp_path: Path) -> AsyncIterator[WindowController]:
    """The window showing times in New York (the attendee's zone); the rep's machine is in another zone."""
    settings = Settings(timezone="America/New_York", use_24h=True, default_link=SLUG)
    opened = await open_session(qtbot, tmp_path / "profile", settings=settings)
    yield opened
    await close_session(opened)


def opened_dialog(session: WindowController, qtbot: QtBot) -> ProposeDialog:
    window = session.window
    qtbot.mouseClick(window.propose_button, Qt.MouseButton.LeftButton)
    dialog = window.propose_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


@pytest.mark.asyncio
async def test_the_next_three_times_in_both_zones_copied_as_text_and_html(
    new_york_attendee: WindowController, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("app.ui.window.main_window.system_timezone_name", lambda: "Europe/Berlin")  # the rep's machine
    dialog = opened_dialog(new_york_attendee, qtbot)
    assert dialog.next_choice.isChecked() and dialog.count.value() == 3
    text = dialog.preview.toPlainText()
    bullets = [line for line in text.splitlines() if line.startswith("• ")]
    assert len(bullets) == 3
    assert all("(New York) · " in line and line.endswith("(Berlin)") for line in bullets), bullets
    assert text.rstrip().endswith("https://meetings.hubspot.com/alex-morgan")
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.text() == text
    assert mime.hasHtml() and "<li>" in mime.html() and 'href="https://meetings.hubspot.com/alex-morgan"' in mime.html()
    assert dialog.copied_note.text() == "Copied."
    dialog.reject()


@pytest.mark.asyncio
async def test_ticked_times_and_german(new_york_attendee: WindowController, qtbot: QtBot) -> None:
    dialog = opened_dialog(new_york_attendee, qtbot)
    dialog.times.setFocus()
    for row in (0, 3):  # the keyboard way: move to a row, Space ticks it
        dialog.times.setCurrentRow(row)
        qtbot.keyClick(dialog.times, Qt.Key.Key_Space)
    assert dialog.pick_choice.isChecked()
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    lines = dialog.preview.toPlainText().splitlines()
    assert lines[0] == "Passt Ihnen einer dieser Termine für „Alex Morgan – intro meeting“ (30 Min.)?"
    bullets = [line.removeprefix("• ") for line in lines if line.startswith("• ")]
    ticked = [dialog.chosen_slots()[0].start_millis_utc, dialog.chosen_slots()[1].start_millis_utc]
    assert ticked == [dialog.times.item(0).data(START_ROLE), dialog.times.item(3).data(START_ROLE)]
    assert len(bullets) == 2
    # German weekday abbreviations ("Mo." … "So.") and "(New York)" for the attendee's zone.
    assert all(line[:3] in ("Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So.") for line in bullets), bullets
    assert all("(New York)" in line for line in bullets)
    dialog.reject()


@pytest.mark.asyncio
async def test_nothing_ticked_cannot_be_copied(new_york_attendee: WindowController, qtbot: QtBot) -> None:
    dialog = opened_dialog(new_york_attendee, qtbot)
    dialog.pick_choice.setChecked(True)
    assert not dialog.copy_button.isEnabled()
    assert dialog.problem.text() == "Tick the times to propose."
    dialog.reject()
