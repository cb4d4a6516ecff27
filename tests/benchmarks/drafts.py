"""Queued drafts and a connected sender for benchmarks: the app's own Outbox, History, client and sender."""

from __future__ import annotations

import collections
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import httpx

from app.hubspot.client import SchedulerClient
from app.hubspot.http import make_http_client
from app.hubspot.models import BookRequest
from app.hubspot.tokens import StaticTokenProvider
from app.outbox.sender import OutboxSender
from app.sandbox.state import DEMO_TOKEN
from app.store.database import Database
from app.store.history import History
from app.store.outbox import Outbox, iso_utc
from tests.benchmarks.sandbox_proc import BENCH_ZONE, SLOT_MS, bench_slots, company_answer


def bench_request(index: int, slug: str, start_ms: int) -> BookRequest:
    """A booking as the window would queue it: a distinct attendee, the link's one required question answered."""
    return BookRequest(
        slug=slug,
        start_time=iso_utc(start_ms),
        duration=SLOT_MS,
        email=f"attendee{index}@example{index % 97}.test",
        first_name="Attendee",
        last_name=str(index),
        form_fields=company_answer(index),
        legal_consent_responses=[],
        likely_available_user_ids=[],
        timezone=BENCH_ZONE,
    )


def enqueue_drafts(outbox: Outbox, links: int, count: int) -> None:
    """Queue `count` drafts on open times of the bench links (each its own committed transaction, as in the app)."""
    for index, (slug, start_ms) in enumerate(bench_slots(links, count, datetime.now(UTC))):
        outbox.enqueue(request=bench_request(index, slug, start_ms), payload={}, start_ms=start_ms)


@dataclass
class Traffic:
    """Every response the client saw, by (method, status)."""

    counts: collections.Counter[tuple[str, int]] = field(default_factory=collections.Counter)

    async def on_response(self, response: httpx.Response) -> None:
        self.counts[(response.request.method, response.status_code)] += 1

    def status(self, status: int) -> int:
        return sum(n for (_, code), n in self.counts.items() if code == status)

    def method(self, method: str) -> int:
        return sum(n for (verb, _), n in self.counts.items() if verb == method)


@dataclass
class SenderRig:
    db: Database
    outbox: Outbox
    history: History
    client: SchedulerClient
    sender: OutboxSender
    traffic: Traffic


@asynccontextmanager
async def sender_rig(base_url: str, db_path: Path) -> AsyncIterator[SenderRig]:
    """The app's sender wired as app/services.py wires it (default concurrency), over loopback."""
    http = make_http_client(base_url)
    traffic = Traffic()
    http.event_hooks["response"].append(traffic.on_response)
    client = SchedulerClient(http, StaticTokenProvider(DEMO_TOKEN))
    db = Database.open(db_path)
    try:
        outbox = Outbox(db)
        history = History(db)
        sender = OutboxSender(outbox, client, history=history)
        yield SenderRig(db, outbox, history, client, sender, traffic)
    finally:
        await client.aclose()
        db.close()
