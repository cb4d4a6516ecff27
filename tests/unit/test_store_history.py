"""History: search by name/email/company/date, keyset paging, retention, forget-this-person, exports."""

from __future__ import annotations

import io

from app.store.database import Database
from app.store.forget import forget_person
from app.store.history import DAY_MS, History, HistoryQuery
from app.store.history_export import write_csv, write_ics
from app.store.outbox import Outbox, State
from tests.unit.test_outbox_fakes import (  # noqa: F401 (fixtures by name)
    FakeClock,
    clock_fixture,
    db_fixture,
    enqueue,
    history_fixture,
    make_request,
    make_response,
    outbox_fixture,
    slot_ms,
)


def _add(history: History, hours: int, **kw: object) -> int:
    request = make_request(slot_ms(hours), **kw)  # type: ignore[arg-type]
    return history.record(request=request, response=make_response(request), start_ms=slot_ms(hours), account="me")


def test_search_by_name_email_company_and_guest(history: History) -> None:
    _add(history, 48)
    _add(history, 50, email="grace@navy.mil", first="Grace", last="Hopper", company="US Navy", guests=["x@y.org"])
    assert [r.name for r in history.page(HistoryQuery(text="hopper")).records] == ["Grace Hopper"]
    assert [r.email for r in history.page(HistoryQuery(text="GRACE@navy.mil")).records] == ["grace@navy.mil"]
    assert [r.company for r in history.page(HistoryQuery(text="analytical")).records] == ["Analytical Engines"]
    assert [r.name for r in history.page(HistoryQuery(text="x@y.org")).records] == ["Grace Hopper"]
    assert history.page(HistoryQuery(text="100%")).records == []  # LIKE wildcards are literal
    assert history.count() == 2


def test_search_by_meeting_date(history: History) -> None:
    _add(history, 24)
    _add(history, 72)
    found = history.page(HistoryQuery(start_from_ms=slot_ms(48), start_before_ms=slot_ms(96))).records
    assert [r.start_ms for r in found] == [slot_ms(72)]


def test_paging_visits_every_row_once_newest_first(history: History, clock: FakeClock) -> None:
    for i in range(23):
        clock.now += 1
        _add(history, 48 + i)
    seen: list[int] = []
    page = history.page(limit=5)
    while True:
        seen += [r.start_ms for r in page.records]
        if page.next is None:
            break
        page = history.page(limit=5, after=page.next)
    assert seen == [slot_ms(48 + i) for i in reversed(range(23))]


def test_search_over_100k_rows(db: Database, history: History) -> None:
    rows = [(i, slot_ms(i % 500), f"person {i}", f"p{i}@example.com", f"company {i % 97}") for i in range(100_000)]
    with db.transaction() as conn:
        conn.executemany(
            "INSERT INTO history (sent_ms, start_ms, duration_ms, link_slug, name, email, company, email_lc,"
            " search_lc, request_json) VALUES (?, ?, 1800000, 'demo', ?, ?, ?, lower(?), lower(? || ' ' || ? || ' '"
            " || ?), '{}')",
            [(s, st, n, e, c, e, n, e, c) for s, st, n, e, c in rows],
        )
    assert history.count(HistoryQuery(text="p99999@example.com")) == 1
    assert history.count(HistoryQuery(text="company 96")) == 100_000 // 97
    plan = " ".join(
        str(r) for r in db.connection.execute("EXPLAIN QUERY PLAN SELECT * FROM history ORDER BY sent_ms DESC, id DESC")
    )
    assert "history_by_sent" in plan  # paging walks the index, not a sort of 100k rows


def test_retention_deletes_old_bookings(history: History, clock: FakeClock) -> None:
    _add(history, 48)
    clock.now += 40 * DAY_MS / 1000
    _add(history, 49)
    assert history.prune(keep_days=30) == 1
    assert [r.start_ms for r in history.page().records] == [slot_ms(49)]


def test_forget_person_erases_them_everywhere(db: Database, history: History, outbox: Outbox) -> None:
    _add(history, 48, email="Ada@Example.com")
    _add(history, 50, email="grace@navy.mil", guests=["ada@example.com", "bob@example.com"])
    enqueue(outbox, slot_ms(52), email="ada@example.com")
    kept = enqueue(outbox, slot_ms(54), email="grace@navy.mil", guests=["ada@example.com"])

    report = forget_person(db, " ADA@example.com ")

    assert (report.outbox_deleted, report.history_deleted, report.guest_mentions_removed) == (1, 1, 2)
    assert history.count(HistoryQuery(text="ada@example.com")) == 0
    remaining = history.page().records[0]
    assert remaining.request.guest_emails == ["bob@example.com"]
    assert remaining.response is not None
    assert remaining.response.guest_emails == ["bob@example.com"]
    assert outbox.get(kept).request.guest_emails == []
    assert [e.state for e in outbox.entries()] == [State.QUEUED]
    dump = b"".join(bytes(r[0] or b"") for r in db.connection.execute("SELECT request_json FROM history"))
    assert b"ada@example.com" not in dump.lower()


def test_csv_export_is_safe_for_spreadsheets(history: History) -> None:
    _add(history, 48, company="=HYPERLINK(evil)")
    out = io.StringIO()
    assert write_csv(history.iter_all(), out) == 1
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("sent_at,meeting_start,duration_minutes")
    assert "'=HYPERLINK(evil)" in lines[1]
    assert "2026-11-27T10:00:00Z" in lines[1]


def test_ics_export_has_one_event_per_booking(history: History) -> None:
    _add(history, 48)
    _add(history, 50, first="Grace", last="Hopper; Jr.")
    out = io.StringIO()
    assert write_ics(history.iter_all(), out, now_ms=slot_ms(0)) == 2
    text = out.getvalue()
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 2
    assert "DTSTART:20261127T100000Z" in text
    assert "Hopper\\; Jr." in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
