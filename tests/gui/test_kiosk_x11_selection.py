"""On X11, selecting text is enough to pass it on (a middle click pastes it): after a reset the next visitor finds
neither the selection nor the clipboard. Checked from outside: Xvfb, xdotool double-clicks, xclip reads."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(
        not all(shutil.which(tool) for tool in ("Xvfb", "xdotool", "xclip")), reason="needs Xvfb, xdotool, xclip"
    ),
]

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def display() -> Iterator[str]:
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"], pass_fds=(write,)
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()  # Xvfb writes its display number once it accepts clients
    yield f":{number}"
    server.terminate()
    server.wait(timeout=10)


def _xclip(display: str, selection: str) -> str:
    done = subprocess.run(
        ["xclip", "-o", "-selection", selection],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=10,
        check=False,
    )
    return done.stdout  # xclip fails (and prints nothing) when nobody owns the selection


def test_selection_and_clipboard_are_empty_after_a_reset(display: str, tmp_path: Path) -> None:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "HOME": str(tmp_path)}
    with subprocess.Popen(
        [sys.executable, "-m", "tests.gui.x11_kiosk_child"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as child:
        _drive(child, display)


def _drive(child: subprocess.Popen[str], display: str) -> None:
    assert child.stdin is not None and child.stdout is not None
    try:
        assert child.stdout.readline().strip() == "READY", child.stderr.read() if child.stderr else ""
        child.stdin.write("\n")
        child.stdin.flush()
        _, window, x, y = child.stdout.readline().split()
        xenv = {**os.environ, "DISPLAY": display}
        # A visitor double-taps their email: the word becomes the X11 PRIMARY selection.
        double_tap = ["xdotool", "mousemove", "--window", window, x, y, "click", "--repeat", "2", "--delay", "80", "1"]
        subprocess.run(double_tap, env=xenv, check=True, timeout=10)
        selected = _xclip(display, "primary")
        assert selected and selected in "firstvisitor@acme.test"
        assert _xclip(display, "clipboard") == "copied-by-visitor-1"
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "RESET"
        assert _xclip(display, "primary") == ""
        assert _xclip(display, "clipboard") == ""
        child.stdin.write("\n")
        child.stdin.flush()
        assert child.wait(timeout=30) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
