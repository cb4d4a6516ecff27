"""The window against the simulated HubSpot on a real loopback socket (not the in-process transport).

Real sockets matter here: async slots driven only by Qt events pass with mocked transports and fail with real
ones (stack notes §1, §5). Covers booking with guests and every field type, a time taken by someone else meanwhile,
and drafting while HubSpot is unreachable, then sending when it is back.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.sandbox.state import DEMO_TOKEN
from app.store.outbox import State
from app.ui.window.window_controller import WindowController
from tests.gui.window_support import SLUG, Loopback, click_book, fill_attendee, pick_time, resolve_once

pytestmark = pytest.mark.gui


@pytest.fixture
def session(account_session: WindowController) -> WindowController:
    return account_session


@pytest.mark.asyncio
async def test_book_with_guests_and_every_field_type(
    session: WindowController, qtbot: QtBot, loopback: Loopback
) -> None:
    start = pick_time(session)
    fill_attendee(qtbot, session)
    form = session.window.book.form
    answers: dict[str, str | list[str] | bool] = {
        "agenda": "Front desk scheduling",
        "team_size": "12",
        "industry": "SOFTWARE",
        "preferred_contact_method": "video",
        "interests": ["scheduling", "integrations"],
        "existing_customer": True,
        "phone": "+49 30 1234567",
        "preferred_start_date": "2027-01-15",
    }
    for name, value in answers.items():
        form.input_for_key(f"field:{name}").set_value(value)
    qtbot.mouseClick(form.guests.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(form.guests.rows[-1].email, "grace@navy.test")
    marketing = session.window.book.consent.communication_boxes["4801001"]
    qtbot.mouseClick(marketing, Qt.MouseButton.LeftButton)

    await click_book(session)

    assert session.window.book.stack.currentWidget() is session.window.book.confirmation
    [booking] = loopback.state.bookings
    assert int(booking.start.timestamp() * 1000) == start
    assert booking.guest_emails == ["grace@navy.test"]
    sent = {f["name"]: f["value"] for f in booking.form_fields}
    assert sent == {
        "company": "Analytical Engines Ltd",
        "agenda": "Front desk scheduling",
        "team_size": "12",
        "industry": "SOFTWARE",
        "preferred_contact_method": "video",
        "interests": "scheduling;integrations",
        "existing_customer": "true",
        "phone": "+49 30 1234567",
        "preferred_start_date": "2027-01-15",
    }
    consents = {c["communicationTypeId"]: c["consented"] for c in booking.legal_consent_responses}
    assert consents == {"4801001": True, "4801002": False}  # unticked by default, sent as chosen


@pytest.mark.asyncio
async def test_time_taken_by_someone_else_keeps_answers_and_offers_fresh_times(
    session: WindowController, qtbot: QtBot, loopback: Loopback
) -> None:
    taken = pick_time(session, 1)
    fill_attendee(qtbot, session, first="Grace")
    # Another rep books that very time through HubSpot while this form is being filled in.
    async with httpx.AsyncClient(base_url=loopback.base, headers={"Authorization": f"Bearer {DEMO_TOKEN}"}) as rival:
        body = {
            "slug": SLUG,
            "startTime": taken,
            "duration": 1_800_000,
            "email": "rival@acme.test",
            "firstName": "Rita",
            "lastName": "Rival",
            "formFields": [{"name": "company", "value": "Rival Inc"}],
            "legalConsentResponses": [],
            "likelyAvailableUserIds": [],
        }
        response = await rival.post("/scheduler/2026-03/meetings/meeting-links/book", json=body)
        assert response.status_code == 200, response.text

    await click_book(session)

    book = session.window.book
    assert book.stack.currentIndex() == 0  # still the form, not a confirmation
    assert book.banner.isVisible()
    assert book.form.input_for_key("first_name").value() == "Grace"
    assert book.form.input_for_key("field:company").value() == "Analytical Engines Ltd"
    offered = book.banner.action_buttons
    assert offered
    offered[0].click()
    assert session.controller.state.start_ms not in (0, taken)
    await click_book(session)
    assert book.stack.currentWidget() is book.confirmation
    assert [b.email for b in loopback.state.bookings] == ["rival@acme.test", "grace@northwind.test"]


@pytest.mark.asyncio
async def test_unreachable_hubspot_saves_to_the_outbox_and_sends_once_when_back(
    session: WindowController, qtbot: QtBot, loopback: Loopback
) -> None:
    pick_time(session)
    fill_attendee(qtbot, session)
    loopback.down()  # the train enters the tunnel
    await click_book(session)
    assert session.services.outbox.counts().get(State.QUEUED) == 1
    assert "Outbox (1)" in session.window.tabs.tabText(1)
    assert loopback.state.bookings == []

    loopback.up()  # HubSpot is reachable again
    sent = asyncio.get_running_loop().create_future()
    unsubscribe = session.services.sender.subscribe(resolve_once(sent))
    try:
        session.window.set_network_online(True)
        session.services.sender.notify_online()
        await asyncio.wait_for(sent, 15)
    finally:
        unsubscribe()
    assert session.services.outbox.counts().get(State.SENT) == 1
    assert len(loopback.state.bookings) == 1  # exactly once
    await asyncio.sleep(0.2)
    session.services.sender.notify_online()  # another hint must not send it again
    await asyncio.sleep(0.2)
    assert len(loopback.state.bookings) == 1


@pytest.mark.asyncio
async def test_a_booked_time_stops_being_offered(session: WindowController, qtbot: QtBot, loopback: Loopback) -> None:
    booked = pick_time(session)
    fill_attendee(qtbot, session)
    await click_book(session)
    assert len(loopback.state.bookings) == 1
    session.window.book.confirmation.book_another_requested.emit()
    await session.window.tasks.idle()
    offered = [int(b.property("start_ms")) for b in session.window.open_times.time_buttons()]
    assert offered, "the rest of the day is still open"
    assert booked not in offered
