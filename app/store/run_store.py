"""The databases one run of the window works on, opened before any request so the first paint can read the cache.

An account's run keeps everything in the profile's database. The demo keeps its outbox and history in memory
(nothing booked in a demo outlives the run) but caches the simulated links and open times in a file of its own, so
a returning demo paints at once, as an account does. Opening is synchronous and Qt-free: sqlite3 and msgspec only.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.store.cache import Cache
from app.store.database import Database, DatabaseError

log = logging.getLogger(__name__)

DEMO_CACHE_FILE = "demo-cache.sqlite3"


@dataclass
class RunStore:
    db: Database
    cache: Cache
    demo: bool
    #: The demo's cache file (None: the cache is in `db`).
    cache_db: Database | None = None

    @classmethod
    def for_account(cls, database_file: Path) -> RunStore:
        """The profile's database; a damaged one is repaired as it opens (`db.recovery` says so)."""
        db = Database.open(database_file)
        return cls(db, Cache(db), demo=False)

    @classmethod
    def for_demo(cls, cache_dir: Path | None) -> RunStore:
        """In-memory bookings; the cache in `cache_dir`, or in memory too when there is none or it can't be used."""
        db = Database.in_memory()
        cache_db = _demo_cache_db(cache_dir / DEMO_CACHE_FILE) if cache_dir is not None else None
        return cls(db, Cache(cache_db or db), demo=True, cache_db=cache_db)

    def close(self) -> None:
        try:
            if self.cache_db is not None:
                self.cache_db.close()
        finally:
            self.db.close()


def _demo_cache_db(path: Path) -> Database | None:
    """Only a cache: unusable (read-only, full, damaged beyond repair) means the demo just starts without it."""
    try:
        db = Database.open(path)
    except (OSError, sqlite3.Error, DatabaseError) as exc:
        log.info("The demo runs without its cache: %s", type(exc).__name__)
        return None
    if db.recovery is not None:
        log.info("The demo's cache was damaged and started afresh")
    return db
