"""Running the CLI as a subprocess against `booking-assistant sandbox` on loopback: environment, runs, data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

SLUG = "alex-morgan"
TZ = "Europe/Berlin"


def cli_env(tmp_path: Path, base_url: str | None = None) -> dict[str, str]:
    """A profile under `tmp_path`; with `base_url`, a script's token for the sandbox there (else no account)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOOKING_ASSISTANT_")}
    env["BOOKING_ASSISTANT_PROFILE"] = str(tmp_path / "profile")
    env["PYTHONWARNINGS"] = "error"
    if base_url:
        env["BOOKING_ASSISTANT_TOKEN"] = "demo-token"
        env["BOOKING_ASSISTANT_API_BASE"] = base_url
    return env


def run_cli(env: dict[str, str], *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


@contextmanager
def sandbox_server(env: dict[str, str]) -> Iterator[str]:
    """`booking-assistant sandbox` in a subprocess for the `with` block; yields the URL its first line names."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "app", "sandbox", "--port", "0"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # its request log is not read, and a full pipe would stall it
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert "http://127.0.0.1:" in line, line
        yield line[line.index("http://") :].split()[0]
    finally:
        proc.terminate()
        proc.communicate(timeout=15)


def open_times(env: dict[str, str], minutes: int = 30) -> list[str]:
    result = run_cli(env, "slots", SLUG, "--timezone", TZ, "--duration", str(minutes), "--json")
    assert result.returncode == 0, result.stderr
    days = json.loads(result.stdout)["days"]
    times = [t for day in sorted(days) for t in days[day]]
    if not times:  # late in the month: look at the next one
        result = run_cli(env, "slots", SLUG, "--timezone", TZ, "--month-offset", "1", "--json")
        days = json.loads(result.stdout)["days"]
        times = [t for day in sorted(days) for t in days[day]]
    assert times
    return times


def book_args(start: str, email: str = "jane@acme.test") -> list[str]:
    return [
        "book",
        SLUG,
        "--start",
        start,
        "--duration",
        "30",
        "--timezone",
        TZ,
        "--first-name",
        "Jane",
        "--last-name",
        "Doe",
        "--email",
        email,
        "--field",
        "company=Acme",
        "--consent",
        "processing=yes",
        "--json",
    ]


def bookings(sandbox: httpx.Client) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = sandbox.get("/_sandbox/bookings").json()["results"]
    return results
