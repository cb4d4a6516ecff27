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
def x_display(request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh Xvfb (1024x768 unless parametrized) on a display number it picks itself (-displayfd)."""
    size = getattr(request, "param", "1024x768")
    if XVFB is None:
        pytest.skip("Xvfb is not installed (tools/debian-deps.sh test installs the xvfb package)")
    read_end, write_end = os.pipe()
    proc = subprocess.Popen(
        [XVFB, "-displayfd", str(write_end), "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
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


def xcb_env(display: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOOKING_ASSISTANT_", "WAYLAND_"))}
    # Only xcb: with no fallback platform a missing xcb library is fatal, as on a desktop.
    env.update({"QT_QPA_PLATFORM": "xcb", "DISPLAY": display, "PYTHONWARNINGS": "error"})
    return env


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


def test_demo_smoke_runs_on_the_xcb_platform_and_fits_a_1024x768_screen(x_display: str, tmp_path: Path) -> None:
    shot = tmp_path / "window.png"
    result = subprocess.run(
        [
            sys.executable,
            *("-m", "app", "--demo", "--smoke", "--screenshot", str(shot), "--profile", str(tmp_path / "profile")),
        ],
        capture_output=True,
        text=True,
        timeout=90,
        env=xcb_env(x_display),
        check=False,
    )
    assert "could not load the qt platform plugin" not in result.stderr.lower(), result.stderr
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["demo"] is True
    assert report["links"] == 5
    width, height = png_size(shot)  # the window as drawn: it opened inside the screen, not 1120 px wide
    assert width <= 1024 and height <= 768, (width, height)


#: Drags the splitter between the first two columns with mouse events, resizes, closes; a second window on the
#: same state file prints what it came back with. Run on xcb so the screen is big enough to move things.
REOPEN = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QSplitter
from app.ui.window.main_window import MainWindow
from app.window_state import WindowStateFile

app = QApplication([])
state = WindowStateFile(Path(sys.argv[1]))
window = MainWindow(on_close=lambda: None)
window.place(state)
window.show()
QTest.qWaitForWindowExposed(window)
window.resize(1300, 800)
QTest.qWait(50)
splitter = window.findChild(QSplitter, "columns")
before = splitter.sizes()
handle = splitter.handle(1)
QTest.mousePress(handle, Qt.MouseButton.LeftButton, pos=QPoint(2, 20))
QTest.mouseMove(handle, QPoint(82, 20))
QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=QPoint(82, 20))
dragged = splitter.sizes()
window.close()
again = MainWindow(on_close=lambda: None)
again.place(state)
again.show()
QTest.qWaitForWindowExposed(again)
print(json.dumps({"before": before, "dragged": dragged, "size": [again.width(), again.height()],
                  "sizes": again.findChild(QSplitter, "columns").sizes()}))
"""


@pytest.mark.parametrize("x_display", ["1600x1000"], indirect=True)
def test_size_and_dragged_columns_come_back_on_the_same_screen(x_display: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", REOPEN, str(tmp_path / "window-state.json")],
        capture_output=True,
        text=True,
        timeout=90,
        env=xcb_env(x_display),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["dragged"][0] > seen["before"][0]  # the drag moved the edge
    assert seen["size"] == [1300, 800]
    assert seen["sizes"] == seen["dragged"]
