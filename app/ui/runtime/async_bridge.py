"""The one asyncio ↔ Qt boundary: the qasync loop, background tasks, dialogs as futures, one error handler.

Every other UI module goes through here instead of importing qasync, so its quirks are handled in one place
(stack notes §1): QT_API before import, `qasync.run` on 3.11, strong task references, no `exec()` in coroutines.
"""

from __future__ import annotations

import os

# qasync otherwise tries PyQt5 first when no binding is imported yet.
os.environ.setdefault("QT_API", "pyside6")

import asyncio
import contextlib
import logging
import sys
import traceback
from collections.abc import Callable, Coroutine, Iterator
from types import TracebackType
from typing import Any, TypeVar

import qasync
from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimerEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from app.ui.runtime.background_tasks import BackgroundTasks

log = logging.getLogger(__name__)

__all__ = ["BackgroundTasks", "ErrorReporter", "open_dialog", "run"]

T = TypeVar("T")


def run(main: Coroutine[Any, Any, T]) -> T:
    """Run `main` on a qasync loop over the existing QApplication and return its result."""
    # asyncio.Runner (3.11+) takes a loop factory; qasync.run on 3.11 would make a plain qasync loop instead.
    with asyncio.Runner(loop_factory=new_loop) as runner:
        return runner.run(main)


def new_loop() -> asyncio.AbstractEventLoop:
    """The app's event loop: qasync's, except that callbacks run only while the loop runs, one at a time
    (`_RunningOnlyTimer`)."""
    app = QApplication.instance() or QApplication(sys.argv)
    return QtEventLoop(app)


class _RunningOnlyTimer(qasync._SimpleTimer):
    """qasync's timer, except that a callback runs only while the loop runs, and never inside another callback.

    Qt also processes events outside the asyncio loop: qasync's own last `processEvents` after
    `run_until_complete`, the stages of `asyncio.Runner`'s shutdown, pytest-qt between a test and its teardown.
    qasync would run a task step there, with no running loop, and the task dies of "no running event loop"
    (e.g. the sender's retry timer). asyncio's own loops never run callbacks while stopped; neither does this.

    Qt also turns inside a callback whenever something there spins a nested event loop (pytest-qt's `wait` and
    `waitUntil`, a `processEvents()`, an `exec()`). qasync would run the callbacks falling due right there, inside
    the running one: a task's step is refused ("Cannot enter into task … while another task … is being
    executed") and is lost, so that task stays pending for ever and whoever awaits or cancels it (the window's
    shutdown) never returns. asyncio's own loops never run one callback inside another; neither does this: they
    wait until the running one returns.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        super().__init__()
        self._loop = loop
        self._deferred: list[asyncio.Handle] = []
        self._in_callback = False

    def timerEvent(self, event: QTimerEvent) -> None:
        if self._stopped:
            super().timerEvent(event)
            return
        if self._loop.is_running() and not self._in_callback:
            self._in_callback = True
            try:
                super().timerEvent(event)
            finally:
                self._in_callback = False
            if self._deferred:
                self.resume()  # what fell due inside it (a nested Qt loop) runs next
            return
        callbacks: dict[int, asyncio.Handle] = self._SimpleTimer__callbacks
        handle = callbacks.pop(event.timerId(), None)
        self.killTimer(event.timerId())
        if handle is not None and not handle.cancelled():
            self._deferred.append(handle)

    def resume(self) -> None:
        """Schedule what fell due while no callback could run (called as the loop runs again, or as the callback
        that turned a nested Qt loop returns)."""
        deferred, self._deferred = self._deferred, []
        for handle in deferred:
            if not handle.cancelled():
                self.add_callback(handle, 0)


class QtEventLoop(qasync.QEventLoop):
    """qasync's loop with `_RunningOnlyTimer`."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._timer = _RunningOnlyTimer(self)

    def run_forever(self) -> None:
        self._timer.resume()
        super().run_forever()


def open_dialog(dialog: QDialog) -> asyncio.Future[int]:
    """Show `dialog` window-modally with `open()` and return a future of its result code.

    `exec()` inside a coroutine would run a nested loop while a task step is still executing and stall every
    other task (qasync #59/#82), so dialogs are always opened this way and awaited.
    """
    future: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def finished(code: int) -> None:
        if not future.done():
            future.set_result(code)

    dialog.finished.connect(finished)
    dialog.open()
    return future


@contextlib.contextmanager
def busy(*widgets: QWidget, cursor: bool = True) -> Iterator[None]:
    """Disable `widgets` (and show a busy cursor) for the duration; always restored, even on error or cancel."""
    previous = [w.isEnabled() for w in widgets]
    for widget in widgets:
        widget.setEnabled(False)
    if cursor:
        QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
    try:
        yield
    finally:
        if cursor:
            QApplication.restoreOverrideCursor()
        for widget, enabled in zip(widgets, previous, strict=True):
            widget.setEnabled(enabled)


class ErrorReporter(QObject):
    """The one place unexpected exceptions end: logged with their traceback, then shown in a non-blocking dialog."""

    def __init__(self, parent_widget: Callable[[], QWidget | None] = lambda: None) -> None:
        super().__init__()
        self._parent_widget = parent_widget
        self._open: QMessageBox | None = None
        self.reported: list[BaseException] = []

    def install(self, loop: asyncio.AbstractEventLoop) -> Callable[[], None]:
        """Hook the loop's exception handler and sys.excepthook; returns a function restoring both."""
        previous_hook = sys.excepthook
        previous_handler = loop.get_exception_handler()
        loop.set_exception_handler(self.on_loop_exception)
        sys.excepthook = self.on_uncaught

        def uninstall() -> None:
            sys.excepthook = previous_hook
            loop.set_exception_handler(previous_handler)

        return uninstall

    def on_loop_exception(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if isinstance(exc, asyncio.CancelledError):
            return
        if exc is None:
            log.error("asyncio: %s", context.get("message", "unknown problem"))
            return
        self.report(exc, context.get("message"))

    def on_uncaught(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:  # pragma: no cover - exercised through Qt's virtual calls
        if issubclass(exc_type, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        self.report(exc.with_traceback(tb))

    def report(self, exc: BaseException, context: str | None = None) -> None:
        """Log `exc` with its traceback and tell the user without blocking the loop."""
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        log.error("Unexpected error%s:\n%s", f" ({context})" if context else "", details)
        self.reported.append(exc)
        if QApplication.instance() is None:
            return
        if self._open is not None and self._open.isVisible():
            return  # one dialog at a time; the log has every error
        box = QMessageBox(self._parent_widget())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("ErrorReporter", "Something went wrong"))
        box.setText(
            QCoreApplication.translate(
                "ErrorReporter", "An unexpected error occurred. Your drafts are safe; details are in the log file."
            )
        )
        box.setDetailedText(f"{type(exc).__name__}: {exc}")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setAccessibleName(box.windowTitle())
        self._open = box
        box.open()
