"""Smoke-test a frozen build: version, packaging self-test, then `--demo --smoke` offscreen on a throwaway profile.

Usage: python packaging/smoke.py path/to/booking-assistant[.exe] [--runs N]
Fails on a non-zero exit, a missing JSON line, or any stderr line not in ALLOWED_STDERR.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from project_meta import read_project

# Stderr lines a healthy start may print, each with why. Everything else fails the smoke test.
ALLOWED_STDERR: list[tuple[re.Pattern[str], str]] = [
    # The offscreen platform plugin cannot resize to size hints; Qt says so once per top-level window.
    (re.compile(r"This plugin does not support propagateSizeHints\(\)"), "offscreen-only Qt notice"),
]
TIMEOUT_S = 90


@dataclass
class SmokeReport:
    smoke_json: dict[str, object] = field(default_factory=dict)
    selftest: dict[str, object] = field(default_factory=dict)
    start_ms: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def unexpected_stderr(stderr: str) -> list[str]:
    """Stderr lines that no ALLOWED_STDERR pattern explains."""
    return [
        line
        for line in stderr.splitlines()
        if line.strip() and not any(pattern.search(line) for pattern, _ in ALLOWED_STDERR)
    ]


def offscreen_env(profile_parent: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    # Keep the user's real profile and keychain out of it: HOME points into the throwaway folder.
    env["HOME"] = str(profile_parent)
    env["XDG_CONFIG_HOME"] = str(profile_parent / "xdg-config")
    env["XDG_DATA_HOME"] = str(profile_parent / "xdg-data")
    env.pop("BOOKING_ASSISTANT_PROFILE", None)
    return env


def last_json_line(stdout: str) -> dict[str, object] | None:
    for line in reversed(stdout.strip().splitlines()):
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    return None


def run_checked(report: SmokeReport, label: str, command: list[str], env: dict[str, str]) -> str | None:
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        report.problems.append(f"{label}: no exit within {TIMEOUT_S} s")
        return None
    if done.returncode != 0:
        report.problems.append(f"{label}: exit code {done.returncode}; stderr: {done.stderr.strip()[-2000:]}")
        return None
    for line in unexpected_stderr(done.stderr):
        report.problems.append(f"{label}: unexpected stderr line: {line}")
    return done.stdout


def smoke(executable: Path, runs: int = 1) -> SmokeReport:
    """Run the checks against `executable`; `runs` > 1 repeats `--smoke` to measure start time."""
    report = SmokeReport()
    project = read_project()
    with tempfile.TemporaryDirectory(prefix="smoke-") as tmp:
        env = offscreen_env(Path(tmp))
        out = run_checked(report, "--version", [str(executable), "--version"], env)
        if out is not None and out.strip() != f"{project.name} {project.version}":
            report.problems.append(f"--version printed {out.strip()!r}, expected {project.name} {project.version}")
        out = run_checked(report, "--packaging-selftest", [str(executable), "--packaging-selftest"], env)
        if out is not None:
            report.selftest = last_json_line(out) or {}
            if report.selftest.get("selftest") != "ok":
                report.problems.append(f"self-test failed: {out.strip()}")
        for run in range(runs):
            profile = Path(tmp) / f"profile-{run}"
            command = [str(executable), "--demo", "--smoke", "--profile", str(profile)]
            started = time.perf_counter()
            out = run_checked(report, "--demo --smoke", command, env)
            report.start_ms.append((time.perf_counter() - started) * 1000)
            if out is None:
                break
            parsed = last_json_line(out)
            if parsed is None:
                report.problems.append(f"--demo --smoke printed no JSON line: {out.strip()!r}")
                break
            report.smoke_json = parsed
            if not profile.is_dir():
                report.problems.append(f"--profile {profile} was not used")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("executable", type=Path)
    parser.add_argument("--runs", type=int, default=1, help="repeat --smoke N times and print the median wall time")
    args = parser.parse_args(argv)
    report = smoke(args.executable.resolve(), args.runs)
    print(f"smoke {args.executable}: {'ok' if report.ok else 'FAILED'}")
    print(f"  self-test: {json.dumps(report.selftest.get('checks', {}))}")
    print(f"  --smoke:   {json.dumps(report.smoke_json)}")
    if report.start_ms:
        print(
            f"  frozen --demo --smoke wall time: median {statistics.median(report.start_ms):.0f} ms "
            f"over {len(report.start_ms)} run(s)"
        )
    for problem in report.problems:
        print(f"  problem: {problem}", file=sys.stderr)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
