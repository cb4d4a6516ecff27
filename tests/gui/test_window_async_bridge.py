"""The qasync boundary: dialogs as futures (never exec), background tasks, one error handler, busy states."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.ui.runtime.async_bridge import BackgroundTasks, ErrorReporter, busy, new_loop, open_dialog

pytestmark = pytest.mark.gui


@pytest.mark.asyncio
async def test_open_dialog_returns_its_result_while_other_tasks_keep_running(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0)

    task = asyncio.get_running_loop().create_task(ticker())
    result = open_dialog(dialog)
    await asyncio.sleep(0.01)
    assert dialog.isVisible() and ticks > 1  # the loop was not blocked by a nested exec()
    dialog.accept()
    assert await result == QDialog.DialogCode.Accepted
    task.cancel()


@pytest.mark.asyncio
async def test_failing_background_task_reaches_the_one_handler_and_a_dialog(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    reporter = ErrorReporter(lambda: parent)
    uninstall = reporter.install(asyncio.get_running_loop())
    tasks = BackgroundTasks()

    async def boom() -> None:
        raise ValueError("broken on purpose")

    try:
        tasks.start(boom())
        await tasks.idle()
    finally:
        uninstall()
    assert [str(e) for e in reporter.reported] == ["broken on purpose"]
    boxes = [b for b in parent.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    assert "broken on purpose" in boxes[0].detailedText()
    boxes[0].close()


@pytest.mark.asyncio
async def test_close_cancels_running_tasks() -> None:
    tasks = BackgroundTasks()
    started = asyncio.Event()

    async def forever() -> None:
        started.set()
        await asyncio.Event().wait()

    task = tasks.start(forever())
    await started.wait()
    await tasks.aclose()
    assert task.cancelled()
    assert len(tasks) == 0


def test_busy_restores_widgets_even_after_an_error(qtbot: QtBot) -> None:
    button = QPushButton()
    qtbot.addWidget(button)
    seen: list[bool] = []

    def work() -> None:
        with busy(button):
            seen.append(button.isEnabled())
            seen.append(QApplication.overrideCursor() is not None)
            raise RuntimeError("fail inside")

    with pytest.raises(RuntimeError):
        work()
    assert seen == [False, True]
    assert button.isEnabled()
    assert QApplication.overrideCursor() is None


def test_a_task_waits_while_qt_turns_outside_the_loop_and_runs_when_it_runs_again(qapp: QApplication) -> None:
    # qasync would step the task inside this processEvents, with no running loop: "no running event loop".
    loop = new_loop()
    try:
        seen: list[asyncio.AbstractEventLoop] = []

        async def step() -> None:
            seen.append(asyncio.get_running_loop())

        task = loop.create_task(step())
        qapp.processEvents()  # Qt's own turn, as pytest-qt or qasync's last processEvents take one
        assert seen == [] and not task.done()
        loop.run_until_complete(task)
        assert seen == [loop]
    finally:
        loop.close()


def test_a_task_falling_due_while_another_turns_a_nested_qt_loop_runs_after_it(qapp: QApplication) -> None:
    # A nested Qt loop inside a task's step (pytest-qt's waitUntil, a processEvents): qasync would step the other
    # task right there, asyncio refuses ("Cannot enter into task … while another task … is being executed"), and
    # that step is lost. The task then stays pending for ever, and cancelling it at shutdown never returns.
    loop = new_loop()
    problems: list[dict[str, object]] = []
    loop.set_exception_handler(lambda _loop, context: problems.append(context))
    order: list[str] = []
    try:

        async def other() -> None:
            order.append("other")

        async def turning() -> bool:
            task = asyncio.get_running_loop().create_task(other())  # its first step is due at once
            nested = QEventLoop()
            QTimer.singleShot(20, nested.quit)
            nested.exec()  # what qtbot.wait() does, inside this task's step
            order.append("turned")
            done, _ = await asyncio.wait({task}, timeout=2)  # not wait_for: cancelling a lost task never ends
            return task in done

        assert loop.run_until_complete(turning())
        assert order == ["turned", "other"]
        assert problems == []
    finally:
        loop.close()
