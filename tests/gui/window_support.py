"""Opening the main window on a temp profile as main() does, the steps a rep takes to book in it, and showing a
panel on its own as the active window (so it takes keyboard focus)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import socket
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.outbox.events import OutboxEvent
from app.paths import Paths
from app.sandbox.server import running_server
from app.sandbox.state import SandboxState
from app.settings import Settings, load_settings, save_settings
from app.ui.window.main_window import MainWindow
from app.ui.window.window_controller import WindowController

SLUG = "alex-morgan"


def window_args(*, demo: bool = True, api_base: str | None = None) -> argparse.Namespace:
    """The command line main() would have parsed for the window (not the kiosk, no smoke run)."""
    return argparse.Namespace(demo=demo, smoke=False, screenshot=None, api_base=api_base, kiosk=False)


async def open_session(
    qtbot: QtBot,
    profile: Path,
    *,
    settings: Settings | None = None,
    demo: bool = True,
    api_base: str | None = None,
    on_close: Callable[[], None] = lambda: None,
    activate: bool = False,
) -> WindowController:
    """The window shown and ready on `profile`; `settings`, when given, written to the profile first."""
    paths = Paths.for_profile(profile)
    paths.ensure()
    if settings is not None:
        save_settings(paths.settings_file, settings)
    window = MainWindow(on_close=on_close)
    qtbot.addWidget(window)
    session = WindowController(
        window, window_args(demo=demo, api_base=api_base), paths, load_settings(paths.settings_file)
    )
    window.show()
    if activate:
        window.activateWindow()
    try:
        await session.start()
        await session.ready()
    except BaseException:
        await close_session(session)
        raise
    return session


def resolve_once(future: asyncio.Future[OutboxEvent]) -> Callable[[OutboxEvent], None]:
    """A sender listener that resolves `future` with the first event it hears."""

    def listener(event: OutboxEvent) -> None:
        if not future.done():
            future.set_result(event)

    return listener


async def close_session(session: WindowController) -> None:
    """What the app's main does when the window closes: hide it, then clean up."""
    session.window.close()
    await session.aclose()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Loopback:
    """One sandbox state served on a fixed loopback port, which a test can take down and bring back."""

    def __init__(self) -> None:
        self.state = SandboxState()
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self._serving = contextlib.ExitStack()

    def up(self) -> None:
        gc.collect()  # earlier tests' Qt timers must die on this thread, not the server's
        self._serving.enter_context(running_server(self.state, port=self.port))

    def down(self) -> None:
        self._serving.close()


def type_into(qtbot: QtBot, session: WindowController, key: str, text: str) -> None:
    line = session.window.book.form.input_for_key(key).findChild(QLineEdit)
    assert line is not None
    line.clear()
    qtbot.keyClicks(line, text)


def fill_attendee(qtbot: QtBot, session: WindowController, first: str = "Ada") -> None:
    type_into(qtbot, session, "first_name", first)
    type_into(qtbot, session, "last_name", "Lovelace")
    type_into(qtbot, session, "email", f"{first.lower()}@northwind.test")
    type_into(qtbot, session, "field:company", "Analytical Engines Ltd")  # the demo link asks for it
    box = session.window.book.consent.processing_box
    if box is not None and not box.isChecked():
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)


def pick_time(session: WindowController, index: int = 0) -> int:
    button = session.window.open_times.time_buttons()[index]
    button.click()
    return int(button.property("start_ms"))


async def click_book(session: WindowController) -> None:
    button = session.window.book.book_button
    assert button.isEnabled(), "Book should be enabled once the form and time are complete"
    button.click()
    await session.window.tasks.idle()


def show_active(qtbot: QtBot, widget: QWidget) -> None:
    """Show `widget` as a window and wait until it is the active one: focus and key presses reach it."""
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


async def until(condition: Callable[[], bool], within_s: float = 5.0) -> None:
    """Let the loop run until `condition()` holds (bounded), e.g. the outbox view's next frame after a send.

    Not qtbot.waitUntil in a coroutine: that turns a nested Qt loop inside the test's own task step, where the
    window's other tasks cannot take theirs (see async_bridge._RunningOnlyTimer).
    """
    async with asyncio.timeout(within_s):
        while not condition():  # noqa: ASYNC110 - drawn by the window's own timer, which offers no awaitable
            await asyncio.sleep(0.01)


async def answer_question(qtbot: QtBot, button_text: str) -> None:
    """Wait (bounded) for the message box the window opened with open(), and click its `button_text` button."""
    for _ in range(300):
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if boxes:
            [button] = [b for b in boxes[-1].buttons() if b.text() == button_text]
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            return
        await asyncio.sleep(0.01)
    raise AssertionError("no question was asked")
