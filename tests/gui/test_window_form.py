"""The link's own questions in the real window: on screen as soon as the link is loaded, laid out, in order."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.paths import Paths
from app.settings import Settings, load_settings, save_settings
from app.ui.main_window import MainWindow
from app.ui.session import Session

pytestmark = pytest.mark.gui

DEMO_QUESTIONS = (
    "company",
    "agenda",
    "team_size",
    "industry",
    "preferred_contact_method",
    "interests",
    "existing_customer",
    "phone",
    "preferred_start_date",
)


@pytest.fixture(autouse=True)
def _app_keeps_running_when_windows_close(qapp: QApplication) -> None:
    qapp.setQuitOnLastWindowClosed(False)


@pytest.mark.asyncio
async def test_link_questions_are_on_screen_when_the_window_is_ready(qtbot: QtBot, tmp_path: Path) -> None:
    paths = Paths.for_profile(tmp_path / "profile")
    paths.ensure()
    save_settings(paths.settings_file, Settings(timezone="Europe/Berlin", default_link="alex-morgan"))
    window = MainWindow(on_close=lambda: None)
    qtbot.addWidget(window)
    args = argparse.Namespace(demo=True, smoke=False, screenshot=None, api_base=None, kiosk=False)
    session = Session(window, args, paths, load_settings(paths.settings_file))
    window.show()
    try:
        await session.start()
        await session.ready()
        # Checked in the same turn of the loop as --screenshot grabs the window: nothing may wait for a later show.
        form = window.book.form
        inputs = [form.input_for_key(f"field:{name}") for name in DEMO_QUESTIONS]
        hidden = [name for name, widget in zip(DEMO_QUESTIONS, inputs, strict=True) if not widget.isVisible()]
        assert not hidden, f"questions not shown: {hidden}"
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        email = form.input_for_key("email")
        tops = [email.mapTo(form, email.rect().topLeft()).y()]
        for name, widget in zip(DEMO_QUESTIONS, inputs, strict=True):
            assert widget.width() > 0 and widget.height() >= widget.minimumSizeHint().height() > 0, name
            tops.append(widget.mapTo(form, widget.rect().topLeft()).y())
        assert tops == sorted(tops) and len(set(tops)) == len(tops), "each question on its own row, in the link's order"
        # The whole form fits the column's width: no question cut off at the right edge.
        assert form.width() <= window.book.width()
        for widget in inputs:
            assert widget.mapTo(form, widget.rect().topRight()).x() <= form.width()
    finally:
        window.close()
        await session.aclose()
