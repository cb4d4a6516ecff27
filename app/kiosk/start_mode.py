""" "Does this start open the kiosk?": asked on the rep window's start path, before its first paint.

Kept apart from `app/ui/kiosk/run.py` (which pulls in asyncio and the kiosk's start-up) and free of Qt, so the
window's start pays only for this check: a flag and the settings file it reads anyway.
"""

from __future__ import annotations

import argparse
import re

from app.paths import Paths
from app.settings import load_settings


def wants_kiosk(args: argparse.Namespace, paths: Paths) -> bool:
    """--kiosk, or the admin's `kiosk configure --enable` (a normal start then opens the kiosk).

    Fails closed: the profile's kiosk marker, or a settings file that cannot be read but mentions an enabled
    kiosk, is enough. A broken settings.json must never open the rep window with every visitor's history.
    """
    if getattr(args, "kiosk", False):
        return True
    from app.kiosk.marker import is_kiosk_profile

    if is_kiosk_profile(paths.config_dir):
        return True
    loaded = load_settings(paths.settings_file)
    return loaded.settings.kiosk.enabled or (loaded.problem is not None and _mentions_enabled_kiosk(paths))


_ENABLED = re.compile(rb'"enabled"\s*:\s*true')


def _mentions_enabled_kiosk(paths: Paths) -> bool:
    """A settings file we cannot use, from before the marker existed: does it look like an enabled kiosk?"""
    try:
        return bool(_ENABLED.search(paths.settings_file.read_bytes()))
    except OSError:
        return True  # unreadable: the doubt counts as a kiosk
