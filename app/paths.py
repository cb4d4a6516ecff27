"""Every location the app reads or writes, resolved once (platformdirs, or one `--profile` folder).

Config, data and state share one folder on Windows and macOS, so every file has a distinct name.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from app.env import PROFILE_ENV

APP_DIR_NAME = "BookingAssistant"


@dataclass(frozen=True, slots=True)
class Paths:
    config_dir: Path
    data_dir: Path
    log_dir: Path
    cache_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def database_file(self) -> Path:
        return self.data_dir / "booking-assistant.sqlite3"

    @property
    def sender_lock_file(self) -> Path:
        return self.data_dir / "sender.lock"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "booking-assistant.log"

    def ensure(self) -> None:
        """Create the folders, readable by the user only (POSIX)."""
        for folder in (self.config_dir, self.data_dir, self.log_dir, self.cache_dir):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)

    @classmethod
    def for_profile(cls, profile: Path) -> Paths:
        """Everything under one folder: portable installs, tests, kiosks, `--profile`."""
        root = profile.expanduser().resolve()
        return cls(config_dir=root, data_dir=root, log_dir=root / "logs", cache_dir=root / "cache")

    @classmethod
    def platform_default(cls) -> Paths:
        from platformdirs import PlatformDirs

        # roaming=False: a sqlite outbox must never sit in a Windows roaming profile that syncs at logoff.
        dirs = PlatformDirs(APP_DIR_NAME, appauthor=False, roaming=False)
        return cls(
            config_dir=Path(dirs.user_config_dir),
            data_dir=Path(dirs.user_data_dir),
            log_dir=Path(dirs.user_log_dir),
            cache_dir=Path(dirs.user_cache_dir),
        )


def resolve_paths(profile: str | Path | None = None, environ: Mapping[str, str] | None = None) -> Paths:
    """`--profile` wins, then BOOKING_ASSISTANT_PROFILE, then a portable install's folder, then the platform's."""
    env = os.environ if environ is None else environ
    chosen = profile or env.get(PROFILE_ENV)
    if chosen:
        return Paths.for_profile(Path(chosen))
    from app.portable import portable_profile

    portable = portable_profile()
    if portable is not None:
        return Paths.for_profile(portable)
    return Paths.platform_default()
