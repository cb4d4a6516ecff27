"""History: every booking sent (request, HubSpot's response, when, which account), searchable and paged."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import msgspec

from app.hubspot.models import BookRequest, BookResponse
from app.store.database import Database
from app.store.schema import HISTORY_SEARCH_INDEX

DAY_MS = 86_400_000


class HistoryRecord(msgspec.Struct, frozen=True, kw_only=True):
    id: int
    outbox_id: str | None
    sent_ms: int
    start_ms: int
    duration_ms: int
    link_slug: str
    link_name: str
    account: str
    name: str
    email: str
    company: str
    has_calendar_event: bool
    request: BookRequest
    response: BookResponse | None  # None when the user marked an unknown booking as booked


@dataclass(frozen=True, slots=True)
class HistoryQuery:
    """What to look for: `text` matches name, email, guest emails or company (case-insensitive substring)."""

    text: str = ""
    start_from_ms: int | None = None  # meetings starting at or after
    start_before_ms: int | None = None  # meetings starting before
    account: str | None = None


@dataclass(frozen=True, slots=True)
class HistoryCursor:
    """Where the next page starts (keyset paging: constant time however deep)."""

    sent_ms: int
    id: int


@dataclass(frozen=True, slots=True)
class HistoryPage:
    records: list[HistoryRecord]
    next: HistoryCursor | None


_COLUMNS = (
    "id, outbox_id, sent_ms, start_ms, duration_ms, link_slug, link_name, account, name, email, company,"
    " has_calendar_event, request_json, response_json"
)


def company_of(request: BookRequest) -> str:
    """The answer to the form's `company` question, if it has one."""
    for answer in request.form_fields:
        if answer.name.lower() == "company":
            return answer.value
    return ""


