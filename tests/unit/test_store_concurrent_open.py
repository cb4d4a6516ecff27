"""Two processes (here: threads) opening one fresh profile at once both end up with one migrated database."""

from __future__ import annotations

import threading
from pathlib import Path

from app.store.database import Database
from app.store.schema import MIGRATIONS


def test_simultaneous_first_open_migrates_once(tmp_path: Path) -> None:
    path = tmp_path / "booking-assistant.sqlite3"
    start = threading.Barrier(4)
    errors: list[BaseException] = []
    versions: list[int] = []

    def open_it() -> None:
        start.wait()
        try:
            with Database.open(path) as db:
                versions.append(db.user_version)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert versions == [len(MIGRATIONS)] * 4
