"""History with 100,000 stored bookings: open, scroll to the end, search by email and by company (each < 50 ms).

Each figure is the history panel (offscreen, wired to the store by the window's own HistoryFeed) doing what the
user does; its floor is the store alone doing the same reads, so the ratio is what the panel adds.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from app.hubspot.models import BookResponse
from app.store.database import Database
from app.store.history import History, HistoryQuery
from app.ui.panels.history_model import PAGE_ROWS
from tests.benchmarks.drafts import bench_request
from tests.benchmarks.stats import BenchResult, Figure, Target, median

if TYPE_CHECKING:
    from app.ui.panels.history_panel import HistoryPanel

PAGE = PAGE_ROWS
ROWS = 100_000
TARGET = Target("value_max", 50, "ms")
START_MS = 1_790_000_000_000
COMPANY = "company 4993"


def fill(db: Database, rows: int) -> None:
    """`rows` sent bookings, one a minute, each attendee distinct, companies repeating every 5,000."""
    history = History(db)
    response = BookResponse(
        calendar_event_id="evt-1",
        contact_id="51000001",
        booking_timezone="UTC",
        start="2026-09-21T08:00:00Z",
        end="2026-09-21T08:15:00Z",
        duration=900_000,
        subject="Benchmark meeting",
        form_fields=[],
        guest_emails=[],
        is_offline=False,
        legal_consent_responses=[],
    )
    with db.transaction() as conn:
        for index in range(rows):
            start = START_MS + index * 60_000
            request = bench_request(index, f"bench-{index % 20:03d}", start)
            history.insert(conn, request=request, response=response, start_ms=start, sent_ms=start - 86_400_000)


def _timed(action: Callable[[], object], repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return median(samples)


def _store_search(history: History, query: HistoryQuery) -> None:
    history.count(query)
    history.slice(query, offset=0, limit=PAGE)


def _store_end(history: History) -> None:
    """What jumping to the end needs from the store: the count, then the last page."""
    total = history.count()
    history.slice(offset=max(0, total - PAGE), limit=PAGE)


class PanelRig:
    """An offscreen history panel over one database, wired to the store as the window wires it (HistoryFeed)."""

    def __init__(self, db: Database) -> None:
        from PySide6.QtWidgets import QApplication

        from app.ui.panels.history_panel import HistoryPanel
        from app.ui.window.store_rows import HistoryFeed

        self.app = QApplication.instance() or QApplication([])
        self.panel: HistoryPanel = HistoryPanel()
        self.panel.resize(900, 600)
        self.feed = HistoryFeed(self.panel)
        self.panel.show()
        self.feed.use(History(db))
        self.settle()

    def settle(self) -> None:
        """Let the view lay out, ask for and paint what it shows."""
        self.app.processEvents()
        self.app.processEvents()

    def search(self, text: str) -> None:
        """Type `text` and press Return (the debounce is the user's pause, not work)."""
        self.panel.search.setText(text)
        self.panel.on_search_now()
        self.settle()
        assert self.panel.model.rowCount() > 0

    def jump_to_end(self) -> int:
        """Ctrl+End from the top; returns how many pages the model read."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        table = self.panel.table
        table.scrollToTop()
        table.setCurrentIndex(self.panel.model.index(0, 0))
        self.settle()
        before = self.panel.model.pages_loaded
        QTest.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        self.settle()
        assert table.currentIndex().row() == self.panel.model.rowCount() - 1
        return self.panel.model.pages_loaded - before

    def close(self) -> None:
        self.panel.close()
        self.panel.deleteLater()
        self.app.processEvents()


def run(quick: bool) -> BenchResult:
    repeats = 5 if quick else 15
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "history.sqlite3"
        with Database.open(path) as db:
            fill(db, ROWS)

        def open_store() -> None:
            with Database.open(path) as fresh:
                history = History(fresh)
                history.count()
                history.slice(offset=0, limit=PAGE)

        def open_panel() -> None:
            with Database.open(path) as fresh:
                rig = PanelRig(fresh)
                assert rig.panel.model.rowCount() == ROWS
                rig.close()

        figures.append(
            Figure(
                f"History ({ROWS:,} bookings): open the panel",
                _timed(open_panel, repeats),
                "ms",
                _timed(open_store, repeats),
                TARGET,
                "floor: the store's count + first page",
            )
        )
        with Database.open(path) as db:
            history = History(db)
            rig = PanelRig(db)
            email = bench_request(ROWS // 3, "x", 0).email
            email_index = _timed(
                lambda: db.connection.execute(
                    "SELECT id FROM history WHERE email_lc = ? ORDER BY sent_ms DESC, id DESC LIMIT 51", (email,)
                ).fetchall(),
                repeats,
            )
            for label, text, note in (
                ("search by exact email", email, f"an index-only lookup takes {email_index:.2f} ms"),
                ("search by company", COMPANY, f"{history.count(HistoryQuery(text=COMPANY))} matches"),
                ("search by 2 letters", "at", "too short for the trigram index: every row is scanned"),
            ):
                figures.append(
                    Figure(
                        f"History: {label}",
                        _timed(partial(rig.search, text), repeats),
                        "ms",
                        _timed(partial(_store_search, history, HistoryQuery(text=text)), repeats),
                        TARGET,
                        f"floor: the store's count + first page; {note}",
                    )
                )
            rig.search("")
            loads: list[int] = []
            figures.append(
                Figure(
                    "History: Ctrl+End to the oldest booking",
                    _timed(lambda: loads.append(rig.jump_to_end()), repeats),
                    "ms",
                    _timed(lambda: _store_end(history), repeats),
                    TARGET,
                    f"{max(loads)} page read(s) of {PAGE_ROWS} rows (random access);"
                    " floor: the store's count + last page",
                )
            )
            rig.close()
    return BenchResult(figures)
