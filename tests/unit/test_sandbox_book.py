"""POST book: HubSpot's validation order and messages, double booking, races, offline members, guests."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import msgspec
import pytest

from app.hubspot.errors import (
    DurationNotAccepted,
    GuestsNotAllowed,
    InvalidEmail,
    InvalidRequest,
    LinkNotFound,
    RequiredFieldMissing,
    SchedulerError,
    TimeNoLongerAvailable,
    error_from_response,
)
from app.hubspot.models import BookResponse, ErrorEnvelope
from app.sandbox.state import SandboxState
from tests.unit.sandbox_support import API, alex_body, client_for, ms_to_iso, open_starts, pinned, team_body

NEW_YORK = ZoneInfo("America/New_York")
CASEY_OFFLINE = "7010004"


def _typed(response: httpx.Response) -> SchedulerError:
    envelope = msgspec.json.decode(response.content, type=ErrorEnvelope)
    return error_from_response(response.status_code, envelope, is_book=True)


async def _book(client: httpx.AsyncClient, body: dict[str, Any]) -> httpx.Response:
    return await client.post(f"{API}/book", json=body)


@pytest.mark.asyncio
async def test_booking_echoes_the_request_and_the_time_disappears() -> None:
    state = pinned()
    async with client_for(state) as client:
        start = (await open_starts(client, "alex-morgan", 1_800_000))[3]
        body = alex_body(
            start,
            formFields=[
                {"name": "company", "value": "Acme"},
                {"name": "industry", "value": "RETAIL"},
                {"name": "interests", "value": "scheduling;integrations"},
                {"name": "existing_customer", "value": "true"},
                {"name": "team_size", "value": "12"},
                {"name": "preferred_start_date", "value": "2026-04-15"},
                {"name": "phone", "value": "+49 30 1234567"},
            ],
            guestEmails=["a@acme.test", "b@acme.test", "c@acme.test"],
        )
        response = await _book(client, body)
        after = await open_starts(client, "alex-morgan", 1_800_000)
        again = await _book(client, body)
    assert response.status_code == 200, response.text
    booked = msgspec.json.decode(response.content, type=BookResponse)
    assert booked.duration == 1_800_000
    assert booked.start == ms_to_iso(start) and booked.start.endswith("Z")
    assert booked.end == ms_to_iso(start + 1_800_000)
    assert booked.booking_timezone == "Europe/Berlin"
    assert booked.subject == "Intro meeting with Alex Morgan"
    assert booked.has_calendar_event
    assert booked.web_conference_url and booked.location
    assert booked.guest_emails == ["a@acme.test", "b@acme.test", "c@acme.test"]
    labels = {f.name: (f.label, f.value_label) for f in booked.form_fields}
    assert labels["industry"] == ("Industry", "Retail")
    assert labels["interests"][1] == "Scheduling;Integrations"
    assert labels["existing_customer"][1] == "Yes"
    assert labels["company"] == ("Company name", None)
    assert [(c.communication_type_id, c.consented) for c in booked.legal_consent_responses] == [
        ("4801001", True),
        ("4801002", False),
    ]
    assert start not in after
    assert again.status_code == 400
    assert isinstance(_typed(again), TimeNoLongerAvailable)
    assert len(state.bookings) == 1
    assert state.bookings[0].email == "jane.doe@acme.test"


@pytest.mark.asyncio
async def test_buffer_also_closes_neighbouring_times_after_a_booking() -> None:
    async with client_for(pinned()) as client:
        starts = await open_starts(client, "alex-morgan", 1_800_000)
        target = starts[4]
        assert (await _book(client, alex_body(target))).status_code == 200
        after = set(await open_starts(client, "alex-morgan", 1_800_000))
    quarter = 15 * 60_000
    # 30-minute meeting + 15-minute buffer: starts less than 45 minutes before or after are gone.
    assert not after & {target - 2 * quarter, target - quarter, target + quarter, target + 2 * quarter}
    assert {target - 3 * quarter, target + 3 * quarter} <= after


@pytest.mark.asyncio
async def test_start_time_as_epoch_milliseconds_is_accepted() -> None:
    async with client_for(pinned()) as client:
        start = (await open_starts(client, "alex-morgan", 3_600_000))[0]
        response = await _book(client, alex_body(start, startTime=start, duration=3_600_000))
    assert response.status_code == 200
    assert response.json()["start"] == ms_to_iso(start)


@pytest.mark.asyncio
async def test_two_racing_books_of_one_time_exactly_one_wins() -> None:
    state = pinned()
    async with client_for(state) as client:
        start = (await open_starts(client, "alex-morgan", 1_800_000))[0]
        first, second = await asyncio.gather(
            _book(client, alex_body(start, email="one@acme.test")),
            _book(client, alex_body(start, email="two@acme.test")),
        )
    assert sorted([first.status_code, second.status_code]) == [200, 400]
    loser = first if first.status_code == 400 else second
    assert loser.json()["subCategory"] == "MeetingsBookingSchedulingError.MEETING_START_TIME_NOT_VALID"
    assert len(state.bookings) == 1


@pytest.mark.asyncio
async def test_validation_runs_in_hubspots_order() -> None:
    """Each fix reveals the next complaint, in the order HubSpot checks (reference §10.5)."""
    async with client_for(pinned()) as client:
        start = (await open_starts(client, "alex-morgan", 1_800_000))[0]
        body = alex_body(
            start,
            slug="nobody",
            duration=30,
            startTime="2020-01-01T09:00:00Z",
            email="testuser@example.com",
            lastName="",
            formFields=[{"name": "shoe_size", "value": "42"}],
            guestEmails=["a@acme.test"] * 4,
        )
        steps: list[tuple[dict[str, Any], type[SchedulerError], str]] = [
            ({"slug": "alex-morgan"}, LinkNotFound, "slug does not exist"),
            ({"duration": 1_800_000}, DurationNotAccepted, "Duration is not accepted by link"),
            ({"startTime": ms_to_iso(start)}, TimeNoLongerAvailable, "Start time must be contained"),
            ({"email": "jane@acme.test"}, InvalidEmail, "email address is not valid"),
            ({"lastName": "Doe"}, RequiredFieldMissing, "lastName"),
            (
                {"formFields": [{"name": "shoe_size", "value": "42"}, {"name": "company", "value": "Acme"}]},
                RequiredFieldMissing,
                "required form field company does not have a corresponding value",
            ),
            ({"formFields": [{"name": "company", "value": "Acme"}]}, InvalidRequest, "shoe_size"),
            ({"guestEmails": []}, GuestsNotAllowed, "At most 3 guests"),
        ]
        for fix, expected_error, expected_text in steps:
            response = await _book(client, body)
            assert response.status_code in (400, 404)
            assert expected_text in response.json()["message"]
            assert isinstance(_typed(response), expected_error)
            body.update(fix)
        final = await _book(client, body)
    assert final.status_code == 200, final.text


@pytest.mark.asyncio
async def test_blocked_domain_is_blocked_email() -> None:
    async with client_for(pinned()) as client:
        start = (await open_starts(client, "alex-morgan", 1_800_000))[0]
        response = await _book(client, alex_body(start, email="someone@blocked.test"))
    assert response.json()["subCategory"] == "MeetingsBookingCreatedError.BLOCKED_EMAIl"
    assert isinstance(_typed(response), InvalidEmail)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("industry", "AEROSPACE"),
        ("interests", "scheduling;golf"),
        ("team_size", "a dozen"),
        ("preferred_start_date", "15/04/2026"),
        ("existing_customer", "yes please"),
        ("phone", "call me"),
    ],
)
async def test_answers_must_fit_the_question_type(name: str, value: str) -> None:
    async with client_for(pinned()) as client:
        start = (await open_starts(client, "alex-morgan", 1_800_000))[0]
        fields = [{"name": "company", "value": "Acme"}, {"name": name, "value": value}]
        response = await _book(client, alex_body(start, formFields=fields))
    assert response.status_code == 400
    assert response.json()["errors"][0]["in"] == name


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("change", "param"),
    [
        ({"lastName": None}, "lastName"),
        ({"duration": "1800000"}, "duration"),
        ({"startTime": "next tuesday"}, "startTime"),
        ({"formFields": [{"name": "company"}]}, "formFields"),
        ({"guestEmails": "a@acme.test"}, "guestEmails"),
    ],
)
async def test_malformed_bodies_are_validation_errors(change: dict[str, Any], param: str) -> None:
    state = pinned()
    async with client_for(state) as client:
        start = (await open_starts(client, "alex-morgan", 1_800_000))[0]
        body = {k: v for k, v in {**alex_body(start), **change}.items() if v is not None}
        response = await _book(client, body)
        not_json = await client.post(f"{API}/book", content=b"{nope", headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["category"] == "VALIDATION_ERROR"
    assert response.json()["errors"][0]["in"] == param
    assert not_json.status_code == 400
    assert state.bookings == []


@pytest.mark.asyncio
async def test_missing_optional_arrays_are_tolerated() -> None:
    async with client_for(pinned()) as client:
        start = (await open_starts(client, "priya-shah", 900_000, timezone="America/New_York"))[0]
        body = {
            "slug": "priya-shah",
            "startTime": ms_to_iso(start),
            "duration": 900_000,
            "email": "kim@acme.test",
            "firstName": "Kim",
            "lastName": "-",
        }
        response = await _book(client, body)
    assert response.status_code == 200, response.text
    # No timezone in the body or query: the organiser's zone is used.
    assert response.json()["bookingTimezone"] == "America/New_York"


@pytest.mark.asyncio
async def test_contact_id_is_stable_per_email() -> None:
    async with client_for(pinned()) as client:
        starts = await open_starts(client, "alex-morgan", 1_800_000)
        first = await _book(client, alex_body(starts[0], email="Jane@Acme.test"))
        second = await _book(client, alex_body(starts[-1], email="jane@acme.test"))
        other = await _book(client, alex_body(starts[-10], email="max@acme.test"))
    assert first.json()["contactId"] == second.json()["contactId"] != other.json()["contactId"]


@pytest.mark.asyncio
async def test_round_robin_member_with_disconnected_calendar_books_offline() -> None:
    state = pinned()
    # Friday 10:00 New York: both connected members are busy, only the offline member looks free.
    only_offline_free = int(datetime(2026, 3, 27, 10, 0, tzinfo=NEW_YORK).timestamp() * 1000)
    monday_ten = int(datetime(2026, 3, 30, 10, 0, tzinfo=NEW_YORK).timestamp() * 1000)
    async with client_for(state) as client:
        normal = await _book(client, team_body(only_offline_free + 4 * 3_600_000))
        offline = await _book(client, team_body(only_offline_free))
        preferred = await _book(client, team_body(monday_ten, likelyAvailableUserIds=[CASEY_OFFLINE]))
    assert normal.status_code == 200
    assert normal.json()["calendarEventId"] != ""
    assert normal.json()["isOffline"] is False
    for response in (offline, preferred):
        assert response.status_code == 200
        booked = msgspec.json.decode(response.content, type=BookResponse)
        assert booked.is_offline is True
        assert booked.calendar_event_id == ""
        assert not booked.has_calendar_event
    assert [b.member_user_ids for b in state.bookings] == [["7010002"], [CASEY_OFFLINE], [CASEY_OFFLINE]]


@pytest.mark.asyncio
async def test_required_communication_consent_must_be_given() -> None:
    only_team_time = int(datetime(2026, 3, 30, 9, 0, tzinfo=NEW_YORK).timestamp() * 1000)
    async with client_for(pinned()) as client:
        refused = await _book(
            client,
            team_body(only_team_time, legalConsentResponses=[{"communicationTypeId": "4801003", "consented": False}]),
        )
        unknown = await _book(
            client,
            team_body(only_team_time, legalConsentResponses=[{"communicationTypeId": "999", "consented": True}]),
        )
        accepted = await _book(client, team_body(only_team_time))
    assert refused.status_code == 400 and "4801003" in refused.json()["message"]
    assert unknown.status_code == 400 and "999" in unknown.json()["message"]
    assert accepted.status_code == 200


@pytest.mark.asyncio
async def test_group_link_refuses_any_guest() -> None:
    state = SandboxState(now=pinned().now)
    async with client_for(state) as client:
        start = (await open_starts(client, "product-demo", 2_700_000, timezone="Europe/London"))[0]
        body = {
            "slug": "product-demo",
            "startTime": ms_to_iso(start),
            "duration": 2_700_000,
            "email": "lee@acme.test",
            "firstName": "Lee",
            "lastName": "Park",
            "formFields": [{"name": "company", "value": "Acme"}],
            "legalConsentResponses": [],
            "likelyAvailableUserIds": [],
        }
        with_guest = await _book(client, {**body, "guestEmails": ["x@acme.test"]})
        without = await _book(client, body)
    assert with_guest.status_code == 400
    assert with_guest.json()["subCategory"].endswith("INVALID_EMAIL_GUESTS")
    assert isinstance(_typed(with_guest), GuestsNotAllowed)
    assert without.status_code == 200
    assert state.bookings[0].member_user_ids == ["7010001", "7010005"]
