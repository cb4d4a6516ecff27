"""Outbox entries and history records as the panels' rows (the panels stay free of the store)."""

from __future__ import annotations

from app.store.history import History, HistoryQuery, HistoryRecord
from app.store.outbox import Outbox, OutboxEntry, State
from app.ui.panels.history_model import HistoryRow, RowSource
from app.ui.panels.history_panel import HistoryPanel
from app.ui.panels.outbox_model import OutboxRow
from app.ui.runtime.domain_text import domain_text

PAGE = 100
#: Sent and discarded drafts live in History (or nowhere); the outbox shows what still needs something.
OUTBOX_STATES = (State.DRAFT, State.QUEUED, State.SENDING, State.NEEDS_NEW_TIME, State.REJECTED, State.UNKNOWN)


def outbox_row(entry: OutboxEntry) -> OutboxRow:
    request = entry.request
    return OutboxRow(
        id=entry.id,
        attendee=f"{request.first_name} {request.last_name}".strip() or request.email,
        link=entry.link_name or entry.link_slug,
        start_ms=entry.start_ms,
        state=entry.state.value,
        last_error=domain_text(entry.last_error or ""),
        verdict=entry.verdict.value,
    )


def outbox_rows(outbox: Outbox) -> list[OutboxRow]:
    return [outbox_row(e) for e in outbox.entries(*OUTBOX_STATES)]


def queued_count(outbox: Outbox) -> int:
    counts = outbox.counts()
    return int(counts.get(State.QUEUED, 0) + counts.get(State.SENDING, 0))


def history_row(record: HistoryRecord) -> HistoryRow:
    return HistoryRow(
        id=record.id,
        when_ms=record.start_ms,
        attendee=record.name,
        email=record.email,
        company=record.company,
        link=record.link_name or record.link_slug,
    )


def history_source(history: History, text: str = "") -> RowSource:
    """Random access to the history for the panel, newest first, filtered by `text`."""
    query = HistoryQuery(text=text)

    def rows(offset: int, limit: int) -> list[HistoryRow]:
        return [history_row(r) for r in history.slice(query, offset=offset, limit=limit)]

    return RowSource(count=lambda: history.count(query), rows=rows)


class HistoryFeed:
    """Keeps the history panel showing the store's bookings for what is in its search box (the window's wiring)."""

    def __init__(self, panel: HistoryPanel) -> None:
        self._panel = panel
        self._history: History | None = None
        panel.search_requested.connect(self.show)

    def use(self, history: History | None) -> None:
        """Read from `history` from now on (None: show nothing), keeping the current search."""
        self._history = history
        self.refresh()

    def refresh(self) -> None:
        """Read again (a booking was sent, old ones pruned), keeping the current search."""
        self.show(self._panel.search_text().strip())

    def show(self, text: str) -> None:
        """The bookings matching `text`: one count now, rows as the view shows them."""
        self._panel.set_source(history_source(self._history, text) if self._history is not None else None)
