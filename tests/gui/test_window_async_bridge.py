"""The qasync boundary: dialogs as futures (never exec), background tasks, one error handler, busy states."""

from __future__ import annotations

import asyncio

import pytest
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
