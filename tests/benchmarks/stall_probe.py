"""A timer probe in the GUI process: the gaps between the ticks of a precise 5 ms QTimer are how long the Qt event
loop was busy (a stall the user would feel as a frozen window)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

PROBE_MS = 5


class StallProbe:
    """A precise QTimer ticking every PROBE_MS; the gaps between ticks are how long the loop was busy."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(PROBE_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.gaps: list[float] = []

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last:
            self.gaps.append((now - self._last) * 1000)
        self._last = now

    async def measure(self, work: Callable[[], Awaitable[object]]) -> tuple[list[float], float]:
        """The tick gaps (ms) while `work` runs, and how long it ran (s)."""
        self.gaps, self._last = [], 0.0
        self._timer.start()
        started = time.perf_counter()
        await work()
        elapsed = time.perf_counter() - started
        # One more tick, so a stall at the very end of the work is counted too.
        await asyncio.sleep(2 * PROBE_MS / 1000)
        self._timer.stop()
        return self.gaps or [0.0], elapsed

    async def idle(self, seconds: float) -> list[float]:
        """The tick gaps of the same loop doing nothing for `seconds`: the floor."""
        gaps, _ = await self.measure(lambda: asyncio.sleep(seconds))
        return gaps
