"""Typed user settings: defaults, validation, a version with forward migrations, atomic saves, honest load errors.

A settings file that cannot be read is never silently reset: it is copied to `settings.json.broken-<timestamp>`,
the caller gets a message naming the file and the problem to show the user, and only then do defaults apply.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import msgspec

from app.atomic_file import write_atomically
from app.booking.zones import is_valid_timezone, system_timezone_name
from app.kiosk.config import KioskSettings

log = logging.getLogger(__name__)

Language = Literal["system", "en", "de"]
Theme = Literal["system", "light", "dark"]
SETTINGS_VERSION = 1
MIN_RETENTION_DAYS = 1
MAX_RETENTION_DAYS = 3650

#: Step i turns a version-i document into version i+1 (raw JSON dicts, so old shapes need no Struct).
RawSettings = dict[str, Any]
SettingsMigration = Callable[[RawSettings], RawSettings]


def _from_unversioned(raw: RawSettings) -> RawSettings:
    """Version 0: a file written before settings carried a version; the fields are the same."""
    return {**raw, "version": 1}


MIGRATIONS: Mapping[int, SettingsMigration] = {0: _from_unversioned}


class Settings(msgspec.Struct, kw_only=True, forbid_unknown_fields=False):
    """What the user chose; every field has a default so a missing key never fails a load."""

    version: int = SETTINGS_VERSION
    language: Language = "system"
    theme: Theme = "system"  # light/dark: "system" follows the desktop's scheme
    timezone: str = "system"  # "system" or an IANA zone name
    use_24h: bool | None = None  # None: follow the locale
    default_link: str = ""  # slug preselected at start ("" = the last one used)
    last_link: str = ""
    history_retention_days: int = 365
    api_base: str = ""  # "" = HubSpot's; the env/CLI override wins
    # The HubSpot app used for "Sign in with HubSpot" (OAuth). Its secret, when it has one, lives in the keychain.
    oauth_client_id: str = ""
    kiosk: KioskSettings = msgspec.field(default_factory=KioskSettings)  # front-desk mode (`kiosk configure`)

    def zone_in_effect(self) -> str:
        """The chosen IANA zone, or the machine's for "system"."""
        return self.timezone if self.timezone != "system" else system_timezone_name()

    def __post_init__(self) -> None:
        if self.timezone != "system" and not is_valid_timezone(self.timezone):
            raise ValueError(f"timezone {self.timezone!r} is not a known IANA time zone")
        if not MIN_RETENTION_DAYS <= self.history_retention_days <= MAX_RETENTION_DAYS:
            raise ValueError(
                f"history_retention_days must be between {MIN_RETENTION_DAYS} and {MAX_RETENTION_DAYS}, "
                f"not {self.history_retention_days}"
            )
        if self.api_base and not self.api_base.startswith(("https://", "http://127.0.0.1", "http://localhost")):
            raise ValueError("api_base must be an https:// URL (or http:// on this machine)")


@dataclass(frozen=True, slots=True)
class LoadedSettings:
    """The settings to use, and what the user must be told about the file (None when all was well)."""

    settings: Settings
    problem: str | None = None
    kept_copy: Path | None = None
    #: False when the file is from a newer app version: we must not overwrite what we do not understand.
    writable: bool = True


def load_settings(
    path: Path,
    *,
    migrations: Mapping[int, SettingsMigration] = MIGRATIONS,
    current_version: int = SETTINGS_VERSION,
    clock: Callable[[], float] = time.time,
) -> LoadedSettings:
    """Read `path`; a missing file means defaults, a broken one is kept aside and reported."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except OSError as exc:
        return LoadedSettings(Settings(), problem=_problem(path, f"it could not be read ({exc.strerror})"))
    try:
        raw = json.loads(data)
        if not isinstance(raw, dict):
            raise ValueError("the file does not hold a JSON object")
        version = raw.get("version", 0)
        if not isinstance(version, int) or version < 0:
            raise ValueError(f"version {version!r} is not a whole number")
        if version > current_version:
            message = (
                f"The settings file {path} was written by a newer version of Booking Assistant "
                f"(settings version {version}; this version knows {current_version}). Defaults are used for now "
                "and the file is left untouched."
            )
            return LoadedSettings(Settings(), problem=message, writable=False)
        if version < current_version:
            raw = _migrate(path, raw, version, current_version, migrations)
        settings = msgspec.convert(raw, type=Settings)
    except (ValueError, msgspec.ValidationError) as exc:
        # json.JSONDecodeError is a ValueError: one path for "not JSON" and "JSON with a wrong value".
        kept = _keep_broken_copy(path, clock)
        where = f" A copy was kept as {kept.name}." if kept else ""
        what = f"it is not valid ({_describe(exc)})."
        return LoadedSettings(Settings(), problem=_problem(path, what) + where, kept_copy=kept)
    return LoadedSettings(settings)


def save_settings(path: Path, settings: Settings) -> None:
    """Write atomically: a temp file in the same folder, fsync, then os.replace (never a half-written file)."""
    write_atomically(path, msgspec.json.format(msgspec.json.encode(settings), indent=2) + b"\n")


def _migrate(
    path: Path, raw: RawSettings, version: int, target: int, migrations: Mapping[int, SettingsMigration]
) -> RawSettings:
    """Apply each step in order, after keeping a copy of the old file (`settings.json.bak-v<version>`)."""
    backup = path.with_name(f"{path.name}.bak-v{version}")
    if not backup.exists():
        shutil.copy2(path, backup)
    for step in range(version, target):
        if step not in migrations:
            raise ValueError(f"no way to upgrade settings version {step}")
        raw = migrations[step](dict(raw))
        log.info("Migrated settings from version %d to %d", step, step + 1)
    return raw


def _keep_broken_copy(path: Path, clock: Callable[[], float]) -> Path | None:
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(clock()))
    target = path.with_name(f"{path.name}.broken-{stamp}")
    try:
        shutil.copy2(path, target)
    except OSError:
        log.exception("Could not keep a copy of the unreadable settings file")
        return None
    log.warning("Settings file unreadable; kept a copy as %s", target.name)
    return target


def _problem(path: Path, what: str) -> str:
    return f"The settings file {path} could not be used: {what} Default settings are used until you save new ones."


def _describe(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"not JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
    return str(exc).rstrip(".")
