"""Sending one specific draft now (the CLI's `book`, a kiosk visitor) through the same sender rules.

The draft goes through `OutboxSender.flush()` with an outbox view in which only that draft is due, so the lock,
the pre-send availability check, the exactly-once state machine and the history row are the sender's own.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from app.hubspot import client as hubspot_client
from app.hubspot.errors import RateLimited
from app.hubspot.models import AvailabilityPage, BookRequest
from app.outbox.lock import SenderLock
from app.outbox.sender import BookingClient, OutboxSender
from app.store.database import Database
from app.store.history import History
from app.store.outbox import Outbox, OutboxEntry, State

LOCK_POLL_S = 0.1


class SingleDraftOutbox(Outbox):
    """The outbox as the sender sees it while one draft is sent: no other draft is ever due or listed."""

    def __init__(self, db: Database, draft_id: str) -> None:
        super().__init__(db)
        self._draft_id = draft_id

    def due(
        self, now_ms: int | None = None, *, limit: int = 100, exclude: frozenset[str] = frozenset()
    ) -> list[OutboxEntry]:
        entry = self.get(self._draft_id)
        now = self._now_ms() if now_ms is None else now_ms
        if entry.id in exclude or entry.state is not State.QUEUED or (entry.next_attempt_ms or 0) > now:
            return []
        return [entry][:limit]

    def next_due_ms(self) -> int | None:
        entry = self.get(self._draft_id)
        return (entry.next_attempt_ms or 0) if entry.state is State.QUEUED else None

    def entries(self, *states: State, limit: int = 1000, offset: int = 0) -> list[OutboxEntry]:
        return [e for e in super().entries(*states, limit=limit, offset=offset) if e.id == self._draft_id]


class RecordingClient:
    """The client as the sender uses it, remembering what the last call raised so the caller can explain it."""

    def __init__(self, client: BookingClient) -> None:
        self._client = client
        self.error: Exception | None = None
        self.result: hubspot_client.BookResult | None = None

    async def availability(self, slug: str, timezone: str, month_offset: int = 0) -> AvailabilityPage:
        try:
            return await self._client.availability(slug, timezone, month_offset)
        except Exception as exc:
            self.error = exc
            raise

    async def book(self, request: BookRequest) -> hubspot_client.BookResult:
        try:
            self.result = await self._client.book(request)
        except Exception as exc:
            self.error = exc
            raise
        self.error = None
        return self.result


@dataclass(frozen=True, slots=True)
class DraftOutcome:
    entry: OutboxEntry
    error: Exception | None
    result: hubspot_client.BookResult | None
    #: Another process holds the profile's sender lock: the draft stays queued for it to send.
    busy: bool
    #: The last attempt could not connect to HubSpot (nothing was sent).
    offline: bool


async def send_draft(
    db: Database,
    client: BookingClient,
    draft_id: str,
    lock: SenderLock | None,
    *,
    max_rate_limit_wait_s: float = 60.0,
    lock_wait_s: float = 15.0,
    fresh_pages: Mapping[tuple[str, str, int], AvailabilityPage] | None = None,
    notice: Callable[[str], None] | None = None,
) -> DraftOutcome:
    """Send one queued draft now, under the profile's sender lock.

    A 429 provably booked nothing, so a short Retry-After is waited out and the draft sent again. When another
    process holds the sender lock past `lock_wait_s`, the draft stays queued for that process to send.
    `fresh_pages` are availability pages fetched a moment ago (used once for the pre-send check).
    """
    recorder = RecordingClient(client)
    outbox = SingleDraftOutbox(db, draft_id)
    just_fetched = dict(fresh_pages or {})

    async def fetch(slug: str, timezone: str, month_offset: int) -> AvailabilityPage:
        page = just_fetched.pop((slug, timezone, month_offset), None)
        return page if page is not None else await recorder.availability(slug, timezone, month_offset)

    sender = OutboxSender(outbox, recorder, history=History(db), lock=lock, max_concurrency=1, fetch_availability=fetch)
    report = await sender.flush()
    # Another process sending this profile's outbox (another `book`, the window) usually finishes soon: wait a bit.
    deadline = time.monotonic() + lock_wait_s
    if report.busy and notice is not None:
        notice("Waiting for another Booking Assistant that is sending this profile's outbox…")
    while report.busy and time.monotonic() < deadline:
        await asyncio.sleep(LOCK_POLL_S)
        report = await sender.flush()
    entry = outbox.get(draft_id)
    while not report.busy and entry.state is State.QUEUED and isinstance(recorder.error, RateLimited):
        error = recorder.error
        wait = max(0.0, (entry.next_attempt_ms or 0) / 1000 - time.time())
        if error.daily or wait > max_rate_limit_wait_s:
            break
        if notice is not None:
            notice(f"HubSpot asked to wait {wait:.0f} s (rate limit); sending again then.")
        await asyncio.sleep(wait)
        recorder.error = None
        report = await sender.flush()
        entry = outbox.get(draft_id)
    return DraftOutcome(entry, recorder.error, recorder.result, report.busy, sender.offline)
