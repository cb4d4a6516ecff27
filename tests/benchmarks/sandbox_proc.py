"""The sandbox in its own process with links made for benchmarks, so its CPU work never stalls the measured loop.

Each benchmark link has its own host, short working hours and 15-minute slots: enough open times for 1,000
bookings while the sandbox's per-request work (every open time checked against every booking) stays small.
Run as `python -m tests.benchmarks.sandbox_proc --links 20 --rate 100/10000 --latency-ms 20`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from app.hubspot.models import (
    FormField,
    FormFieldAnswer,
    LinkSettings,
    MeetingsUser,
    TimeRange,
    UserProfile,
)
from app.sandbox.availability import open_times
from app.sandbox.links import WEEKDAY_KEYS, SandboxLink, SandboxUser
from app.sandbox.state import SandboxState
from tests.benchmarks.bytecode import bench_env

SLOT_MS = 15 * 60_000
BENCH_ZONE = "UTC"
#: Weekday hours (minutes from midnight, UTC): 4 h x 4 slots x 5 days x 8 weeks = 640 open times per link.
_HOURS = (8 * 60, 12 * 60)
#: Drafts never aim at the first hours after now, so the parent and the sandbox agree on what is open.
_MARGIN = timedelta(hours=26)
UNLIMITED = (1_000_000_000, 10_000)


def bench_slug(index: int) -> str:
    return f"bench-{index:03d}"


def add_bench_links(state: SandboxState, count: int) -> None:
    """Add `count` personal links, each with its own connected host, to `state`."""
    company = FormField(
        name="company", label="Company name", field_type="text", type="string", is_required=True, is_custom=False
    )
    for index in range(count):
        user_id = str(8_000_001 + index)
        profile = UserProfile(email=f"host{index}@northwind.test", first_name="Host", last_name=str(index))
        user = MeetingsUser(
            id=str(93_000_001 + index), user_id=user_id, calendar_provider="GOOGLE", user_profile=profile
        )
        state.users[user_id] = SandboxUser(meetings_user=user)
        settings = LinkSettings(
            durations=[SLOT_MS],
            availability={WEEKDAY_KEYS[d]: TimeRange(start=_HOURS[0], end=_HOURS[1]) for d in range(5)},
            form_fields=[company],
            legal_consent_enabled=False,
            start_time_increment_minutes="FIFTEEN",
            weeks_to_advertise=8,
            location="Video call",
        )
        slug = bench_slug(index)
        state.links[slug] = SandboxLink(
            id=str(3_900_001 + index),
            slug=slug,
            name=f"Benchmark link {index}",
            type="PERSONAL_LINK",
            organizer_user_id=user_id,
            member_ids=[user_id],
            timezone=BENCH_ZONE,
            weekly_hours=dict.fromkeys(range(5), _HOURS),
            settings=settings,
            subject="Benchmark meeting",
            min_notice=timedelta(hours=1),
            created_at="2026-01-01T00:00:00Z",
            updated_at="2026-01-01T00:00:00Z",
        )


def bench_state(links: int, rate_limit: tuple[int, int] = UNLIMITED, latency_s: float = 0.0) -> SandboxState:
    """A seeded sandbox plus benchmark links; `latency_s` delays every API request (not the control routes)."""
    state = SandboxState(rate_limit=rate_limit, daily_limit=10**9)
    add_bench_links(state, links)
    if latency_s > 0:
        for route in ("links", "info", "availability", "book"):
            state.faults.inject(route, delay=latency_s, times=None)
    return state


def bench_slots(links: int, count: int, now: datetime) -> list[tuple[str, int]]:
    """`count` (slug, start ms) pairs open in a fresh bench sandbox, spread round-robin over the links."""
    state = bench_state(links)
    earliest = now + _MARGIN
    per_link: list[list[int]] = []
    for index in range(links):
        link = state.links[bench_slug(index)]
        opened = open_times(link, state.users, state.busy_by_user(), now)[SLOT_MS]
        per_link.append([int(s.timestamp() * 1000) for s in opened if s >= earliest])
    out: list[tuple[str, int]] = []
    depth = 0
    while len(out) < count:
        added = False
        for index, link_starts in enumerate(per_link):
            if depth < len(link_starts) and len(out) < count:
                out.append((bench_slug(index), link_starts[depth]))
                added = True
        if not added:
            raise ValueError(f"only {len(out)} open times in {links} bench links; add links")
        depth += 1
    return out


def company_answer(index: int) -> list[FormFieldAnswer]:
    return [FormFieldAnswer(name="company", value=f"Company {index % 5000}")]


@contextmanager
def sandbox_process(links: int, rate_limit: tuple[int, int] = UNLIMITED, latency_ms: float = 0.0) -> Iterator[str]:
    """Start the bench sandbox in a child process; yields its base URL; stops it on exit."""
    cmd = [
        sys.executable,
        "-m",
        "tests.benchmarks.sandbox_proc",
        "--links",
        str(links),
        "--rate",
        f"{rate_limit[0]}/{rate_limit[1]}",
        "--latency-ms",
        str(latency_ms),
    ]
    env = bench_env(PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        marker = "listening on "
        if marker not in line:
            raise RuntimeError(f"bench sandbox did not start: {line!r}")
        yield line.split(marker, 1)[1].split()[0]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()


def main() -> None:
    from app.sandbox.server import serve

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--links", type=int, default=20)
    parser.add_argument("--rate", default=f"{UNLIMITED[0]}/{UNLIMITED[1]}", help="MAX/INTERVAL_MS")
    parser.add_argument("--latency-ms", type=float, default=0.0)
    args = parser.parse_args()
    max_requests, interval_ms = (int(p) for p in args.rate.split("/"))
    serve(state=bench_state(args.links, (max_requests, interval_ms), args.latency_ms / 1000))


if __name__ == "__main__":
    main()
