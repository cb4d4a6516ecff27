"""Outbox throughput: queued drafts sent to the sandbox over loopback, (a) under a rate limit, (b) with latency."""

from __future__ import annotations

import asyncio
import inspect
import math
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from app.outbox.sender import OutboxSender
from app.store.outbox import State
from tests.benchmarks.drafts import enqueue_drafts, sender_rig
from tests.benchmarks.sandbox_proc import sandbox_process
from tests.benchmarks.stats import BenchResult, Figure, Target

LINKS = 20
#: Issue 18: the limit used to the last request (the floor counts the availability checks too).
TARGET = Target("ratio_max", 1.05)
#: The app wires the sender with its default concurrency (app/services.py).
IN_FLIGHT: int = inspect.signature(OutboxSender).parameters["max_concurrency"].default


@dataclass(frozen=True)
class OutboxScale:
    drafts: int
    rate_limit: tuple[int, int]
    latency_drafts: int
    latency_ms: float = 20.0

    def floor_s(self, requests: int) -> float:
        """The fastest the limit allows `requests` (every POST and every availability check the flush made): the
        first window's worth at once, then one full window per further batch."""
        max_requests, interval_ms = self.rate_limit
        return (math.ceil(requests / max_requests) - 1) * interval_ms / 1000


FULL = OutboxScale(drafts=1000, rate_limit=(100, 10_000), latency_drafts=1000)
QUICK = OutboxScale(drafts=200, rate_limit=(20, 2_000), latency_drafts=300)


@dataclass(frozen=True)
class SendRun:
    seconds: float
    sent: int
    books: int
    reads: int
    too_many: int
    concurrency: int


async def _send(base_url: str, drafts: int, workdir: Path) -> SendRun:
    async with sender_rig(base_url, workdir / "outbox.sqlite3") as rig:
        enqueue_drafts(rig.outbox, LINKS, drafts)
        started = time.perf_counter()
        await rig.sender.flush(wait_for_retries=True, max_wait_s=3600)
        seconds = time.perf_counter() - started
        return SendRun(
            seconds=seconds,
            sent=rig.outbox.counts()[State.SENT],
            books=rig.traffic.method("POST"),
            reads=rig.traffic.method("GET"),
            too_many=rig.traffic.status(429),
            concurrency=IN_FLIGHT,
        )


def run_rate_limited(scale: OutboxScale) -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp, sandbox_process(LINKS, scale.rate_limit) as url:
        run = asyncio.run(_send(url, scale.drafts, Path(tmp)))
    max_requests, interval_ms = scale.rate_limit
    label = f"Outbox: {scale.drafts:,} drafts at {max_requests} req/{interval_ms / 1000:g} s"
    note = f"{run.sent} sent; {run.books} POST + {run.reads} GET (availability checks); {run.too_many}× 429"
    return [
        Figure(f"{label}, total time", run.seconds, "s", scale.floor_s(run.books + run.reads), TARGET, note),
        Figure(f"{label}, 429s after the first", float(max(0, run.too_many - 1)), "", None, Target("value_max", 0)),
    ]


def run_latency(scale: OutboxScale) -> list[Figure]:
    with tempfile.TemporaryDirectory() as tmp, sandbox_process(LINKS, latency_ms=scale.latency_ms) as url:
        run = asyncio.run(_send(url, scale.latency_drafts, Path(tmp)))
    per_second = run.sent / run.seconds
    # With N sends in flight and L seconds per request, N/L per second is the most the latency allows.
    floor = run.concurrency / (scale.latency_ms / 1000)
    note = f"{run.sent} sent in {run.seconds:.1f} s, {run.concurrency} in flight; {run.reads} availability GETs"
    name = f"Outbox: no limit, {scale.latency_ms:g} ms latency, bookings per second"
    return [Figure(name, per_second, "/s", floor, Target(), note)]


def run(quick: bool) -> BenchResult:
    scale = QUICK if quick else FULL
    return BenchResult([*run_rate_limited(scale), *run_latency(scale)])
