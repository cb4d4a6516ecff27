"""The read endpoints: listing with paging and filters, slugs as one encoded segment, timezone, auth, rate limits."""

from __future__ import annotations

from datetime import UTC, datetime

import msgspec
import pytest

from app.hubspot.errors import MissingScopes, TokenRejected, error_from_response
from app.hubspot.models import AvailabilityPage, BookingInfo, ErrorEnvelope, MeetingLinkPage
from app.sandbox.state import READ_ONLY_TOKEN, READ_SCOPE, SandboxState
from tests.unit.sandbox_support import API, THURSDAY, alex_body, client_for, open_starts, pinned

SLUGS = {"alex-morgan", "sales-team/intro-call", "product-demo", "priya-shah", "sam-rivera"}


def _envelope(content: bytes) -> ErrorEnvelope:
    return msgspec.json.decode(content, type=ErrorEnvelope)


@pytest.mark.asyncio
@pytest.mark.parametrize("version", ["v3", "2026-03"])
async def test_paging_with_a_small_limit_walks_every_link_once(version: str) -> None:
    seen: list[str] = []
    pages = 0
    async with client_for(pinned()) as client:
        params: dict[str, str | int] = {"limit": 2}
        while True:
            response = await client.get(f"/scheduler/{version}/meetings/meeting-links", params=params)
            assert response.status_code == 200
            page = msgspec.json.decode(response.content, type=MeetingLinkPage)
            assert page.total == len(SLUGS)
            seen += [link.slug for link in page.results]
            pages += 1
            if page.paging is None or page.paging.next is None:
                break
            assert page.paging.next.link and "after=" in page.paging.next.link
            params = {"limit": 2, "after": page.paging.next.after}
    assert pages == 3
    assert sorted(seen) == sorted(SLUGS)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "ROUND_ROBIN_CALENDAR"}, {"sales-team/intro-call"}),
        ({"type": "GROUP_CALENDAR"}, {"product-demo"}),
        ({"organizerUserId": "7010001"}, {"alex-morgan", "product-demo"}),
        ({"name": "onboarding"}, {"sam-rivera"}),
        ({}, SLUGS),
    ],
)
async def test_list_filters(params: dict[str, str], expected: set[str]) -> None:
    async with client_for(pinned()) as client:
        response = await client.get(API, params=params)
    body = response.json()
    assert {link["slug"] for link in body["results"]} == expected
    assert body["total"] == len(expected)
    assert "paging" not in body


@pytest.mark.asyncio
@pytest.mark.parametrize(("param", "value"), [("type", "TEAM"), ("limit", "0"), ("limit", "many"), ("after", "x")])
async def test_bad_list_parameters_are_validation_errors(param: str, value: str) -> None:
    async with client_for(pinned()) as client:
        response = await client.get(API, params={param: value})
    assert response.status_code == 400
    envelope = _envelope(response.content)
    assert envelope.category == "VALIDATION_ERROR"
    assert envelope.errors[0].in_ == param


@pytest.mark.asyncio
async def test_team_slug_works_encoded_and_404s_as_raw_segments() -> None:
    async with client_for(pinned()) as client:
        encoded = await client.get(f"{API}/book/sales-team%2Fintro-call", params={"timezone": "America/New_York"})
        raw = await client.get(f"{API}/book/sales-team/intro-call", params={"timezone": "America/New_York"})
        leaf = await client.get(f"{API}/book/intro-call", params={"timezone": "America/New_York"})
        raw_availability = await client.get(
            f"{API}/book/availability-page/sales-team/intro-call", params={"timezone": "America/New_York"}
        )
    assert encoded.status_code == 200
    info = msgspec.json.decode(encoded.content, type=BookingInfo)
    assert info.link_type == "ROUND_ROBIN_CALENDAR"
    for response in (raw, leaf, raw_availability):
        assert response.status_code == 404
        assert response.json()["message"] == "slug does not exist"
        assert response.json()["status"] == "error"


