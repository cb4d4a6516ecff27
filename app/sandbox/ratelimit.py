"""HubSpot-style rate limiting: a rolling ten-second window plus a daily count (reference §6)."""

from __future__ import annotations

import math
import threading
from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True)
class RateDecision:
    """Whether one request may proceed, and what the rate-limit headers say."""

    allowed: bool
    max: int
    remaining: int
    interval_ms: int
    daily_max: int
    daily_remaining: int
    #: Seconds until a request would be accepted again (only when refused).
    retry_after: int = 0
    #: `TEN_SECONDLY_ROLLING` or `DAILY` when refused.
    policy: str | None = None

    def headers(self, *, daily: bool = True) -> dict[str, str]:
        """`X-HubSpot-RateLimit-*` headers; the daily pair is omitted for OAuth tokens, as HubSpot does."""
        out = {
            "X-HubSpot-RateLimit-Max": str(self.max),
            "X-HubSpot-RateLimit-Remaining": str(self.remaining),
            "X-HubSpot-RateLimit-Interval-Milliseconds": str(self.interval_ms),
        }
        if daily:
            out["X-HubSpot-RateLimit-Daily"] = str(self.daily_max)
            out["X-HubSpot-RateLimit-Daily-Remaining"] = str(self.daily_remaining)
        return out


class RateLimiter:
    """Counts accepted requests; refused ones do not count, so a waiting client always recovers."""

    def __init__(self) -> None:
        self._hits: deque[float] = deque()
        self._daily = 0
        # The server thread takes while a test thread may read or reset.
        self._lock = threading.Lock()

    def take(self, now: float, limit: tuple[int, int], daily_limit: int, *, seconds_to_midnight: float) -> RateDecision:
        """Record one request at monotonic time `now` if the limits allow it."""
        max_requests, interval_ms = limit
        window = interval_ms / 1000
        with self._lock:
            while self._hits and self._hits[0] <= now - window:
                self._hits.popleft()
            if self._daily >= daily_limit:
                return RateDecision(
                    allowed=False,
                    remaining=max(0, max_requests - len(self._hits)),
                    daily_remaining=0,
                    retry_after=max(1, math.ceil(seconds_to_midnight)),
                    policy="DAILY",
                    max=max_requests,
                    interval_ms=interval_ms,
                    daily_max=daily_limit,
                )
            if len(self._hits) >= max_requests:
                wait = self._hits[0] + window - now
                return RateDecision(
                    allowed=False,
                    remaining=0,
                    daily_remaining=daily_limit - self._daily,
                    retry_after=max(1, math.ceil(wait)),
                    policy="TEN_SECONDLY_ROLLING",
                    max=max_requests,
                    interval_ms=interval_ms,
                    daily_max=daily_limit,
                )
            self._hits.append(now)
            self._daily += 1
            return RateDecision(
                allowed=True,
                remaining=max_requests - len(self._hits),
                daily_remaining=daily_limit - self._daily,
                max=max_requests,
                interval_ms=interval_ms,
                daily_max=daily_limit,
            )
