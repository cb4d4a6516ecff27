"""Portable mode: a file named `portable` beside the executable keeps the profile next to it (e.g. a USB stick)."""

from __future__ import annotations

import sys
from pathlib import Path

MARKER_NAME = "portable"
PROFILE_DIR_NAME = "profile"


def portable_profile(executable: str | Path | None = None, *, frozen: bool | None = None) -> Path | None:
    """`<folder of the executable>/profile` when the marker is there, else None.

    Only frozen builds look: in a virtualenv the "executable" is the Python interpreter, and a stray file beside it
    must not move a developer's data.
    """
    is_frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    if not is_frozen:
        return None
    exe = Path(sys.executable if executable is None else executable)
    folder = exe.resolve().parent
    if (folder / MARKER_NAME).is_file():
        return folder / PROFILE_DIR_NAME
    return None
