"""The visitor's idle clock: active, then "Are you still there?" with a countdown, then a full reset."""

from __future__ import annotations

import enum
import math
import time
from collections.abc import Callable


class IdlePhase(enum.Enum):
    ACTIVE = "active"
    WARNING = "warning"  # ask "Are you still there?" and count down
    EXPIRED = "expired"  # reset everything


class IdleWatch:
    """`idle_s` without a touch starts the warning; `warning_s` more without one expires the visit."""

    def __init__(self, idle_s: float, warning_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        if idle_s <= 0 or warning_s <= 0:
            raise ValueError("idle and warning times must be positive")
        self.idle_s = idle_s
        self.warning_s = warning_s
        self._clock = clock
        self._last = clock()

    def touch(self) -> None:
        """The visitor did something: start the idle time again."""
        self._last = self._clock()

    def idle_for(self) -> float:
        return max(0.0, self._clock() - self._last)

    def phase(self) -> IdlePhase:
        idle = self.idle_for()
        if idle < self.idle_s:
            return IdlePhase.ACTIVE
        if idle < self.idle_s + self.warning_s:
            return IdlePhase.WARNING
        return IdlePhase.EXPIRED

    def seconds_left(self) -> int:
        """Whole seconds until the reset (shown in the countdown)."""
        return max(0, math.ceil(self.idle_s + self.warning_s - self.idle_for()))
