"""OutboxPanel: each state in words, only the valid actions enabled, actions as signals, the attention count."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from app.ui.panels.outbox_model import OutboxAction, OutboxRow, OutboxTableModel
from app.ui.panels.outbox_panel import OutboxPanel
from tests.gui.window_support import show_active
from tests.unit.booking_fixtures import START_MS

pytestmark = pytest.mark.gui

A = OutboxAction
EXPECTED = {
    "draft": {A.SEND_NOW, A.EDIT, A.DISCARD},
    "queued": {A.SEND_NOW, A.EDIT, A.DISCARD},
    "sending": set(),
    "sent": set(),
    "needs_new_time": {A.PICK_NEW_TIME, A.EDIT, A.DISCARD},
    "rejected": {A.EDIT, A.DISCARD},
    "unknown": {A.MARK_BOOKED, A.PICK_NEW_TIME, A.DISCARD},
    "discarded": set(),
}


def row(state: str, *, verdict: str = "", error: str = "", draft_id: str | None = None) -> OutboxRow:
    return OutboxRow(
        id=draft_id or f"id-{state}",
        attendee="Ada Lovelace",
        link="Discovery call",
        start_ms=START_MS,
        state=state,
        last_error=error,
        verdict=verdict,
    )


def make_panel(qtbot: QtBot) -> OutboxPanel:
    panel = OutboxPanel()
    panel.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    panel.set_display(ZoneInfo("Europe/Berlin"))
    qtbot.addWidget(panel)
    show_active(qtbot, panel)
    return panel


def enabled_actions(panel: OutboxPanel) -> set[OutboxAction]:
    return {action for action, button in panel.buttons.items() if button.isEnabled()}


def cell(panel: OutboxPanel, row_number: int, column: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole) -> str:
    return str(panel.model.data(panel.model.index(row_number, column), role))


@pytest.mark.parametrize("state", list(EXPECTED))
def test_only_the_actions_valid_for_the_state_are_enabled(qtbot: QtBot, state: str) -> None:
    panel = make_panel(qtbot)
    panel.set_rows([row(state)])
    assert enabled_actions(panel) == set()  # nothing selected yet
    panel.select_id(f"id-{state}")
    assert enabled_actions(panel) == EXPECTED[state]


def test_unknown_may_be_sent_again_only_when_probably_not_booked(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.set_rows([row("unknown", verdict="probably_not_booked", draft_id="a"), row("unknown", draft_id="b")])
    panel.select_id("a")
    assert A.SEND_NOW in enabled_actions(panel)
    panel.select_id("b")
    assert A.SEND_NOW not in enabled_actions(panel)


def test_states_are_told_in_words(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.set_rows(
        [
            row("unknown", draft_id="u"),
            row("unknown", verdict="probably_booked", draft_id="pb"),
            row("needs_new_time", draft_id="n"),
            row("queued", verdict="offline", draft_id="q"),
            row("rejected", error="HubSpot says: invalid email.", draft_id="r"),
        ]
    )
    states = [cell(panel, i, OutboxTableModel.STATE) for i in range(5)]
    assert states == [
        "May have been booked — check HubSpot",
        "Probably booked — check HubSpot",
        "Needs a new time",
        "Queued — waiting for the network",
        "Rejected by HubSpot",
    ]
    assert cell(panel, 4, OutboxTableModel.ERROR) == "HubSpot says: invalid email."
    panel.select_id("r")
    assert "HubSpot says: invalid email." in panel.detail.text()


def test_start_is_shown_in_the_reps_zone_and_spelled_out_for_screen_readers(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.set_rows([row("queued")])
    assert cell(panel, 0, OutboxTableModel.START) == "Tue 08/09/2026, 20:00"
    assert cell(panel, 0, OutboxTableModel.START, Qt.ItemDataRole.AccessibleTextRole) == (
        "Tuesday, 8 September 2026, 20:00"
    )
    panel.set_display(ZoneInfo("Europe/Berlin"), use_24h=False)  # the rep's 12-hour clock
    assert cell(panel, 0, OutboxTableModel.START) == "Tue 08/09/2026, 8:00 PM"


@pytest.mark.parametrize(
    ("locale", "short", "spoken"),
    [
        # The C locale's own short date is "8 09 2026": the table shows ISO dates instead, never bare numbers.
        ("C", "Tue 2026-09-08, 20:00", "Tuesday, 8 September 2026, 20:00"),
        ("en_US", "Tue 9/8/26, 8:00 PM", "Tuesday, September 8, 2026, 8:00 PM"),
        ("de_DE", "Di. 08.09.26, 20:00", "Dienstag, 8. September 2026, 20:00"),
    ],
)
def test_start_reads_well_in_every_locale(qtbot: QtBot, locale: str, short: str, spoken: str) -> None:
    panel = make_panel(qtbot)
    panel.setLocale(QLocale(locale))
    panel.set_display(ZoneInfo("Europe/Berlin"))  # the locale's own clock: 24 h, or AM/PM in the US
    panel.set_rows([row("queued")])
    assert cell(panel, 0, OutboxTableModel.START) == short
    assert cell(panel, 0, OutboxTableModel.START, Qt.ItemDataRole.AccessibleTextRole) == spoken


@pytest.mark.parametrize(
    ("state", "action", "signal_name"),
    [
        ("queued", A.SEND_NOW, "send_now_requested"),
        ("draft", A.EDIT, "edit_requested"),
        ("needs_new_time", A.PICK_NEW_TIME, "pick_new_time_requested"),
        ("rejected", A.DISCARD, "discard_requested"),
        ("unknown", A.MARK_BOOKED, "mark_booked_requested"),
    ],
)
def test_each_action_is_a_signal_with_the_draft_id(
    qtbot: QtBot, state: str, action: OutboxAction, signal_name: str
) -> None:
    panel = make_panel(qtbot)
    panel.set_rows([row("sent", draft_id="other"), row(state, draft_id="target")])
    # Keyboard only: into the table, down to the second draft, Tab to the buttons.
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    assert panel.selected_id() == "target"
    button = panel.buttons[action]
    button.setFocus()
    with qtbot.waitSignal(getattr(panel, signal_name)) as blocker:
        qtbot.keyClick(button, Qt.Key.Key_Space)
    assert blocker.args == ["target"]


def test_disabled_action_emits_nothing(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.set_rows([row("sending")])
    panel.select_id("id-sending")
    with qtbot.assertNotEmitted(panel.discard_requested):
        panel.buttons[A.DISCARD].click()


def test_attention_count_for_the_badge(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    counts: list[int] = []
    panel.attention_count_changed.connect(counts.append)
    panel.set_rows([row("queued"), row("needs_new_time"), row("unknown"), row("rejected"), row("sent")])
    assert panel.attention_count() == 3
    panel.set_rows([row("queued")])
    assert counts == [3, 0]


def test_selection_survives_a_refresh_and_empty_outbox_says_so(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.set_rows([row("queued", draft_id="a"), row("draft", draft_id="b")])
    panel.select_id("b")
    panel.set_rows([row("queued", draft_id="new"), row("queued", draft_id="a"), row("draft", draft_id="b")])
    assert panel.selected_id() == "b"
    panel.set_rows([])
    assert panel.empty_note.isVisible()
    assert not panel.table.isVisible()


def test_sender_changes_redraw_only_their_rows_and_a_new_draft_asks_for_every_row(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    panel.set_rows([row("queued", draft_id="a"), row("queued", draft_id="b"), row("queued", draft_id="c")])
    panel.select_id("c")
    resets: list[bool] = []
    panel.model.modelReset.connect(lambda: resets.append(True))
    counts: list[int] = []
    panel.attention_count_changed.connect(counts.append)

    # "a" was sent (no longer listed), "b" needs a new time: in place, no reset, the selection stays on "c".
    assert panel.update_rows({"a": None, "b": row("needs_new_time", draft_id="b")})
    assert [r.id for r in panel.model.rows()] == ["b", "c"]
    assert panel.model.row_at(0).state == "needs_new_time"
    assert panel.selected_id() == "c"
    assert counts == [1] and resets == []

    # A draft the panel does not list yet: nothing changes, the caller reads every row (its place is the store's).
    assert not panel.update_rows({"c": None, "new": row("queued", draft_id="new")})
    assert [r.id for r in panel.model.rows()] == ["b", "c"]
