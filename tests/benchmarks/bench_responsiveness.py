"""Responsiveness: the Qt event loop's longest and p99 stall (a 5 ms QTimer probe) in a GUI process on the app's
qasync loop, while it loads months of availability, books one draft at a time, and sends 500 queued drafts.

The sandbox runs in another process, so only the app's own work (HTTP client, decoding, slot grouping, sqlite
writes) can stall this loop. The floor is the same probe over an idle loop for as long.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from app.booking.slots import slots_by_day
from tests.benchmarks.drafts import bench_request, enqueue_drafts, sender_rig
from tests.benchmarks.sandbox_proc import bench_slots, sandbox_process
from tests.benchmarks.stats import BenchResult, Figure, Target, median, percentile

PROBE_MS = 5
LINKS = 20
TARGET = Target("value_max", 50, "ms")
SEEDED = (("alex-morgan", "Europe/Berlin"), ("priya-shah", "America/New_York"), ("sam-rivera", "Asia/Tokyo"))


class StallProbe:
    """A precise QTimer ticking every PROBE_MS; the gaps between ticks are how long the loop was busy."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(PROBE_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.gaps: list[float] = []

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last:
            self.gaps.append((now - self._last) * 1000)
        self._last = now

    async def measure(self, work: Callable[[], Awaitable[object]]) -> tuple[list[float], float]:
        """The tick gaps (ms) while `work` runs, and how long it ran (s)."""
        self.gaps, self._last = [], 0.0
        self._timer.start()
        started = time.perf_counter()
        await work()
        elapsed = time.perf_counter() - started
        # One more tick, so a stall at the very end of the work is counted too.
        await asyncio.sleep(2 * PROBE_MS / 1000)
        self._timer.stop()
        return self.gaps or [0.0], elapsed


async def _scenarios(base_url: str, workdir: Path, quick: bool) -> dict[str, tuple[list[float], list[float], str]]:
    probe = StallProbe()
    results: dict[str, tuple[list[float], list[float], str]] = {}
    drafts = 200 if quick else 500
    rounds = 10 if quick else 30
    async with sender_rig(base_url, workdir / "resp.sqlite3") as rig:
        # Warm the client (first request imports anyio, opens the connection) as the window does after paint.
        await rig.client.availability(SEEDED[0][0], SEEDED[0][1])

        async def idle_for(seconds: float) -> None:
            await asyncio.sleep(seconds)

        async def load_months() -> None:
            for index in range(rounds):
                slug, zone = SEEDED[index % len(SEEDED)]
                page = await rig.client.availability(slug, zone, index % 3)
                if page.link_availability is not None:
                    for duration in page.link_availability.link_availability_by_duration.values():
                        slots_by_day(duration.availabilities, ZoneInfo(zone))

        slots = iter(enumerate(bench_slots(LINKS, rounds, datetime.now(UTC))))

        async def book_one_by_one() -> None:
            for index, (slug, start_ms) in slots:
                rig.outbox.enqueue(request=bench_request(index, slug, start_ms), payload={}, start_ms=start_ms)
                await rig.sender.flush()

        gaps, seconds = await probe.measure(load_months)
        idle, _ = await probe.measure(lambda: idle_for(seconds))
        results[f"loading a month of availability (×{rounds})"] = (gaps, idle, f"{seconds * 1000:.0f} ms")
        gaps, seconds = await probe.measure(book_one_by_one)
        idle, _ = await probe.measure(lambda: idle_for(seconds))
        results[f"booking (×{rounds}, queue + send each)"] = (gaps, idle, f"{seconds * 1000:.0f} ms")

    async with sender_rig(base_url, workdir / "resp-bulk.sqlite3") as rig:
        enqueue_drafts(rig.outbox, LINKS, drafts)
        gaps, seconds = await probe.measure(lambda: rig.sender.flush(wait_for_retries=True))
        idle, _ = await probe.measure(lambda: idle_for(min(seconds, 10.0)))
        results[f"the outbox sends {drafts} drafts"] = (gaps, idle, f"{seconds * 1000:.0f} ms")
    return results


def run(quick: bool) -> BenchResult:
    from PySide6.QtWidgets import QApplication

    from app.ui import async_bridge

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp, sandbox_process(LINKS + 1) as url:
        measured = async_bridge.run(_scenarios(url, Path(tmp), quick))
    figures = []
    for label, (gaps, idle, took) in measured.items():
        note = (
            f"p99 {percentile(gaps, 99):.1f} ms (idle {percentile(idle, 99):.1f}), median {median(gaps):.1f} ms;"
            f" {len(gaps)} ticks over {took}"
        )
        figures.append(Figure(f"Responsiveness: longest stall while {label}", max(gaps), "ms", max(idle), TARGET, note))
    app.processEvents()
    return BenchResult(figures)
