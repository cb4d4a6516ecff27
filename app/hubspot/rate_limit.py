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


#: A request whose answer never came (a transport error) may still have reached HubSpot: it is counted this much
#: longer than the window, as every request was before answers told us when each one arrived.
UNANSWERED_MARGIN_S = 0.25
#: Clock granularity and rounding between our clock and the server's: a request answered at t is let go again at
#: t + interval + this.
ANSWERED_MARGIN_S = 0.01


class Ticket:
    """One request counted in the window: when it was let through, and when its answer came (if it did)."""

    __slots__ = ("answered", "sent")

    def __init__(self, sent: float) -> None:
        self.sent = sent
        self.answered: float | None = None


class RateLimitPacer:
    """Keeps requests inside HubSpot's rolling burst window (e.g. 100 or 110 requests per 10 s).

    It learns the window (`Max`, `Interval-Milliseconds`) from the response headers and counts its own requests
    in it, so a large flush runs at the rate the limit allows instead of hitting a 429 and stalling. The server's
    `Remaining` wins when it is lower (another instance sharing the token). A 429's Retry-After holds everyone.

    HubSpot counts a request when it arrives, somewhere between our letting it go and its answer coming back. So a
    request stays in our window until `interval` after its answer (the latest it can have been counted), not after
    its departure: the margin is each request's own round trip, a few milliseconds on a near server and more on
    a far or slow one, instead of one fixed guess that wastes a tenth of the limit on the first and may be too
    little on the second.
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
        self._window: deque[Ticket] = deque()  # requests that may still count in the server's window, oldest first
        self.remaining: int | None = None
        self.limit: int | None = None
        self.interval_s: float | None = None

    async def wait_turn(self) -> Ticket:
        """Wait until a request may go out, and count it; pass the ticket to `observe` with its answer."""
        while (delay := self._delay()) > 0:
            await self._sleep(delay)
        ticket = Ticket(self._clock())
        self._window.append(ticket)
        return ticket

    def _leaves_at(self, ticket: Ticket, interval_s: float) -> float:
        """When `ticket` can no longer count in the server's window."""
        if ticket.answered is not None:
            return ticket.answered + interval_s + ANSWERED_MARGIN_S
        return ticket.sent + interval_s + UNANSWERED_MARGIN_S

    def _delay(self) -> float:
        now = self._clock()
        if self._blocked_until > now:
            return self._blocked_until - now
        interval_s = self.interval_s
        if self.limit is None or interval_s is None:
            return 0.0
        # Answers come back out of order: drop every request that has left, wherever it is in the queue.
        leaving = [self._leaves_at(t, interval_s) for t in self._window]
        if any(at <= now for at in leaving):
            self._window = deque(t for t, at in zip(self._window, leaving, strict=True) if at > now)
            leaving = [at for at in leaving if at > now]
        allowed = max(1, self.limit - self._reserve)
        if len(leaving) >= allowed:
            # The next turn comes when enough of them have left for one more to fit.
            return sorted(leaving)[len(leaving) - allowed] - now
        return 0.0

    def observe(self, headers: Mapping[str, str], ticket: Ticket | None = None) -> None:
        """Record a response's rate-limit headers (and, with its `ticket`, that the request has been counted)."""
        if ticket is not None:
            ticket.answered = self._clock()
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
            oldest = self._window[0].sent if self._window else now
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
