"""The sandbox subprocess the CLI tests share (one per module), reset to fresh seed data for every test."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.e2e.cli_support import cli_env, sandbox_server


@pytest.fixture(scope="module")
def sandbox_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`booking-assistant sandbox` in a subprocess; its first stdout line names the URL."""
    with sandbox_server(cli_env(tmp_path_factory.mktemp("sandbox"))) as url:
        yield url


@pytest.fixture
def sandbox(sandbox_url: str) -> Iterator[httpx.Client]:
    """A control client; every test starts from fresh seed data with no faults."""
    with httpx.Client(base_url=sandbox_url, timeout=10) as control:
        control.post("/_sandbox/reset").raise_for_status()
        control.delete("/_sandbox/faults").raise_for_status()
        yield control
