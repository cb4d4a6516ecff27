"""`--kiosk --demo --smoke --screenshot` in a fresh process with no display; a real kiosk needs a PIN first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    clean.update(HOME=str(tmp_path / "home"), **env)
    return subprocess.run(
        [sys.executable, "-m", "app", "--profile", str(tmp_path / "profile"), *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_kiosk_demo_smoke_and_screenshot_without_a_display(tmp_path: Path) -> None:
    shot = tmp_path / "kiosk.png"
    done = _run(["--kiosk", "--demo", "--smoke", "--screenshot", str(shot)], tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["kiosk"] is True and report["demo"] is True and report["links"] == 1
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert shot.stat().st_size > 5_000
    assert "staff PIN is 0000" in done.stderr


def test_a_real_kiosk_does_not_start_without_a_staff_pin(tmp_path: Path) -> None:
    done = _run(["--kiosk", "--smoke"], tmp_path, BOOKING_ASSISTANT_TOKEN="pat-test-token")
    assert done.returncode == 2
    assert "kiosk set-pin" in done.stderr
