"""Pasting a meetings URL into the link picker selects that link; a foreign URL says why it cannot."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.sandbox.seed import build_seed
from app.ui.widgets.link_picker import LinkPicker

# Typing into the search box opens the completer popup, which the offscreen plugin cannot raise or grab for.
pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing"),
]


def picker(qtbot: QtBot) -> LinkPicker:
    widget = LinkPicker()
    qtbot.addWidget(widget)
    links = [link.metadata() for link in build_seed(datetime(2026, 3, 26, 8, tzinfo=UTC)).links]
    widget.set_links(links, "alex-morgan")
    widget.show()
    return widget


def paste(widget: LinkPicker, text: str) -> None:
    edit = widget.combo.lineEdit()
    assert edit is not None
    QGuiApplication.clipboard().setText(text)
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("https://meetings-eu1.hubspot.com/sales-team/intro-call?embed=true", "sales-team/intro-call"),
        ("https://meetings.hubspot.com/priya-shah", "priya-shah"),
    ],
)
def test_pasting_a_url_selects_its_link(qtbot: QtBot, url: str, slug: str) -> None:
    widget = picker(qtbot)
    with qtbot.waitSignal(widget.link_chosen) as chosen:
        paste(widget, url)
    assert chosen.args == [slug]
    assert widget.current_slug() == slug
    assert widget.paste_problem.isHidden()


def test_a_foreign_url_is_explained_and_the_link_kept(qtbot: QtBot) -> None:
    widget = picker(qtbot)
    with qtbot.assertNotEmitted(widget.link_chosen):
        paste(widget, "https://calendly.com/alex-morgan")
    assert widget.paste_problem.isVisible()
    assert "not a HubSpot meetings link" in widget.paste_problem.text()


def test_a_url_for_a_link_the_account_lacks_names_it(qtbot: QtBot) -> None:
    widget = picker(qtbot)
    paste(widget, "https://meetings.hubspot.com/alex-demo")
    assert widget.paste_problem.text() == "This account has no meeting link “alex-demo”."


def test_typing_a_name_still_searches_without_a_message(qtbot: QtBot) -> None:
    widget = picker(qtbot)
    edit = widget.combo.lineEdit()
    assert edit is not None
    edit.selectAll()
    QTest.keyClicks(edit, "Priya")
    assert widget.paste_problem.isHidden()
