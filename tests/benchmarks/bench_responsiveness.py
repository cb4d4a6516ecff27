"""Responsiveness: the Qt event loop's longest and p99 stall (a 5 ms QTimer probe) in the real booking window,
offscreen, while it loads months of availability, while a rep books through it, and while its outbox sends 500
drafts.

The window is MainWindow + WindowController as the app starts them, signed in with a script's token against the bench
sandbox in another process over loopback, so only the app's own work (widgets, HTTP client, decoding, slot
grouping, sqlite, the outbox and history panels) can stall this loop. The floor is the same probe over the same
window idle for as long.
"""

from __future__ import annotations

import asyncio
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from app.outbox.events import OutboxEvent
from app.store.outbox import State
from app.ui.window.window_controller import WindowController
from tests.benchmarks.drafts import bench_request
from tests.benchmarks.sandbox_proc import bench_slots, sandbox_process
from tests.benchmarks.stall_probe import StallProbe
from tests.benchmarks.stats import BenchResult, Figure, Target, median, percentile
from tests.benchmarks.window_rig import Rep, step_month, window_session

LINKS = 20
TARGET = Target("value_max", 16, "ms")  # issue 18: one frame at 60 Hz
IDLE_CAP_S = 10.0

Measured = tuple[list[float], list[float], str]


async def _load_months(session: WindowController, rounds: int) -> None:
    """ "›" then "‹" between this month and the next, each a fetch: the month's cached page is dropped first (as
    a refresh after a booking drops it), so every click loads a month of availability from the sandbox."""
    controller, window = session.controller, session.window
    for index in range(rounds):
        step = 1 if index % 2 == 0 else -1
        year, month = window.month_grid.shown_month
        target = divmod(year * 12 + month - 1 + step, 12)
        controller.state.pages.pop((target[0], target[1] + 1), None)
        await step_month(window, step)


async def _send_drafts(session: WindowController, count: int) -> None:
    """Drafts saved while offline are sent when the connection comes back: the window's own sender sends them,
    and the window refreshes its outbox, history and status bar after each, as it does for a rep."""
    services = session.services
    done = asyncio.Event()
    settled = 0

    def on_event(event: OutboxEvent) -> None:
        nonlocal settled
        settled += 1  # sent, or a verdict (time gone, rejected, unknown): either way that draft is done
        if settled >= count:
            done.set()

    unsubscribe = services.sender.subscribe(on_event)
    try:
        session.network.online_changed.emit(True)  # the system says the network is back: the sender wakes
        await asyncio.wait_for(done.wait(), timeout=600)
    finally:
        unsubscribe()


async def _queue_offline(session: WindowController, count: int) -> None:
    """`count` drafts in the window's outbox, queued as "Save to outbox" leaves them, before anything is sent."""
    outbox = session.services.outbox
    for index, (slug, start_ms) in enumerate(bench_slots(LINKS, count, datetime.now(UTC))):
        outbox.enqueue(request=bench_request(index, slug, start_ms), payload={}, start_ms=start_ms)
        if index % 50 == 0:
            await asyncio.sleep(0)
    session.refresh_outbox()


async def _scenarios(base_url: str, workdir: Path, quick: bool) -> dict[str, Measured]:
    probe = StallProbe()
    drafts = 200 if quick else 500
    rounds = 20 if quick else 100
    results: dict[str, Measured] = {}
    async with window_session(base_url, workdir / "profile") as session:
        # The outbox first: its drafts are on times the sandbox still has open (the rep then books what is left).
        await _queue_offline(session, drafts)
        gaps, seconds = await probe.measure(lambda: _send_drafts(session, drafts))
        sent = session.services.outbox.counts().get(State.SENT, 0)
        outbox_case = (gaps, await probe.idle(min(seconds, IDLE_CAP_S)), f"{seconds:.1f} s ({sent} sent)")

        gaps, seconds = await probe.measure(lambda: _load_months(session, rounds))
        idle = await probe.idle(min(seconds, IDLE_CAP_S))
        results[f"loading a month of availability (×{rounds}, ‹ › in the window)"] = (gaps, idle, f"{seconds:.1f} s")

        rep = Rep(session)
        await rep.book_one()  # the first booking warms the form's paths; it is not the one measured
        gaps, seconds = await probe.measure(lambda: _book(rep, rounds))
        idle = await probe.idle(min(seconds, IDLE_CAP_S))
        results[f"booking (×{rounds}, typed + Book + Book another)"] = (gaps, idle, f"{seconds:.1f} s")
    results[f"the outbox sends {drafts} drafts (window open)"] = outbox_case
    return results


async def _book(rep: Rep, count: int) -> None:
    for _ in range(count):
        await rep.book_one()


def run(quick: bool) -> BenchResult:
    from app.ui.runtime import async_bridge
    from app.ui.runtime.qt_app import make_application

    app = make_application()
    with tempfile.TemporaryDirectory() as tmp, sandbox_process(LINKS) as url:
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
