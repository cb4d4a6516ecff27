"""Wrong-PIN back-off: a few free tries, then waits that double with each wrong PIN (capped)."""

from __future__ import annotations

import time
from collections.abc import Callable

FREE_ATTEMPTS = 3
FIRST_WAIT_S = 5.0
MAX_WAIT_S = 300.0


class PinAttempts:
    """Counts wrong PINs and says how long the prompt must refuse new tries; the clock is injected."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        *,
        free_attempts: int = FREE_ATTEMPTS,
        first_wait_s: float = FIRST_WAIT_S,
        max_wait_s: float = MAX_WAIT_S,
    ) -> None:
        self._clock = clock
        self._free = free_attempts
        self._first = first_wait_s
        self._max = max_wait_s
        self.failures = 0
        self._locked_until = 0.0

    def wait_s(self) -> float:
        """Seconds before another PIN may be tried (0 = now)."""
        return max(0.0, self._locked_until - self._clock())

    def record_failure(self) -> float:
        """A wrong PIN; returns the wait it caused (0 while within the free attempts)."""
        self.failures += 1
        over = self.failures - self._free
        if over <= 0:
            return 0.0
        wait = min(self._max, self._first * 2 ** (over - 1))
        self._locked_until = self._clock() + wait
        return wait

    def record_success(self) -> None:
        self.failures = 0
        self._locked_until = 0.0
