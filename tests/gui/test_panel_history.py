"""HistoryPanel: debounced search, 100,000 rows paged lazily through fetchMore, columns and activation."""

from __future__ import annotations

from collections.abc import Sequence
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from pytestqt.qtbot import QtBot

from app.ui.panels.history_model import HistoryRow, HistoryTableModel
from app.ui.panels.history_panel import HistoryPanel
from tests.unit.booking_fixtures import START_MS

pytestmark = pytest.mark.gui

TOTAL = 100_000
PAGE = 200


class FakeHistory:
    """100,000 bookings that exist only when asked for, page by page (like the store's keyset paging)."""

    def __init__(self, total: int = TOTAL) -> None:
        self.total = total
        self.pages_served = 0

    def fetch(self, cursor: object | None) -> tuple[Sequence[HistoryRow], object | None]:
        start = 0 if cursor is None else int(str(cursor))
        self.pages_served += 1
        end = min(start + PAGE, self.total)
        rows = [
            HistoryRow(
                id=i,
                when_ms=START_MS - i * 3_600_000,
                attendee=f"Attendee {i}",
                email=f"person{i}@example.org",
                company=f"Company {i % 7}",
                link="Discovery call",
            )
            for i in range(start, end)
        ]
        return rows, (end if end < self.total else None)


def make_panel(qtbot: QtBot) -> HistoryPanel:
    panel = HistoryPanel()
    panel.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    panel.set_display(ZoneInfo("Europe/Berlin"))
    panel.resize(700, 400)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    return panel


def test_hundred_thousand_rows_load_lazily(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    history = FakeHistory()
    panel.set_source(history.fetch)
    # The view asks for what fills it: one page, not 100,000 rows.
    qtbot.waitUntil(lambda: panel.model.rowCount() == PAGE)
    assert history.pages_served == 1
    assert panel.model.canFetchMore(QModelIndex())
    # Scrolling to the end loads the next page, and only that.
    panel.table.scrollToBottom()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2 * PAGE)
    assert history.pages_served == 2
    # Keyboard: Ctrl+End jumps to the last loaded row, which brings in one more page.
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3 * PAGE)
    assert panel.model.rowCount() < TOTAL


def test_model_pages_to_the_end_and_stops() -> None:
    model = HistoryTableModel()
    history = FakeHistory(total=450)
    model.set_source(history.fetch)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert history.pages_served == 3
    assert model.is_complete()


def test_columns_when_attendee_email_company_link(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.set_source(FakeHistory(total=3).fetch)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    headers = [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["When", "Attendee", "Email", "Company", "Link"]
    cells = [panel.model.data(panel.model.index(0, c)) for c in range(5)]
    assert cells == ["08/09/2026 20:00", "Attendee 0", "person0@example.org", "Company 0", "Discovery call"]
    spoken = panel.model.data(panel.model.index(0, 0), Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "Tuesday, 8 September 2026 20:00"


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
    panel.set_source(FakeHistory(total=0).fetch)
    qtbot.waitUntil(lambda: panel.status.text() == "No bookings found.")

    def broken(cursor: object | None) -> tuple[Sequence[HistoryRow], object | None]:
        raise OSError("disk gone")

    panel.set_source(broken)
    qtbot.waitUntil(lambda: panel.status.text().startswith("Could not load"))


def test_activating_a_row_names_its_record(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.set_source(FakeHistory(total=5).fetch)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 5)
    panel.table.setFocus()
    panel.table.setCurrentIndex(panel.model.index(2, 0))
    with qtbot.waitSignal(panel.record_activated) as blocker:
        qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert blocker.args == [2]
