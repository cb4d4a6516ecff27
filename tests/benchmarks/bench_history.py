"""History with 100,000 stored bookings: open, scroll to the end, search by email and by company (each < 50 ms).

Each figure is the history panel (offscreen) doing what the user does; its floor is the store alone doing the
same reads, so the ratio is what the panel adds. The page source is a small adapter here, because the window's
controller does not wire the panel to the store yet.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.hubspot.models import BookResponse
from app.store.database import Database
from app.store.history import History, HistoryCursor, HistoryQuery
from tests.benchmarks.drafts import bench_request
from tests.benchmarks.stats import BenchResult, Figure, Target, median

if TYPE_CHECKING:
    from app.ui.panels.history_model import HistoryRow
    from app.ui.panels.history_panel import HistoryPanel

PAGE = 50
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


def page_source(
    history: History, query: HistoryQuery
) -> Callable[[object | None], tuple[Sequence[HistoryRow], object]]:
    """The store's keyset pages as the panel's rows (what the window's controller will do)."""
    from app.ui.panels.history_model import HistoryRow

    def fetch(cursor: object | None) -> tuple[Sequence[HistoryRow], object]:
        after = cursor if isinstance(cursor, HistoryCursor) else None
        page = history.page(query, limit=PAGE, after=after)
        rows = [HistoryRow(r.id, r.start_ms, r.name, r.email, r.company, r.link_name) for r in page.records]
        return rows, page.next

    return fetch


def _store_walk(history: History) -> None:
    for _ in history.iter_all(batch=PAGE):
        pass


class PanelRig:
    """An offscreen history panel over one database; the search box is answered as the controller will."""

    def __init__(self, db: Database) -> None:
        from PySide6.QtWidgets import QApplication

        from app.ui.panels.history_panel import HistoryPanel

        self.app = QApplication.instance() or QApplication([])
        self.history = History(db)
        self.panel: HistoryPanel = HistoryPanel()
        self.panel.resize(900, 600)
        self.panel.search_requested.connect(self.on_search)
        self.panel.show()
        self.app.processEvents()

    def on_search(self, text: str) -> None:
        self.panel.set_source(page_source(self.history, HistoryQuery(text=text)))

    def settle(self) -> None:
        """Let the view ask for and paint what it shows."""
        self.app.processEvents()
        self.app.processEvents()

    def search(self, text: str) -> None:
        self.panel.search.setText(text)
        self.panel.on_search_now()
        self.settle()
        assert self.panel.model.rowCount() > 0

    def scroll_to_end(self) -> int:
        """Hold End until the last booking shows; returns how many page loads it took."""
        loads = 0
        while not self.panel.model.is_complete():
            self.panel.table.scrollToBottom()
            self.settle()
            loads += 1
        return loads

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
                history.page(limit=PAGE)

        def open_panel() -> None:
            with Database.open(path) as fresh:
                rig = PanelRig(fresh)
                rig.search("")
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
            figures.append(
                Figure(
                    "History: search by exact email",
                    _timed(lambda: rig.search(email), repeats),
                    "ms",
                    _timed(lambda: history.page(HistoryQuery(text=email), limit=PAGE), repeats),
                    TARGET,
                    f"floor: the store's query; an index-only lookup takes {email_index:.2f} ms",
                )
            )
            figures.append(
                Figure(
                    "History: search by company",
                    _timed(lambda: rig.search(COMPANY), repeats),
                    "ms",
                    _timed(lambda: history.page(HistoryQuery(text=COMPANY), limit=PAGE), repeats),
                    TARGET,
                    f"{history.count(HistoryQuery(text=COMPANY))} matches spread over the table",
                )
            )
            rig.search("")
            started = time.perf_counter()
            loads = rig.scroll_to_end()
            walk_ms = (time.perf_counter() - started) * 1000
            oldest = db.connection.execute(
                "SELECT sent_ms, id FROM history ORDER BY sent_ms DESC, id DESC LIMIT 1 OFFSET ?", (ROWS - PAGE - 1,)
            ).fetchone()
            cursor = HistoryCursor(int(oldest[0]), int(oldest[1]))
            seek_ms = _timed(lambda: history.page(limit=PAGE, after=cursor), repeats)
            figures.append(
                Figure(
                    "History: scroll to the end",
                    walk_ms,
                    "ms",
                    _timed(lambda: _store_walk(history), 1 if quick else 3),
                    TARGET,
                    f"{loads} page loads (fetchMore, {PAGE} rows each); floor: the store walking every page;"
                    f" a keyset seek to the last page takes {seek_ms:.1f} ms",
                )
            )
            rig.close()
    return BenchResult(figures)
