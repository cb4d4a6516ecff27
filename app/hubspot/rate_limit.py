"""Pacing on HubSpot's X-HubSpot-RateLimit-* headers, shared by every request of one account."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping

Sleep = Callable[[float], Awaitable[None]]


class RateLimitPacer:
    """Waits before a request when the last response said the window is (nearly) used up.

    HubSpot's burst window is rolling (e.g. 100 or 110 requests per 10 s). When `Remaining` drops to the reserve,
    we hold new requests until the interval has passed since that response, so a flush never trips a 429.
    A 429's Retry-After blocks everyone until it has passed.
    """

    def __init__(
        self,
        *,
        reserve: int = 1,
        clock: Callable[[], float] = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._reserve = reserve
        self._clock = clock
        self._sleep = sleep
        self._blocked_until = 0.0
        self.remaining: int | None = None
        self.limit: int | None = None

    async def wait_turn(self) -> None:
        while (delay := self._blocked_until - self._clock()) > 0:
            await self._sleep(delay)

    def observe(self, headers: Mapping[str, str]) -> None:
        """Record a response's rate-limit headers."""
        remaining = _int(headers.get("x-hubspot-ratelimit-remaining"))
        interval_ms = _int(headers.get("x-hubspot-ratelimit-interval-milliseconds"))
        self.limit = _int(headers.get("x-hubspot-ratelimit-max")) or self.limit
        if remaining is None:
            return
        self.remaining = remaining
        if remaining <= self._reserve and interval_ms:
            self.block_for(interval_ms / 1000.0)

    def block_for(self, seconds: float) -> None:
        """Hold every request for `seconds` (a 429's Retry-After)."""
        self._blocked_until = max(self._blocked_until, self._clock() + max(0.0, seconds))

    @property
    def seconds_blocked(self) -> float:
        return max(0.0, self._blocked_until - self._clock())


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def parse_retry_after(value: str | None) -> float | None:
    """Retry-After in seconds (HubSpot sends delta-seconds; an HTTP date is also allowed by RFC 9110)."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
