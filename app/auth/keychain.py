"""Secrets in the OS keychain (keyring, imported lazily), or in memory for this run when no keychain works.

Never a plain file: where the keychain is missing, locked or refuses, secrets live only as long as the process.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol

log = logging.getLogger(__name__)

SERVICE_NAME = "booking-assistant"

NO_KEYCHAIN_NOTICE = (
    "No working keychain on this system, so your sign-in is kept in memory for this run only and is forgotten "
    "when Booking Assistant closes. Nothing was written to a file."
)


class SecretStore(Protocol):
    """Where secrets go: a keychain, or memory."""

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str) -> None: ...

    def delete(self, key: str) -> None: ...

    @property
    def in_memory_only(self) -> bool:
        """True when secrets vanish when this process ends."""
        ...


class InMemoryCredentialStore:
    """Secrets for this run only."""

    def __init__(self) -> None:
        self._values: dict[str, str] = {}
        self._lock = threading.Lock()

    @property
    def in_memory_only(self) -> bool:
        return True

    def get(self, key: str) -> str | None:
        with self._lock:
            return self._values.get(key)

    def set(self, key: str, value: str) -> None:
        with self._lock:
            self._values[key] = value

    def delete(self, key: str) -> None:
        with self._lock:
            self._values.pop(key, None)

    def __repr__(self) -> str:
        return f"InMemoryCredentialStore(entries={len(self._values)})"


class KeychainUnavailable(Exception):
    """keyring has no usable backend, or the backend refused (locked, denied, no D-Bus)."""


def _usable_keyring() -> Any:
    """The active keyring backend; raises KeychainUnavailable for keyring's fail/null backends."""
    try:
        import keyring
        import keyring.backends.chainer
        import keyring.backends.fail
        import keyring.backends.null
    except ImportError as exc:  # pragma: no cover - keyring is a dependency
        raise KeychainUnavailable("keyring is not installed") from exc
    backend = keyring.get_keyring()
    # null.Keyring silently discards writes; fail.Keyring raises on every call: neither stores anything.
    if isinstance(backend, keyring.backends.fail.Keyring | keyring.backends.null.Keyring):
        raise KeychainUnavailable(type(backend).__module__)
    if isinstance(backend, keyring.backends.chainer.ChainerBackend) and not backend.backends:
        raise KeychainUnavailable("no keyring backend")
    return backend


class KeychainCredentialStore:
    """The OS keychain under service "booking-assistant"; falls back to memory (with a notice) on any failure.

    keyring is imported on first use, never at start-up: importing it and picking a backend costs 100+ ms.
    """

    def __init__(
        self,
        *,
        service: str = SERVICE_NAME,
        on_fallback: Callable[[str], None] | None = None,
        backend: Callable[[], Any] = _usable_keyring,
    ) -> None:
        self._service = service
        self._on_fallback = on_fallback
        self._backend_factory = backend
        self._backend: Any = None
        self._memory: InMemoryCredentialStore | None = None
        self._lock = threading.RLock()

    @property
    def in_memory_only(self) -> bool:
        """True once the keychain failed; also probes it when nothing has been tried yet."""
        with self._lock:
            if self._memory is None and self._backend is None:
                self._connect()
            return self._memory is not None

    @property
    def notice(self) -> str | None:
        """What to tell the user about where secrets are kept, when it is not the keychain."""
        return NO_KEYCHAIN_NOTICE if self.in_memory_only else None

    def get(self, key: str) -> str | None:
        return self._call("get", key, None)

    def set(self, key: str, value: str) -> None:
        self._call("set", key, value)

    def delete(self, key: str) -> None:
        self._call("delete", key, None)

    def _connect(self) -> None:
        try:
            self._backend = self._backend_factory()
        except Exception as exc:  # KeychainUnavailable, or keyring failing while choosing a backend
            self._fall_back(exc)

    def _call(self, op: str, key: str, value: str | None) -> str | None:
        with self._lock:
            if self._memory is None and self._backend is None:
                self._connect()
            if self._memory is None:
                try:
                    return self._keychain_call(op, key, value)
                except Exception as exc:  # keyring.errors.KeyringError and whatever a backend raises
                    self._fall_back(exc)
            assert self._memory is not None
            if op == "get":
                return self._memory.get(key)
            if op == "set":
                assert value is not None
                self._memory.set(key, value)
            else:
                self._memory.delete(key)
            return None

    def _keychain_call(self, op: str, key: str, value: str | None) -> str | None:
        if op == "get":
            found = self._backend.get_password(self._service, key)
            return found if isinstance(found, str) else None
        if op == "set":
            self._backend.set_password(self._service, key, value)
            return None
        import keyring.errors

        try:
            self._backend.delete_password(self._service, key)
        except keyring.errors.PasswordDeleteError:
            pass  # nothing stored under that key: already signed out
        return None

    def _fall_back(self, exc: BaseException) -> None:
        # The exception type is enough; its text could, in theory, echo what was being stored.
        log.info("keychain unavailable (%s); keeping credentials in memory for this run", type(exc).__name__)
        self._backend = None
        self._memory = InMemoryCredentialStore()
        if self._on_fallback is not None:
            self._on_fallback(NO_KEYCHAIN_NOTICE)

    def __repr__(self) -> str:
        where = "memory" if self._memory is not None else "keychain"
        return f"KeychainCredentialStore(service={self._service!r}, where={where})"
