""" "This profile is a kiosk", remembered outside the settings file so a broken settings.json cannot erase it.

`kiosk configure --enable` writes the marker with a copy of the kiosk section (links, idle times, PIN hash);
`--no-enable` removes it. At start the marker alone is enough to open the kiosk instead of the rep window, and
when the settings file cannot be read the kiosk runs on the copy, so staff still need the PIN to leave it.
"""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

import msgspec

from app.kiosk.attempts import write_private
from app.kiosk.config import KioskSettings

log = logging.getLogger(__name__)

MARKER_FILE = "kiosk-profile.json"


def marker_path(config_dir: Path) -> Path:
    return config_dir / MARKER_FILE


def is_kiosk_profile(config_dir: Path) -> bool:
    """Whether the marker exists (cheap: on the start-up path of the rep window too). Unreadable still counts."""
    try:
        return marker_path(config_dir).exists()
    except OSError:
        return True  # cannot even look: assume the worst


def sync_marker(config_dir: Path, kiosk: KioskSettings) -> None:
    """Keep the marker in step with the kiosk section just saved: written while enabled, removed when not."""
    path = marker_path(config_dir)
    if kiosk.enabled:
        write_private(path, msgspec.json.encode(kiosk))
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def read_marker(config_dir: Path) -> KioskSettings | None:
    """The kiosk section kept in the marker; None when there is no marker or it cannot be read."""
    try:
        data = marker_path(config_dir).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("Kiosk marker unreadable: %s", exc.strerror)
        return None
    try:
        return msgspec.json.decode(data, type=KioskSettings)
    except (msgspec.DecodeError, msgspec.ValidationError, ValueError) as exc:
        log.warning("Kiosk marker unreadable: %s", exc)
        return None
