"""The app on Qt's xcb platform under a private Xvfb: what `make run` does on an X11 desktop.

Qt >= 6.5's xcb plugin aborts the process ("could not load the Qt platform plugin xcb") when one of its libraries
(libxcb-cursor0 above all) is missing; offscreen tests never load that plugin, so only this test notices.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.slow]

XVFB = shutil.which("Xvfb")


@pytest.fixture
def x_display() -> Iterator[str]:
    """A fresh Xvfb on a display number it picks itself (-displayfd), gone after the test."""
    if XVFB is None:
        pytest.skip("Xvfb is not installed (tools/debian-deps.sh test installs the xvfb package)")
    read_end, write_end = os.pipe()
    proc = subprocess.Popen(
        [XVFB, "-displayfd", str(write_end), "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()  # written once the server accepts connections
        assert number.isdigit(), f"Xvfb did not report a display (exit code {proc.poll()})"
        yield f":{number}"
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def test_demo_smoke_runs_on_the_xcb_platform(x_display: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOOKING_ASSISTANT_", "WAYLAND_"))}
    # Only xcb: with no fallback platform a missing xcb library is fatal, as on a desktop.
    env.update({"QT_QPA_PLATFORM": "xcb", "DISPLAY": x_display, "PYTHONWARNINGS": "error"})
    result = subprocess.run(
        [sys.executable, "-m", "app", "--demo", "--smoke", "--profile", str(tmp_path / "profile")],
        capture_output=True,
        text=True,
        timeout=90,
        env=env,
        check=False,
    )
    assert "could not load the qt platform plugin" not in result.stderr.lower(), result.stderr
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["demo"] is True
    assert report["links"] == 5
