"""Kiosk settings (a section of the settings file): which link(s), idle times, offline policy, the PIN hash."""

from __future__ import annotations

import re
from typing import Literal

import msgspec

OfflinePolicy = Literal["refuse", "queue"]
MIN_IDLE_S, MAX_IDLE_S = 15, 3600
MIN_WARNING_S, MAX_WARNING_S = 5, 120
MIN_THANKS_S, MAX_THANKS_S = 3, 60
MAX_LINKS = 6
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~/-]{0,199}$")


def check_slug(slug: str) -> str:
    """`slug` if it looks like a meeting-link slug; raises ValueError otherwise."""
    if not _SLUG.match(slug):
        raise ValueError(f"{slug!r} is not a meeting-link slug")
    return slug


class KioskSettings(msgspec.Struct, kw_only=True, forbid_unknown_fields=False):
    """What the admin configured with `kiosk configure` / `kiosk set-pin`; safe defaults throughout."""

    enabled: bool = False  # start in kiosk mode without --kiosk
    links: list[str] = msgspec.field(default_factory=list)  # [] = the account's first link; 2+ = visitor picks
    idle_seconds: int = 90
    warning_seconds: int = 30
    thank_you_seconds: int = 10
    offline: OfflinePolicy = "refuse"
    keyboard: bool = True  # the in-app on-screen keyboard for devices without one
    pin_hash: str = ""  # scrypt hash written by `kiosk set-pin`; never the PIN itself

    def __post_init__(self) -> None:
        if len(self.links) > MAX_LINKS:
            raise ValueError(f"a kiosk offers at most {MAX_LINKS} links, not {len(self.links)}")
        for slug in self.links:
            check_slug(slug)
        for name, value, low, high in (
            ("idle_seconds", self.idle_seconds, MIN_IDLE_S, MAX_IDLE_S),
            ("warning_seconds", self.warning_seconds, MIN_WARNING_S, MAX_WARNING_S),
            ("thank_you_seconds", self.thank_you_seconds, MIN_THANKS_S, MAX_THANKS_S),
        ):
            if not low <= value <= high:
                raise ValueError(f"kiosk {name} must be between {low} and {high}, not {value}")
        if self.pin_hash:
            # Here, not at the top: every start reads the settings, and the PIN module's hashlib and secrets
            # cost ~5 ms before the window's first paint (issue 18); only a configured kiosk needs them.
            from app.kiosk.pin import is_pin_hash

            if not is_pin_hash(self.pin_hash):
                raise ValueError("kiosk pin_hash is not a PIN hash; set the PIN again with `kiosk set-pin`")
