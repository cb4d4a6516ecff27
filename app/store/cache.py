"""Offline caches: the raw JSON HubSpot sent, with its fetch time, so the window paints at once and shows the age."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Generic, NamedTuple, TypeVar

import msgspec

from app.hubspot.models import AvailabilityPage, BookingInfo, MeetingLink, MeetingLinkPage
from app.store.database import Database

log = logging.getLogger(__name__)

T = TypeVar("T")

_LINKS = "links"
_BOOKING_INFO = "booking_info"
_AVAILABILITY = "availability"


class Cached(NamedTuple, Generic[T]):
    """A cached value and when it was fetched (epoch ms)."""

    value: T
    fetched_ms: int

    def age_s(self, now: float) -> float:
        """Seconds since the fetch, for "as of …" labels."""
        return max(0.0, now - self.fetched_ms / 1000)


class Cache:
    """Repository over the `cache` table; entries are replaced whole, never merged."""

    def __init__(self, db: Database, *, clock: Callable[[], float] = time.time) -> None:
        self._db = db
        self._clock = clock

    # --- meeting links (per account) --------------------------------------------------------------------------

    def put_links(self, links: list[MeetingLink], *, account: str = "") -> None:
        self._put(_LINKS, account, msgspec.json.encode(MeetingLinkPage(results=links, total=len(links))))

    def links(self, *, account: str = "") -> Cached[list[MeetingLink]] | None:
        page = self._get(_LINKS, account, MeetingLinkPage)
        return Cached(page.value.results, page.fetched_ms) if page else None

    def latest_links(self) -> tuple[str, Cached[list[MeetingLink]]] | None:
        """The account whose links were cached last, and those links: what to paint before the sign-in is read
        (the cache holds one account's data at a time: signing out or switching accounts clears it)."""
        row = self._db.connection.execute(
            "SELECT key FROM cache WHERE kind = ? ORDER BY fetched_ms DESC LIMIT 1", (_LINKS,)
        ).fetchone()
        if row is None:
            return None
        cached = self.links(account=str(row[0]))
        return (str(row[0]), cached) if cached is not None else None

    # --- booking info (per link and time zone) ---------------------------------------------------------------

    def put_booking_info(self, slug: str, timezone: str, info: BookingInfo | bytes) -> None:
        self._put(_BOOKING_INFO, _key(slug, timezone), _raw(info))

    def booking_info(self, slug: str, timezone: str) -> Cached[BookingInfo] | None:
        return self._get(_BOOKING_INFO, _key(slug, timezone), BookingInfo)

    # --- availability (per link, calendar month and time zone) ---------------------------------------------

    def put_availability(self, slug: str, timezone: str, month: str, page: AvailabilityPage | bytes) -> None:
        """`month` is the absolute month `YYYY-MM` in `timezone` (a monthOffset changes meaning every month)."""
        self._put(_AVAILABILITY, _key(slug, timezone, month), _raw(page))

    def availability(self, slug: str, timezone: str, month: str) -> Cached[AvailabilityPage] | None:
        return self._get(_AVAILABILITY, _key(slug, timezone, month), AvailabilityPage)

    # --- housekeeping ---------------------------------------------------------------------------------------

    def clear(self) -> None:
        """Forget every cached response (sign-out, account switch)."""
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM cache")

    def prune(self, older_than_s: float) -> int:
        cutoff = int((self._clock() - older_than_s) * 1000)
        with self._db.transaction() as conn:
            return conn.execute("DELETE FROM cache WHERE fetched_ms < ?", (cutoff,)).rowcount

    def _put(self, kind: str, key: str, raw: bytes) -> None:
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO cache (kind, key, raw, fetched_ms) VALUES (?, ?, ?, ?)",
                (kind, key, raw, int(self._clock() * 1000)),
            )

    def _get(self, kind: str, key: str, type_: type[T]) -> Cached[T] | None:
        row = self._db.connection.execute(
            "SELECT raw, fetched_ms FROM cache WHERE kind = ? AND key = ?", (kind, key)
        ).fetchone()
        if row is None:
            return None
        try:
            return Cached(msgspec.json.decode(row[0], type=type_), int(row[1]))
        except (msgspec.ValidationError, msgspec.DecodeError):
            # Written by another version, or damaged: a cache miss, never an error the user sees.
            log.info("Dropping an unreadable %s cache entry", kind)
            with self._db.transaction() as conn:
                conn.execute("DELETE FROM cache WHERE kind = ? AND key = ?", (kind, key))
            return None


def _key(*parts: str) -> str:
    # NUL never occurs in slugs, zone names or months, so keys cannot collide.
    return "\0".join(parts)


def _raw(value: msgspec.Struct | bytes) -> bytes:
    return value if isinstance(value, bytes) else msgspec.json.encode(value)
