"""The one sqlite3 database: durable settings, versioned schema, forward migrations with a backup first."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.store.schema import MIGRATIONS, Migration

log = logging.getLogger(__name__)

BUSY_TIMEOUT_S = 10.0


class DatabaseError(Exception):
    """The local database cannot be used; the message says why and what to do."""


class SchemaTooNew(DatabaseError):
    """The file was written by a newer version of the app; it is left untouched."""


class StorageUnavailable(DatabaseError):
    """The profile folder cannot be written (read-only, no permission, full disk, I/O error); nothing was changed."""


#: sqlite's names for a file that is not (or no longer) a readable database.
_DAMAGE = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
#: What a damaged file is searched for: what the user typed or booked. The cache is fetched again anyway.
SALVAGED_TABLES = ("outbox", "history")


@dataclass(frozen=True, slots=True)
class Recovery:
    """A damaged database found on open: kept aside, and what could be read copied into a fresh one."""

    damaged_copy: Path
    reason: str
    rows: dict[str, int]

    def message(self) -> str:
        drafts, history = self.rows.get("outbox", 0), self.rows.get("history", 0)
        return (
            f"The local database was damaged ({self.reason}). It was kept as {self.damaged_copy} and a fresh one "
            f"started; {drafts} outbox draft(s) and {history} history row(s) were recovered from it."
        )


class Database:
    """An open connection in autocommit mode; state changes go through `transaction()` (BEGIN IMMEDIATE)."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None) -> None:
        self.connection = connection
        self.path = path
        #: Set when the file was found damaged on open and replaced by a fresh one (tell the user).
        self.recovery: Recovery | None = None

    @classmethod
    def open(cls, path: Path, *, migrations: Sequence[Migration] | None = None) -> Database:
        """Open (creating if needed) and migrate the database at `path`.

        A damaged file is moved aside and what can still be read of the outbox and history is copied into a
        fresh one (`recovery` says so). A folder that cannot be written raises StorageUnavailable naming it."""
        steps = list(MIGRATIONS if migrations is None else migrations)
        path = Path(path)
        try:
            return cls._open(path, steps)
        except (OSError, sqlite3.Error) as exc:
            if not is_storage_failure(exc):
                raise
            raise StorageUnavailable(describe_storage_error(exc, path)) from exc

    @classmethod
    def _open(cls, path: Path, steps: list[Migration]) -> Database:
        existed = path.exists() and path.stat().st_size > 0
        damage: str | None = None
        if existed:
            # Read-only first: a newer schema must not be touched, not even by switching its journal mode.
            damage = _probe(path, len(steps))
        aside = _move_aside(path) if damage else None
        if not existed or aside is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            _create_private(path)
        _make_private(path)
        connection = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
        try:
            _configure(connection)
            db = cls(connection, path)
            db._migrate(steps)
            if aside is not None and damage is not None:
                db.recovery = Recovery(aside, damage, _salvage(aside, db))
                log.warning("%s", db.recovery.message())
        except BaseException:
            connection.close()
            raise
        return db

    @classmethod
    def in_memory(cls, *, migrations: Sequence[Migration] | None = None) -> Database:
        """A throwaway database (tests, demo mode)."""
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


def _probe(path: Path, known: int) -> str | None:
    """Refuse a newer schema (SchemaTooNew); return why the file is damaged, or None when it reads cleanly.

    `quick_check` reads every page once (no index cross-checks): tens of milliseconds for a large profile."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    try:
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)) as probe:
            version = int(probe.execute("PRAGMA user_version").fetchone()[0])
            if version > known:
                raise SchemaTooNew(_too_new_message(path, version, known))
            problems = [str(row[0]) for row in probe.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") in _DAMAGE:
            return str(exc)
        raise
    if problems != ["ok"]:
        lines = [line for text in problems for line in text.splitlines() if line and not line.startswith("***")]
        return "; ".join(lines)[:300] or "quick_check failed"
    return None


def _move_aside(path: Path) -> Path:
    """Rename the damaged file (and its WAL/shm) to `<name>.damaged-<time>`: kept, never overwritten."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while aside.exists():
        n += 1
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
    return aside


