"""The sender with a fake client and a fake clock: exactly once, the right end state, no real waiting."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from app.hubspot.backoff import Backoff
from app.hubspot.errors import (
    InvalidEmail,
    NetworkUnreachable,
    OutcomeUnknown,
    RateLimited,
    ServerError,
    TimeNoLongerAvailable,
)
from app.outbox.actions import ActionRefused, DraftActions
from app.outbox.events import (
    BookedWithoutCalendarEvent,
    NeedsNewTimeEvent,
    OutboxEvent,
    RejectedEvent,
    SentEvent,
    UnknownEvent,
)
from app.outbox.lock import SenderLock
from app.outbox.sender import OutboxSender
from app.store.history import History, HistoryQuery
from app.store.outbox import Outbox, State, Verdict
from tests.unit.test_outbox_fakes import (  # noqa: F401 (fixtures by name)
    FakeClient,
    FakeClock,
    clock_fixture,
    db_fixture,
    enqueue,
    history_fixture,
    outbox_fixture,
    slot_ms,
)

NO_JITTER = Backoff(base_s=10.0, cap_s=80.0, random=lambda: 1.0)


def make_sender(
    outbox: Outbox, client: FakeClient, clock: FakeClock, history: History | None = None, **kw: object
) -> tuple[OutboxSender, list[OutboxEvent]]:
    sender = OutboxSender(
        outbox,
        client,
        history=history,
        clock=clock,
        sleep=clock.sleep,
        backoff=NO_JITTER,
        **kw,  # type: ignore[arg-type]
    )
    events: list[OutboxEvent] = []
    sender.subscribe(events.append)
    return sender, events


@pytest.mark.asyncio
async def test_a_queued_draft_is_sent_exactly_once_with_a_history_row(
    outbox: Outbox, history: History, clock: FakeClock
) -> None:
    client = FakeClient({slot_ms(48)})
    draft_id = enqueue(outbox, slot_ms(48))
    sender, events = make_sender(outbox, client, clock, history)

    await sender.flush()
    await sender.flush()

    assert client.book_calls == 1
    entry = outbox.get(draft_id)
    assert entry.state is State.SENT
    assert entry.response is not None
    assert [type(e) for e in events] == [SentEvent]
    records = history.page(HistoryQuery(text="lovelace")).records
    assert [r.outbox_id for r in records] == [draft_id]


@pytest.mark.asyncio
async def test_booked_without_calendar_event_is_sent_but_flagged(
    outbox: Outbox, history: History, clock: FakeClock
) -> None:
    client = FakeClient({slot_ms(48)})
    client.book_script = ["no-event"]
    draft_id = enqueue(outbox, slot_ms(48))
    sender, events = make_sender(outbox, client, clock, history)

    await sender.flush()

    entry = outbox.get(draft_id)
    assert (entry.state, entry.verdict) == (State.SENT, Verdict.NO_CALENDAR_EVENT)
    assert [type(e) for e in events] == [BookedWithoutCalendarEvent]
    assert history.page().records[0].has_calendar_event is False


@pytest.mark.asyncio
async def test_rate_limit_is_waited_out_then_sent(outbox: Outbox, clock: FakeClock) -> None:
    client = FakeClient({slot_ms(48), slot_ms(49)})
    client.book_script = [RateLimited("slow down", retry_after=7.0, policy="TEN_SECONDLY_ROLLING"), "ok", "ok"]
    first = enqueue(outbox, slot_ms(48))
    second = enqueue(outbox, slot_ms(49))
    sender, _ = make_sender(outbox, client, clock, max_concurrency=1)

    report = await sender.flush(wait_for_retries=True)

    assert outbox.get(first).state is State.SENT
    assert outbox.get(second).state is State.SENT
    assert client.book_calls == 3  # one 429, then each once
    assert 7.0 in clock.slept
    assert report.outcomes[State.SENT] == 2


@pytest.mark.asyncio
async def test_after_a_429_no_other_draft_is_sent_before_retry_after(outbox: Outbox, clock: FakeClock) -> None:
    client = FakeClient({slot_ms(h) for h in range(48, 54)})
    client.book_script = [RateLimited("slow down", retry_after=10.0, policy=None)]
    for h in range(48, 54):
        enqueue(outbox, slot_ms(h))
    sent_at: list[float] = []
    sender, _ = make_sender(outbox, client, clock, max_concurrency=1)
    sender.subscribe(lambda e: sent_at.append(clock()) if isinstance(e, SentEvent) else None)
    started = clock()

    await sender.flush(wait_for_retries=True)

    assert len(sent_at) == 6
    assert min(sent_at) >= started + 10.0
    assert client.book_calls == 7


@pytest.mark.asyncio
async def test_a_server_error_is_unknown_and_only_the_user_sends_it_again(outbox: Outbox, clock: FakeClock) -> None:
    """A 5xx proves nothing (a team link books one member and still offers the time): unknown, one POST; the
    still-offered time is evidence for the user, and only the user's Send now posts it again."""
    client = FakeClient({slot_ms(48)})
    client.book_script = [ServerError("HubSpot had a server error", status=503), "ok"]
    draft_id = enqueue(outbox, slot_ms(48))
    sender, events = make_sender(outbox, client, clock)

    await sender.flush()
    await sender.flush(wait_for_retries=True)
    await sender.flush(wait_for_retries=True)

    entry = outbox.get(draft_id)
    assert (entry.state, entry.verdict) == (State.UNKNOWN, Verdict.PROBABLY_NOT_BOOKED)
    assert client.book_calls == 1
    assert isinstance(events[-1], UnknownEvent)

    DraftActions(outbox, None).send_now(draft_id)  # the user's decision
    await sender.flush()
    assert outbox.get(draft_id).state is State.SENT
    assert client.book_calls == 2


