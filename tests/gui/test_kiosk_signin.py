"""The kiosk starts the way the window does: --demo, else the profile's stored sign-in (in-memory keyring here)."""

from __future__ import annotations

import argparse
import gc
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.auth.keychain import KeychainCredentialStore
from app.hubspot.http import make_http_client
from app.kiosk.config import KioskSettings
from app.kiosk.pin import hash_pin
from app.paths import Paths
from app.sandbox.server import running_server
from app.sandbox.state import DEMO_TOKEN, SandboxState
from app.services import open_auth_session
from app.settings import Settings, save_settings
from app.ui.kiosk.run import EXIT_NO_PIN, kiosk_main
from tests.auth_fixtures import memory_keyring  # noqa: F401
from tests.auth_keyring import MemoryKeyring

pytestmark = pytest.mark.gui


@pytest.fixture
def sandbox_base() -> Iterator[str]:
    gc.collect()  # earlier tests' Qt timers must die on this thread, not the server's
    with running_server(SandboxState()) as base:
        yield base


async def store_sign_in(paths: Paths, base: str) -> None:
    """What `booking-assistant auth` or the window's sign-in dialog leaves behind: a key in the keychain."""
    http = make_http_client(base)
    try:
        auth = open_auth_session(http, paths, api_base=base, environ={}, store=KeychainCredentialStore())
        await auth.sign_in_static(DEMO_TOKEN)
    finally:
        await http.aclose()


def profile(tmp_path: Path, *, pin: str | None) -> Paths:
    paths = Paths.for_profile(tmp_path / "profile")
    paths.ensure()
    kiosk = KioskSettings(pin_hash=hash_pin(pin) if pin else "")
    save_settings(paths.settings_file, Settings(timezone="Europe/Berlin", kiosk=kiosk))
    return paths


async def run_kiosk(qapp: QApplication, paths: Paths, base: str) -> int:
    """`booking-assistant --kiosk --smoke` against the sandbox at `base`: starts, reports, exits; the exit code."""
    args = argparse.Namespace(demo=False, smoke=True, screenshot=None, api_base=base, kiosk=True)
    return await kiosk_main(qapp, args, paths, time.perf_counter())


@pytest.mark.asyncio
async def test_a_real_kiosk_runs_on_the_stored_sign_in(
    qapp: QApplication,
    tmp_path: Path,
    sandbox_base: str,
    memory_keyring: MemoryKeyring,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = profile(tmp_path, pin="2468")
    await store_sign_in(paths, sandbox_base)
    assert DEMO_TOKEN in " ".join(memory_keyring.entries.values())

    code = await run_kiosk(qapp, paths, sandbox_base)

    out = capsys.readouterr()
    assert code == 0, out.err
    report = json.loads(out.out.strip().splitlines()[-1])
    # Not the demo: the account's links came from the sandbox over loopback, with the key from the keychain.
    assert report["kiosk"] is True and report["demo"] is False and report["links"] == 1
    assert "Demo kiosk" not in out.err
    assert paths.database_file.exists()  # the profile's own store, not the demo's in-memory one


@pytest.mark.asyncio
async def test_a_kiosk_signed_in_but_without_a_pin_does_not_start(
    qapp: QApplication,
    tmp_path: Path,
    sandbox_base: str,
    memory_keyring: MemoryKeyring,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = profile(tmp_path, pin=None)
    await store_sign_in(paths, sandbox_base)

    assert await run_kiosk(qapp, paths, sandbox_base) == EXIT_NO_PIN
    assert "kiosk set-pin" in capsys.readouterr().err


@pytest.mark.asyncio
async def test_a_kiosk_without_any_sign_in_is_the_demo(
    qapp: QApplication,
    tmp_path: Path,
    sandbox_base: str,
    memory_keyring: MemoryKeyring,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = profile(tmp_path, pin=None)

    assert await run_kiosk(qapp, paths, sandbox_base) == 0
    out = capsys.readouterr()
    assert json.loads(out.out.strip().splitlines()[-1])["demo"] is True
    assert "staff PIN is 0000" in out.err
