"""How often and how long the client retries requests that are safe to repeat (reads; never a booking's POST)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from app.hubspot.backoff import Backoff


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    attempts: int = 4  # total tries, the first included
    base: float = 0.5  # seconds before the first retry (before jitter)
    cap: float = 8.0  # longest single wait
    max_retry_after: float = 60.0  # a longer Retry-After is reported to the caller instead of waited out
    rng: random.Random = field(default_factory=random.Random, compare=False)

    def backoff(self, retry_number: int) -> float:
        """Wait before retry number `retry_number` (1-based): the shared Backoff curve, in [c/2, c]."""
        return Backoff(base_s=self.base, cap_s=self.cap, random=self.rng.random).delay(retry_number)
