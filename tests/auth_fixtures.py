"""The `memory_keyring` fixture: an in-memory keychain for one test, the previous backend restored afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest

from tests.auth_keyring import MemoryKeyring


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Install an in-memory keyring for this test; the previous backend comes back afterwards."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)
