"""Capped exponential backoff with full jitter, for requests that are safe to repeat."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    attempts: int = 4  # total tries, the first included
    base: float = 0.5  # seconds before the first retry (before jitter)
    cap: float = 8.0  # longest single wait
    max_retry_after: float = 60.0  # a longer Retry-After is reported to the caller instead of waited out
    rng: random.Random = field(default_factory=random.Random, compare=False)

    def backoff(self, retry_number: int) -> float:
        """Wait before retry number `retry_number` (1-based): uniform in [0, min(cap, base·2^(n-1))]."""
        ceiling = min(self.cap, self.base * (2 ** max(0, retry_number - 1)))
        return self.rng.uniform(ceiling / 2, ceiling)


NO_RETRY = RetryPolicy(attempts=1)
