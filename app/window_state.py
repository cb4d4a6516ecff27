"""Where the booking window was, per screen: a small JSON file in the profile (no QSettings, no registry).

Keyed by a screen's name and size so a laptop docked to a big monitor and undocked again gets each layout back.
Values are opaque strings (Qt's saved geometry and splitter state, base64); a broken file is simply ignored.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

FILE_NAME = "window-state.json"


class WindowStateFile:
    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self, screen_key: str) -> dict[str, str]:
        entry = self._read().get(screen_key)
        if not isinstance(entry, dict):
            return {}
        return {str(k): v for k, v in entry.items() if isinstance(v, str)}

    def save(self, screen_key: str, entry: dict[str, str]) -> None:
        data = self._read()
        data[screen_key] = entry
        temporary = self.path.with_suffix(".tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(data, indent=1, sort_keys=True), encoding="utf-8")
            os.replace(temporary, self.path)  # never a half-written file
        except OSError as exc:
            log.warning("Could not save the window layout: %s", exc.strerror)

    def _read(self) -> dict[str, object]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}
