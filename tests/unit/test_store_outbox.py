"""The outbox state machine and its write-ahead guarantees."""

from __future__ import annotations

import contextlib
import sqlite3
from itertools import product

import pytest

from app.store.database import Database
from app.store.outbox import TRANSITIONS, IllegalTransition, Outbox, State, Verdict
from tests.unit.test_outbox_fakes import (  # noqa: F401 (fixtures by name)
    FakeClock,
    clock_fixture,
    db_fixture,
    enqueue,
    make_request,
    make_response,
    outbox_fixture,
    slot_ms,
)

LEGAL = {(a, b) for a, targets in TRANSITIONS.items() for b in targets}


def _force_state(db: Database, draft_id: str, state: State) -> None:
    with db.transaction() as conn:
        conn.execute("UPDATE outbox SET state = ? WHERE id = ?", (state.value, draft_id))


@pytest.mark.parametrize(("start", "end"), list(product(State, State)), ids=lambda s: s.value)
def test_every_transition_is_allowed_or_refused_by_the_table(
    db: Database, outbox: Outbox, start: State, end: State
) -> None:
    draft_id = enqueue(outbox, slot_ms(48))
    _force_state(db, draft_id, start)
    if (start, end) in LEGAL:
        assert outbox.transition(draft_id, end).state is end
    else:
        with pytest.raises(IllegalTransition, match=f"is {start.value}; it cannot become {end.value}"):
            outbox.transition(draft_id, end)
        assert outbox.get(draft_id).state is start


def test_the_machine_matches_the_issue() -> None:
    assert TRANSITIONS[State.DRAFT] >= {State.QUEUED}
    assert TRANSITIONS[State.QUEUED] >= {State.SENDING}
    assert TRANSITIONS[State.SENDING] >= {State.SENT, State.NEEDS_NEW_TIME, State.REJECTED, State.UNKNOWN}
    assert TRANSITIONS[State.SENT] == frozenset()
    assert TRANSITIONS[State.DISCARDED] == frozenset()
    assert State.SENDING not in TRANSITIONS[State.UNKNOWN]  # unknown is never sent without going through queued


def test_enqueue_is_committed_before_anything_is_sent(tmp_path: object, db: Database, outbox: Outbox) -> None:
    draft_id = enqueue(outbox, slot_ms(48))
    assert db.path is not None
    with contextlib.closing(sqlite3.connect(db.path)) as other:
        assert other.execute("SELECT state FROM outbox WHERE id = ?", (draft_id,)).fetchone() == ("queued",)


def test_sending_is_committed_before_the_request_and_counts_attempts(db: Database, outbox: Outbox) -> None:
    draft_id = enqueue(outbox, slot_ms(48))
    entry = outbox.mark_sending(draft_id)
    assert entry is not None
    assert entry.state is State.SENDING
    assert entry.attempts == 1
    assert db.path is not None
    with contextlib.closing(sqlite3.connect(db.path)) as other:
        assert other.execute("SELECT state FROM outbox WHERE id = ?", (draft_id,)).fetchone() == ("sending",)


def test_a_sending_row_after_a_crash_becomes_unknown_and_is_not_due(db: Database, clock: FakeClock) -> None:
    outbox = Outbox(db, clock=clock)
    sending = enqueue(outbox, slot_ms(48))
    queued = enqueue(outbox, slot_ms(49))
    outbox.mark_sending(sending)

    # A new process opens the same file.
    assert db.path is not None
    with Database.open(db.path) as reopened:
        restarted = Outbox(reopened, clock=clock)
        assert restarted.recover_after_crash() == [sending]
        entry = restarted.get(sending)
        assert entry.state is State.UNKNOWN
        assert "may have been booked" in (entry.last_error or "")
        assert [e.id for e in restarted.due()] == [queued]


def test_the_whole_draft_is_kept(outbox: Outbox) -> None:
    request = make_request(slot_ms(48), guests=["bob@example.com"])
    payload = {"answers": {"company": "Analytical Engines"}, "consents": [{"id": "1", "consented": True}]}
    entry = outbox.enqueue(request=request, payload=payload, start_ms=slot_ms(48), link_name="Intro", account="me")
    again = outbox.get(entry.id)
    assert again.request == request
    assert again.payload == payload
    assert (again.link_slug, again.link_name, again.account) == (request.slug, "Intro", "me")
    assert (again.timezone, again.locale, again.duration_ms) == ("Europe/Berlin", "en-us", 1_800_000)
    assert len(again.id) == 36


def test_drafts_are_not_due_until_queued(outbox: Outbox) -> None:
    entry = outbox.add(request=make_request(slot_ms(48)), payload={}, start_ms=slot_ms(48), queued=False)
    assert entry.state is State.DRAFT
    assert outbox.due() == []
    outbox.queue(entry.id)
    assert [e.id for e in outbox.due()] == [entry.id]


def test_due_respects_next_attempt_time(outbox: Outbox, clock: FakeClock) -> None:
    draft_id = enqueue(outbox, slot_ms(48))
    outbox.mark_sending(draft_id)
    outbox.retry_later(draft_id, int(clock() * 1000) + 60_000, error="HubSpot had a server error")
    assert outbox.due() == []
    assert outbox.next_due_ms() == int(clock() * 1000) + 60_000
    clock.now += 60
    assert [e.id for e in outbox.due()] == [draft_id]


def test_counts_cover_every_state(outbox: Outbox) -> None:
    a = enqueue(outbox, slot_ms(48))
    enqueue(outbox, slot_ms(49))
    outbox.discard(a)
    counts = outbox.counts()
    assert counts[State.QUEUED] == 1
    assert counts[State.DISCARDED] == 1
    assert counts[State.SENT] == 0
    assert set(counts) == set(State)
    assert [e.id for e in outbox.entries(State.DISCARDED)] == [a]


def test_resend_only_from_unknown(outbox: Outbox) -> None:
    draft_id = enqueue(outbox, slot_ms(48))
    with pytest.raises(IllegalTransition):
        outbox.resend(draft_id)
    outbox.mark_sending(draft_id)
    outbox.mark_failed(draft_id, State.UNKNOWN, error="no answer", verdict=Verdict.PROBABLY_NOT_BOOKED)
    assert outbox.resend(draft_id).state is State.QUEUED


def test_pick_new_time_moves_the_request_and_keeps_the_answers(outbox: Outbox) -> None:
    draft_id = enqueue(outbox, slot_ms(48))
    outbox.mark_sending(draft_id)
    outbox.mark_failed(draft_id, State.NEEDS_NEW_TIME, error="gone")
    entry = outbox.pick_new_time(draft_id, slot_ms(72))
    assert entry.state is State.QUEUED
    assert entry.start_ms == slot_ms(72)
    assert entry.request.start_time == "2026-11-28T10:00:00Z"
    assert entry.request.form_fields == make_request(0).form_fields
    assert entry.payload == {"note": "hi"}


def test_mark_sent_records_a_missing_calendar_event(outbox: Outbox) -> None:
    draft_id = enqueue(outbox, slot_ms(48))
    outbox.mark_sending(draft_id)
    entry = outbox.mark_sent(draft_id, make_response(outbox.get(draft_id).request, calendar_event=False))
    assert entry.state is State.SENT
    assert entry.verdict is Verdict.NO_CALENDAR_EVENT
    assert entry.response is not None
    assert entry.response.calendar_event_id == ""