@pytest.mark.asyncio
async def test_time_gone_after_a_server_error_is_probably_booked_not_resent(outbox: Outbox, clock: FakeClock) -> None:
    client = FakeClient({slot_ms(48)})
    client.book_script = [ServerError("HubSpot had a server error", status=500)]
    draft_id = enqueue(outbox, slot_ms(48))
    sender, events = make_sender(outbox, client, clock)
    await sender.flush()
    client.offered.clear()  # the 500 booked it after all
    await sender.flush(wait_for_retries=True)

    entry = outbox.get(draft_id)
    assert (entry.state, entry.verdict) == (State.UNKNOWN, Verdict.PROBABLY_BOOKED)
    assert client.book_calls == 1
    assert isinstance(events[-1], UnknownEvent)
    with pytest.raises(ActionRefused, match="probably booked"):
        DraftActions(outbox, None).send_now(draft_id)


@pytest.mark.asyncio
async def test_a_refusal_is_rejected_and_never_retried(outbox: Outbox, clock: FakeClock) -> None:
    client = FakeClient({slot_ms(48)})
    client.book_script = [InvalidEmail("HubSpot rejected the email address", status=400, correlation_id="c-9")]
    draft_id = enqueue(outbox, slot_ms(48))
    sender, events = make_sender(outbox, client, clock)

    await sender.flush(wait_for_retries=True)
    await sender.flush(wait_for_retries=True)

    entry = outbox.get(draft_id)
    assert entry.state is State.REJECTED
    assert (entry.last_error_field, entry.last_correlation_id) == ("email", "c-9")
    assert client.book_calls == 1
    assert [type(e) for e in events] == [RejectedEvent]


@pytest.mark.asyncio
async def test_time_taken_meanwhile_needs_a_new_time(outbox: Outbox, clock: FakeClock) -> None:
    client = FakeClient({slot_ms(48)})
    client.book_script = [TimeNoLongerAvailable("That time is no longer available.", status=400)]
    draft_id = enqueue(outbox, slot_ms(48))
    sender, events = make_sender(outbox, client, clock)
    await sender.flush()
    assert outbox.get(draft_id).state is State.NEEDS_NEW_TIME
    assert [type(e) for e in events] == [NeedsNewTimeEvent]


