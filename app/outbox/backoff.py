"""Capped exponential backoff with jitter, for 5xx answers and network failures."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Backoff:
    base_s: float = 5.0
    cap_s: float = 900.0
    # Jitter spreads retries of many drafts (and many app instances) so they don't arrive together.
    random: Callable[[], float] = field(default=random.random)

    def delay(self, failures: int) -> float:
        """Seconds to wait after the `failures`-th failure in a row (1-based): half fixed, half random."""
        ceiling = min(self.cap_s, self.base_s * 2 ** max(0, failures - 1))
        return ceiling / 2 + ceiling / 2 * self.random()