@pytest.mark.asyncio
async def test_booking_info_has_every_field_type_consent_and_guest_rules() -> None:
    async with client_for(pinned()) as client:
        response = await client.get(f"{API}/book/alex-morgan", params={"timezone": "Europe/Berlin"})
    info = msgspec.json.decode(response.content, type=BookingInfo)
    params = info.custom_params
    assert params.durations == [1_800_000, 3_600_000]
    assert params.start_time_increment_minutes == "FIFTEEN"
    assert params.meeting_buffer_time == 15 * 60_000
    assert msgspec.to_builtins(params.availability["MONDAY"]) == {"start": 540, "end": 1020}
    types = {f.field_type for f in params.form_fields}
    assert types == {
        "text",
        "textarea",
        "number",
        "select",
        "radio",
        "checkbox",
        "booleancheckbox",
        "phonenumber",
        "date",
    }
    company = next(f for f in params.form_fields if f.name == "company")
    assert company.is_required
    assert all(f.options for f in params.form_fields if f.field_type in ("select", "radio", "checkbox"))
    consent = params.legal_consent_options
    assert consent is not None and consent.processing_consent_type == "REQUIRED_CHECKBOX"
    assert [c.required for c in consent.communication_consent_checkboxes] == [False, False]
    assert params.guest_settings is not None and params.guest_settings.max_guest_count == 3
    assert info.link_availability is not None and info.link_availability.slots_for(1_800_000)
    busy = info.all_users_busy_times[0]
    assert busy.meetings_user.id != busy.meetings_user.user_id
    assert busy.busy_times


@pytest.mark.asyncio
async def test_team_info_lists_every_member_and_the_offline_one() -> None:
    async with client_for(pinned()) as client:
        response = await client.get(f"{API}/book/sales-team%2Fintro-call", params={"timezone": "UTC"})
    info = msgspec.json.decode(response.content, type=BookingInfo)
    members = {b.meetings_user.user_id: b for b in info.all_users_busy_times}
    assert set(members) == {"7010002", "7010003", "7010004"}
    assert [uid for uid, b in members.items() if b.is_offline] == ["7010004"]
    assert all(b.meetings_user.id != b.meetings_user.user_id for b in members.values())


@pytest.mark.asyncio
async def test_group_link_allows_no_guests() -> None:
    async with client_for(pinned()) as client:
        response = await client.get(f"{API}/book/product-demo", params={"timezone": "Europe/London"})
    info = msgspec.json.decode(response.content, type=BookingInfo)
    assert info.link_type == "GROUP_CALENDAR"
    assert info.custom_params.guest_settings is not None
    assert not info.custom_params.guest_settings.can_add_guests


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/book/alex-morgan", "/book/availability-page/alex-morgan"])
@pytest.mark.parametrize(("query", "code"), [({}, "REQUIRED"), ({"timezone": "Mars/Olympus"}, "INVALID_TIME_ZONE")])
async def test_timezone_is_required_and_must_be_iana(path: str, query: dict[str, str], code: str) -> None:
    async with client_for(pinned()) as client:
        response = await client.get(API + path, params=query)
    assert response.status_code == 400
    envelope = _envelope(response.content)
    assert envelope.category == "VALIDATION_ERROR"
    assert (envelope.errors[0].in_, envelope.errors[0].code) == ("timezone", code)


@pytest.mark.asyncio
async def test_availability_page_decodes_and_is_keyed_by_milliseconds() -> None:
    async with client_for(pinned()) as client:
        response = await client.get(f"{API}/book/availability-page/alex-morgan", params={"timezone": "Europe/Berlin"})
        bad_offset = await client.get(
            f"{API}/book/availability-page/alex-morgan", params={"timezone": "Europe/Berlin", "monthOffset": "soon"}
        )
    page = msgspec.json.decode(response.content, type=AvailabilityPage)
    assert page.link_availability is not None
    by_duration = page.link_availability.link_availability_by_duration
    assert set(by_duration) == {"1800000", "3600000"}
    assert by_duration["3600000"].meeting_duration_millis == 3_600_000
    slot = by_duration["3600000"].availabilities[0]
    assert slot.end_millis_utc - slot.start_millis_utc == 3_600_000
    assert bad_offset.status_code == 400
    assert _envelope(bad_offset.content).errors[0].in_ == "monthOffset"


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("token", "category"),
    [(None, "INVALID_AUTHENTICATION"), ("nope", "INVALID_AUTHENTICATION"), ("expired-token", "EXPIRED_AUTHENTICATION")],
)
async def test_missing_unknown_or_expired_token_is_401(token: str | None, category: str) -> None:
    async with client_for(pinned(), token=token) as client:
        response = await client.get(API)
    assert response.status_code == 401
    envelope = _envelope(response.content)
    assert envelope.category == category
    assert envelope.status == "error"
    assert isinstance(error_from_response(401, envelope, is_book=False), TokenRejected)


