"""Start-up: `booking-assistant --demo --smoke` against a bare PySide6 window with as many widgets, interleaved.

Times run from process spawn (the parent's perf_counter before Popen; the child's marks use the same monotonic
clock); peak RSS comes from wait4() of each child. The app runs on one warm profile (the returning user's case).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.benchmarks.app_probe import MARK
from tests.benchmarks.bytecode import bench_env
from tests.benchmarks.stats import BenchResult, Figure, Target, median

ROOT = Path(__file__).resolve().parents[2]
#: Imports the issue wants off the path to first paint.
HEAVY = ("httpx", "keyring", "msgspec", "sqlite3", "app.hubspot.models", "truststore", "uvicorn", "starlette")


@dataclass(frozen=True)
class Launch:
    first_paint_ms: float
    ready_ms: float
    peak_rss_mib: float
    widgets: int
    exit_ms: float = 0.0  # spawn → the process has exited (clean shutdown included)


def _env() -> dict[str, str]:
    return bench_env()  # bytecode read and written, as an installed app has it


def _spawn(cmd: list[str]) -> tuple[list[dict[str, Any]], float, float, float]:
    """Run `cmd`; its JSON stdout lines, the spawn instant, its peak RSS in MiB and ms from spawn to exit."""
    spawned = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    out = proc.stdout.read()
    proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)
    exited_ms = (time.perf_counter() - spawned) * 1000
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited with {proc.returncode}")
    rss_kib = usage.ru_maxrss / 1024 if sys.platform == "darwin" else usage.ru_maxrss
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    return lines, spawned, rss_kib / 1024, exited_ms


def launch_app(profile: Path) -> Launch:
    cmd = [sys.executable, "-m", "tests.benchmarks.app_probe", "--demo", "--smoke", "--profile", str(profile)]
    lines, spawned, rss, exited = _spawn(cmd)
    smoke = next(line for line in lines if "ready_ms" in line)
    probe = next(line["probe"] for line in lines if "probe" in line)
    first_paint = probe["started"] + smoke["first_paint_ms"] / 1000 - spawned
    # Ready: the app's own instant of data on screen (from the cache when it holds the page, else the network).
    ready = probe["started"] + smoke["ready_ms"] / 1000 - spawned
    return Launch(first_paint * 1000, ready * 1000, rss, int(probe["widgets"]), exited)


def launch_bare(widgets: int) -> Launch:
    lines, spawned, rss, exited = _spawn(
        [sys.executable, "-m", "tests.benchmarks.bare_window", "--widgets", str(widgets)]
    )
    marks = lines[-1]
    first_paint, ready = (marks["first_paint"] - spawned) * 1000, (marks["ready"] - spawned) * 1000
    return Launch(first_paint, ready, rss, marks["widgets"], exited)


_IMPORT_LINE = re.compile(r"^import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def import_offenders(profile: Path, top: int = 12) -> str:
    """`python -X importtime` up to first paint: the costliest top-level imports, and which heavy ones are there."""
    cmd = [sys.executable, "-X", "importtime", "-m", "tests.benchmarks.app_probe", "--demo", "--smoke"]
    env = {**_env(), "BENCH_FIRST_PAINT_MARK": "1"}
    done = subprocess.run(
        [*cmd, "--profile", str(profile)], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    before_paint = done.stderr.split(MARK, 1)[0] if MARK in done.stderr else ""
    rows: list[tuple[int, int, str]] = []
    names: set[str] = set()
    for line in before_paint.splitlines():
        match = _IMPORT_LINE.match(line)
        if not match:
            continue
        self_us, cumulative_us, indent, name = int(match[1]), int(match[2]), len(match[3]), match[4]
        names.add(name)
        if indent == 1:  # top-level imports: their cumulative time is what they cost the start-up path
            rows.append((cumulative_us, self_us, name))
    if not rows:
        return "importtime log could not be split at first paint (the marker module was not imported).\n"
    rows.sort(reverse=True)
    total = sum(r[0] for r in rows)
    table = ["| Module (top-level import) | Cumulative | Self |", "|---|---:|---:|"]
    table += [f"| `{name}` | {cum / 1000:.1f} ms | {own / 1000:.1f} ms |" for cum, own, name in rows[:top]]
    heavy = sorted(h for h in HEAVY if h in names)
    verdict = ", ".join(f"`{h}`" for h in heavy) if heavy else "none"
    return (
        f"Imports before first paint: {total / 1000:.0f} ms in {len(names)} modules (one run, `-X importtime`).\n\n"
        + "\n".join(table)
        + f"\n\nHeavy imports on the path to first paint ({', '.join(HEAVY)}): {verdict}.\n"
    )


def run(quick: bool) -> BenchResult:
    rounds = 7 if quick else 21
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        warm = launch_app(profile)  # also fills the profile's caches: later launches are a returning user's
        launch_bare(warm.widgets)
        apps: list[Launch] = []
        bares: list[Launch] = []
        for round_ in range(rounds):
            # Alternate who goes first, so drift on a noisy machine hits both alike.
            if round_ % 2:
                bares.append(launch_bare(warm.widgets))
                apps.append(launch_app(profile))
            else:
                apps.append(launch_app(profile))
                bares.append(launch_bare(warm.widgets))
        offenders = import_offenders(profile)
    note = f"median of {rounds} interleaved; {warm.widgets} widgets vs {bares[0].widgets} in the bare window"
    fp_app, fp_bare = median([a.first_paint_ms for a in apps]), median([b.first_paint_ms for b in bares])
    ready_app, ready_bare = median([a.ready_ms for a in apps]), median([b.ready_ms for b in bares])
    exit_app, exit_bare = median([a.exit_ms for a in apps]), median([b.exit_ms for b in bares])
    rss_app, rss_bare = median([a.peak_rss_mib for a in apps]), median([b.peak_rss_mib for b in bares])
    figures = [
        Figure("Start-up: first paint (from spawn)", fp_app, "ms", fp_bare, Target(), note),
        Figure("Start-up: ready, data shown (from spawn)", ready_app, "ms", ready_bare, Target("ratio_max", 1.5)),
        Figure(
            "Start-up: whole process, start → ready → clean exit (bare: start → paint → exit)",
            exit_app,
            "ms",
            exit_bare,
            Target("ratio_max", 2),
            f"ready → exit: app {exit_app - ready_app:.0f} ms, bare window {exit_bare - ready_bare:.0f} ms",
        ),
        Figure("Start-up: peak RSS", rss_app, "MiB", rss_bare, Target("ratio_max", 1.3), "wait4() ru_maxrss"),
    ]
    return BenchResult(figures, {"Start-up imports before first paint": offenders})