def search_text(name: str, email: str, company: str, guests: list[str]) -> str:
    return " | ".join([name, email, company, *guests]).lower()


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class History:
    """Repository over the `history` table."""

    def __init__(self, db: Database, *, clock: Callable[[], float] = time.time) -> None:
        self._db = db
        self._clock = clock
        self._search_index: bool | None = None  # looked up on the first search

    def record(
        self,
        *,
        request: BookRequest,
        response: BookResponse | None,
        start_ms: int,
        link_name: str = "",
        account: str = "",
        outbox_id: str | None = None,
        sent_ms: int | None = None,
    ) -> int:
        """Add one sent booking in its own transaction; returns its id."""
        with self._db.transaction() as conn:
            return self.insert(
                conn,
                request=request,
                response=response,
                start_ms=start_ms,
                link_name=link_name,
                account=account,
                outbox_id=outbox_id,
                sent_ms=sent_ms,
            )

    def insert(
        self,
        conn: sqlite3.Connection,
        *,
        request: BookRequest,
        response: BookResponse | None,
        start_ms: int,
        link_name: str = "",
        account: str = "",
        outbox_id: str | None = None,
        sent_ms: int | None = None,
    ) -> int:
        """Add one sent booking inside the caller's transaction (with the outbox's move to `sent`)."""
        name = " ".join(p for p in (request.first_name.strip(), request.last_name.strip()) if p and p != "-")
        company = company_of(request)
        guests = [g.strip().lower() for g in request.guest_emails]
        cursor = conn.execute(
            "INSERT INTO history (outbox_id, sent_ms, start_ms, duration_ms, link_slug, link_name, account,"
            " name, email, company, email_lc, guests_lc, search_lc, has_calendar_event, request_json,"
            " response_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                outbox_id,
                int(self._clock() * 1000) if sent_ms is None else sent_ms,
                start_ms,
                request.duration,
                request.slug,
                link_name,
                account,
                name,
                request.email,
                company,
                request.email.strip().lower(),
                " ".join(guests),
                search_text(name, request.email, company, guests),
                int(response is None or response.has_calendar_event),
                msgspec.json.encode(request),
                msgspec.json.encode(response) if response is not None else None,
            ),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def _where(self, query: HistoryQuery) -> tuple[str, list[object]]:
        clauses: list[str] = []
        params: list[object] = []
        text = query.text.strip().lower()
        if text:
            if len(text) >= 3 and self._has_search_index():
                # The trigram index answers a quoted phrase as a substring match of 3+ characters without
                # reading every row (LIKE … ESCAPE would bypass the index).
                clauses.append(f"id IN (SELECT rowid FROM {HISTORY_SEARCH_INDEX} WHERE {HISTORY_SEARCH_INDEX} MATCH ?)")
                params.append('"' + text.replace('"', '""') + '"')
            else:
                clauses.append("search_lc LIKE ? ESCAPE '\\'")
                params.append(f"%{_escape_like(text)}%")
        if query.start_from_ms is not None:
            clauses.append("start_ms >= ?")
            params.append(query.start_from_ms)
        if query.start_before_ms is not None:
            clauses.append("start_ms < ?")
            params.append(query.start_before_ms)
        if query.account is not None:
            clauses.append("account = ?")
            params.append(query.account)
        return " AND ".join(clauses) or "1", params

    def _has_search_index(self) -> bool:
        if self._search_index is None:
            found = self._db.connection.execute(
                "SELECT 1 FROM sqlite_master WHERE name = ?", (HISTORY_SEARCH_INDEX,)
            ).fetchone()
            self._search_index = found is not None
        return self._search_index

    def page(
        self, query: HistoryQuery = HistoryQuery(), *, limit: int = 50, after: HistoryCursor | None = None
    ) -> HistoryPage:
        """Newest first, `limit` at a time; pass the returned `next` to get the following page."""
        where, params = self._where(query)
        if after is not None:
            where += " AND (sent_ms < ? OR (sent_ms = ? AND id < ?))"
            params += [after.sent_ms, after.sent_ms, after.id]
        rows = self._db.connection.execute(
            f"SELECT {_COLUMNS} FROM history WHERE {where} ORDER BY sent_ms DESC, id DESC LIMIT ?",
            (*params, limit + 1),
        ).fetchall()
        records = [_to_record(r) for r in rows[:limit]]
        more = len(rows) > limit
        return HistoryPage(records, HistoryCursor(records[-1].sent_ms, records[-1].id) if more else None)

    def slice(self, query: HistoryQuery = HistoryQuery(), *, offset: int, limit: int = 100) -> list[HistoryRecord]:
        """Rows `offset`…`offset+limit` of the newest-first list: random access for a view that jumps (End key,
        dragging the scroll bar) instead of walking page by page."""
        where, params = self._where(query)
        rows = self._db.connection.execute(
            f"SELECT {_COLUMNS} FROM history WHERE {where} ORDER BY sent_ms DESC, id DESC LIMIT ? OFFSET ?",
            (*params, limit, max(0, offset)),
        ).fetchall()
        return [_to_record(r) for r in rows]

    def iter_all(self, query: HistoryQuery = HistoryQuery(), *, batch: int = 500) -> Iterator[HistoryRecord]:
        """Every matching record, newest first, fetched a page at a time (exports)."""
        cursor: HistoryCursor | None = None
        while True:
            page = self.page(query, limit=batch, after=cursor)
            yield from page.records
            if page.next is None:
                return
            cursor = page.next

    def count(self, query: HistoryQuery = HistoryQuery()) -> int:
        where, params = self._where(query)
        return int(self._db.connection.execute(f"SELECT COUNT(*) FROM history WHERE {where}", params).fetchone()[0])

    def get(self, record_id: int) -> HistoryRecord | None:
        row = self._db.connection.execute(f"SELECT {_COLUMNS} FROM history WHERE id = ?", (record_id,)).fetchone()
        return _to_record(row) if row else None

    def prune(self, keep_days: int) -> int:
        """Retention: delete bookings sent more than `keep_days` days ago; returns how many were deleted."""
        cutoff = int(self._clock() * 1000) - keep_days * DAY_MS
        with self._db.transaction() as conn:
            return conn.execute("DELETE FROM history WHERE sent_ms < ?", (cutoff,)).rowcount


def _to_record(row: tuple[Any, ...]) -> HistoryRecord:
    (id_, outbox_id, sent, start, duration, slug, link_name, account, name, email, company, has_event,
     request, response) = row  # fmt: skip
    return HistoryRecord(
        id=int(id_),
        outbox_id=outbox_id,
        sent_ms=int(sent),
        start_ms=int(start),
        duration_ms=int(duration),
        link_slug=str(slug),
        link_name=str(link_name),
        account=str(account),
        name=str(name),
        email=str(email),
        company=str(company),
        has_calendar_event=bool(has_event),
        request=msgspec.json.decode(request, type=BookRequest),
        response=msgspec.json.decode(response, type=BookResponse) if response else None,
    )
