"""Test keyring backends: in memory (in-process tests) and a JSON file (CLI subprocesses). Never the real one.

No pytest import here: CLI subprocesses load FileKeyring through PYTHON_KEYRING_BACKEND.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors

FILE_ENV = "BOOKING_ASSISTANT_TEST_KEYRING_FILE"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keychain that lives in a dict."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


class FileKeyring(MemoryKeyring):
    """For CLI subprocesses (PYTHON_KEYRING_BACKEND=tests.auth_keyring.FileKeyring): a JSON file outside the profile."""

    def __init__(self) -> None:
        super().__init__()
        self.path = Path(os.environ[FILE_ENV])
        if self.path.exists():
            self.entries = {tuple(k.split("\n", 1)): v for k, v in json.loads(self.path.read_text()).items()}

    def _save(self) -> None:
        self.path.write_text(json.dumps({"\n".join(k): v for k, v in self.entries.items()}))

    def set_password(self, service: str, username: str, password: str) -> None:
        super().set_password(service, username, password)
        self._save()

    def delete_password(self, service: str, username: str) -> None:
        super().delete_password(service, username)
        self._save()


class LockedKeyring(MemoryKeyring):
    """A keychain that refuses every call, as a locked one does."""

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("locked")
