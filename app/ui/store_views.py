"""Outbox entries and history records as the panels' rows (the panels stay free of the store)."""

from __future__ import annotations

from collections.abc import Sequence

from app.store.history import History, HistoryCursor, HistoryQuery
from app.store.outbox import Outbox, OutboxEntry, State
from app.ui.domain_text import domain_text
from app.ui.panels.history_model import HistoryRow, PageFetcher
from app.ui.panels.outbox_model import OutboxRow

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


def history_fetcher(history: History, text: str = "") -> PageFetcher:
    """Pages of history for the panel, newest first, filtered by `text`."""
    query = HistoryQuery(text=text)

    def fetch(cursor: object | None) -> tuple[Sequence[HistoryRow], object | None]:
        after = cursor if isinstance(cursor, HistoryCursor) else None
        page = history.page(query, limit=PAGE, after=after)
        rows = [
            HistoryRow(
                id=r.id,
                when_ms=r.start_ms,
                attendee=r.name,
                email=r.email,
                company=r.company,
                link=r.link_name or r.link_slug,
            )
            for r in page.records
        ]
        return rows, page.next

    return fetch