@pytest.mark.asyncio
async def test_a_time_no_longer_offered_is_not_sent(outbox: Outbox, clock: FakeClock) -> None:
    client = FakeClient({slot_ms(50)})
    gone = enqueue(outbox, slot_ms(48))
    past = enqueue(outbox, slot_ms(-1))
    sender, events = make_sender(outbox, client, clock)

    await sender.flush()

    assert client.book_calls == 0
    assert outbox.get(gone).state is State.NEEDS_NEW_TIME
    assert outbox.get(past).state is State.NEEDS_NEW_TIME
    assert "passed" in (outbox.get(past).last_error or "")
    assert outbox.get(gone).payload == {"note": "hi"}  # every answer kept
    assert {type(e) for e in events} == {NeedsNewTimeEvent}


@pytest.mark.asyncio
async def test_outcome_unknown_is_reconciled_and_only_resent_by_the_user(outbox: Outbox, clock: FakeClock) -> None:
    client = FakeClient({slot_ms(48)})
    client.book_script = [OutcomeUnknown("no answer")]
    draft_id = enqueue(outbox, slot_ms(48))
    sender, _ = make_sender(outbox, client, clock)

    await sender.flush()
    assert outbox.get(draft_id).state is State.UNKNOWN
    await sender.flush()  # reconciles: the time is still offered
    entry = outbox.get(draft_id)
    assert (entry.state, entry.verdict) == (State.UNKNOWN, Verdict.PROBABLY_NOT_BOOKED)
    assert client.book_calls == 1  # never re-sent on its own

    DraftActions(outbox, None).send_now(draft_id)
    await sender.flush()
    assert outbox.get(draft_id).state is State.SENT
    assert client.book_calls == 2


@pytest.mark.asyncio
async def test_unknown_with_the_time_gone_is_probably_booked(
    outbox: Outbox, history: History, clock: FakeClock
) -> None:
    client = FakeClient({slot_ms(48), slot_ms(50)})
    client.book_script = [OutcomeUnknown("no answer"), OutcomeUnknown("no answer")]
    booked = enqueue(outbox, slot_ms(48))
    moved = enqueue(outbox, slot_ms(50))
    sender, _ = make_sender(outbox, client, clock, history)
    await sender.flush()

    client.offered.clear()
    checked = await sender.reconcile_unknown()
    assert {e.verdict for e in checked} == {Verdict.PROBABLY_BOOKED}

    actions = DraftActions(outbox, history)
    assert actions.mark_booked(booked).state is State.SENT
    assert history.count() == 1
    client.offered = {slot_ms(52)}
    actions.pick_new_time(moved, slot_ms(52))
    await sender.flush()
    assert outbox.get(moved).state is State.SENT
    assert client.booked[-1].start_time == "2026-11-27T14:00:00Z"


@pytest.mark.asyncio
async def test_crash_while_sending_is_never_resent(outbox: Outbox, clock: FakeClock) -> None:
    client = FakeClient({slot_ms(48)})
    draft_id = enqueue(outbox, slot_ms(48))
    outbox.mark_sending(draft_id)  # the previous process died here
    sender, events = make_sender(outbox, client, clock)

    await sender.flush(wait_for_retries=True)

    assert client.book_calls == 0
    assert outbox.get(draft_id).state is State.UNKNOWN
    assert isinstance(events[0], UnknownEvent)


@pytest.mark.asyncio
async def test_offline_keeps_drafts_queued_until_online(outbox: Outbox, clock: FakeClock) -> None:
    client = FakeClient({slot_ms(48), slot_ms(49)})
    client.book_script = [NetworkUnreachable("Can't reach HubSpot; nothing was booked.")]
    first = enqueue(outbox, slot_ms(48))
    second = enqueue(outbox, slot_ms(49))
    sender, _ = make_sender(outbox, client, clock, max_concurrency=1)

    report = await sender.flush()

    assert report.offline
    assert client.book_calls == 1  # the pass stops at the first sign of no network
    assert outbox.get(first).state is State.QUEUED
    assert outbox.get(first).verdict is Verdict.OFFLINE
    assert outbox.get(second).state is State.QUEUED

    sender.notify_online()
    await sender.flush()
    assert outbox.get(first).state is State.SENT
    assert outbox.get(second).state is State.SENT


