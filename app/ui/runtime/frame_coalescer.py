"""Many requests to redraw something, one redraw per frame: a single-shot timer that is started, never restarted.

A flush of the outbox answers a draft every few milliseconds; redrawing the outbox, history and counts after each
answer kept the UI thread busy for most of every frame. Requests in between are merged by the caller (e.g. the
ids that changed) and handled together when the timer fires, at most one frame after the first of them.

The timer is the asyncio loop's (`call_later`), not a QTimer: the redraw reads the store and rebuilds widgets like
every other piece of the window's work, so it follows the same rules (async_bridge): it runs only while the loop
runs and never inside another callback. A QTimer fires whenever Qt turns: between a test and its teardown, after
the window was closed, in the stages of the loop's shutdown.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

#: One frame at 60 Hz: no one sees a change sooner than that.
FRAME_S = 0.016


class FrameCoalescer:
    """Calls `run` once, at most `interval_s` after the first `request()` since the last run."""

    def __init__(self, run: Callable[[], None], *, interval_s: float = FRAME_S) -> None:
        self._run = run
        self._interval_s = interval_s
        self._pending: asyncio.TimerHandle | None = None

    def request(self) -> None:
        """Run soon; requests before it runs are one run (the timer is not restarted, so it never starves).

        Called on the running loop (the sender's events come from its tasks)."""
        if self._pending is None:
            self._pending = asyncio.get_running_loop().call_later(self._interval_s, self._fire)

    def cancel(self) -> None:
        """Forget a pending run (what it would do was just done, or the window is closing)."""
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None

    @property
    def pending(self) -> bool:
        return self._pending is not None

    def _fire(self) -> None:
        self._pending = None  # a request made while it runs is a run of its own, one frame later
        self._run()
