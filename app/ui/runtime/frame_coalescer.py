"""Many requests to redraw something, one redraw per frame: a single-shot timer that is started, never restarted.

A flush of the outbox answers a draft every few milliseconds; redrawing the outbox, history and counts after each
answer kept the UI thread busy for most of every frame. Requests in between are merged by the caller (e.g. the
ids that changed) and handled together when the timer fires, at most one frame after the first of them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

#: One frame at 60 Hz: no one sees a change sooner than that.
FRAME_MS = 16


class FrameCoalescer:
    """Calls `run` once, at most `interval_ms` after the first `request()` since the last run."""

    def __init__(self, run: Callable[[], None], parent: QObject, *, interval_ms: int = FRAME_MS) -> None:
        self._run = run
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._fire)

    def request(self) -> None:
        """Run soon; requests before it runs are one run (the timer is not restarted, so it never starves)."""
        if not self._timer.isActive():
            self._timer.start()

    def cancel(self) -> None:
        """Forget a pending run (what it would do was just done)."""
        self._timer.stop()

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def _fire(self) -> None:
        self._run()
