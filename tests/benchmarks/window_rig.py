"""The real booking window, offscreen, on a WindowController signed in with a script's token against the bench sandbox
(another process, loopback), and the steps a rep takes in it: next month, pick a time, type, Book, Book another.

Built as main() and tests/gui/window_support.py build it (MainWindow + WindowController), without pytest. The keys are
typed one at a time with a turn of the event loop after each, as a person's typing arrives; a whole field typed
in one callback would be a stall of the benchmark's making, not the app's.
"""

from __future__ import annotations

import argparse
import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPushButton

from app.booking.slots import today_in
from app.env import TOKEN_ENV
from app.paths import Paths
from app.sandbox.state import DEMO_TOKEN
from app.settings import Settings, load_settings, save_settings
from app.ui.window.main_window import MainWindow
from app.ui.window.window_controller import WindowController
from tests.benchmarks.sandbox_proc import BENCH_ZONE, bench_slug

#: Months to step forward looking for an open time before moving to the next link.
MONTHS_AHEAD = 3


@asynccontextmanager
async def window_session(base_url: str, profile: Path) -> AsyncIterator[WindowController]:
    """The window shown and ready, its data from `base_url`; closed as the app closes it."""
    os.environ[TOKEN_ENV] = DEMO_TOKEN  # a script's token, as CI uses: the keychain is never opened
    paths = Paths.for_profile(profile)
    paths.ensure()
    save_settings(paths.settings_file, Settings(timezone=BENCH_ZONE, use_24h=True, default_link=bench_slug(0)))
    window = MainWindow(on_close=lambda: None)
    args = argparse.Namespace(demo=False, smoke=False, screenshot=None, api_base=base_url, kiosk=False)
    session = WindowController(window, args, paths, load_settings(paths.settings_file))
    window.show()
    try:
        await session.start()
        await session.ready()
        if session.demo:
            raise RuntimeError("the window fell back to the demo instead of the bench sandbox")
        yield session
    finally:
        window.close()
        await session.aclose()
        window.deleteLater()


def month_button(window: MainWindow, name: str) -> QPushButton:
    """The calendar's "‹" or "›" button ("Previous month", "Next month"), found as a screen reader finds it."""
    for button in window.month_grid.findChildren(QPushButton):
        if button.accessibleName() == name:
            return button
    raise LookupError(f"no {name} button")


async def step_month(window: MainWindow, step: int = 1) -> None:
    """Click "›" (or "‹" for -1) and wait for that month's open times to arrive."""
    month_button(window, "Next month" if step > 0 else "Previous month").click()
    await window.tasks.idle()


async def choose_link(session: WindowController, index: int) -> None:
    """Pick the `index`th link in the link picker, as a rep picking a colleague's link does."""
    picker = session.window.link_picker
    row = picker.combo.findText(f"Benchmark link {index} ", flags=Qt.MatchFlag.MatchStartsWith)
    if row < 0:
        raise LookupError(f"no bench link {index} in the picker")
    picker.combo.setCurrentIndex(row)
    picker.combo.activated.emit(row)
    await session.window.tasks.idle()


class Rep:
    """Books one meeting after another in the window, moving on to later days, months and links as times fill."""

    def __init__(self, session: WindowController) -> None:
        self.session = session
        self.window = session.window
        self.link = 0
        self.booked = 0

    async def open_time(self) -> QPushButton:
        """The first open time on screen: the chosen day's, else the next open day's, month's or link's."""
        window = self.window
        for _ in range(2 * (MONTHS_AHEAD + 2)):
            buttons = window.open_times.time_buttons()
            if buttons:
                return buttons[0]
            days = sorted(window.month_grid.open_days())
            cell = window.month_grid.cell_for(days[0]) if days else None
            if cell is not None:
                cell.click()
                continue
            if self._months_ahead() < MONTHS_AHEAD:
                await step_month(window)
                continue
            self.link += 1
            await choose_link(self.session, self.link)
        raise RuntimeError("no open time found in the window")

    def _months_ahead(self) -> int:
        year, month = self.window.month_grid.shown_month
        today = today_in(datetime.now(UTC), ZoneInfo(BENCH_ZONE))
        return (year - today.year) * 12 + month - today.month

    async def type_into(self, key: str, text: str) -> None:
        line = self.window.book.form.input_for_key(key).findChild(QLineEdit)
        assert line is not None
        line.clear()
        for char in text:
            QTest.keyClicks(line, char)
            await asyncio.sleep(0)

    async def book_one(self) -> None:
        """Pick a time, fill in the attendee, press Book, wait for the confirmation, press "Book another"."""
        number = self.booked
        (await self.open_time()).click()
        await self.type_into("first_name", "Attendee")
        await self.type_into("last_name", str(number))
        await self.type_into("email", f"attendee{number}@example{number % 97}.test")
        await self.type_into("field:company", f"Company {number % 5000}")
        book = self.window.book
        if not book.book_button.isEnabled():
            raise RuntimeError("Book is not enabled after filling the form")
        book.book_button.click()
        await self.window.tasks.idle()  # the booking, then the month fetched again without that time
        if book.stack.currentWidget() is not book.confirmation:
            raise RuntimeError(f"booking {number} was not confirmed: {self.session.services.outbox.counts()}")
        self.booked += 1
        book.confirmation.another_button.click()
