"""The draft round-trips through JSON, and every validation rule fails and passes with a specific message."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from app.booking import messages
from app.booking.draft import BookingDraft, find_problems, validate_draft
from app.hubspot.models import BookingInfo
from tests.unit.booking_fixtures import (
    MINUTE_MS,
    NOW_MS,
    START_MS,
    booking_info,
    every_type_answers,
    every_type_fields,
    form_field,
    legal_consent,
    option,
    valid_draft,
)

NOW = datetime.fromtimestamp(NOW_MS / 1000, UTC)


def check(draft: BookingDraft, info: BookingInfo | None = None, offered: list[int] | None = None) -> dict[str, str]:
    return validate_draft(draft, info or booking_info(), offered, now=NOW)


def test_a_complete_draft_has_no_problems() -> None:
    info = booking_info(fields=every_type_fields(), consent=legal_consent(required_ids=("101",)))
    draft = valid_draft(
        answers=every_type_answers(),
        guests=["grace@example.org"],
        processing_consent=True,
        communication_consents={"101": True},
    )
    assert check(draft, info, offered=[START_MS]) == {}


def test_draft_round_trips_through_json() -> None:
    draft = valid_draft(
        answers={"topics": ["pricing"], "accept_terms": True, "company": "ACME"},
        guests=["grace@example.org"],
        processing_consent=True,
        communication_consents={"101": False, "102": True},
    )
    again = BookingDraft.from_json(draft.to_json())
    assert again == draft
    assert isinstance(again.answers["accept_terms"], bool)
    assert again.answers["topics"] == ["pricing"]


def test_book_another_clears_everything_personal() -> None:
    fresh = valid_draft(guests=["g@example.org"], answers={"company": "ACME"}, processing_consent=True)
    cleared = fresh.without_personal_data()
    assert (cleared.slug, cleared.duration_ms, cleared.timezone) == (fresh.slug, fresh.duration_ms, fresh.timezone)
    assert (cleared.first_name, cleared.email, cleared.guests, cleared.answers) == ("", "", [], {})
    assert not cleared.processing_consent
    assert cleared.start_ms == 0


# --- attendee -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "key", "message"),
    [
        ("first_name", "first_name", messages.FIRST_NAME_MISSING),
        ("last_name", "last_name", messages.LAST_NAME_MISSING),
        ("email", "email", messages.EMAIL_MISSING),
    ],
)
def test_blank_attendee_fields_are_named(field: str, key: str, message: str) -> None:
    assert check(valid_draft(**{field: "   "})) == {key: message}


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("ada lovelace@example.org", messages.EMAIL_HAS_SPACES),
        ("ada.example.org", messages.EMAIL_NO_AT),
        ("ada@@example.org", messages.EMAIL_MANY_AT),
        ("@example.org", messages.EMAIL_NO_LOCAL),
        ("ada@", messages.EMAIL_NO_DOMAIN),
        ("ada@localhost", messages.EMAIL_DOMAIN_NO_DOT),
        ("ada..l@example.org", messages.EMAIL_BAD_DOTS),
        (".ada@example.org", messages.EMAIL_BAD_DOTS),
        ("ada@example.org.", messages.EMAIL_BAD_DOTS),
        ("ada@exa_mple.org", messages.EMAIL_BAD_DOMAIN),
        ("ada@-example.org", messages.EMAIL_BAD_DOMAIN),
        ("ada@example.c", messages.EMAIL_BAD_TLD),
        ("ada@example.123", messages.EMAIL_BAD_TLD),
        ("a" * 65 + "@example.org", messages.EMAIL_TOO_LONG),
    ],
)
def test_bad_email_names_the_problem(address: str, message: str) -> None:
    assert check(valid_draft(email=address)) == {"email": message}


def test_email_with_forbidden_characters_lists_them() -> None:
    problems = check(valid_draft(email="a(d)a@example.org"))
    assert problems == {"email": messages.EMAIL_BAD_LOCAL_CHARS.format(chars="( )")}


@pytest.mark.parametrize("address", ["jose@exämple.de", "kim@münchen.example", "li@例え.jp"])
def test_international_domains_pass(address: str) -> None:
    assert check(valid_draft(email=address)) == {}


@pytest.mark.parametrize("address", ["ada@exä..de", "ada@" + "ä" * 70 + ".de"])
def test_broken_international_domains_are_refused(address: str) -> None:
    assert "email" in check(valid_draft(email=address))


@pytest.mark.parametrize(
    "address", ["ada@example.org", "ada.lovelace+booking@mail.example.co.uk", "o'brien@example.ie", " ada@example.de "]
)
def test_practical_emails_pass(address: str) -> None:
    assert check(valid_draft(email=address)) == {}


# --- guests ---------------------------------------------------------------------------------------------


def test_guests_on_a_link_without_guests() -> None:
    draft = valid_draft(guests=["grace@example.org"])
    assert check(draft, booking_info(guests=(False, 0))) == {"guests": messages.GUESTS_NOT_ALLOWED}
    assert check(draft, booking_info(guests=None)) == {"guests": messages.GUESTS_NOT_ALLOWED}
    assert check(valid_draft(guests=[]), booking_info(guests=(False, 0))) == {}


def test_too_many_guests_names_the_limit() -> None:
    info = booking_info(guests=(True, 2))
    three = valid_draft(guests=["a@example.org", "b@example.org", "c@example.org"])
    assert check(three, info) == {"guests": "This meeting link allows at most 2 guests."}
    assert check(valid_draft(guests=["a@example.org", "b@example.org"]), info) == {}


def test_each_guest_email_is_checked_by_position() -> None:
    guests = ["grace@example.org", "not-an-email", "", "GRACE@example.org", "ADA@analytical.example.org"]
    draft = valid_draft(guests=guests)
    assert check(draft) == {
        "guests": messages.GUESTS_TOO_MANY.format(max=3),
        "guest:1": messages.EMAIL_NO_AT,
        "guest:2": messages.GUEST_EMPTY,
        "guest:3": messages.GUEST_DUPLICATE,
        "guest:4": messages.GUEST_IS_ATTENDEE,
    }


# --- questions by field type ----------------------------------------------------------------------------


def required_only(name: str) -> BookingInfo:
    return booking_info(fields=[f for f in every_type_fields() if f["name"] == name])


@pytest.mark.parametrize(
    ("name", "bad", "message", "good"),
    [
        ("company", "  ", messages.FIELD_REQUIRED, "ACME"),
        ("notes", "", messages.FIELD_REQUIRED, "Line\nline"),
        ("team_size", "twelve", messages.FIELD_NOT_A_NUMBER, "-3.5"),
        ("team_size", "nan", messages.FIELD_NOT_A_NUMBER, "1e3"),
        ("plan", "enterprise", messages.FIELD_NOT_AN_OPTION, "basic"),
        ("plan", "old", messages.FIELD_NOT_AN_OPTION, "pro"),  # hidden options cannot be chosen
        ("contact_by", "fax", messages.FIELD_NOT_AN_OPTION, "phone"),
        ("topics", ["pricing", "gossip"], messages.FIELD_NOT_OPTIONS, ["support"]),
        ("topics", ["legacy"], messages.FIELD_NOT_OPTIONS, "pricing;support"),
        ("topics", [], messages.FIELD_REQUIRED, ["pricing"]),
        ("accept_terms", False, messages.FIELD_MUST_TICK, True),
        ("accept_terms", "maybe", messages.FIELD_WRONG_KIND, "yes"),
        ("phone", "call me", messages.FIELD_NOT_A_PHONE, "+1 (555) 010-9999"),
        ("phone", "12+34567", messages.FIELD_NOT_A_PHONE, "030 1234567"),
        ("phone", "123", messages.FIELD_NOT_A_PHONE, "12345"),
        ("start_date", "2026-02-30", messages.FIELD_NOT_A_DATE, "2026-02-28"),
        ("start_date", "08.09.2026", messages.FIELD_NOT_A_DATE, "2026-09-08"),
        ("company", ["a", "b"], messages.FIELD_WRONG_KIND, "ACME"),
    ],
)
def test_each_field_type_rejects_bad_answers_and_accepts_good(name: str, bad: Any, message: str, good: Any) -> None:
    info = required_only(name)
    label = name.replace("_", " ").title()
    assert check(valid_draft(answers={name: bad}), info) == {f"field:{name}": message.format(label=label)}
    assert check(valid_draft(answers={name: good}), info) == {}


def test_missing_required_answers_are_reported_per_field() -> None:
    problems = check(valid_draft(), booking_info(fields=every_type_fields()))
    assert set(problems) == {f"field:{f['name']}" for f in every_type_fields()}
    assert problems["field:accept_terms"] == "Tick “Accept Terms” to continue."
    assert problems["field:company"] == "Please answer “Company”."


def test_optional_questions_may_stay_empty_but_must_be_valid_when_answered() -> None:
    info = booking_info(fields=every_type_fields(required=False))
    assert check(valid_draft(answers={"accept_terms": False, "topics": [], "company": ""}), info) == {}
    assert check(valid_draft(answers={"start_date": "tomorrow"}), info) == {
        "field:start_date": messages.FIELD_NOT_A_DATE.format(label="Start Date")
    }


def test_answers_to_questions_the_link_does_not_have_are_flagged() -> None:
    assert check(valid_draft(answers={"compnay": "ACME"})) == {
        "field:compnay": messages.FIELD_UNKNOWN.format(name="compnay")
    }


def test_html_and_calculated_fields_need_no_answer() -> None:
    info = booking_info(
        fields=[form_field("intro", "html", required=True), form_field("score", "calculation_equation", required=True)]
    )
    assert check(valid_draft(), info) == {}


def test_checkbox_without_options_is_a_single_tick_box() -> None:
    info = booking_info(fields=[form_field("gdpr_ok", "checkbox", required=True)])
    assert check(valid_draft(answers={"gdpr_ok": False}), info) == {
        "field:gdpr_ok": messages.FIELD_MUST_TICK.format(label="Gdpr Ok")
    }
    assert check(valid_draft(answers={"gdpr_ok": True}), info) == {}


def test_select_with_only_hidden_options_cannot_be_answered() -> None:
    info = booking_info(fields=[form_field("tier", "select", required=True, options=[option("x", hidden=True)])])
    assert check(valid_draft(answers={"tier": "x"}), info) == {
        "field:tier": messages.FIELD_NOT_AN_OPTION.format(label="Tier")
    }


# --- consent --------------------------------------------------------------------------------------------


def test_required_processing_checkbox_must_be_ticked() -> None:
    info = booking_info(consent=legal_consent())
    assert check(valid_draft(processing_consent=False), info) == {
        "processing_consent": messages.PROCESSING_CONSENT_REQUIRED
    }
    assert check(valid_draft(processing_consent=True), info) == {}


def test_implicit_processing_consent_needs_no_tick() -> None:
    assert check(valid_draft(), booking_info(consent=legal_consent(processing="IMPLICIT"))) == {}


def test_required_communication_checkbox_must_be_ticked_optional_ones_not() -> None:
    info = booking_info(consent=legal_consent(processing="IMPLICIT", required_ids=("102",)))
    assert check(valid_draft(communication_consents={"101": True}), info) == {
        "consent:102": "Tick “Product updates”; it is required to book."
    }
    assert check(valid_draft(communication_consents={"102": True}), info) == {}


# --- duration and start ---------------------------------------------------------------------------------


def test_duration_must_be_one_the_link_offers() -> None:
    assert check(valid_draft(duration_ms=30)) == {
        "duration": "Choose one of the meeting lengths this link offers: 30 minutes, 60 minutes."
    }
    assert check(valid_draft(duration_ms=0)) == {"duration": messages.DURATION_MISSING}
    assert check(valid_draft(duration_ms=60 * MINUTE_MS)) == {}


def test_start_must_be_chosen_and_in_the_future() -> None:
    assert check(valid_draft(start_ms=0)) == {"start": messages.START_MISSING}
    assert check(valid_draft(start_ms=NOW_MS - MINUTE_MS)) == {"start": messages.START_IN_PAST}
    assert check(valid_draft(start_ms=NOW_MS + MINUTE_MS)) == {}


def test_start_must_be_among_offered_times_when_known() -> None:
    assert check(valid_draft(), offered=[START_MS + 15 * MINUTE_MS]) == {"start": messages.START_NOT_OFFERED}
    assert check(valid_draft(), offered=[START_MS]) == {}
    assert check(valid_draft(), offered=None) == {}


def test_problems_keep_template_and_values_apart_for_translation() -> None:
    problems = find_problems(valid_draft(guests=["a@x.org"] * 5), booking_info(guests=(True, 2)), now=NOW)
    assert problems["guests"].template == messages.GUESTS_TOO_MANY
    assert problems["guests"].params == {"max": "2"}
