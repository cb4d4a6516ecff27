"""The link's own questions in the real window: on screen as soon as the link is loaded, laid out, in order."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from app.settings import Settings
from tests.gui.window_support import SLUG, close_session, open_session

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


@pytest.mark.asyncio
async def test_link_questions_are_on_screen_when_the_window_is_ready(qtbot: QtBot, tmp_path: Path) -> None:
    session = await open_session(
        qtbot, tmp_path / "profile", settings=Settings(timezone="Europe/Berlin", default_link=SLUG)
    )
    window = session.window
    try:
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
        await close_session(session)
