"""The machine's time zone, found once for every front end (a fresh process each: tzlocal caches its answer)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from app.booking.zones import is_valid_timezone


def _system_zone(tz: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "TZ"}
    if tz is not None:
        env["TZ"] = tz
    code = "from app.booking.zones import system_timezone_name; print(system_timezone_name())"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize(("tz", "expected"), [("America/Chicago", "America/Chicago"), (":Asia/Tokyo", "Asia/Tokyo")])
def test_tz_names_the_zone(tz: str, expected: str) -> None:
    assert _system_zone(tz).strip() == expected


def test_an_unknown_tz_falls_back_to_the_machines_own_zone() -> None:
    assert _system_zone("Not/AZone").strip() == _system_zone(None).strip()
    assert is_valid_timezone(_system_zone(None).strip())


@pytest.mark.parametrize("name", ["", "/etc/passwd", "../../etc/passwd", "Mars/Olympus_Mons"])
def test_invalid_names_are_refused(name: str) -> None:
    assert not is_valid_timezone(name)
