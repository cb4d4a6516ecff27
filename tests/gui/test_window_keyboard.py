"""The booking path by keyboard alone: arrows and Enter in the calendar, Tab to times and the form, Book."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.settings import Settings
from app.ui.window.window_controller import WindowController
from tests.gui.window_support import SLUG, close_session, open_session

pytestmark = pytest.mark.gui

ANSWERS = (  # what the rep types, field by field; the demo link asks for a company
    ("first_name", "Ada"),
    ("last_name", "Lovelace"),
    ("email", "ada@northwind.test"),
    ("field:company", "Analytical Engines"),
)


@pytest_asyncio.fixture
async def session(qtbot: QtBot, tmp_path: Path) -> AsyncIterator[WindowController]:
    settings = Settings(timezone="Europe/Berlin", use_24h=True, default_link=SLUG)
    opened = await open_session(qtbot, tmp_path / "profile", settings=settings, activate=True)
    yield opened
    await close_session(opened)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def tab_until(qtbot: QtBot, wanted: QWidget, limit: int = 40) -> None:
    for _ in range(limit):
        now = focused()
        if now is wanted or (now is not None and wanted.isAncestorOf(now)):
            return
        qtbot.keyClick(focused() or wanted.window(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {wanted.accessibleName() or wanted}")


@pytest.mark.asyncio
async def test_book_with_the_keyboard_only(session: WindowController, qtbot: QtBot) -> None:
    window, controller = session.window, session.controller
    grid = window.month_grid
    first_day = controller.state.day
    assert first_day is not None
    cell = grid.cell_for(first_day)
    assert cell is not None
    cell.setFocus()
    qtbot.keyClick(cell, Qt.Key.Key_Right)  # to the next open day (closed days are skipped)
    moved_to = focused()
    assert moved_to is not cell and moved_to in grid.findChildren(QWidget)
    qtbot.keyClick(moved_to, Qt.Key.Key_Return)
    assert controller.state.day is not None and controller.state.day > first_day
    assert window.open_times.time_buttons()

    first_time = window.open_times.time_buttons()[0]
    tab_until(qtbot, first_time)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert controller.state.start_ms == first_time.property("start_ms")

    form = window.book.form
    for key, text in ANSWERS:
        line = form.input_for_key(key).findChild(QLineEdit)
        assert line is not None
        tab_until(qtbot, line)
        qtbot.keyClicks(line, text)
    assert window.book.form.is_valid()


@pytest.mark.asyncio
async def test_tab_leaves_the_form_for_consent_and_book(session: WindowController, qtbot: QtBot) -> None:
    """The link's questions are added after the window is built; Tab still goes on to the consent and Book."""
    window, controller = session.window, session.controller
    window.open_times.time_buttons()[0].click()
    form = window.book.form
    for key, text in ANSWERS:
        line = form.input_for_key(key).findChild(QLineEdit)
        assert line is not None
        line.setFocus()
        qtbot.keyClicks(line, text)
    form.input_for_key("first_name").setFocus()
    consent_box = window.book.consent.processing_box
    assert consent_box is not None
    tab_until(qtbot, consent_box, limit=60)
    qtbot.keyClick(consent_box, Qt.Key.Key_Space)
    assert consent_box.isChecked()
    tab_until(qtbot, window.book.book_button, limit=10)
    assert controller.state.start_ms
    # Past Book, Tab goes round to the top of the window instead of back into the form.
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)

    now = focused()
    assert now is not None and not window.book.isAncestorOf(now)


@pytest.mark.asyncio
async def test_every_interactive_widget_has_an_accessible_name(session: WindowController) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox

    window = session.window
    unnamed = [
        w
        for w in window.findChildren(QWidget)
        if isinstance(w, (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox))
        and w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not (w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()))
        and not isinstance(w.parent(), QComboBox)  # a combo's own line edit speaks through the combo
    ]
    assert not unnamed, [type(w).__name__ for w in unnamed]
