"""Is a draft's time still offered? Fresh availability, fetched once per link/month/zone within a short TTL."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from app.hubspot.models import AvailabilityPage

FetchAvailability = Callable[[str, str, int], Awaitable[AvailabilityPage]]


def month_offset(now_ms: int, start_ms: int, timezone: str) -> int:
    """HubSpot's monthOffset for `start_ms`: calendar months from now, both seen in `timezone`."""
    zone = ZoneInfo(timezone)
    now = datetime.fromtimestamp(now_ms / 1000, UTC).astimezone(zone)
    start = datetime.fromtimestamp(start_ms / 1000, UTC).astimezone(zone)
    return (start.year - now.year) * 12 + start.month - now.month


def is_offered(page: AvailabilityPage, start_ms: int, duration_ms: int) -> bool:
    if page.link_availability is None:
        return False
    return any(slot.start_millis_utc == start_ms for slot in page.link_availability.slots_for(duration_ms))


class AvailabilityChecker:
    """Fetches pages through `fetch`, reusing one for `ttl_s` so a flush of 50 drafts costs a few requests."""

    def __init__(self, fetch: FetchAvailability, clock: Callable[[], float], *, ttl_s: float = 30.0) -> None:
        self._fetch = fetch
        self._clock = clock
        self._ttl_s = ttl_s
        self._pages: dict[tuple[str, str, int], tuple[float, AvailabilityPage]] = {}

    async def offered(self, slug: str, timezone: str, start_ms: int, duration_ms: int, *, fresh: bool = False) -> bool:
        """True when the slot is in the link's current availability (raises the client's errors)."""
        now = self._clock()
        key = (slug, timezone, max(0, month_offset(int(now * 1000), start_ms, timezone)))
        cached = self._pages.get(key)
        # A cached page may say "offered"; "gone" decides a draft's fate, so only a fresh page may say that.
        if (
            not fresh
            and cached is not None
            and now - cached[0] <= self._ttl_s
            and is_offered(cached[1], start_ms, duration_ms)
        ):
            return True
        page = await self._fetch(*key)
        self._pages[key] = (self._clock(), page)
        return is_offered(page, start_ms, duration_ms)
