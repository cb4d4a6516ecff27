"""The database file: durable pragmas, private mode, migrations with a backup, newer schemas refused intact."""

from __future__ import annotations

import contextlib
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from app.store.database import Database, DatabaseError, SchemaTooNew
from app.store.schema import SCHEMA_VERSION

V1 = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);"
V2 = "ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT '';"


def test_new_database_is_durable_and_current(tmp_path: Path) -> None:
    with Database.open(tmp_path / "sub" / "db.sqlite3") as db:
        conn = db.connection
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0
        assert db.user_version == SCHEMA_VERSION


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_database_file_is_readable_by_the_user_only(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    with Database.open(path) as db, db.transaction() as conn:
        conn.execute("INSERT INTO cache (kind, key, raw, fetched_ms) VALUES ('k', 'k', x'00', 0)")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_migrating_an_existing_database_keeps_a_backup_first(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    with Database.open(path, migrations=[V1]) as db, db.transaction() as conn:
        conn.execute("INSERT INTO notes (text) VALUES ('kept')")

    with Database.open(path, migrations=[V1, V2]) as db:
        assert db.user_version == 2
        assert db.connection.execute("SELECT text, author FROM notes").fetchall() == [("kept", "")]

    backup = tmp_path / "db.sqlite3.bak-v1"
    with contextlib.closing(sqlite3.connect(backup)) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
        assert old.execute("SELECT * FROM notes").fetchall() == [(1, "kept")]
    if sys.platform != "win32":
        assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_function_migrations_run_in_the_transaction(tmp_path: Path) -> None:
    def add_default_note(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO notes (text) VALUES ('from a function')")

    with Database.open(tmp_path / "db.sqlite3", migrations=[V1, add_default_note]) as db:
        assert db.user_version == 2
        assert db.connection.execute("SELECT text FROM notes").fetchall() == [("from a function",)]


def test_a_failing_migration_leaves_the_old_version(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    Database.open(path, migrations=[V1]).close()
    broken = V2 + "\nINSERT INTO no_such_table VALUES (1);"
    with pytest.raises(sqlite3.OperationalError):
        Database.open(path, migrations=[V1, broken])
    with Database.open(path, migrations=[V1]) as db:
        assert db.user_version == 1
        columns = [r[1] for r in db.connection.execute("PRAGMA table_info(notes)")]
        assert columns == ["id", "text"]


def test_a_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    with contextlib.closing(sqlite3.connect(path)) as conn:
        conn.execute("CREATE TABLE future (x)")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
        conn.commit()
    before = path.read_bytes()

    with pytest.raises(SchemaTooNew, match="newer version of Booking Assistant") as caught:
        Database.open(path)

    assert str(path) in str(caught.value)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("*.bak-*"))


def test_an_unreadable_file_is_kept_aside_and_a_fresh_one_started(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    path.write_bytes(b"this is not a database, it is a text file" * 100)
    before = path.read_bytes()
    with Database.open(path) as db:
        assert db.recovery is not None
        assert db.recovery.damaged_copy.read_bytes() == before
        assert "kept as" in db.recovery.message()
        assert db.connection.execute("SELECT COUNT(*) FROM outbox").fetchone()[0] == 0


def test_a_folder_that_cannot_be_written_is_named_in_the_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the profile folder should be")
    with pytest.raises(DatabaseError, match="not-a-folder") as caught:
        Database.open(blocker / "db.sqlite3")
    assert "queued" in str(caught.value)


def test_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    with Database.open(tmp_path / "db.sqlite3") as db:

        def failing_change() -> None:
            with db.transaction() as conn:
                conn.execute("INSERT INTO cache (kind, key, raw, fetched_ms) VALUES ('k', 'k', x'00', 0)")
                raise RuntimeError("boom")

        with pytest.raises(RuntimeError):
            failing_change()
        assert db.connection.execute("SELECT COUNT(*) FROM cache").fetchone()[0] == 0
