"""The open times show the rep's own zone too when they are listed in the attendee's (another) zone."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from app.booking.slots import local_slot
from app.booking.timefmt import to_ms
from app.hubspot.models import Slot
from app.ui.widgets.open_times import OpenTimesView

pytestmark = pytest.mark.gui


def view_with(qtbot: QtBot, second_zone: str) -> OpenTimesView:
    view = OpenTimesView()
    qtbot.addWidget(view)
    view.set_use_24h(True)
    view.set_second_zone(second_zone)
    start = to_ms(datetime(2026, 10, 27, 9, 0, tzinfo=UTC))  # 10:00 Berlin (winter), 05:00 New York (summer)
    slot = local_slot(Slot(start_millis_utc=start, end_millis_utc=start + 1_800_000), ZoneInfo("Europe/Berlin"))
    view.show_day(date(2026, 10, 27), [slot])
    return view


def test_each_time_also_in_the_reps_zone(qtbot: QtBot) -> None:
    button = view_with(qtbot, "America/New_York").time_buttons()[0]
    assert button.text() == "10:00\n05:00 New York"
    assert "New York" in button.accessibleDescription()
    assert "New York" not in button.accessibleName()  # the name stays the attendee's time, as "Chosen:" says it


def test_one_zone_when_the_rep_is_in_the_attendees(qtbot: QtBot) -> None:
    button = view_with(qtbot, "Europe/Berlin").time_buttons()[0]
    assert button.text() == "10:00"
    assert button.accessibleDescription() == ""
