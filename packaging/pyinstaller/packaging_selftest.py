"""Checks only a frozen build can get wrong; run as `booking-assistant --packaging-selftest` (prints one JSON line).

Frozen apps lose what is found at run time rather than by import: keyring backends (entry points), uvicorn's
protocol classes (import strings), tzdata's zone files, Qt plugins and translations (data files).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

# The keyring backend each OS needs; the module must import and be registered as an entry point.
PLATFORM_KEYRING = {
    "linux": ("SecretService", "keyring.backends.SecretService"),
    "darwin": ("macOS", "keyring.backends.macOS"),
    "win32": ("Windows", "keyring.backends.Windows"),
}


def check_keyring() -> str:
    import importlib
    from importlib.metadata import entry_points

    import keyring

    platform_key = "linux" if sys.platform.startswith("linux") else sys.platform
    name, module = PLATFORM_KEYRING[platform_key]
    registered = {ep.name for ep in entry_points(group="keyring.backends")}
    if name not in registered:
        raise RuntimeError(f"keyring backend {name} is not registered (entry points: {sorted(registered)})")
    importlib.import_module(module)
    # Resolving the active backend must not raise; on a headless Linux box it is the `fail` backend, by design.
    active = keyring.get_keyring()
    return f"{type(active).__module__}.{type(active).__name__}"


def resources_dir() -> Path:
    import app

    return Path(app.__file__).resolve().parent / "resources"


def check_translations() -> str:
    from PySide6.QtCore import QTranslator

    files = sorted(resources_dir().rglob("*.qm"))
    for qm in files:
        translator = QTranslator()
        if not translator.load(str(qm)):
            raise RuntimeError(f"{qm.name} does not load")
    return f"{len(files)} loaded"


def check_resources() -> str:
    icon = resources_dir() / "icons" / "booking-assistant.svg"
    if not icon.is_file():
        raise RuntimeError(f"missing {icon}")
    return "icons present"


def check_tzdata() -> str:
    from importlib.resources import files
    from zoneinfo import ZoneInfo

    # Windows has no system zone database, so the bundled tzdata package must carry the files.
    if not files("tzdata.zoneinfo").joinpath("Europe", "Berlin").is_file():
        raise RuntimeError("tzdata zone files are missing")
    offset = datetime(2026, 7, 1, 12, tzinfo=UTC).astimezone(ZoneInfo("America/New_York")).utcoffset()
    hours = offset.total_seconds() / 3600 if offset is not None else float("nan")
    return f"New York in July: UTC{hours:+.0f}"


def check_truststore() -> str:
    import ssl

    import truststore

    truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    return "context ok"


def check_sandbox_server() -> str:
    import uvicorn

    async def asgi(scope: object, receive: object, send: object) -> None:
        return None

    # load() imports the loop/protocol/lifespan classes that uvicorn names as strings.
    config = uvicorn.Config(asgi, host="127.0.0.1", port=0, log_config=None)
    config.load()
    import app.sandbox  # noqa: F401

    return f"{config.http_protocol_class.__name__}, {config.lifespan_class.__name__}"


def check_ics() -> str:
    from app.booking.ics import to_ics
    from app.hubspot.models import BookResponse

    response = BookResponse(
        calendar_event_id="selftest",
        contact_id="1",
        booking_timezone="Europe/Berlin",
        start="2026-07-01T10:00:00Z",
        end="2026-07-01T10:30:00Z",
        duration=1_800_000,
        subject="Self-test",
        form_fields=[],
        guest_emails=[],
        is_offline=False,
        legal_consent_responses=[],
    )
    text = to_ics(response, organizer_name="", link_name="Self-test", now=datetime(2026, 6, 1, tzinfo=UTC))
    if "BEGIN:VEVENT" not in text:
        raise RuntimeError("no event in .ics")
    return f"{len(text)} bytes"


def check_qt_network() -> str:
    from PySide6.QtNetwork import QNetworkInformation

    # The sender learns about connectivity from these plugins; without them it can only poll.
    backends = QNetworkInformation.availableBackends()
    if not backends:
        raise RuntimeError("no QNetworkInformation backend plugin bundled")
    return ", ".join(backends)


CHECKS: dict[str, Callable[[], str]] = {
    "keyring": check_keyring,
    "translations": check_translations,
    "resources": check_resources,
    "tzdata": check_tzdata,
    "truststore": check_truststore,
    "sandbox_server": check_sandbox_server,
    "ics": check_ics,
    "qt_network": check_qt_network,
}


def main() -> int:
    results: dict[str, str] = {}
    failed = False
    for name, check in CHECKS.items():
        try:
            results[name] = check()
        except Exception as exc:
            failed = True
            results[name] = f"FAILED: {type(exc).__name__}: {exc}"
    print(json.dumps({"selftest": "failed" if failed else "ok", "checks": results}))
    return 1 if failed else 0
