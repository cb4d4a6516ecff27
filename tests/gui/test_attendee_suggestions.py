"""Suggestions in the attendee form, driven by typing: history at once, HubSpot contacts when typing pauses,
picking fills the person, missing scope said once, never in the kiosk."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.attendees.suggestions import AttendeeSuggestions
from app.booking.draft import BookingDraft
from app.hubspot.client import SchedulerClient
from app.hubspot.http import make_http_client
from app.hubspot.tokens import StaticTokenProvider
from app.sandbox.state import DEMO_TOKEN, READ_ONLY_TOKEN, SandboxState
from app.sandbox.transport import in_process_transport
from app.store.database import Database
from app.store.history import History
from app.ui.panels.attendee_form import AttendeeForm
from app.ui.panels.attendee_suggestions import AttendeeSuggester
from app.ui.panels.field_inputs import TextInput
from app.ui.window.window_controller import WindowController
from tests.gui.window_support import show_active
from tests.unit.booking_fixtures import booking_info, form_field
from tests.unit.test_outbox_fakes import make_request, slot_ms

# The popup makes the offscreen platform say it cannot raise windows or grab the keyboard; harmless there.
pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing"),
]


@pytest_asyncio.fixture
async def db() -> AsyncIterator[Database]:
    database = Database.in_memory()
    History(database).record(
        request=make_request(slot_ms(24), email="jane.doe@acme.test", first="Jane", last="Doe", company="Acme"),
        response=None,
        start_ms=slot_ms(24),
    )
    yield database
    database.close()


def emitted(signal: SignalInstance) -> asyncio.Future[None]:
    """Resolves when `signal` next fires: awaited, so the loop (and the debounce timer) keeps running."""
    future: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def fire(*_args: object) -> None:
        if not future.done():
            future.set_result(None)

    signal.connect(fire)
    return future


async def crm_answer(suggester: AttendeeSuggester) -> None:
    await asyncio.wait_for(emitted(suggester.crm_shown), 10)


def sandbox_client(token: str = DEMO_TOKEN) -> SchedulerClient:
    http = make_http_client("http://sandbox.test", transport=in_process_transport(SandboxState()))
    return SchedulerClient(http, StaticTokenProvider(token))


def form_with_company(qtbot: QtBot) -> AttendeeForm:
    form = AttendeeForm()
    qtbot.addWidget(form)
    form.set_booking_info(booking_info(fields=[form_field("company", "text")], guests=None))
    show_active(qtbot, form)
    return form


def line(form: AttendeeForm, key: str) -> TextInput:
    widget = form.input_for_key(key)
    assert isinstance(widget, TextInput)
    return widget


@pytest.mark.asyncio
async def test_typing_shows_history_then_crm_and_picking_fills_the_person(qtbot: QtBot, db: Database) -> None:
    client = sandbox_client()
    try:
        form = form_with_company(qtbot)
        suggester = form.enable_suggestions(AttendeeSuggestions(db, client))
        assert isinstance(suggester, AttendeeSuggester)
        first = line(form, "first_name").line
        first.setFocus()
        shown = crm_answer(suggester)
        QTest.keyClicks(first, "jan")
        # History answers before any request: the one booked before is offered at once.
        assert [p.email for p in suggester.rows()] == ["jane.doe@acme.test"]
        assert suggester.is_showing()
        await shown
        rows = suggester.rows()
        assert rows[0].email == "jane.doe@acme.test" and rows[0].source == "history"
        assert {p.email for p in rows[1:]} == {"janet@globex.test", "jan.kowalski@initech.test", "janis@riga.test"}
        assert suggester.requests == 1  # three keys, one search: it waited for typing to pause

        # Down to Janet, Return picks her; the keys go to the field, which keeps the focus.
        target = next(i for i, p in enumerate(rows) if p.email == "janet@globex.test")
        for _ in range(target + 1):
            QTest.keyClick(first, Qt.Key.Key_Down)
        QTest.keyClick(first, Qt.Key.Key_Return)
        draft = form.fill_draft(BookingDraft(slug="s"))
        assert (draft.first_name, draft.last_name, draft.email) == ("Janet", "Okafor", "janet@globex.test")
        assert draft.answers["company"] == "Globex"
        assert not suggester.is_showing()
    finally:
        await client.aclose()


@pytest.mark.asyncio
async def test_typing_on_cancels_the_search_and_shows_the_latest(qtbot: QtBot, db: Database) -> None:
    client = sandbox_client()
    try:
        form = form_with_company(qtbot)
        suggester = form.enable_suggestions(AttendeeSuggestions(db, client))
        assert suggester is not None
        company = line(form, "field:company").line
        company.setFocus()
        searching = emitted(suggester.searching)
        QTest.keyClicks(company, "gl")
        await asyncio.wait_for(searching, 10)  # typing paused: the debounce timer started the search
        shown = crm_answer(suggester)
        QTest.keyClicks(company, "obex")  # goes on while "gl" may still be in flight
        await shown
        assert [p.email for p in suggester.rows()] == ["janet@globex.test"]
        assert suggester.requests == 2
    finally:
        await client.aclose()


@pytest.mark.asyncio
async def test_missing_scope_suggests_history_only_and_says_so_once(qtbot: QtBot, db: Database) -> None:
    client = sandbox_client(READ_ONLY_TOKEN)
    try:
        form = form_with_company(qtbot)
        suggester = form.enable_suggestions(AttendeeSuggestions(db, client))
        assert suggester is not None
        notes: list[str] = []
        suggester.note.connect(notes.append)
        email = line(form, "email").line
        email.setFocus()
        shown = crm_answer(suggester)
        QTest.keyClicks(email, "jan")
        await shown
        assert [p.email for p in suggester.rows()] == ["jane.doe@acme.test"]
        shown = crm_answer(suggester)
        QTest.keyClicks(email, "e")
        await shown
        assert len(notes) == 1 and "crm.objects.contacts.read" in notes[0]
        assert suggester.requests == 2  # the second answered from history without asking HubSpot
    finally:
        await client.aclose()


@pytest.mark.asyncio
async def test_the_kiosk_form_never_suggests(qtbot: QtBot, db: Database) -> None:
    kiosk = AttendeeForm(allow_suggestions=False)
    qtbot.addWidget(kiosk)
    show_active(qtbot, kiosk)
    assert kiosk.enable_suggestions(AttendeeSuggestions(db, None)) is None
    first = line(kiosk, "first_name").line
    first.setFocus()
    QTest.keyClicks(first, "jan")
    assert kiosk.suggester is None
    assert first.completer() is None


@pytest.mark.asyncio
async def test_the_window_suggests_demo_contacts(session: WindowController, qtbot: QtBot) -> None:
    form = session.window.book.form
    suggester = form.suggester
    assert suggester is not None
    email = line(form, "email").line
    email.setFocus()
    shown = crm_answer(suggester)
    QTest.keyClicks(email, "grace")
    await shown
    assert [p.label() for p in suggester.rows()] == ["Grace Hopper <grace@navy.test> · US Navy"]
    QTest.keyClick(email, Qt.Key.Key_Down)
    QTest.keyClick(email, Qt.Key.Key_Return)
    assert line(form, "first_name").value() == "Grace"


@pytest.mark.asyncio
async def test_the_open_list_never_swallows_a_click_or_tab(session: WindowController, qtbot: QtBot) -> None:
    """With the list open, a click elsewhere does what it says (here: ticks the consent box) and Tab moves on."""
    form = session.window.book.form
    suggester = form.suggester
    assert suggester is not None
    first = line(form, "first_name").line
    first.setFocus()
    shown = crm_answer(suggester)
    QTest.keyClicks(first, "gra")
    await shown
    assert suggester.is_showing()
    box = session.window.book.consent.processing_box
    assert box is not None and not box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert box.isChecked()
    first.setFocus()
    QTest.keyClicks(first, "c")
    QTest.keyClick(first, Qt.Key.Key_Tab)
    assert not suggester.is_showing()
    assert line(form, "last_name").line.hasFocus()
    assert line(form, "first_name").value() == "grac"  # typed text kept; nothing was picked
