"""Test-wide set-up: offscreen Qt, no real user folders, async tests on a qasync loop, warnings fail."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

# Must happen before anything imports Qt or qasync.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_API"] = "pyside6"
# Tests never reach a real keychain; tests that need storage install an in-memory backend.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
for _var in ("BOOKING_ASSISTANT_TOKEN", "BOOKING_ASSISTANT_PROFILE", "BOOKING_ASSISTANT_API_BASE"):
    os.environ.pop(_var, None)

import pytest


def _qasync_loop() -> Any:
    # The app's own loop (qasync's, running callbacks only while it runs), not a plain qasync loop.
    from app.ui.runtime.async_bridge import new_loop

    return new_loop()


def pytest_asyncio_loop_factories(config: pytest.Config, item: pytest.Item) -> dict[str, Any]:
    """Every async test runs on a qasync loop, as the app does (stack notes §5)."""
    return {"qasync": _qasync_loop}


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No test touches the real user folders: HOME and the XDG folders point into a temp dir."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    yield home


@pytest.fixture(autouse=True)
def _collect_garbage_on_main_thread() -> Iterator[None]:
    """Collect each test's cyclic garbage here, on the main thread.

    Otherwise a later collection may run in a sandbox server thread and destroy Qt timers of an old qasync loop
    there, which Qt reports as a warning ("Timers cannot be stopped from another thread").
    """
    yield
    gc.collect()
