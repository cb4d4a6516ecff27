"""IANA time zones without Qt: is a name one, and which one this machine is in (the CLI, the window and the kiosk
all ask `system_timezone_name`)."""

from __future__ import annotations

import logging
import warnings
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

log = logging.getLogger(__name__)


def is_valid_timezone(name: str) -> bool:
    if not name or name.startswith("/") or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def system_timezone_name() -> str:
    """The machine's IANA zone: TZ, /etc/timezone or /etc/localtime's link on Linux and macOS, and the Windows zone
    mapped to its IANA name (Windows has no IANA name of its own, which is why tzlocal is used). UTC when none of
    them names a zone the tzdata in use knows.

    tzlocal caches its answer for the process, as Qt's QTimeZone.systemTimeZoneId does; it is imported here, not at
    module level (~10 ms), because only a command or a window that shows times needs it.
    """
    import tzlocal

    try:
        with warnings.catch_warnings():
            # It warns about odd system configurations (a syntax error in /etc/timezone…); the fallback covers them.
            warnings.simplefilter("ignore")
            name = tzlocal.get_localzone_name()
    except (ZoneInfoNotFoundError, OSError, ValueError) as exc:
        log.info("the system time zone is unclear (%s); using UTC", exc)
        return "UTC"
    return name if name and is_valid_timezone(name) else "UTC"


def all_timezone_names() -> list[str]:
    """Every IANA zone the tzdata in use knows, sorted (legacy aliases like 'US/Eastern' last)."""
    names = available_timezones()
    return sorted(names, key=lambda n: ("/" not in n or n.startswith(("Etc/", "US/", "SystemV/")), n))
