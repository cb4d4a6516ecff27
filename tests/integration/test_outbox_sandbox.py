"""The sender against the real sandbox over loopback: a queued draft is booked exactly once."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from app.hubspot.models import BookRequest, ConsentResponse, FormFieldAnswer
from app.outbox.sender import OutboxSender
from app.store.database import Database
from app.store.history import History
from app.store.outbox import Outbox, State, iso_utc

server = pytest.importorskip("app.sandbox.server")
state_mod = pytest.importorskip("app.sandbox.state")


# running_server's uvicorn thread gets a qasync loop once a QApplication exists (another test made one), and Qt
# then warns "Timers cannot be stopped from another thread", failing the test. Passes alone; fix belongs in the
# sandbox server (force a plain asyncio loop in its thread).
@pytest.mark.asyncio
async def test_a_queued_draft_is_booked_once_in_the_sandbox(tmp_path: Path) -> None:
    from app.hubspot.client import SchedulerClient
    from app.hubspot.http import make_http_client
    from app.hubspot.tokens import StaticTokenProvider

    sandbox = state_mod.SandboxState()
    with server.running_server(sandbox) as base_url, Database.open(tmp_path / "db.sqlite3") as db:
        client = SchedulerClient(make_http_client(base_url), StaticTokenProvider(state_mod.DEMO_TOKEN))
        try:
            slug, tz = "product-demo", "Europe/Berlin"
            info = await client.booking_info(slug, tz)
            page = await client.availability(slug, tz)
            duration = info.custom_params.durations[0]
            assert page.link_availability is not None
            slot = page.link_availability.slots_for(duration)[0]
            answers = [
                FormFieldAnswer(name=f.name, value=f.options[0].value if f.options else "Acme")
                for f in info.custom_params.form_fields
                if f.is_required and f.name not in ("email", "firstname", "lastname")
            ]
            consent = info.custom_params.legal_consent_options
            consents = [
                ConsentResponse(communication_type_id=c.communication_type_id, consented=True)
                for c in (consent.communication_consent_checkboxes if consent else [])
            ]
            request = BookRequest(
                slug=slug,
                start_time=iso_utc(slot.start_millis_utc),
                duration=duration,
                email="ada.lovelace@analytical-engines.co.uk",
                first_name="Ada",
                last_name="Lovelace",
                form_fields=answers,
                legal_consent_responses=consents,
                likely_available_user_ids=[],
                timezone=tz,
            )
            outbox = Outbox(db)
            draft = outbox.enqueue(request=request, payload={}, start_ms=slot.start_millis_utc)
            sender = OutboxSender(outbox, client, history=History(db), clock=time.time)

            await sender.flush()
            await sender.flush()

            entry = outbox.get(draft.id)
            assert entry.state is State.SENT, entry.last_error
            assert len(sandbox.bookings) == 1
        finally:
            await client.aclose()
