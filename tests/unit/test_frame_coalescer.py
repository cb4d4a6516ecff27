"""The outbox view's frame coalescer: many requests are one run a frame later, none is dropped, and it runs only
while the loop runs (never between a test and its teardown, on a window that pytest-qt has closed)."""

from __future__ import annotations

import asyncio
import time

import pytest
from PySide6.QtWidgets import QApplication

from app.ui.runtime.async_bridge import new_loop
from app.ui.runtime.frame_coalescer import FrameCoalescer

INTERVAL_S = 0.005


async def settled(coalescer: FrameCoalescer) -> None:
    """Until no run is pending (bounded)."""
    async with asyncio.timeout(2):
        while coalescer.pending:  # noqa: ASYNC110 - the run is a loop timer, which offers no awaitable
            await asyncio.sleep(INTERVAL_S)


@pytest.mark.asyncio
async def test_requests_before_it_runs_are_one_run_at_most_one_interval_after_the_first() -> None:
    runs: list[float] = []
    coalescer = FrameCoalescer(lambda: runs.append(time.monotonic()), interval_s=INTERVAL_S)
    first = time.monotonic()
    for _ in range(50):
        coalescer.request()
    assert runs == [] and coalescer.pending
    await settled(coalescer)
    assert len(runs) == 1
    assert runs[0] - first >= INTERVAL_S * 0.9  # the loop's timers may round a little


@pytest.mark.asyncio
async def test_a_request_made_while_it_runs_is_one_more_run_not_dropped() -> None:
    runs: list[int] = []
    coalescer: FrameCoalescer

    def run() -> None:
        runs.append(len(runs))
        if len(runs) == 1:
            coalescer.request()  # a sender event answered while the outbox is being redrawn

    coalescer = FrameCoalescer(run, interval_s=INTERVAL_S)
    coalescer.request()
    async with asyncio.timeout(2):
        while len(runs) < 2:  # noqa: ASYNC110
            await asyncio.sleep(INTERVAL_S)
    assert runs == [0, 1] and not coalescer.pending


@pytest.mark.asyncio
async def test_cancel_forgets_the_pending_run() -> None:
    runs: list[float] = []
    coalescer = FrameCoalescer(lambda: runs.append(time.monotonic()), interval_s=INTERVAL_S)
    coalescer.request()
    coalescer.cancel()
    assert not coalescer.pending
    await asyncio.sleep(INTERVAL_S * 4)
    assert runs == []


@pytest.mark.gui
def test_it_never_runs_while_the_loop_is_stopped_only_when_it_runs_again(qapp: QApplication) -> None:
    # Between a test and its teardown Qt turns with the loop stopped (pytest-qt closes and deletes the widgets
    # there). A QTimer redraw would fire on the closed window, and the events it posts made Qt delete the window
    # before the teardown's first step could close the session ("Internal C++ object (MainWindow) already
    # deleted").
    loop = new_loop()
    runs: list[float] = []
    coalescer = FrameCoalescer(lambda: runs.append(time.monotonic()), interval_s=INTERVAL_S)

    async def request() -> None:
        coalescer.request()

    try:
        loop.run_until_complete(request())
        time.sleep(INTERVAL_S * 4)  # due now, with the loop stopped
        qapp.processEvents()  # Qt's own turn, as pytest-qt takes one to close the test's widgets
        assert runs == []
        loop.run_until_complete(asyncio.sleep(INTERVAL_S * 4))
        assert len(runs) == 1
    finally:
        loop.close()
