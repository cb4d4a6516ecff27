"""History's trigram search index gives the same answers as a scan, and stays right through edits and erasure."""

from __future__ import annotations

import sqlite3

import pytest

from app.store.database import Database
from app.store.forget import forget_person
from app.store.history import History, HistoryQuery
from app.store.schema import HISTORY_SEARCH_INDEX, MIGRATIONS
from tests.unit.test_outbox_fakes import (  # noqa: F401 (fixtures by name)
    FakeClock,
    clock_fixture,
    db_fixture,
    history_fixture,
    make_request,
    make_response,
    slot_ms,
)

PEOPLE = [
    ("Grace", "Hopper", "grace@navy.mil", "US Navy"),
    ("Ada", "Lovelace", "ada@engines.test", "Analytical Engines"),
    ("Alan", "Turing", "alan@bletchley.test", "Bletchley Park"),
    ("Edsger", "Dijkstra", "ewd@tue.test", "TU Eindhoven"),
]


def _fill(history: History) -> None:
    for i in range(40):
        first, last, email, company = PEOPLE[i % len(PEOPLE)]
        request = make_request(slot_ms(24 + i), first=first, last=last, email=email, company=company)
        history.record(request=request, response=make_response(request), start_ms=slot_ms(24 + i), account="me")


def _scan(db: Database, text: str) -> list[int]:
    rows = db.connection.execute(
        "SELECT id FROM history WHERE search_lc LIKE ? ORDER BY sent_ms DESC, id DESC", (f"%{text.lower()}%",)
    )
    return [r[0] for r in rows]


def _found(history: History, text: str) -> list[int]:
    return [r.id for r in history.page(HistoryQuery(text=text), limit=1000).records]


@pytest.mark.parametrize("text", ["hopper", "NAVY", "ada@engines", "park", "tu e", "xyz-nobody", "@", "ad"])
def test_index_answers_like_a_scan(db: Database, history: History, text: str) -> None:
    _fill(history)
    assert _found(history, text) == _scan(db, text)
    assert history.count(HistoryQuery(text=text)) == len(_scan(db, text))


def test_index_follows_forget_and_retention(db: Database, history: History, clock: FakeClock) -> None:
    _fill(history)
    forget_person(db, "grace@navy.mil")
    assert _found(history, "hopper") == []
    assert _found(history, "lovelace") == _scan(db, "lovelace") != []
    clock.now += 400 * 86400
    history.prune(keep_days=30)
    assert _found(history, "lovelace") == []
    integrity = db.connection.execute(
        f"INSERT INTO {HISTORY_SEARCH_INDEX}({HISTORY_SEARCH_INDEX}) VALUES ('integrity-check')"
    )
    assert integrity is not None  # raises sqlite3.DatabaseError if the index and the table disagree


def test_upgrade_from_version_1_indexes_existing_bookings(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "booking-assistant.sqlite3"
    with Database.open(path, migrations=MIGRATIONS[:1]) as old:
        _fill(History(old))
    with Database.open(path) as db:
        assert db.user_version == len(MIGRATIONS)
        assert _found(History(db), "turing") == _scan(db, "turing") != []
    assert (path.parent / f"{path.name}.bak-v1").exists()


def test_without_fts5_search_still_works(db: Database, history: History) -> None:
    _fill(history)
    db.connection.execute(f"DROP TABLE {HISTORY_SEARCH_INDEX}")
    for trigger in ("history_fts_insert", "history_fts_delete", "history_fts_update"):
        db.connection.execute(f"DROP TRIGGER {trigger}")
    fresh = History(db)
    assert _found(fresh, "hopper") == _scan(db, "hopper") != []
    with pytest.raises(sqlite3.OperationalError):
        db.connection.execute(f"SELECT * FROM {HISTORY_SEARCH_INDEX}")


def test_forgotten_email_is_gone_from_the_files_on_disk(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "booking-assistant.sqlite3"
    with Database.open(path) as db:
        _fill(History(db))
        forget_person(db, "alan@bletchley.test")
        on_disk = b"".join(p.read_bytes() for p in path.parent.iterdir() if p.name.startswith(path.name))
        assert b"alan@bletchley" not in on_disk
        assert b"ada@engines.test" in on_disk  # everyone else is still there


def test_slice_gives_random_access_in_page_order(history: History) -> None:
    _fill(history)
    walked = [r.id for r in history.page(limit=1000).records]
    assert [r.id for r in history.slice(offset=35, limit=10)] == walked[35:45]
    assert [r.id for r in history.slice(HistoryQuery(text="lovelace"), offset=2, limit=3)] == [
        r.id for r in history.page(HistoryQuery(text="lovelace"), limit=100).records
    ][2:5]
