"""`--demo --smoke [--screenshot]` as a subprocess: one JSON line, exit 0, nothing on stderr, a PNG written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def run_app(*args: str, profile: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("BOOKING_ASSISTANT_TOKEN", None)
    return subprocess.run(
        [sys.executable, "-m", "app", "--profile", str(profile), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def test_smoke_prints_one_json_line_and_exits_cleanly(tmp_path: Path) -> None:
    result = run_app("--demo", "--smoke", profile=tmp_path / "profile")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    report = json.loads(lines[0])
    assert report["demo"] is True
    assert report["links"] == 5
    assert 0 < report["first_paint_ms"] <= report["ready_ms"]


def test_a_returning_demo_is_ready_from_its_cache_and_closes_cleanly_with_the_refresh_in_flight(
    tmp_path: Path,
) -> None:
    profile = tmp_path / "profile"
    first = run_app("--demo", "--smoke", profile=profile)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["from_cache"] is False  # nothing cached yet: the data came from the sandbox
    again = run_app("--demo", "--smoke", profile=profile)
    assert again.returncode == 0, again.stderr
    assert again.stderr == ""
    report = json.loads(again.stdout)
    assert report["from_cache"] is True and report["links"] == 5 and report["demo"] is True
    # Only the simulated links and times are kept: a demo's bookings never outlive the run.
    assert [p.name for p in (profile / "cache").iterdir() if p.suffix == ".sqlite3"] == ["demo-cache.sqlite3"]
    assert not (profile / "booking-assistant.sqlite3").exists()


def test_without_an_account_the_window_falls_back_to_demo(tmp_path: Path) -> None:
    result = run_app("--smoke", profile=tmp_path / "profile")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["demo"] is True


def test_screenshot_of_the_ready_window_is_written(tmp_path: Path) -> None:
    shot = tmp_path / "shots" / "window.png"
    result = run_app("--demo", "--smoke", "--screenshot", str(shot), profile=tmp_path / "profile")
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    assert image.width() >= 800 and image.height() >= 500
