"""HistoryPanel: debounced search, 100,000 rows with random access (End is one read), columns and activation."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from app.store.database import Database
from app.store.history import History
from app.ui.panels.history_model import CACHED_PAGES, PAGE_ROWS, HistoryRow, HistoryTableModel, RowSource
from app.ui.panels.history_panel import HistoryPanel
from app.ui.window.store_rows import HistoryFeed
from tests.benchmarks.drafts import bench_request
from tests.gui.window_support import show_active
from tests.unit.booking_fixtures import START_MS

pytestmark = pytest.mark.gui

TOTAL = 100_000


class FakeHistory:
    """100,000 bookings that exist only when asked for, a slice at a time (like the store's count and slice)."""

    def __init__(self, total: int = TOTAL) -> None:
        self.total = total
        self.reads: list[tuple[int, int]] = []

    def source(self) -> RowSource:
        return RowSource(count=lambda: self.total, rows=self.rows)

    def rows(self, offset: int, limit: int) -> list[HistoryRow]:
        self.reads.append((offset, limit))
        return [
            HistoryRow(
                id=i,
                when_ms=START_MS - i * 3_600_000,
                attendee=f"Attendee {i}",
                email=f"person{i}@example.org",
                company=f"Company {i % 7}",
                link="Discovery call",
            )
            for i in range(offset, min(offset + limit, self.total))
        ]


def make_panel(qtbot: QtBot) -> HistoryPanel:
    panel = HistoryPanel()
    panel.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    panel.set_display(ZoneInfo("Europe/Berlin"))
    panel.resize(700, 400)
    qtbot.addWidget(panel)
    show_active(qtbot, panel)
    return panel


def shown_attendees(panel: HistoryPanel) -> list[str]:
    """The attendee cells the view shows now, top to bottom."""
    table = panel.table
    first = table.rowAt(0)
    last = table.rowAt(table.viewport().height() - 1)
    last = panel.model.rowCount() - 1 if last < 0 else last
    return [str(panel.model.data(panel.model.index(r, 1))) for r in range(first, last + 1)]


def test_hundred_thousand_rows_are_there_at_once_and_read_when_shown(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    history = FakeHistory()
    panel.set_source(history.source())
    # The scroll bar is true from the start: every booking counts, but only the first page is read.
    assert panel.model.rowCount() == TOTAL
    qtbot.waitUntil(lambda: shown_attendees(panel)[:1] == ["Attendee 0"])
    assert history.reads == [(0, PAGE_ROWS)]


def test_ctrl_end_jumps_to_the_oldest_booking_in_one_read(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    history = FakeHistory()
    panel.set_source(history.source())
    qtbot.waitUntil(lambda: bool(history.reads))
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: shown_attendees(panel)[-1:] == [f"Attendee {TOTAL - 1}"])
    assert panel.table.currentIndex().row() == TOTAL - 1
    # One page at the end (two when the screen straddles a page boundary), never the 999 pages between.
    assert len(history.reads) <= 3
    assert all(offset >= TOTAL - 2 * PAGE_ROWS for offset, _ in history.reads[1:])


def test_dragging_the_scroll_bar_reads_only_where_it_stops(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    history = FakeHistory()
    panel.set_source(history.source())
    bar = panel.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > TOTAL // 2)  # the range covers every booking once laid out
    bar.setValue(bar.maximum() // 2)
    qtbot.waitUntil(lambda: any(offset > TOTAL // 3 for offset, _ in history.reads))
    middle = shown_attendees(panel)
    assert middle and all(name.startswith("Attendee ") for name in middle)
    assert len(history.reads) <= 4


def test_model_keeps_a_few_pages_and_reads_again_after_evicting() -> None:
    model = HistoryTableModel()
    history = FakeHistory(total=450)
    model.set_source(history.source())
    assert model.rowCount() == 450
    last = model.row_at(449)
    assert last is not None and last.attendee == "Attendee 449"
    assert model.row_at(450) is None
    assert history.reads == [(400, PAGE_ROWS)]
    model.row_at(401)  # cached: no read
    assert len(history.reads) == 1
    big = FakeHistory(total=PAGE_ROWS * (CACHED_PAGES + 2))
    model.set_source(big.source())
    for page in range(CACHED_PAGES + 1):
        model.row_at(page * PAGE_ROWS)
    model.row_at(0)  # the least recently used page was dropped: read again
    assert big.reads.count((0, PAGE_ROWS)) == 2


def test_columns_when_attendee_email_company_link(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.set_source(FakeHistory(total=3).source())
    assert panel.model.rowCount() == 3
    headers = [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["When", "Attendee", "Email", "Company", "Link"]
    cells = [panel.model.data(panel.model.index(0, c)) for c in range(5)]
    assert cells == ["Tue 08/09/2026, 20:00", "Attendee 0", "person0@example.org", "Company 0", "Discovery call"]
    spoken = panel.model.data(panel.model.index(0, 0), Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "Tuesday, 8 September 2026, 20:00"


@pytest.mark.parametrize(
    ("locale", "use_24h", "when"),
    [
        ("C", None, "Tue 2026-09-08, 20:00"),
        ("en_US", None, "Tue 9/8/26, 8:00 PM"),
        ("en_US", True, "Tue 9/8/26, 20:00"),  # the rep chose a 24-hour clock in a 12-hour locale
        ("de_DE", None, "Di. 08.09.26, 20:00"),
        ("de_DE", False, "Di. 08.09.26, 8:00 PM"),
    ],
)
def test_when_reads_well_in_every_locale_and_clock(qtbot: QtBot, locale: str, use_24h: bool | None, when: str) -> None:
    panel = make_panel(qtbot)
    panel.setLocale(QLocale(locale))
    panel.set_display(ZoneInfo("Europe/Berlin"), use_24h)
    panel.set_source(FakeHistory(total=1).source())
    assert panel.model.data(panel.model.index(0, 0)) == when


def test_search_is_debounced_into_one_request(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    searches: list[str] = []
    panel.search_requested.connect(searches.append)
    panel.search.setFocus()
    with qtbot.waitSignal(panel.search_requested):
        qtbot.keyClicks(panel.search, "ada love")
        # Typing is over before the pause ends: nothing has been searched yet.
        assert searches == []
    assert searches == ["ada love"]


def test_return_searches_at_once(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    searches: list[str] = []
    panel.search_requested.connect(searches.append)
    qtbot.keyClicks(panel.search, "grace ")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert searches == ["grace"]
    # The pending debounced search was cancelled, not sent twice.
    assert not panel._debounce.isActive()


def test_empty_result_and_failing_source_are_explained(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    assert panel.status.isHidden()  # no search yet: no "nothing found"
    panel.set_source(FakeHistory(total=0).source())
    assert panel.status.text() == "No bookings found."
    assert panel.status.isVisible()

    def broken(offset: int, limit: int) -> list[HistoryRow]:
        raise OSError("disk gone")

    panel.set_source(RowSource(count=lambda: 3, rows=broken))
    qtbot.waitUntil(lambda: panel.status.text().startswith("Could not load"))
    assert panel.model.data(panel.model.index(0, 1)) is None

    def uncountable() -> int:
        raise OSError("disk gone")

    panel.set_source(FakeHistory(total=3).source())
    assert panel.status.isHidden()  # a new source starts afresh
    panel.set_source(RowSource(count=uncountable, rows=FakeHistory().rows))
    assert panel.status.text().startswith("Could not load")
    assert panel.model.rowCount() == 0


def test_activating_a_row_names_its_record(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.set_source(FakeHistory(total=5).source())
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(2, 0))
    with qtbot.waitSignal(panel.record_activated) as blocker:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert blocker.args == [2]


def test_feed_reads_the_store_and_keeps_the_search_when_a_booking_arrives(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    with Database.in_memory() as db:
        history = History(db)
        for index in range(250):
            history.record(request=bench_request(index, "intro", START_MS), response=None, start_ms=START_MS)
        feed = HistoryFeed(panel)
        feed.use(history)
        assert panel.model.rowCount() == 250
        panel.search.setText("attendee 24")
        qtbot.keyClick(panel.search, Qt.Key.Key_Return)
        # "Attendee 24" and "Attendee 240"…"249", newest first.
        assert [panel.model.data(panel.model.index(r, 1)) for r in range(2)] == ["Attendee 249", "Attendee 248"]
        assert panel.model.rowCount() == 11
        history.record(request=bench_request(2400, "intro", START_MS), response=None, start_ms=START_MS)
        feed.refresh()  # the sender recorded a booking: the list updates, the search stays
        assert panel.model.rowCount() == 12
        assert panel.model.data(panel.model.index(0, 1)) == "Attendee 2400"
        feed.use(None)  # the database is about to close: nothing reads from it any more
        assert panel.model.rowCount() == 0
