"""The machine's IANA time zone name without Qt (the UI asks QTimeZone instead)."""

from __future__ import annotations

import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones


def is_valid_timezone(name: str) -> bool:
    if not name or name.startswith("/") or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def system_timezone_name() -> str:
    """TZ, then /etc/localtime's link target, then /etc/timezone; UTC when none names a known zone."""
    candidates: list[str] = []
    if tz := os.environ.get("TZ", "").lstrip(":"):
        candidates.append(tz)
    localtime = Path("/etc/localtime")
    try:
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    try:
        candidates.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    except OSError:
        pass
    for name in candidates:
        if is_valid_timezone(name):
            return name
    return "UTC"


def all_timezone_names() -> list[str]:
    """Every IANA zone the tzdata in use knows, sorted (legacy aliases like 'US/Eastern' last)."""
    names = available_timezones()
    return sorted(names, key=lambda n: ("/" not in n or n.startswith(("Etc/", "US/", "SystemV/")), n))
