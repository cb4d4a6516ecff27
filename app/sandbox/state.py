"""Everything the sandbox remembers: links, tokens, bookings, contacts, rate-limit counters, faults, the clock."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from app.hubspot.contacts import CONTACTS_READ_SCOPE
from app.sandbox.faults import Faults
from app.sandbox.links import BusyBlock, SandboxLink, SandboxUser
from app.sandbox.ratelimit import RateDecision, RateLimiter
from app.sandbox.seed import build_seed

READ_SCOPE = "scheduler.meetings.meeting-link.read"
#: CONTACTS_READ_SCOPE (app.hubspot.contacts) lets a token search CRM contacts (attendee suggestions).
#: Any one of these lets a token book (reference §7.1).
WRITE_SCOPES = frozenset(
    {
        "crm.objects.contacts.write",
        "meetings-write",
        "crm.objects.companies.write",
        "crm.objects.deals.write",
        "tickets",
        "crm.objects.appointments.write",
        "crm.objects.line_items.write",
        "crm.objects.products.write",
        "crm.objects.goals.write",
        "crm.objects.courses.write",
        "crm.objects.listings.write",
        "crm.objects.services.write",
        "crm.objects.projects.write",
        "crm.objects.commercepayments.write",
        "crm.objects.contacts.sensitive.write.v2",
        "crm.objects.contacts.highly_sensitive.write.v2",
        "crm.objects.companies.sensitive.write.v2",
        "crm.objects.companies.highly_sensitive.write.v2",
        "crm.objects.deals.sensitive.write.v2",
        "crm.objects.deals.highly_sensitive.write.v2",
        "crm.objects.appointments.sensitive.write.v2",
        "crm.objects.appointments.highly_sensitive.write.v2",
        "tickets.sensitive.v2",
        "tickets.highly_sensitive.v2",
        "crm.objects.custom.sensitive.write.v2",
    }
)
ALL_SCOPES = frozenset({READ_SCOPE, CONTACTS_READ_SCOPE, "crm.objects.contacts.write", "meetings-write"})

DEMO_TOKEN = "demo-token"
READ_ONLY_TOKEN = "read-only-token"
EXPIRED_TOKEN = "expired-token"


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class TokenGrant:
    scopes: frozenset[str]
    expired: bool = False
    #: OAuth tokens get no daily rate-limit headers (reference §6).
    oauth: bool = False
    #: Epoch seconds (on the sandbox clock) after which HubSpot answers 401; None = never.
    expires_at: float | None = None

    def is_expired(self, now: datetime) -> bool:
        return self.expired or (self.expires_at is not None and now.timestamp() >= self.expires_at)


@dataclass
class Booking:
    """One accepted booking, as the sandbox log keeps it."""

    slug: str
    link_id: str
    start: datetime
    end: datetime
    duration_ms: int
    email: str
    first_name: str
    last_name: str
    #: HubSpot user ids whose calendars hold the meeting (the assigned member, or every group member).
    member_user_ids: list[str]
    is_offline: bool
    contact_id: str
    calendar_event_id: str
    booking_timezone: str
    guest_emails: list[str] = field(default_factory=list)
    form_fields: list[dict[str, Any]] = field(default_factory=list)
    legal_consent_responses: list[dict[str, Any]] = field(default_factory=list)
    booked_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        """Plain data for `GET /_sandbox/bookings` (times as ISO UTC)."""
        return {
            "slug": self.slug,
            "linkId": self.link_id,
            "start": _iso(self.start),
            "end": _iso(self.end),
            "startMillisUtc": int(self.start.timestamp() * 1000),
            "duration": self.duration_ms,
            "email": self.email,
            "firstName": self.first_name,
            "lastName": self.last_name,
            "memberUserIds": list(self.member_user_ids),
            "isOffline": self.is_offline,
            "contactId": self.contact_id,
            "calendarEventId": self.calendar_event_id,
            "bookingTimezone": self.booking_timezone,
            "guestEmails": list(self.guest_emails),
            "formFields": list(self.form_fields),
            "legalConsentResponses": list(self.legal_consent_responses),
            "bookedAt": _iso(self.booked_at) if self.booked_at else None,
        }


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class SandboxState:
    """The simulated portal; `now` is injectable so tests pin the calendar."""

    def __init__(
        self,
        now: Callable[[], datetime] | None = None,
        *,
        monotonic: Callable[[], float] | None = None,
        rate_limit: tuple[int, int] = (100, 10_000),
        daily_limit: int = 250_000,
    ) -> None:
        self.now: Callable[[], datetime] = now or utc_now
        #: Drives the rate-limit window (separate from `now`, which tests usually freeze).
        self.monotonic: Callable[[], float] = monotonic or time.monotonic
        #: (max requests, interval in ms): HubSpot's Free/Starter burst limit by default.
        self.rate_limit = rate_limit
        self.daily_limit = daily_limit
        self.faults = Faults()
        #: How a delay fault waits; tests swap in a recorder instead of really waiting.
        self.sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
        self._lock = threading.Lock()
        self.users: dict[str, SandboxUser] = {}
        self.links: dict[str, SandboxLink] = {}
        self.tokens: dict[str, TokenGrant] = {}
        self.bookings: list[Booking] = []
        self.contact_ids: dict[str, str] = {}
        self.limiter = RateLimiter()
        self.reset()

    def reset(self) -> None:
        """Fresh seed data (relative to `now()`), default tokens, no bookings, faults or counters."""
        seed = build_seed(self.now())
        with self._lock:
            self.users = seed.users
            self.links = {link.slug: link for link in seed.links}
            self.tokens = {
                DEMO_TOKEN: TokenGrant(ALL_SCOPES),
                READ_ONLY_TOKEN: TokenGrant(frozenset({READ_SCOPE})),
                EXPIRED_TOKEN: TokenGrant(ALL_SCOPES, expired=True),
            }
            self.bookings = []
            self.contact_ids = {}
            self.limiter = RateLimiter()
        self.faults.clear()

    def add_token(
        self,
        token: str,
        scopes: Iterable[str],
        *,
        expired: bool = False,
        oauth: bool = False,
        expires_at: float | None = None,
    ) -> None:
        """Accept `token` with exactly these scopes from now on (until `expires_at`, when given)."""
        with self._lock:
            self.tokens[token] = TokenGrant(frozenset(scopes), expired=expired, oauth=oauth, expires_at=expires_at)

    def revoke_token(self, token: str) -> None:
        with self._lock:
            self.tokens.pop(token, None)

    def contact_id_for(self, email: str) -> str:
        """The same contact for the same (case-insensitive) email, as HubSpot dedupes contacts."""
        key = email.strip().lower()
        with self._lock:
            if key not in self.contact_ids:
                self.contact_ids[key] = str(51_000_001 + len(self.contact_ids))
            return self.contact_ids[key]

    def busy_by_user(self) -> dict[str, list[BusyBlock]]:
        """Each user's busy blocks: seeded ones plus meetings booked through the sandbox."""
        busy = {user_id: list(user.busy) for user_id, user in self.users.items()}
        for booking in self.bookings:
            # An offline booking creates no calendar event, so HubSpot does not see the time as taken.
            if booking.is_offline:
                continue
            for user_id in booking.member_user_ids:
                busy.setdefault(user_id, []).append((booking.start, booking.end))
        return busy

    def take_rate(self) -> RateDecision:
        """Count one API request against the configured limits."""
        now = self.now()
        midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
        return self.limiter.take(
            self.monotonic(),
            self.rate_limit,
            self.daily_limit,
            seconds_to_midnight=(midnight - now).total_seconds(),
        )

    def record(self, booking: Booking) -> None:
        with self._lock:
            self.bookings.append(booking)
