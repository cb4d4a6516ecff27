"""The one sqlite3 database: durable settings, versioned schema, forward migrations with a backup first."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

log = logging.getLogger(__name__)

#: One step from version i to i+1: SQL statements (a script) or a function working inside the transaction.
Migration = str | Callable[[sqlite3.Connection], None]

BUSY_TIMEOUT_S = 10.0


class DatabaseError(Exception):
    """The local database cannot be used; the message says why and what to do."""


class SchemaTooNew(DatabaseError):
    """The file was written by a newer version of the app; it is left untouched."""


class Database:
    """An open connection in autocommit mode; state changes go through `transaction()` (BEGIN IMMEDIATE)."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None) -> None:
        self.connection = connection
        self.path = path

    @classmethod
    def open(cls, path: Path, *, migrations: Sequence[Migration] | None = None) -> Database:
        """Open (creating if needed) and migrate the database at `path`."""
        from app.store.schema import MIGRATIONS

        steps = list(MIGRATIONS if migrations is None else migrations)
        path = Path(path)
        existed = path.exists() and path.stat().st_size > 0
        if existed:
            # Read-only first: a newer schema must not be touched, not even by switching its journal mode.
            _refuse_newer(path, len(steps))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            _create_private(path)
        _make_private(path)
        connection = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
        try:
            _configure(connection)
            db = cls(connection, path)
            db._migrate(steps)
        except BaseException:
            connection.close()
            raise
        return db

    @classmethod
    def in_memory(cls, *, migrations: Sequence[Migration] | None = None) -> Database:
        """A throwaway database (tests, demo mode)."""
        from app.store.schema import MIGRATIONS

        connection = sqlite3.connect(":memory:", isolation_level=None)
        _configure(connection)
        db = cls(connection, None)
        db._migrate(list(MIGRATIONS if migrations is None else migrations))
        return db

    @property
    def user_version(self) -> int:
        return int(self.connection.execute("PRAGMA user_version").fetchone()[0])

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT (ROLLBACK on error): takes the write lock up front, so no deadlock mid-way."""
        conn = self.connection
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- migrations ------------------------------------------------------------------------------------------

    def _migrate(self, steps: list[Migration]) -> None:
        current = self.user_version
        target = len(steps)
        if current > target:
            raise SchemaTooNew(_too_new_message(self.path, current, target))
        if current == target:
            return
        if current > 0 and self.path is not None:
            self._backup(current)
        for version in range(current, target):
            with self.transaction() as conn:
                # Re-read under the write lock: another process opening the same fresh profile may have
                # migrated meanwhile (two CLI runs at once), and a step must never run twice.
                if int(conn.execute("PRAGMA user_version").fetchone()[0]) != version:
                    continue
                log.info("Migrating the local database from version %d to %d", version, version + 1)
                step = steps[version]
                if isinstance(step, str):
                    for statement in _statements(step):
                        conn.execute(statement)
                else:
                    step(conn)
                conn.execute(f"PRAGMA user_version = {version + 1}")

    def _backup(self, version: int) -> Path:
        """A full copy (sqlite backup API, consistent even under WAL) next to the file, before migrating."""
        assert self.path is not None
        target = self.path.with_name(f"{self.path.name}.bak-v{version}")
        _create_private(target)
        with contextlib.closing(sqlite3.connect(target)) as copy:
            self.connection.backup(copy)
        _make_private(target)
        log.info("Backed up the local database to %s before migrating", target.name)
        return target


def _statements(script: str) -> Iterator[str]:
    """The SQL statements of a migration script, one at a time (triggers with inner `;` stay whole)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer
            buffer = ""
    if buffer.strip():
        yield buffer


def _configure(connection: sqlite3.Connection) -> None:
    connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    mode = _switch_to_wal(connection)
    if str(mode).lower() not in ("wal", "memory"):
        log.warning("sqlite could not switch to WAL (journal_mode=%s)", mode)
    # FULL: a committed outbox row survives power loss, not just an app crash.
    connection.execute("PRAGMA synchronous = FULL")
    connection.execute("PRAGMA foreign_keys = ON")
    # Deleted attendee data is overwritten, not left in free pages (forget-this-person, retention).
    connection.execute("PRAGMA secure_delete = ON")


def _switch_to_wal(connection: sqlite3.Connection) -> str:
    """Turn on WAL. sqlite answers a racing switch (two processes creating one profile) with an immediate
    "database is locked" that ignores busy_timeout, so wait and try again for a while."""
    deadline = time.monotonic() + BUSY_TIMEOUT_S
    while True:
        try:
            return str(connection.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _refuse_newer(path: Path, known: int) -> None:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)) as probe:
            version = int(probe.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"The local database {path} cannot be read ({exc}). Move it aside to start afresh, or restore a backup."
        ) from exc
    if version > known:
        raise SchemaTooNew(_too_new_message(path, version, known))


def _too_new_message(path: Path | None, found: int, known: int) -> str:
    return (
        f"The local database {path or ''} was written by a newer version of Booking Assistant "
        f"(schema {found}; this version knows up to {known}). It was left untouched: update the app, "
        "or use another --profile."
    )


def _create_private(path: Path) -> None:
    """Create an empty file readable by the user only, before sqlite (which honours the umask) creates it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)


def _make_private(path: Path) -> None:
    if sys.platform != "win32":
        os.chmod(path, 0o600)
