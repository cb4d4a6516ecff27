"""The keychain off the UI thread: keyring calls can block (a locked keychain, D-Bus), the window must not.

Reads go through once (the first load already runs in a worker thread) and are remembered; writes and deletes
are done in order on one worker thread, so the event loop never waits for the keychain.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

from app.auth.keychain import SecretStore


class BackgroundSecretStore:
    """A SecretStore that hands every keychain write to one worker thread; `settled()` awaits them."""

    def __init__(self, inner: SecretStore) -> None:
        self._inner = inner
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="keychain")
        self._known: dict[str, str | None] = {}
        self._lock = threading.Lock()

    @property
    def in_memory_only(self) -> bool:
        return self._inner.in_memory_only

    def get(self, key: str) -> str | None:
        with self._lock:
            if key not in self._known:
                self._known[key] = self._inner.get(key)
            return self._known[key]

    def set(self, key: str, value: str) -> None:
        with self._lock:
            self._known[key] = value
        self._worker.submit(self._inner.set, key, value)

    def delete(self, key: str) -> None:
        with self._lock:
            self._known[key] = None
        self._worker.submit(self._inner.delete, key)

    async def settled(self) -> None:
        """Wait until every write handed over so far is done (then `in_memory_only` tells where it went)."""
        await asyncio.wrap_future(self._worker.submit(lambda: None))

    async def aclose(self) -> None:
        """Finish pending writes, then stop the worker thread."""
        await asyncio.to_thread(self._worker.shutdown, wait=True)

    def __repr__(self) -> str:
        return f"BackgroundSecretStore({self._inner!r})"
