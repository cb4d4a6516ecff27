"""The window and the kiosk in German: labels, tabs, validation and HubSpot messages, and QLocale dates."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest
import pytest_asyncio
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.settings import Settings
from app.ui.window.window_controller import WindowController
from tests.gui.window_support import close_session, open_session
from tests.i18n_fixtures import compiled, german  # noqa: F401 - the fixtures

pytestmark = pytest.mark.gui

GERMAN_WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")


@pytest_asyncio.fixture
async def session(german: None, qtbot: QtBot, tmp_path: Path) -> AsyncIterator[WindowController]:  # noqa: F811
    settings = Settings(language="de", timezone="Europe/Berlin", use_24h=True)
    opened = await open_session(qtbot, tmp_path / "profile", settings=settings)
    yield opened
    await close_session(opened)


@pytest.mark.asyncio
async def test_window_labels_and_tabs_are_german(session: WindowController) -> None:
    window = session.window
    assert window.book.book_button.text() == "&Buchen"
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs[0] == "Buchen"
    assert tabs[1].startswith("Postausgang")
    assert tabs[2] == "Verlauf"
    assert window.link_picker.details.text().startswith(("Persönlich", "Team", "Gruppe"))


@pytest.mark.asyncio
async def test_dates_are_formatted_by_qlocale_in_german(session: WindowController) -> None:
    window = session.window
    year, month = window.month_grid.shown_month
    german_month = QLocale(QLocale.Language.German).monthName(month)
    assert window.month_grid._title.text() == f"{german_month} {year}"
    day = sorted(window.month_grid.open_days())[0]
    cell = window.month_grid.cell_for(day)
    assert cell is not None
    spoken = cell.accessibleName()
    assert spoken.startswith(GERMAN_WEEKDAYS[day.weekday()])
    assert QLocale().toString(QDate(2026, 9, 8), QLocale.FormatType.LongFormat) == "Dienstag, 8. September 2026"


@pytest.mark.asyncio
async def test_validation_message_is_german(session: WindowController, qtbot: QtBot) -> None:
    form = session.window.book.form
    line = form.input_for_key("email").findChild(QLineEdit)
    assert line is not None
    qtbot.keyClicks(line, "ada@")
    form.show_problems()  # as when Book is pressed: every field says what is missing
    assert form.message_for_key("first_name") == "Geben Sie den Vornamen des Teilnehmers ein."
    assert form.message_for_key("email") == "Ergänzen Sie die Domain nach dem @, z. B. name@beispiel.de."


@pytest.mark.asyncio
async def test_kiosk_welcome_is_german(german: None, qtbot: QtBot) -> None:  # noqa: F811
    from tests.gui.test_kiosk_window import open_kiosk

    async for kiosk in open_kiosk(qtbot):
        assert kiosk.window.start_button.text() == "Tippen, um einen Termin zu buchen"
        kiosk.window.start_button.click()
        await kiosk.window.tasks.idle()
        visit = kiosk.visit
        assert visit.current() is visit.days
        labels = [button.text() for button in visit.days.buttons]
        assert labels
        assert any(name in labels[0] for name in GERMAN_WEEKDAYS), labels[0]


def test_first_open_day_is_a_real_date() -> None:
    # Guard for the helpers above: weekday names index Monday..Sunday like date.weekday().
    assert GERMAN_WEEKDAYS[date(2026, 9, 8).weekday()] == "Dienstag"


@pytest.mark.usefixtures("german")
def test_outbox_table_headers_and_states_are_german() -> None:
    from app.ui.panels.outbox_model import OutboxRow, OutboxTableModel, state_text

    model = OutboxTableModel()
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers == ["Teilnehmer", "Link", "Beginn", "Status", "Letzter Fehler"]
    row = OutboxRow(id="d1", attendee="Ada", link="Demo", start_ms=0, state="needs_new_time")
    assert state_text(row) == "Braucht eine neue Uhrzeit"
