"""AttendeeForm: every HubSpot field type filled by keyboard, messages next to the right field, draft round-trip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.booking import messages
from app.booking.draft import BookingDraft
from app.ui.panels.attendee_form import AttendeeForm
from app.ui.panels.field_inputs import (
    ChoiceInput,
    DateInput,
    MultiCheckInput,
    MultiLineInput,
    RadioInput,
    TextInput,
    YesNoInput,
)
from tests.gui.window_support import show_active
from tests.unit.booking_fixtures import booking_info, every_type_answers, every_type_fields, form_field, valid_draft

pytestmark = pytest.mark.gui


def make_form(qtbot: QtBot, *, guests: tuple[bool, int] | None = (True, 2), required: bool = True) -> AttendeeForm:
    form = AttendeeForm()
    qtbot.addWidget(form)
    form.set_booking_info(booking_info(fields=every_type_fields(required=required), guests=guests))
    show_active(qtbot, form)
    return form


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def tab(qtbot: QtBot) -> None:
    widget = focused()
    assert widget is not None
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def type_and_tab(qtbot: QtBot, text: str) -> None:
    widget = focused()
    assert widget is not None
    qtbot.keyClicks(widget, text)
    tab(qtbot)


def test_each_field_type_gets_a_fitting_widget(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    kinds = {
        "field:company": TextInput,
        "field:notes": MultiLineInput,
        "field:team_size": TextInput,
        "field:plan": ChoiceInput,
        "field:contact_by": RadioInput,
        "field:topics": MultiCheckInput,
        "field:accept_terms": YesNoInput,
        "field:phone": TextInput,
        "field:start_date": DateInput,
    }
    for key, kind in kinds.items():
        assert isinstance(form.input_for_key(key), kind), key
    plan = form.input_for_key("field:plan")
    assert isinstance(plan, ChoiceInput)
    # Hidden options are not offered; a required dropdown starts on its "Choose…" placeholder, not a default.
    assert [plan.combo.itemText(i) for i in range(plan.combo.count())] == ["Basic", "Pro"]
    assert plan.combo.currentIndex() == -1
    topics = form.input_for_key("field:topics")
    assert isinstance(topics, MultiCheckInput)
    assert [b.text() for b in topics.boxes] == ["Pricing", "Support"]


def test_unknown_field_type_falls_back_to_text(qtbot: QtBot) -> None:
    form = AttendeeForm()
    qtbot.addWidget(form)
    form.set_booking_info(booking_info(fields=[form_field("mood", "emoji_picker")]))
    widget = form.input_for_key("field:mood")
    assert isinstance(widget, TextInput)
    qtbot.keyClicks(widget.line, "happy")
    assert form.fill_draft(BookingDraft(slug="s")).answers == {"mood": "happy"}


def test_optional_dropdown_offers_no_answer(qtbot: QtBot) -> None:
    form = AttendeeForm()
    qtbot.addWidget(form)
    form.set_booking_info(booking_info(fields=every_type_fields(required=False)))
    plan = form.input_for_key("field:plan")
    assert isinstance(plan, ChoiceInput)
    assert plan.combo.count() == 3
    assert plan.value() is None


def test_required_fields_are_marked_for_eyes_and_screen_readers(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    company = form.input_for_key("field:company")
    assert isinstance(company, TextInput)
    assert company.line.accessibleName() == "Company"
    assert "required" in company.line.accessibleDescription()
    assert form._rows["field:company"].caption.text() == "Company *"
    terms = form.input_for_key("field:accept_terms")
    assert isinstance(terms, YesNoInput)
    assert terms.box.text() == "Accept Terms *"


def test_whole_form_filled_by_keyboard_round_trips_into_a_draft(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    validity: list[bool] = []
    form.validity_changed.connect(validity.append)
    form.input_for_key("first_name").setFocus()
    type_and_tab(qtbot, "Ada")
    type_and_tab(qtbot, "Lovelace")
    type_and_tab(qtbot, "ada@analytical.example.org")
    type_and_tab(qtbot, "Analytical Engines, Ltd.")
    widget = focused()
    assert widget is not None
    qtbot.keyClicks(widget, "Line one")
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    type_and_tab(qtbot, "line two")
    type_and_tab(qtbot, "12")
    # Dropdown: Down twice from the placeholder picks the second option, "Pro".
    plan = form.input_for_key("field:plan")
    assert isinstance(plan, ChoiceInput)
    assert focused() is plan.combo
    qtbot.keyClick(plan.combo, Qt.Key.Key_Down)
    qtbot.keyClick(plan.combo, Qt.Key.Key_Down)
    tab(qtbot)
    # Radio group: Space picks the focused option, an arrow moves to the next and picks it.
    contact = form.input_for_key("field:contact_by")
    assert isinstance(contact, RadioInput)
    assert focused() is contact.buttons[0]
    qtbot.keyClick(contact.buttons[0], Qt.Key.Key_Space)
    qtbot.keyClick(contact.buttons[0], Qt.Key.Key_Down)
    assert contact.buttons[1].isChecked()
    tab(qtbot)
    topics = form.input_for_key("field:topics")
    assert isinstance(topics, MultiCheckInput)
    for box in topics.boxes:
        assert focused() is box
        qtbot.keyClick(box, Qt.Key.Key_Space)
        tab(qtbot)
    terms = form.input_for_key("field:accept_terms")
    assert isinstance(terms, YesNoInput)
    assert focused() is terms.box
    qtbot.keyClick(terms.box, Qt.Key.Key_Space)
    tab(qtbot)
    type_and_tab(qtbot, "+49 30 1234567")
    date = form.input_for_key("field:start_date")
    assert isinstance(date, DateInput)
    assert focused() is date.line
    qtbot.keyClicks(date.line, "2026-10-01")

    draft = form.fill_draft(valid_draft())
    assert draft.first_name == "Ada"
    assert draft.last_name == "Lovelace"
    assert draft.email == "ada@analytical.example.org"
    assert draft.answers == every_type_answers()
    assert form.is_valid()
    assert validity == [True]
    assert not any(form.message_for_key(key) for key in form._rows)


def test_message_appears_next_to_the_touched_field_only(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    email = form.input_for_key("email")
    assert isinstance(email, TextInput)
    email.line.setFocus()
    type_and_tab(qtbot, "ada@")
    assert form.message_for_key("email") == messages.EMAIL_NO_DOMAIN
    assert messages.EMAIL_NO_DOMAIN in email.line.accessibleDescription()
    # Untouched required fields stay quiet until the user tries to book.
    assert form.message_for_key("first_name") == ""
    assert form.message_for_key("field:company") == ""
    # Fixing the address as you type clears its message.
    email.line.setFocus()
    qtbot.keyClicks(email.line, "analytical.example.org")
    assert form.message_for_key("email") == ""
    assert not form.is_valid()


def test_untouched_form_shows_no_messages_until_submit(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    # Tabbing through empty fields is not touching them.
    form.input_for_key("first_name").setFocus()
    tab(qtbot)
    tab(qtbot)
    assert all(form.message_for_key(key) == "" for key in form._rows)
    assert form.focus_first_problem()
    first = form.input_for_key("first_name")
    assert isinstance(first, TextInput)
    assert focused() is first.line
    assert form.message_for_key("first_name") == messages.FIRST_NAME_MISSING
    assert form.message_for_key("field:accept_terms") == "Tick “Accept Terms” to continue."
    assert form.message_for_key("field:plan") == "Please answer “Plan”."


def test_number_and_phone_inputs_refuse_letters(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    number = form.input_for_key("field:team_size")
    phone = form.input_for_key("field:phone")
    assert isinstance(number, TextInput)
    assert isinstance(phone, TextInput)
    qtbot.keyClicks(number.line, "1a2.5")
    qtbot.keyClicks(phone.line, "+49 abc 30")
    assert number.value() == "12.5"
    assert phone.value() == "+49  30"
    assert phone.line.inputMethodHints() & Qt.InputMethodHint.ImhDialableCharactersOnly


# A pop-up makes the offscreen platform say it cannot raise windows or grab the keyboard; harmless there.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing the keyboard")
def test_calendar_popup_fills_the_date(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    date = form.input_for_key("field:start_date")
    assert isinstance(date, DateInput)
    date.set_value("2026-09-30")
    date.pick.setFocus()
    qtbot.keyClick(date.pick, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: focused() is date.calendar.focusWidget() or focused() is date.calendar)
    calendar_focus = focused()
    assert calendar_focus is not None
    # The calendar opens on the typed date; Right moves a day on, Return picks it and closes the pop-up.
    qtbot.keyClick(calendar_focus, Qt.Key.Key_Right)
    qtbot.keyClick(calendar_focus, Qt.Key.Key_Return)
    assert form.fill_draft(BookingDraft(slug="s")).answers["start_date"] == "2026-10-01"
    qtbot.waitUntil(lambda: not date._menu.isVisible())
    assert focused() is date.line


def test_set_from_draft_round_trips(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    draft = valid_draft(answers=every_type_answers(), guests=["grace@navy.example.org"])
    form.set_from_draft(draft)
    assert form.fill_draft(valid_draft()) == draft
    assert form.is_valid()


def test_answers_survive_a_new_booking_info(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    form.set_from_draft(valid_draft(answers=every_type_answers()))
    form.set_booking_info(booking_info(fields=[form_field("company", "text"), form_field("budget", "number")]))
    assert form.fill_draft(valid_draft()).answers == {"company": "Analytical Engines, Ltd."}
    assert form.fill_draft(valid_draft()).first_name == "Ada"


def test_clear_personal_empties_everything(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    form.set_from_draft(valid_draft(answers=every_type_answers(), guests=["grace@navy.example.org"]))
    form.focus_first_problem()
    form.clear_personal()
    draft = form.fill_draft(BookingDraft(slug="s"))
    assert (draft.first_name, draft.last_name, draft.email, draft.guests, draft.answers) == ("", "", "", [], {})
    assert all(form.message_for_key(key) == "" for key in form._rows)
    assert not form.is_valid()


def test_guests_up_to_the_link_maximum(qtbot: QtBot) -> None:
    form = make_form(qtbot, guests=(True, 2), required=False)
    form.set_from_draft(valid_draft())
    editor = form.guests
    assert editor.isVisible()
    assert editor.limit_note.text() == "Up to 2 guest(s)."
    editor.add_button.setFocus()
    qtbot.keyClick(editor.add_button, Qt.Key.Key_Space)
    assert focused() is editor.rows[0].email
    qtbot.keyClicks(editor.rows[0].email, "ada@analytical.example.org")
    editor.add_button.setFocus()
    qtbot.keyClick(editor.add_button, Qt.Key.Key_Space)
    assert len(editor.rows) == 2
    assert not editor.add_button.isEnabled()
    qtbot.keyClicks(editor.rows[1].email, "grace@navy.example.org")
    form.focus_first_problem()
    # The message sits next to the offending row, and that row has focus.
    assert editor.rows[0].problem.text() == messages.GUEST_IS_ATTENDEE
    assert editor.rows[1].problem.isHidden()
    assert focused() is editor.rows[0].email
    qtbot.keyClick(editor.rows[0].remove, Qt.Key.Key_Space)
    assert form.fill_draft(valid_draft()).guests == ["grace@navy.example.org"]
    assert editor.add_button.isEnabled()
    assert form.is_valid()


def test_guests_hidden_when_the_link_allows_none(qtbot: QtBot) -> None:
    form = make_form(qtbot, guests=(False, 0))
    assert not form.guests.isVisible()
    form.set_from_draft(valid_draft(guests=["grace@navy.example.org"]))
    assert form.fill_draft(valid_draft()).guests == []


def test_external_problem_shown_until_the_field_is_edited(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    form.set_from_draft(valid_draft())
    form.set_external_problem("email", "HubSpot rejected this address.")
    assert form.message_for_key("email") == "HubSpot rejected this address."
    email = form.input_for_key("email")
    assert isinstance(email, TextInput)
    qtbot.keyClicks(email.line, "x")
    assert form.message_for_key("email") == ""


def test_suggestions_can_be_switched_off_for_a_kiosk(qtbot: QtBot) -> None:
    office = AttendeeForm()
    kiosk = AttendeeForm(allow_suggestions=False)
    for form in (office, kiosk):
        qtbot.addWidget(form)
        form.set_suggestions(["Ada"], ["ada@analytical.example.org"])
    office_email = office.input_for_key("email")
    kiosk_email = kiosk.input_for_key("email")
    assert isinstance(office_email, TextInput)
    assert isinstance(kiosk_email, TextInput)
    assert office_email.line.completer() is not None
    assert kiosk_email.line.completer() is None
    assert kiosk_email.line.inputMethodHints() & Qt.InputMethodHint.ImhSensitiveData
