"""Booking from the window against the in-process sandbox: start to finish, time taken meanwhile, offline."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.booking.wire import iso_utc
from app.hubspot.models import BookRequest, FormFieldAnswer
from app.store.outbox import State
from app.ui.window.book_flow import BookOutcome, OutcomeKind
from app.ui.window.window_controller import WindowController
from tests.gui.window_support import click_book, fill_attendee, pick_time, resolve_once

pytestmark = pytest.mark.gui


@pytest.mark.asyncio
async def test_book_button_waits_for_a_time_and_a_complete_form(session: WindowController, qtbot: QtBot) -> None:
    book = session.window.book.book_button
    assert not book.isEnabled()
    pick_time(session)
    assert not book.isEnabled()  # the form is still empty
    fill_attendee(qtbot, session)
    assert book.isEnabled()


@pytest.mark.asyncio
async def test_book_a_meeting_start_to_finish(session: WindowController, qtbot: QtBot) -> None:
    pick_time(session)
    fill_attendee(qtbot, session)
    await click_book(session)
    book = session.window.book
    assert book.stack.currentWidget() is book.confirmation
    assert "booked" in book.confirmation.heading.text().lower()
    # Written ahead to the outbox, then sent: the row is `sent` and a history row exists.
    assert session.services.outbox.counts()[State.SENT] == 1
    assert session.services.history.count() == 1
    assert "0 queued" in session.window.status.queued.text()

    # Book another: personal data goes, the link stays.
    book.confirmation.book_another_requested.emit()
    assert book.stack.currentIndex() == 0
    assert book.form.input_for_key("first_name").value() is None
    assert session.controller.state.slug == "alex-morgan"


@pytest.mark.asyncio
async def test_time_taken_meanwhile_keeps_answers_and_offers_nearest_times(
    session: WindowController, qtbot: QtBot
) -> None:
    taken = pick_time(session)
    fill_attendee(qtbot, session, first="Grace")
    # Someone else books that very time through HubSpot while the form is being filled in.
    rival = BookRequest(
        slug="alex-morgan",
        start_time=iso_utc(taken),
        duration=session.controller.state.duration_ms,
        email="rival@acme.test",
        first_name="Rita",
        last_name="Rival",
        form_fields=[FormFieldAnswer(name="company", value="Rival Inc")],
        legal_consent_responses=[],
        likely_available_user_ids=[],
    )
    await session.services.client.book(rival)
    await click_book(session)

    book = session.window.book
    assert book.stack.currentIndex() == 0
    assert book.banner.isVisible()
    assert book.form.input_for_key("first_name").value() == "Grace"  # answers kept
    alternatives = book.banner.action_buttons
    assert alternatives, "the nearest fresh open times are offered"
    day = session.controller.state.day
    assert day is not None and str(day.year) in alternatives[0].accessibleName()
    alternatives[0].click()
    assert session.controller.state.start_ms not in (0, taken)
    await click_book(session)
    assert book.stack.currentWidget() is book.confirmation
    # The fixed draft was updated in place, not duplicated.
    counts = session.services.outbox.counts()
    assert counts[State.SENT] == 1
    assert counts[State.NEEDS_NEW_TIME] == 0


@pytest.mark.asyncio
async def test_offline_booking_is_saved_to_the_outbox_and_sent_when_back_online(
    session: WindowController, qtbot: QtBot
) -> None:
    window = session.window
    window.set_network_online(False)
    assert "Offline" in window.status.network.text()
    pick_time(session)
    fill_attendee(qtbot, session)
    assert "outbox" in window.book.book_button.text().lower()
    outcomes: list[OutcomeKind] = []
    original = window.book.show_outcome

    def recording(outcome: BookOutcome, **kw: Any) -> None:
        outcomes.append(outcome.kind)
        original(outcome, **kw)

    window.book.show_outcome = recording  # type: ignore[method-assign]
    await click_book(session)
    assert outcomes == [OutcomeKind.SAVED_OFFLINE]
    assert window.book.form.input_for_key("first_name").value() is None  # ready for the next attendee
    assert "Outbox (1)" in window.tabs.tabText(1)

    sent = asyncio.get_running_loop().create_future()
    unsubscribe = session.services.sender.subscribe(resolve_once(sent))
    try:
        window.set_network_online(True)
        session.services.sender.notify_online()
        await asyncio.wait_for(sent, 10)
    finally:
        unsubscribe()
    assert session.services.outbox.counts()[State.SENT] == 1
    assert session.notifier.shown, "a queued booking sent in the background is announced"
    assert "0 queued" in window.status.queued.text()