def _salvage(damaged: Path, db: Database) -> dict[str, int]:
    """Copy every outbox and history row sqlite can still read from `damaged` into `db` (like `.recover`).

    A scan that hits a bad page resumes past it, so one bad page loses only the rows on it."""
    counts = dict.fromkeys(SALVAGED_TABLES, 0)
    try:
        source = sqlite3.connect(f"{damaged.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return counts
    with contextlib.closing(source):
        for table in SALVAGED_TABLES:
            wanted = [row[1] for row in db.connection.execute(f"PRAGMA table_info({table})")]
            try:
                present = {row[1] for row in source.execute(f"PRAGMA table_info({table})")}
            except sqlite3.Error:
                continue
            columns = [c for c in wanted if c in present]
            if not columns:
                continue
            names = ", ".join(columns)
            rows = _readable_rows(source, table, names)
            marks = ", ".join("?" for _ in columns)
            with db.transaction() as conn:
                for values in rows.values():
                    try:
                        cursor = conn.execute(f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({marks})", values)
                    except sqlite3.IntegrityError:  # a damaged value breaking a constraint: that row is lost
                        continue
                    counts[table] += cursor.rowcount
    return counts


def _readable_rows(source: sqlite3.Connection, table: str, names: str) -> dict[int, tuple[object, ...]]:
    """Every row of `table` that can be read, in rowid order, stepping over rowid ranges on unreadable pages."""
    rows: dict[int, tuple[object, ...]] = {}
    select = f"SELECT rowid, {names} FROM {table} WHERE rowid >= ? ORDER BY rowid"
    start = -(2**63)
    for _ in range(10_000):  # each round passes at least one bad page; a file has far fewer
        try:
            for row in source.execute(select, (start,)):
                rows[row[0]] = row[1:]
                start = row[0] + 1
            return rows
        except sqlite3.Error:
            resumed = _next_readable_rowid(source, table, start)
            if resumed is None:
                return rows
            start = resumed
    return rows


def _next_readable_rowid(source: sqlite3.Connection, table: str, start: int) -> int | None:
    """The first rowid after `start` from which a read works: jump ahead exponentially, then search back."""

    def first_from(rowid: int) -> int | bool | None:
        if rowid >= 2**63:
            return None
        try:
            row = source.execute(f"SELECT rowid FROM {table} WHERE rowid >= ? ORDER BY rowid LIMIT 1", (rowid,))
            found = row.fetchone()
            return None if found is None else int(found[0])
        except sqlite3.Error:
            return False

    jump = 1
    while jump < 2**62:
        found = first_from(start + jump)
        if found is not False:
            break
        jump *= 2
    else:
        return None
    low, high = start + jump // 2 + 1, start + jump  # unreadable at low - 1, readable at high
    while low < high:
        mid = (low + high) // 2
        if first_from(mid) is False:
            low = mid + 1
        else:
            high = mid
    result = first_from(high)
    return None if result is False or result is None else result


def is_storage_failure(exc: BaseException) -> bool:
    """A failed read or write of the profile's files (full disk, read-only, I/O error), not a bug."""
    name = str(getattr(exc, "sqlite_errorname", ""))
    if name.startswith(("SQLITE_FULL", "SQLITE_READONLY", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_PERM")):
        return True
    return isinstance(exc, OSError) and exc.errno in (
        errno.ENOSPC,
        errno.EDQUOT,
        errno.EROFS,
        errno.EACCES,
        errno.EPERM,
        errno.EFBIG,
        errno.EIO,
        errno.ENOTDIR,
        errno.EEXIST,  # a file where a profile folder should be
    )


def describe_storage_error(exc: BaseException, path: Path) -> str:
    """A message naming the folder and the cause of a failed read or write, for a user (never "move it aside":
    the queued drafts are in that file)."""
    folder = path.parent if path.suffix else path
    kept = "Nothing was changed; the bookings already queued there are kept."
    name = getattr(exc, "sqlite_errorname", "") or ""
    code = exc.errno if isinstance(exc, OSError) else None
    # sqlite often reports a full or read-only disk only as "disk I/O error" or "unable to open": ask the disk.
    read_only, full = _filesystem_state(folder)
    if full or code in (errno.ENOSPC, errno.EDQUOT) or name == "SQLITE_FULL":
        return f"The disk holding {folder} is full. Free some space and try again. {kept}"
    if (
        read_only
        or code in (errno.EROFS, errno.EACCES, errno.EPERM)
        or name.startswith(("SQLITE_READONLY", "SQLITE_PERM"))
    ):
        return (
            f"Booking Assistant cannot write in {folder} (it is read-only or not yours). Make it writable, or "
            f"use another --profile. {kept}"
        )
    if code == errno.EFBIG:
        return f"A file in {folder} reached the size this system allows. Free some space and try again. {kept}"
    if name == "SQLITE_CANTOPEN":
        return f"Booking Assistant cannot open its database in {folder} (missing or not writable). {kept}"
    if name.startswith("SQLITE_IOERR") or isinstance(exc, OSError):
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return f"Reading or writing in {folder} failed ({detail}); the disk may be full or failing. {kept}"
    return f"The local database {path} cannot be used ({exc}). {kept}"


def _too_new_message(path: Path | None, found: int, known: int) -> str:
    return (
        f"The local database {path or ''} was written by a newer version of Booking Assistant "
        f"(schema {found}; this version knows up to {known}). It was left untouched: update the app, "
        "or use another --profile."
    )


def _filesystem_state(folder: Path) -> tuple[bool, bool]:
    """(read-only, full) for the filesystem holding `folder` (or its nearest existing parent)."""
    probe = folder
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    try:
        stats = os.statvfs(probe)
    except (OSError, AttributeError):  # AttributeError: Windows has no statvfs
        return False, False
    read_only = bool(stats.f_flag & os.ST_RDONLY)
    return read_only, not read_only and stats.f_bavail * stats.f_frsize < 64 * 1024


def _create_private(path: Path) -> None:
    """Create an empty file readable by the user only, before sqlite (which honours the umask) creates it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)


def _make_private(path: Path) -> None:
    if sys.platform != "win32":
        os.chmod(path, 0o600)
