"""The one backoff curve: capped exponential with jitter, for HTTP retries (hubspot/retry.py) and the outbox sender.

After the n-th failure in a row the wait is uniform in [c/2, c] with c = min(cap, base·2^(n-1)): half fixed, so a
retry never comes right away, half random, so many drafts (and many app instances) don't arrive together.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Backoff:
    base_s: float = 5.0
    cap_s: float = 900.0
    #: A number in [0, 1); injected so tests can fix the jitter.
    random: Callable[[], float] = field(default=random.random, compare=False)

    def delay(self, failures: int) -> float:
        """Seconds to wait after the `failures`-th failure in a row (1-based)."""
        ceiling = min(self.cap_s, self.base_s * 2 ** max(0, failures - 1))
        return ceiling / 2 + ceiling / 2 * self.random()
