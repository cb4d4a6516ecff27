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
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

log = logging.getLogger(__name__)

T = TypeVar("T")

#: `@async_slot()` on a method makes a Qt slot that runs the coroutine as a task (and returns the task).
async_slot = qasync.asyncSlot


def run(main: Coroutine[Any, Any, T]) -> T:
    """Run `main` on a qasync loop over the existing QApplication and return its result."""
    if sys.version_info >= (3, 12):
        return asyncio.run(main, loop_factory=_new_loop)  # type: ignore[call-arg,unused-ignore]
    # asyncio.run has no loop_factory on 3.11; qasync.run swaps in its event-loop policy instead.
    result: T = qasync.run(main)
    return result


def _new_loop() -> asyncio.AbstractEventLoop:
    app = QApplication.instance() or QApplication(sys.argv)
    loop: asyncio.AbstractEventLoop = qasync.QEventLoop(app)
    return loop


class BackgroundTasks:
    """Fire-and-forget tasks with strong references (the loop keeps only weak ones), cancelled together at close."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closed = False

    def start(self, coro: Coroutine[Any, Any, Any], *, name: str | None = None) -> asyncio.Task[Any]:
        if self._closed:
            coro.close()
            raise RuntimeError("background tasks are closed")
        task = asyncio.get_running_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            # Route to the one handler, as an unobserved task exception would be (but at once, not at GC time).
            asyncio.get_running_loop().call_exception_handler(
                {"message": f"Background task {task.get_name()} failed", "exception": exc, "task": task}
            )

    def __len__(self) -> int:
        return len(self._tasks)

    def running(self) -> list[asyncio.Task[Any]]:
        """The tasks not finished yet (e.g. to cancel one kind of work without closing the rest)."""
        return [task for task in self._tasks if not task.done()]

    async def idle(self) -> None:
        """Wait until every task started so far (and any they start) has finished."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def aclose(self) -> None:
        """Cancel every running task and wait until each has finished."""
        self._closed = True
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)


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
