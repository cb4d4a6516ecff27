"""Memory: RSS growth over 1,000 consecutive bookings in one process, each queued then sent as the window does.

The window cannot yet be driven from a script, so this runs the path under it: Outbox.enqueue, sender.flush,
history row, over loopback to the sandbox process. The floor is the process's RSS before the measured bookings.
"""

from __future__ import annotations

import asyncio
import gc
import resource
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from app.store.outbox import State
from tests.benchmarks.drafts import bench_request, sender_rig
from tests.benchmarks.sandbox_proc import bench_slots, sandbox_process
from tests.benchmarks.stats import BenchResult, Figure, Target

LINKS = 40
WARM_UP = 50


def rss_mib() -> float:
    """Current resident set size (Linux /proc); the peak from getrusage elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


async def _book(base_url: str, workdir: Path, count: int) -> tuple[float, float, int]:
    async with sender_rig(base_url, workdir / "memory.sqlite3") as rig:
        slots = iter(enumerate(bench_slots(LINKS, WARM_UP + count, datetime.now(UTC))))

        async def one_by_one(n: int) -> None:
            for _ in range(n):
                index, (slug, start_ms) = next(slots)
                rig.outbox.enqueue(request=bench_request(index, slug, start_ms), payload={}, start_ms=start_ms)
                await rig.sender.flush()

        await one_by_one(WARM_UP)
        gc.collect()
        before = rss_mib()
        await one_by_one(count)
        gc.collect()
        after = rss_mib()
        return before, after, rig.outbox.counts()[State.SENT] - WARM_UP


def run(quick: bool) -> BenchResult:
    count = 300 if quick else 1000
    with tempfile.TemporaryDirectory() as tmp, sandbox_process(LINKS) as url:
        before, after, sent = asyncio.run(_book(url, Path(tmp), count))
    note = f"{sent} sent after {WARM_UP} warm-up; RSS {before:.1f} → {after:.1f} MiB; sender path, not the window"
    figure = Figure(
        f"Memory: RSS growth over {count:,} bookings",
        after - before,
        "MiB",
        before,
        Target("value_max", 10, "MiB"),
        note,
    )
    return BenchResult([figure])
