"""The hostile server (one per session) and CLI runs against it with a short deadline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.faults.hostile_server import HostileServer, Recorded, record, serve

#: The client's per-request deadline in these tests (seconds; the app's default is 30).
DEADLINE_S = 1.0
#: No case may take longer than this from start to exit: the deadline, a few retries, Python's start-up.
CASE_BOUND_S = 20.0


@pytest.fixture(scope="session")
def recorded() -> Recorded:
    return record()


@pytest.fixture(scope="session")
def hostile_session(recorded: Recorded) -> Iterator[HostileServer]:
    with serve(recorded) as server:
        yield server


@pytest.fixture
def hostile(hostile_session: HostileServer) -> Iterator[HostileServer]:
    hostile_session.attack(None)
    yield hostile_session
    hostile_session.attack(None)


def fault_env(profile: Path, base_url: str, token: str = "demo-token") -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOOKING_ASSISTANT_")}
    env.update(
        {
            "BOOKING_ASSISTANT_TOKEN": token,
            "BOOKING_ASSISTANT_HTTP_DEADLINE": str(DEADLINE_S),
            "PYTHONWARNINGS": "error",
            "NO_PROXY": "*",
        }
    )
    env.pop("HTTP_PROXY", None)
    env.pop("http_proxy", None)
    return env


def run(profile: Path, base_url: str, *args: str, token: str = "demo-token") -> subprocess.CompletedProcess[str]:
    """The CLI as a subprocess against `base_url`; a case that outlives CASE_BOUND_S fails the test (a hang)."""
    command = [sys.executable, "-m", "app", "--profile", str(profile), "--api-base", base_url, *args]
    return subprocess.run(
        command,
        env=fault_env(profile, base_url, token),
        capture_output=True,
        text=True,
        timeout=CASE_BOUND_S,
        check=False,
    )


def outbox(profile: Path) -> list[dict[str, Any]]:
    result = run(profile, "http://127.0.0.1:9", "outbox", "list", "--json")
    assert result.returncode == 0, result.stderr
    drafts: list[dict[str, Any]] = json.loads(result.stdout)["results"]
    return drafts
