"""Pacing on HubSpot's X-HubSpot-RateLimit-* headers, shared by every request of one account."""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable, Mapping

from app.hubspot.errors import MAX_SERVER_WAIT_S, clamp_wait

# What a real rate-limit header can say (HubSpot: 100–190 per 10 s, or per second for some apps). A value
# outside is a broken or hostile server and is ignored, never obeyed: `Interval: 1e12` must not stop the app.
_MAX_RANGE = (1, 1_000_000)
_INTERVAL_MS_RANGE = (100, 60_000)
_REMAINING_RANGE = (0, 1_000_000)

Sleep = Callable[[float], Awaitable[None]]


class RateLimitPacer:
    """Keeps requests inside HubSpot's rolling burst window (e.g. 100 or 110 requests per 10 s).

    It learns the window (`Max`, `Interval-Milliseconds`) from the response headers and counts its own requests
    in it, so a large flush runs at the rate the limit allows instead of hitting a 429 and stalling. The server's
    `Remaining` wins when it is lower (another instance sharing the token). A 429's Retry-After holds everyone.
    """

    def __init__(
        self,
        *,
        reserve: int = 0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._reserve = reserve
        self._clock = clock
        self._sleep = sleep
        self._blocked_until = 0.0
        self._sent: deque[float] = deque()  # when each request of the current window was let through
        self.remaining: int | None = None
        self.limit: int | None = None
        self.interval_s: float | None = None

    async def wait_turn(self) -> None:
        """Wait until a request may go out, and count it."""
        while (delay := self._delay()) > 0:
            await self._sleep(delay)
        self._sent.append(self._clock())

    def _delay(self) -> float:
        now = self._clock()
        if self._blocked_until > now:
            return self._blocked_until - now
        if self.limit is None or self.interval_s is None:
            return 0.0
        # HubSpot counts a request when it arrives, a little after we let it go, and network delays vary: keep
        # each one in our window slightly longer than the server does, so a request never lands one early.
        window = self.interval_s * 1.02 + 0.05
        while self._sent and self._sent[0] <= now - window:
            self._sent.popleft()
        if len(self._sent) >= max(1, self.limit - self._reserve):
            return self._sent[0] + window - now
        return 0.0

    def observe(self, headers: Mapping[str, str]) -> None:
        """Record a response's rate-limit headers."""
        self.limit = _int(headers.get("x-hubspot-ratelimit-max"), _MAX_RANGE) or self.limit
        interval_ms = _int(headers.get("x-hubspot-ratelimit-interval-milliseconds"), _INTERVAL_MS_RANGE)
        if interval_ms:
            self.interval_s = interval_ms / 1000.0
        remaining = _int(headers.get("x-hubspot-ratelimit-remaining"), _REMAINING_RANGE)
        if remaining is None:
            return
        self.remaining = remaining
        if remaining <= self._reserve and self.interval_s:
            # The window is used up: the earliest a slot frees is when our oldest counted request leaves it.
            now = self._clock()
            oldest = self._sent[0] if self._sent else now
            self.block_for(max(0.0, oldest + self.interval_s - now))

    def block_for(self, seconds: float) -> None:
        """Hold every request for `seconds` (a 429's Retry-After), at most MAX_SERVER_WAIT_S."""
        self._blocked_until = max(self._blocked_until, self._clock() + clamp_wait(seconds, default=0.0))


def _int(value: str | None, bounds: tuple[int, int]) -> int | None:
    """A header's plain decimal integer within `bounds`, else None (`1e12`, `-1`, `0x10`, 5000 digits…)."""
    if value is None:
        return None
    text = value.strip()
    if not text.isascii() or not text.isdigit() or len(text) > 12:
        return None
    number = int(text)
    low, high = bounds
    return number if low <= number <= high else None


def parse_retry_after(value: str | None) -> float | None:
    """Retry-After in seconds, clamped to [0, MAX_SERVER_WAIT_S]; None when unusable (HubSpot sends
    delta-seconds; an HTTP date is also allowed by RFC 9110). `1e400` and `inf` mean the longest wait; `nan`,
    words and garbage are not waits."""
    if not value:
        return None
    text = value.strip()[:100]
    try:
        seconds = float(text)
    except ValueError:
        seconds = None
    if seconds is None:
        from email.utils import parsedate_to_datetime

        try:
            when = parsedate_to_datetime(text)
            seconds = when.timestamp() - time.time()
        except (TypeError, ValueError, OverflowError, IndexError):
            return None
    if seconds != seconds:
        return None
    return min(MAX_SERVER_WAIT_S, max(0.0, seconds))
