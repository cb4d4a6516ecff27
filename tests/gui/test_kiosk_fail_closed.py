"""A kiosk profile with a broken settings file never opens the rep window: tried from outside, as a fresh process.

`python -m app --profile P --demo --smoke` prints one JSON line: the kiosk's has "kiosk": true, the window's not.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.paths import Paths

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
BROKEN = {
    "newer version": '{"version": 2, "kiosk": {"enabled": true}}',
    "invalid kiosk value": '{"version": 1, "kiosk": {"enabled": true, "idle_seconds": 1}}',
    "not json": '{"version": 1, "kiosk": {"enab',
}


def _start(profile: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "app", "--profile", str(profile), "--demo", "--smoke"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _opened(done: subprocess.CompletedProcess[str]) -> str:
    """'kiosk', 'window' or 'nothing', from what the process printed."""
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        return "nothing"
    return "kiosk" if json.loads(lines[-1]).get("kiosk") else "window"


def _kiosk_profile(path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("sys.stdin", io.StringIO("482916\n"))
    assert main(["--profile", str(path), "kiosk", "set-pin"]) == 0
    assert main(["--profile", str(path), "kiosk", "configure", "--enable"]) == 0
    return path


@pytest.mark.parametrize("damage", list(BROKEN))
def test_a_kiosk_with_a_broken_settings_file_still_opens_the_kiosk(
    damage: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = _kiosk_profile(tmp_path / "profile", monkeypatch)
    Paths.for_profile(profile).settings_file.write_text(BROKEN[damage])
    done = _start(profile, tmp_path)
    assert _opened(done) == "kiosk", done.stderr
    assert "could not be used" in done.stderr or "newer version" in done.stderr  # staff are told what is wrong


def test_a_kiosk_without_its_marker_or_settings_refuses_to_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = _kiosk_profile(tmp_path / "profile", monkeypatch)
    paths = Paths.for_profile(profile)
    paths.settings_file.write_text(BROKEN["invalid kiosk value"])
    (paths.config_dir / "kiosk-profile.json").write_text("damaged")  # the marker is there, but unreadable
    done = _start(profile, tmp_path)
    assert _opened(done) == "nothing" and done.returncode == 2
    assert "set up as a front-desk kiosk" in done.stderr and "booking window stays closed" in done.stderr


def test_a_profile_from_before_the_marker_with_a_broken_file_is_still_a_kiosk(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    Paths.for_profile(profile).ensure()
    Paths.for_profile(profile).settings_file.write_text(BROKEN["invalid kiosk value"])
    done = _start(profile, tmp_path)
    assert _opened(done) == "nothing" and done.returncode == 2  # no trustworthy PIN: nothing opens at all


def test_a_rep_profile_with_a_broken_settings_file_opens_the_window(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    Paths.for_profile(profile).ensure()
    Paths.for_profile(profile).settings_file.write_text('{"version": 1, "timezone": "Mars/Olympus"}')
    done = _start(profile, tmp_path)
    assert _opened(done) == "window", done.stderr