@pytest.mark.asyncio
async def test_read_only_token_reads_but_cannot_book() -> None:
    state = pinned()
    async with client_for(state, token=READ_ONLY_TOKEN) as client:
        listed = await client.get(API)
        start = (await open_starts(client, "alex-morgan", 1_800_000))[0]
        booked = await client.post(f"{API}/book", json=alex_body(start))
    assert listed.status_code == 200
    assert booked.status_code == 403
    envelope = _envelope(booked.content)
    assert envelope.category == "MISSING_SCOPES"
    error = error_from_response(403, envelope, is_book=True)
    assert isinstance(error, MissingScopes)
    assert "crm.objects.contacts.write" in error.scopes
    assert state.bookings == []


@pytest.mark.asyncio
async def test_token_without_the_read_scope_is_403_naming_it() -> None:
    state = pinned()
    state.add_token("writer", ["crm.objects.contacts.write"])
    async with client_for(state, token="writer") as client:
        response = await client.get(API)
    assert response.status_code == 403
    assert response.json()["errors"][0]["context"]["requiredGranularScopes"] == [READ_SCOPE]


@pytest.mark.asyncio
async def test_every_error_has_a_fresh_correlation_id() -> None:
    async with client_for(pinned(), token=None) as client:
        first = (await client.get(API)).json()["correlationId"]
        second = (await client.get(API)).json()["correlationId"]
    assert first != second
    assert len(first) == 36


@pytest.mark.asyncio
async def test_unknown_paths_and_versions_404_and_wrong_method_405() -> None:
    async with client_for(pinned()) as client:
        assert (await client.get("/scheduler/2099-01/meetings/meeting-links")).status_code == 404
        assert (await client.get("/crm/v3/objects/meetings")).status_code == 404
        assert (await client.post(API, json={})).status_code == 405
        assert (await client.get(f"{API}/book")).status_code == 405


@pytest.mark.asyncio
async def test_rate_limit_headers_and_429_then_recovery() -> None:
    clock = [100.0]
    state = SandboxState(now=lambda: THURSDAY, monotonic=lambda: clock[0], rate_limit=(2, 10_000))
    async with client_for(state) as client:
        first = await client.get(API)
        second = await client.get(API)
        limited = await client.get(API)
        clock[0] += 10.0
        recovered = await client.get(API)
    assert first.headers["X-HubSpot-RateLimit-Max"] == "2"
    assert first.headers["X-HubSpot-RateLimit-Remaining"] == "1"
    assert first.headers["X-HubSpot-RateLimit-Interval-Milliseconds"] == "10000"
    assert (
        int(first.headers["X-HubSpot-RateLimit-Daily-Remaining"]) == int(first.headers["X-HubSpot-RateLimit-Daily"]) - 1
    )
    assert second.headers["X-HubSpot-RateLimit-Remaining"] == "0"
    assert limited.status_code == 429
    assert limited.headers["Retry-After"] == "10"
    body = limited.json()
    assert body["policyName"] == "TEN_SECONDLY_ROLLING"
    assert body["status"] == "error" and body["correlationId"]
    assert recovered.status_code == 200


@pytest.mark.asyncio
async def test_daily_limit_uses_the_daily_policy_and_oauth_tokens_get_no_daily_headers() -> None:
    state = SandboxState(now=lambda: datetime(2026, 3, 26, 23, 0, tzinfo=UTC), daily_limit=1)
    state.add_token("oauth", [READ_SCOPE], oauth=True)
    async with client_for(state, token="oauth") as client:
        ok = await client.get(API)
        limited = await client.get(API)
    assert "X-HubSpot-RateLimit-Daily" not in ok.headers
    assert "X-HubSpot-RateLimit-Max" in ok.headers
    assert limited.status_code == 429
    assert limited.json()["policyName"] == "DAILY"
    assert limited.headers["Retry-After"] == "3600"