@pytest.mark.asyncio
async def test_concurrency_is_bounded(outbox: Outbox, clock: FakeClock) -> None:
    client = FakeClient({slot_ms(h) for h in range(48, 56)})
    client.gate = asyncio.Event()
    ids = [enqueue(outbox, slot_ms(h)) for h in range(48, 56)]
    sender, _ = make_sender(outbox, client, clock, max_concurrency=3)

    flushing = asyncio.ensure_future(sender.flush())
    for _ in range(20):
        await asyncio.sleep(0)
    assert client.active == 3
    client.gate.set()
    await flushing

    assert client.max_active == 3
    assert {outbox.get(i).state for i in ids} == {State.SENT}
    assert client.book_calls == 8


@pytest.mark.asyncio
async def test_two_senders_on_one_profile_only_one_sends(outbox: Outbox, clock: FakeClock, tmp_path: Path) -> None:
    client_a = FakeClient({slot_ms(48)})
    client_b = FakeClient({slot_ms(48)})
    client_a.gate = asyncio.Event()
    draft_id = enqueue(outbox, slot_ms(48))
    a, _ = make_sender(outbox, client_a, clock, lock=SenderLock(tmp_path / "sender.lock"))
    b, _ = make_sender(outbox, client_b, clock, lock=SenderLock(tmp_path / "sender.lock"))

    flushing = asyncio.ensure_future(a.flush())
    for _ in range(10):
        await asyncio.sleep(0)
    report_b = await b.flush()
    client_a.gate.set()
    await flushing

    assert report_b.busy
    assert client_b.book_calls == 0
    assert client_a.book_calls == 1
    assert outbox.get(draft_id).state is State.SENT  # b did not turn a's `sending` row into unknown


@pytest.mark.asyncio
async def test_run_sends_on_wake_and_stops_cleanly(outbox: Outbox, clock: FakeClock, tmp_path: Path) -> None:
    client = FakeClient({slot_ms(48), slot_ms(49)})
    lock = SenderLock(tmp_path / "sender.lock")
    # The idle wait is real (and long): only wake() and stop() end it.
    sender = OutboxSender(outbox, client, clock=clock, sleep=asyncio.sleep, lock=lock)
    events: list[OutboxEvent] = []
    sender.subscribe(events.append)
    enqueue(outbox, slot_ms(48))

    running = asyncio.ensure_future(sender.run(poll_s=3600))
    for _ in range(20):
        await asyncio.sleep(0)
    assert client.book_calls == 1
    held_while_running = lock.held  # a local: mypy would otherwise take `lock.held` as True for the rest
    assert held_while_running

    enqueue(outbox, slot_ms(49))
    sender.wake()
    for _ in range(20):
        await asyncio.sleep(0)
    assert client.book_calls == 2

    await sender.stop()
    await running
    assert not lock.held
    assert [type(e) for e in events] == [SentEvent, SentEvent]


@pytest.mark.asyncio
async def test_booked_but_not_recorded_says_booked_and_is_never_sent_again(
    outbox: Outbox, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk refuses the record after HubSpot booked it: the user hears "booked"; the next start settles it."""
    client = FakeClient({slot_ms(48)})
    draft_id = enqueue(outbox, slot_ms(48))
    sender, events = make_sender(outbox, client, clock)

    def disk_full(*_args: object, **_kw: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    with monkeypatch.context() as patch:
        patch.setattr(outbox, "mark_sent", disk_full)
        await sender.flush()
    assert [type(e) for e in events] == [SentEvent]
    assert outbox.get(draft_id).state is State.SENDING

    restarted, _ = make_sender(outbox, client, clock)  # the next start
    await restarted.flush(wait_for_retries=True)
    entry = outbox.get(draft_id)
    assert entry.state is State.UNKNOWN
    assert client.book_calls == 1
