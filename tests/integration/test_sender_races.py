"""Races between the user and the sender, against the real sandbox over loopback with a slowed availability check.

While the sender checks a draft's time, the user edits or discards it: the edited version is what is POSTed (or
the edit is refused), a discard wins cleanly, and the sender's loop lives on to send the next draft.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import msgspec
import pytest
import pytest_asyncio

from app.hubspot.client import SchedulerClient
from app.hubspot.http import make_http_client
from app.hubspot.models import BookRequest, ConsentResponse, FormFieldAnswer
from app.hubspot.tokens import StaticTokenProvider
from app.outbox.actions import DraftActions
from app.outbox.sender import OutboxSender
from app.sandbox.server import running_server
from app.sandbox.state import DEMO_TOKEN, SandboxState
from app.store.database import Database
from app.store.history import History
from app.store.outbox import Outbox, State, iso_utc

SLUG, TZ = "product-demo", "Europe/Berlin"
SLOW_CHECK_S = 1.5


@dataclass
class Rig:
    sandbox: SandboxState
    client: SchedulerClient
    outbox: Outbox
    actions: DraftActions
    sender: OutboxSender
    slots: list[int]
    template: BookRequest

    def request(self, start_ms: int, email: str) -> BookRequest:
        return msgspec.structs.replace(self.template, start_time=iso_utc(start_ms), email=email)

    def enqueue(self, start_ms: int, email: str) -> str:
        entry = self.outbox.enqueue(request=self.request(start_ms, email), payload={}, start_ms=start_ms)
        return entry.id

    def slow_next_check(self) -> None:
        self.sandbox.faults.inject("availability", delay=SLOW_CHECK_S, times=1)

    async def check_started(self) -> None:
        """The slowed availability request has reached the sandbox (its fault is taken)."""
        await until(lambda: not self.sandbox.faults.pending())


async def until(check: Callable[[], object], within_s: float = 15.0) -> None:
    deadline = time.monotonic() + within_s
    while not check():
        assert time.monotonic() < deadline, "timed out waiting"
        await asyncio.sleep(0.02)


@pytest_asyncio.fixture
async def rig(tmp_path: Path) -> AsyncIterator[Rig]:
    sandbox = SandboxState()
    with running_server(sandbox) as base_url, Database.open(tmp_path / "db.sqlite3") as db:
        client = SchedulerClient(make_http_client(base_url), StaticTokenProvider(DEMO_TOKEN))
        try:
            info = await client.booking_info(SLUG, TZ)
            page = await client.availability(SLUG, TZ)
            duration = info.custom_params.durations[0]
            assert page.link_availability is not None
            slots = [s.start_millis_utc for s in page.link_availability.slots_for(duration)]
            answers = [
                FormFieldAnswer(name=f.name, value=f.options[0].value if f.options else "Acme")
                for f in info.custom_params.form_fields
                if f.is_required and f.name not in ("email", "firstname", "lastname")
            ]
            consent = info.custom_params.legal_consent_options
            template = BookRequest(
                slug=SLUG,
                start_time=iso_utc(slots[0]),
                duration=duration,
                email="first@acme.test",
                first_name="Ada",
                last_name="Lovelace",
                form_fields=answers,
                legal_consent_responses=[
                    ConsentResponse(communication_type_id=c.communication_type_id, consented=True)
                    for c in (consent.communication_consent_checkboxes if consent else [])
                ],
                likely_available_user_ids=[],
                timezone=TZ,
            )
            outbox, history = Outbox(db), History(db)
            sender = OutboxSender(outbox, client, history=history)
            actions = DraftActions(outbox, history, wake=sender.wake, holds=sender.holds)
            yield Rig(sandbox, client, outbox, actions, sender, slots, template)
        finally:
            await client.aclose()


async def during_check(rig: Rig, step: Callable[[], Awaitable[None] | None]) -> None:
    rig.slow_next_check()
    flush = asyncio.ensure_future(rig.sender.flush())
    await rig.check_started()
    result = step()
    if result is not None:
        await result
    await flush


@pytest.mark.asyncio
async def test_an_edit_during_the_check_sends_the_edited_version(rig: Rig) -> None:
    draft_id = rig.enqueue(rig.slots[0], "old@acme.test")

    def edit() -> None:
        edited = rig.request(rig.slots[0], "new@acme.test")
        rig.actions.save_edit(draft_id, request=edited, payload={}, start_ms=rig.slots[0])

    await during_check(rig, edit)
    assert [b.email for b in rig.sandbox.bookings] == ["new@acme.test"]
    entry = rig.outbox.get(draft_id)
    assert (entry.state, entry.request.email, entry.attempts) == (State.SENT, "new@acme.test", 1)


@pytest.mark.asyncio
async def test_an_edit_to_another_time_during_the_check_is_checked_then_sent_at_that_time(rig: Rig) -> None:
    draft_id = rig.enqueue(rig.slots[0], "ada@acme.test")
    moved = rig.slots[3]

    def edit() -> None:
        rig.actions.save_edit(draft_id, request=rig.request(moved, "ada@acme.test"), payload={}, start_ms=moved)

    await during_check(rig, edit)
    [booking] = rig.sandbox.bookings
    assert int(booking.start.timestamp() * 1000) == moved
    assert rig.outbox.get(draft_id).state is State.SENT


@pytest.mark.asyncio
async def test_the_sender_loop_survives_a_discard_during_the_check_and_sends_the_next_draft(rig: Rig) -> None:
    discarded = rig.enqueue(rig.slots[0], "gone@acme.test")
    rig.slow_next_check()
    loop = asyncio.ensure_future(rig.sender.run(poll_s=30))
    try:
        await rig.check_started()
        rig.actions.discard(discarded)
        await until(lambda: rig.outbox.get(discarded).state is State.DISCARDED)
        later = rig.enqueue(rig.slots[2], "later@acme.test")  # queued after the race
        rig.sender.wake()
        await until(lambda: rig.outbox.get(later).state is State.SENT)
        assert not loop.done()  # run() is still going
    finally:
        await rig.sender.stop()
        await loop
    assert [b.email for b in rig.sandbox.bookings] == ["later@acme.test"]
