"""A private desktop for one run of the app: its own Xvfb, its own D-Bus session and accessibility bus.

Used by tests/a11y: nothing here needs the user's display or session bus, so `make test` runs it headless.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SYSTEM_PYTHON = "/usr/bin/python3"
CLIENT = Path(__file__).with_name("atspi_client.py")
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
REGISTRY = "/usr/libexec/at-spi2-registryd"
# What each piece needs, and the Debian package that brings it.
NEEDED = {
    "Xvfb": "xvfb",
    "xdotool": "xdotool",
    "dbus-run-session": "dbus-bin (dbus-x11 pulls it in)",
    BUS_LAUNCHER: "at-spi2-core",
    REGISTRY: "at-spi2-core",
    SYSTEM_PYTHON: "python3",
}


def missing_tools() -> list[str]:
    """Why the out-of-process accessibility test cannot run here ("" list when it can)."""
    missing = [f"{tool} ({package})" for tool, package in NEEDED.items() if shutil.which(tool) is None]
    if not missing:
        probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, text=True, check=False)
        if probe.returncode != 0:
            missing.append("pyatspi for /usr/bin/python3 (python3-pyatspi, gir1.2-atspi-2.0)")
    return missing


@contextmanager
def xvfb(size: str = "1366x900x24") -> Iterator[str]:
    """Xvfb on a free display number (it picks one and writes it to -displayfd)."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", size, "-nolisten", "tcp", "-noreset"],
        pass_fds=(write_end,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def app_env(display: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DBUS_", "AT_SPI"))}
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        QT_ACCESSIBILITY="1",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        NO_AT_BRIDGE="0",
    )
    env.pop("WAYLAND_DISPLAY", None)
    return env


def walk_app(profile: Path, expect: dict[str, str], *, timeout: float = 90) -> tuple[dict[str, Any], str]:
    """Start the app in demo mode under `profile` and let the AT-SPI client walk it; (report, client log)."""
    app_command = [sys.executable, "-m", "app", "--demo", "--profile", str(profile)]
    client_command = ["dbus-run-session", "--", SYSTEM_PYTHON, str(CLIENT)]
    report_file, log_file = profile / "a11y-report.json", profile / "a11y-client.log"
    # Files, not pipes: the bus daemons outlive the client for a moment and would hold a pipe open.
    with xvfb() as display, log_file.open("w") as log:
        try:
            subprocess.run(
                [*client_command, str(report_file), json.dumps(expect), "--", *app_command],
                env=app_env(display),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            pass  # the report (if any) and the log say how far it got
    text = log_file.read_text(encoding="utf-8", errors="replace")
    if not report_file.exists():
        raise AssertionError(f"the AT-SPI client wrote no report:\n{text}")
    return json.loads(report_file.read_text(encoding="utf-8")), text
