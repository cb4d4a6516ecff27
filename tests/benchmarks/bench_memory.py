"""Memory: RSS growth over 1,000 consecutive bookings in one window session.

The real booking window (offscreen, signed in against the bench sandbox in another process over loopback) books
one meeting after another as a rep does: pick a time, type the attendee, Book, "Book another"; moving on to later
days, months and colleagues' links as times fill. RSS is read after a warm-up of 50 bookings and after the
measured ones (a full collection first each time); the floor is the RSS after the warm-up.
"""

from __future__ import annotations

import gc
import resource
import sys
import tempfile
from pathlib import Path

from app.store.outbox import State
from tests.benchmarks.sandbox_proc import sandbox_process
from tests.benchmarks.stats import BenchResult, Figure, Target
from tests.benchmarks.window_rig import Rep, window_session

#: ~600 open times per bench link: 1,050 bookings walk through two links and onto a third.
LINKS = 6
WARM_UP = 50
SAMPLES = 5


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


def settled_rss() -> float:
    gc.collect()
    return rss_mib()


async def _book(base_url: str, workdir: Path, count: int) -> tuple[list[float], int, int]:
    """RSS after the warm-up and after each fifth of the measured bookings; bookings sent; links used."""
    async with window_session(base_url, workdir / "profile") as session:
        rep = Rep(session)
        for _ in range(WARM_UP):
            await rep.book_one()
        trace = [settled_rss()]
        for sample in range(SAMPLES):
            for _ in range(count * (sample + 1) // SAMPLES - count * sample // SAMPLES):
                await rep.book_one()
            trace.append(settled_rss())
        sent = session.services.outbox.counts().get(State.SENT, 0) - WARM_UP
        return trace, sent, rep.link + 1


def run(quick: bool) -> BenchResult:
    from app.ui.runtime import async_bridge
    from app.ui.runtime.qt_app import make_application

    count = 300 if quick else 1000
    app = make_application()
    with tempfile.TemporaryDirectory() as tmp, sandbox_process(LINKS) as url:
        trace, sent, links = async_bridge.run(_book(url, Path(tmp), count))
    app.processEvents()
    before, after = trace[0], trace[-1]
    steps = " → ".join(f"{mib:.1f}" for mib in trace)
    note = f"{sent} booked through the window after {WARM_UP} warm-up, over {links} links; RSS by fifths {steps} MiB"
    figure = Figure(
        f"Memory: RSS growth over {count:,} bookings in one window session",
        after - before,
        "MiB",
        before,
        Target("value_max", 10, "MiB"),
        note,
    )
    return BenchResult([figure])
