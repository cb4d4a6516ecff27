"""A burst of outbox events (a flush after reconnecting) becomes one running summary, not a toast per booking."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow
from pytestqt.qtbot import QtBot

from app.outbox import events
from app.store.database import Database
from app.store.outbox import Outbox
from app.ui.window.tray import BURST_S, Notifier
from tests.i18n_fixtures import compiled  # noqa: F401 (fixture by name)
from tests.unit.test_outbox_fakes import enqueue, slot_ms
from tools.i18n.compile import ui_language

pytestmark = pytest.mark.gui


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def english(qapp: QApplication, compiled: Path) -> Iterator[None]:  # noqa: F811 (the fixture above, by name)
    # English plural forms ("1 booking" / "2 bookings") come from the English catalogue, as in the app.
    with ui_language(qapp, "en", compiled):
        yield


@pytest.mark.usefixtures("english")
def test_a_burst_is_summarised_and_a_later_event_stands_alone(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    clock = Clock()
    notifier = Notifier(window, window.statusBar(), QIcon(), clock=clock)
    with Database.in_memory() as db:
        outbox = Outbox(db)
        entries = [outbox.get(enqueue(outbox, slot_ms(48 + i), first=f"Guest{i}")) for i in range(4)]
        notifier.notify(events.SentEvent(entries[0]))
        clock.now += 1
        notifier.notify(events.SentEvent(entries[1]))
        clock.now += 1
        notifier.notify(events.NeedsNewTimeEvent(entries[2]))
        clock.now += BURST_S + 1
        notifier.notify(events.SentEvent(entries[3]))
    notifier.close()
    first, second, third, alone = notifier.shown
    assert "Guest0" in first  # a single event names the person
    assert second == "2 queued bookings sent."
    assert third == "2 queued bookings sent. 1 needs your attention in the Outbox."
    assert "Guest3" in alone  # a new burst starts afresh
    assert window.statusBar().currentMessage() == alone
