"""Draft → book request (ms, ISO Z, `;` joins, consents, no name/email in formFields) and parse_start."""

from __future__ import annotations

import json
from zoneinfo import ZoneInfo

import msgspec
import pytest

from app.booking.wire import StartTimeError, iso_utc, parse_start, to_book_request
from tests.unit.booking_fixtures import (
    MINUTE_MS,
    START_MS,
    booking_info,
    every_type_answers,
    every_type_fields,
    legal_consent,
    member,
    valid_draft,
)

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def wire_json(request: object) -> dict[str, object]:
    return json.loads(msgspec.json.encode(request))


def test_request_carries_ms_duration_iso_utc_start_and_lowercase_locale() -> None:
    body = wire_json(to_book_request(valid_draft(duration_ms=60 * MINUTE_MS), booking_info()))
    assert body["duration"] == 3_600_000
    assert body["startTime"] == "2026-09-08T18:00:00Z"
    assert body["slug"] == "sales-team/discovery"
    assert body["timezone"] == "Europe/Berlin"
    assert body["locale"] == "en-us"
    assert (body["firstName"], body["lastName"], body["email"]) == ("Ada", "Lovelace", "ada@analytical.example.org")


def test_form_fields_hold_only_extra_questions_as_strings() -> None:
    info = booking_info(fields=every_type_fields())
    draft = valid_draft(answers=every_type_answers())
    fields = {f.name: f.value for f in to_book_request(draft, info).form_fields}
    assert fields == {
        "company": "Analytical Engines, Ltd.",
        "notes": "Line one\nline two",
        "team_size": "12",
        "plan": "pro",
        "contact_by": "email",
        "topics": "pricing;support",
        "accept_terms": "true",
        "phone": "+49 30 1234567",
        "start_date": "2026-10-01",
    }
    assert not {"firstname", "lastname", "email"} & set(fields)


def test_empty_optional_answers_are_left_out_and_unticked_boxes_say_false() -> None:
    info = booking_info(fields=every_type_fields(required=False))
    draft = valid_draft(answers={"company": "  ", "topics": [], "accept_terms": False, "phone": "030 1234567"})
    fields = {f.name: f.value for f in to_book_request(draft, info).form_fields}
    assert fields == {"accept_terms": "false", "phone": "030 1234567"}


def test_one_consent_entry_per_communication_checkbox_with_the_real_choice() -> None:
    info = booking_info(consent=legal_consent())
    draft = valid_draft(processing_consent=True, communication_consents={"102": True, "999": True})
    body = wire_json(to_book_request(draft, info))
    assert body["legalConsentResponses"] == [
        {"communicationTypeId": "101", "consented": False},
        {"communicationTypeId": "102", "consented": True},
    ]


def test_no_consent_entries_when_the_link_has_legal_consent_off() -> None:
    draft = valid_draft(communication_consents={"101": True})
    assert to_book_request(draft, booking_info()).legal_consent_responses == []


def test_likely_available_users_are_connected_members_free_for_the_whole_meeting() -> None:
    half_hour = 30 * MINUTE_MS
    members = [
        member("1", busy=[(START_MS - half_hour, START_MS)]),  # busy just before: free
        member("2", busy=[(START_MS + 20 * MINUTE_MS, START_MS + half_hour * 2)]),  # overlaps the end
        member("3", offline=True),  # disconnected calendar looks free but is not
        member("4"),
    ]
    request = to_book_request(valid_draft(duration_ms=half_hour), booking_info(members=members))
    assert request.likely_available_user_ids == ["1", "4"]
    assert to_book_request(valid_draft(), booking_info(members=[])).likely_available_user_ids == []


def test_fresher_busy_times_can_be_passed_in() -> None:
    request = to_book_request(valid_draft(), booking_info(members=[member("1")]), busy_times=[])
    assert request.likely_available_user_ids == []


def test_guest_emails_are_sent_trimmed_and_omitted_when_none() -> None:
    with_guests = wire_json(to_book_request(valid_draft(guests=[" grace@example.org ", ""]), booking_info()))
    assert with_guests["guestEmails"] == ["grace@example.org"]
    assert "guestEmails" not in wire_json(to_book_request(valid_draft(), booking_info()))


def test_iso_utc_keeps_milliseconds_only_when_present() -> None:
    assert iso_utc(START_MS) == "2026-09-08T18:00:00Z"
    assert iso_utc(START_MS + 250) == "2026-09-08T18:00:00.250Z"


@pytest.mark.parametrize(
    "text",
    ["2026-09-08T18:00:00Z", "2026-09-08T20:00:00+02:00", "2026-09-08T14:00-04:00", "2026-09-08 18:00:00+00:00"],
)
def test_parse_start_with_an_offset_ignores_the_zone(text: str) -> None:
    assert parse_start(text, NEW_YORK) == START_MS
    assert parse_start(text, BERLIN) == START_MS


def test_parse_start_reads_local_times_in_the_given_zone() -> None:
    assert parse_start("2026-09-08T20:00", BERLIN) == START_MS
    assert parse_start("2026-09-08 14:00", NEW_YORK) == START_MS


def test_parse_start_rejects_a_time_skipped_by_dst() -> None:
    with pytest.raises(StartTimeError, match=r"2026-03-29 02:30 does not exist in Europe/Berlin"):
        parse_start("2026-03-29T02:30", BERLIN)
    with pytest.raises(StartTimeError, match="America/New_York"):
        parse_start("2026-03-08T02:15", NEW_YORK)


def test_parse_start_takes_the_first_of_a_repeated_local_time() -> None:
    # 02:30 on 2026-10-25 happens twice in Berlin; fold=0 is the earlier, summer-time one (00:30Z).
    first = parse_start("2026-10-25T02:30", BERLIN)
    assert iso_utc(first) == "2026-10-25T00:30:00Z"


@pytest.mark.parametrize(("text", "needle"), [("tomorrow 3pm", "Could not read"), ("2026-09-08", "no time of day")])
def test_parse_start_explains_unreadable_input(text: str, needle: str) -> None:
    with pytest.raises(StartTimeError, match=needle):
        parse_start(text, BERLIN)
