"""What a visitor can book on one link: its rules and the next days with open times (fresh, else cached)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Protocol
from zoneinfo import ZoneInfo

import msgspec

from app.booking.slots import LocalSlot, month_for_offset, slots_by_day, today_in
from app.hubspot.errors import NetworkUnreachable
from app.hubspot.models import AvailabilityPage, BookingInfo, LinkSettings
from app.store.cache import Cache

log = logging.getLogger(__name__)

#: A kiosk shows a short list of days, not a calendar: the next ones with open times.
MAX_DAYS = 8
MONTHS_AHEAD = 2


class OfferClient(Protocol):
    async def booking_info(self, slug: str, timezone: str) -> BookingInfo: ...

    async def availability(self, slug: str, timezone: str, month_offset: int = 0) -> AvailabilityPage: ...


@dataclass
class Offer:
    """One link's rules and its next open days; `online` is False when any part came from the cache."""

    slug: str
    info: BookingInfo
    duration_ms: int
    days: dict[date, list[LocalSlot]] = field(default_factory=dict)
    online: bool = True

    @property
    def visitor_info(self) -> BookingInfo:
        """The rules as a visitor sees them: only required questions and no guests (a short flow)."""
        params = self.info.custom_params
        short = msgspec.structs.replace(
            params,
            form_fields=[f for f in params.form_fields if f.is_required],
            guest_settings=None,
        )
        return msgspec.structs.replace(self.info, custom_params=short)

    @property
    def has_consent(self) -> bool:
        params: LinkSettings = self.info.custom_params
        return bool(params.legal_consent_enabled and params.legal_consent_options is not None)


class NothingToOffer(Exception):
    """Neither HubSpot nor the cache could say what this link offers (offline on first start)."""


async def load_offer(
    client: OfferClient,
    cache: Cache,
    slug: str,
    timezone: str,
    *,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    max_days: int = MAX_DAYS,
    held: Collection[int] = (),
) -> Offer:
    """Fresh rules and open times; offline, the cached ones (`online=False`). Raises NothingToOffer.

    `held` are start times this profile's queued requests already hold: offline the cache still lists them as
    open, and offering one to the next visitor would queue the same time twice.
    """
    online = True
    try:
        info = await client.booking_info(slug, timezone)
        cache.put_booking_info(slug, timezone, info)
    except NetworkUnreachable:
        online = False
        cached = cache.booking_info(slug, timezone)
        if cached is None:
            raise NothingToOffer(slug) from None
        info = cached.value
    durations = info.custom_params.durations
    if not durations:
        raise NothingToOffer(slug)
    duration_ms = durations[0]
    zone = ZoneInfo(timezone)
    moment = now()
    today = today_in(moment, zone)
    now_ms = int(moment.timestamp() * 1000)
    slots = []
    for offset in range(MONTHS_AHEAD):
        year, month = month_for_offset(today, offset)
        key = f"{year:04d}-{month:02d}"
        page: AvailabilityPage | None = None
        if online:
            try:
                page = await client.availability(slug, timezone, offset)
                cache.put_availability(slug, timezone, key, page)
            except NetworkUnreachable:
                online = False
        if page is None:
            cached_page = cache.availability(slug, timezone, key)
            page = cached_page.value if cached_page else None
        if page is not None and page.link_availability is not None:
            slots += [
                s
                for s in page.link_availability.slots_for(duration_ms)
                if s.start_millis_utc > now_ms and s.start_millis_utc not in held
            ]
    by_day = slots_by_day(slots, zone)
    days = dict(list(by_day.items())[:max_days])
    return Offer(slug=slug, info=info, duration_ms=duration_ms, days=days, online=online)
