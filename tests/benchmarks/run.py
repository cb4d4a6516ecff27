"""`make bench`: run the benchmark families, each in its own process, and write the table and JSON.

    python -m tests.benchmarks.run [--only startup,responsiveness,outbox,history,memory] [--quick]
                                   [--out .benchmarks] [--compare FILE]

Every figure is a ratio against a floor measured in the same run; nothing here fails on speed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.bytecode import bench_env, precompile
from tests.benchmarks.stats import BenchResult, Figure, compare, figure_from_json, markdown_table

FAMILIES = {
    "startup": "tests.benchmarks.bench_startup",
    "responsiveness": "tests.benchmarks.bench_responsiveness",
    "outbox": "tests.benchmarks.bench_outbox",
    "history": "tests.benchmarks.bench_history",
    "memory": "tests.benchmarks.bench_memory",
}
ROOT = Path(__file__).resolve().parents[2]


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    try:
        from PySide6 import __version__ as qt_version
    except ImportError:  # pragma: no cover - the dev install always has it
        qt_version = "not installed"
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "os": f"{platform.system()} {platform.release()}",
        "cpu": f"{cpu}, {os.cpu_count()} cores",
        "python": platform.python_version(),
        "pyside6": qt_version,
        "qt_platform": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }


def run_child(name: str, quick: bool) -> None:
    """Inside the child process: run one family and print its result as JSON on the last stdout line."""
    module = importlib.import_module(FAMILIES[name])
    result: BenchResult = module.run(quick)
    print(json.dumps(result.to_json()), flush=True)


def run_family(name: str, quick: bool, log_dir: Path) -> BenchResult:
    """One family in a fresh process (clean memory, its own QApplication); stderr goes to a log file."""
    cmd = [sys.executable, "-m", "tests.benchmarks.run", "--child", name, *(["--quick"] if quick else [])]
    env = bench_env()
    log_path = log_dir / f"{name}.log"
    with log_path.open("w", encoding="utf-8") as log:
        done = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=log, text=True, check=False)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        note = f"failed (exit {done.returncode}); see {log_path}"
        return BenchResult([Figure(f"{name}: did not run", 0.0, "", note=note)])
    data = json.loads(lines[-1])
    return BenchResult([figure_from_json(f) for f in data["figures"]], dict(data.get("sections", {})))


def render(results: dict[str, BenchResult], info: dict[str, str], *, quick: bool) -> str:
    figures = [f for r in results.values() for f in r.figures]
    head = "Benchmarks" + (" (--quick: scaled down)" if quick else "")
    described = "; ".join(f"{k}: {v}" for k, v in info.items())
    parts = [f"## {head}\n", f"{described}\n", markdown_table(figures)]
    for result in results.values():
        for title, body in result.sections.items():
            parts.append(f"\n### {title}\n\n{body}")
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(FAMILIES), help="comma-separated: " + ", ".join(FAMILIES))
    parser.add_argument("--quick", action="store_true", help="scaled-down runs (minutes, not a quarter hour)")
    parser.add_argument("--out", type=Path, default=ROOT / ".benchmarks", help="where results go (gitignored)")
    parser.add_argument("--compare", type=Path, help="a previous JSON result (default: OUT/latest.json)")
    parser.add_argument("--child", choices=sorted(FAMILIES), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run_child(args.child, args.quick)
        return 0
    chosen = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = [n for n in chosen if n not in FAMILIES]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(FAMILIES)}")
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    print("… compiling bytecode (as an install has it)", file=sys.stderr, flush=True)
    precompile()
    print(f"  compiled in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    info = machine()
    results: dict[str, BenchResult] = {}
    for name in chosen:
        started = time.perf_counter()
        print(f"… {name}", file=sys.stderr, flush=True)
        results[name] = run_family(name, args.quick, args.out)
        print(f"  {name} took {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    text = render(results, info, quick=args.quick)
    print(text)
    payload: dict[str, Any] = {"machine": info, "quick": args.quick, "families": chosen}
    payload["figures"] = [f.to_json() for r in results.values() for f in r.figures]
    payload["sections"] = {t: b for r in results.values() for t, b in r.sections.items()}
    previous_path = args.compare or args.out / "latest.json"
    if previous_path.exists():
        moved = compare(
            json.loads(previous_path.read_text(encoding="utf-8")), [f for r in results.values() for f in r.figures]
        )
        if moved:
            print(f"Since {previous_path}:\n  " + "\n  ".join(moved))
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S")
    (args.out / "bench-results.md").write_text(text, encoding="utf-8")
    for target in (args.out / f"bench-{stamp}.json", args.out / "latest.json"):
        target.write_text(json.dumps(payload, indent=2), encoding="utf-8")
    print(f"Wrote {args.out / 'bench-results.md'} and {args.out / f'bench-{stamp}.json'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
