"""SchedulerClient against httpx.MockTransport: paths, paging, retries, error mapping, the book POST's safety."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from app.hubspot import errors
from app.hubspot.client import Booked, BookedWithoutCalendarEvent, SchedulerClient
from app.hubspot.endpoints import API_VERSION, encode_slug
from app.hubspot.models import BookRequest
from app.hubspot.rate_limit import RateLimitPacer
from app.hubspot.retry import RetryPolicy
from app.hubspot.tokens import StaticTokenProvider

BASE = "https://api.hubapi.test"
Handler = Callable[[httpx.Request], httpx.Response]


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def make_client(handler: Handler, clock: FakeClock | None = None, tokens: Any = None) -> SchedulerClient:
    clock = clock or FakeClock()
    http = httpx.AsyncClient(base_url=BASE, transport=httpx.MockTransport(handler))
    return SchedulerClient(
        http,
        tokens or StaticTokenProvider("pat-na1-secret"),
        retry=RetryPolicy(attempts=3, base=0.5, cap=4.0),
        pacer=RateLimitPacer(clock=clock, sleep=clock.sleep),
        sleep=clock.sleep,
    )


def link_json(i: int) -> dict[str, Any]:
    return {
        "id": str(i),
        "slug": f"link-{i}",
        "link": f"https://meetings.hubspot.com/link-{i}",
        "name": f"Link {i}",
        "type": "PERSONAL_LINK",
        "organizerUserId": "7",
        "userIdsOfLinkMembers": ["7"],
        "defaultLink": i == 0,
        "createdAt": "2026-01-01T00:00:00Z",
        "someNewField": {"ignored": True},
    }


def book_response(calendar_event_id: str = "evt-1", is_offline: bool = False) -> dict[str, Any]:
    return {
        "calendarEventId": calendar_event_id,
        "contactId": "c-1",
        "bookingTimezone": "Europe/Berlin",
        "start": "2026-12-01T09:00:00Z",
        "end": "2026-12-01T09:30:00Z",
        "duration": 1800000,
        "subject": "Intro call",
        "formFields": [],
        "guestEmails": [],
        "isOffline": is_offline,
        "legalConsentResponses": [],
    }


def error(status: int, **body: Any) -> httpx.Response:
    payload = {"status": "error", "message": "", "correlationId": "corr-123", **body}
    return httpx.Response(status, json=payload)


REQUEST = BookRequest(
    slug="team/intro",
    start_time="2026-12-01T09:00:00Z",
    duration=1800000,
    email="jane@acme.test",
    first_name="Jane",
    last_name="Doe",
    form_fields=[],
    legal_consent_responses=[],
    likely_available_user_ids=[],
)


@pytest.mark.asyncio
async def test_list_links_follows_paging_and_sends_bearer_token() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        after = request.url.params.get("after")
        page = int(after or 0)
        body: dict[str, Any] = {"results": [link_json(page * 2), link_json(page * 2 + 1)], "total": 6}
        if page < 2:
            body["paging"] = {"next": {"after": str(page + 1)}}
        return httpx.Response(200, json=body)

    client = make_client(handler)
    links = await client.list_links()
    await client.aclose()
    assert [link.slug for link in links] == [f"link-{i}" for i in range(6)]
    assert all(r.url.path == f"/scheduler/{API_VERSION}/meetings/meeting-links" for r in seen)
    assert seen[0].headers["authorization"] == "Bearer pat-na1-secret"
    assert [r.url.params.get("after") for r in seen] == [None, "1", "2"]


@pytest.mark.asyncio
async def test_team_slug_is_one_percent_encoded_path_segment() -> None:
    paths: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        paths.append(request.url.raw_path)
        return error(404, message="slug does not exist", category="OBJECT_NOT_FOUND")

    client = make_client(handler)
    with pytest.raises(errors.LinkNotFound):
        await client.availability("sales-team/intro call", "Europe/Berlin", 1)
    await client.aclose()
    assert encode_slug("sales-team/intro call") == "sales-team%2Fintro%20call"
    assert paths[0].startswith(
        b"/scheduler/2026-03/meetings/meeting-links/book/availability-page/sales-team%2Fintro%20call?"
    )
    assert b"timezone=Europe%2FBerlin" in paths[0] and b"monthOffset=1" in paths[0]


@pytest.mark.asyncio
async def test_malformed_response_names_the_field() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        broken = link_json(0)
        del broken["slug"]
        return httpx.Response(200, json={"results": [broken], "total": 1})

    client = make_client(handler)
    with pytest.raises(errors.MalformedResponse, match=r"slug.*results\[0\]|results\[0\].*slug"):
        await client.list_links()
    await client.aclose()


@pytest.mark.asyncio
async def test_invalid_json_is_a_clear_error() -> None:
    client = make_client(lambda r: httpx.Response(200, content=b"{not json"))
    with pytest.raises(errors.MalformedResponse, match="not valid JSON"):
        await client.booking_info("x", "UTC")
    await client.aclose()


@pytest.mark.asyncio
async def test_get_retries_5xx_with_backoff_then_succeeds() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        if calls < 3:
            return error(503, message="unavailable")
        return httpx.Response(200, json={"results": [], "total": 0})

    clock = FakeClock()
    client = make_client(handler, clock)
    assert await client.list_links() == []
    await client.aclose()
    assert calls == 3
    assert len(clock.sleeps) == 2
    assert 0.25 <= clock.sleeps[0] <= 0.5 and 0.5 <= clock.sleeps[1] <= 1.0  # capped exponential with jitter


@pytest.mark.asyncio
async def test_get_gives_up_after_attempts_with_server_error() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return error(500, message="internal error")

    client = make_client(handler)
    with pytest.raises(errors.ServerError) as info:
        await client.list_links()
    await client.aclose()
    assert calls == 3
    assert info.value.correlation_id == "corr-123"


@pytest.mark.asyncio
async def test_get_waits_out_429_retry_after() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        if calls == 1:
            resp = error(429, message="You have reached your ten secondly limit.", policyName="TEN_SECONDLY_ROLLING")
            resp.headers["Retry-After"] = "7"
            return resp
        return httpx.Response(200, json={"results": [], "total": 0})

    clock = FakeClock()
    client = make_client(handler, clock)
    await client.list_links()
    await client.aclose()
    assert calls == 2
    assert sum(clock.sleeps) == pytest.approx(7.0)


@pytest.mark.asyncio
async def test_daily_limit_is_not_waited_out() -> None:
    client = make_client(lambda r: error(429, message="You have reached your daily limit.", policyName="DAILY"))
    with pytest.raises(errors.RateLimited) as info:
        await client.list_links()
    await client.aclose()
    assert info.value.daily


@pytest.mark.asyncio
async def test_pacing_waits_when_the_server_says_the_window_is_used_up() -> None:
    headers = {
        "X-HubSpot-RateLimit-Max": "100",
        "X-HubSpot-RateLimit-Remaining": "0",
        "X-HubSpot-RateLimit-Interval-Milliseconds": "10000",
    }
    clock = FakeClock()
    client = make_client(lambda r: httpx.Response(200, json={"results": [], "total": 0}, headers=headers), clock)
    await client.list_links()
    assert clock.sleeps == []
    await client.list_links()
    await client.aclose()
    assert clock.sleeps == [pytest.approx(10.0)]


@pytest.mark.asyncio
async def test_pacing_spreads_a_burst_over_the_rolling_window_at_the_allowed_rate() -> None:
    headers = {
        "X-HubSpot-RateLimit-Max": "3",
        "X-HubSpot-RateLimit-Remaining": "50",  # the server is not the binding constraint here
        "X-HubSpot-RateLimit-Interval-Milliseconds": "10000",
    }
    sent_at: list[float] = []
    clock = FakeClock()

    def handler(request: httpx.Request) -> httpx.Response:
        sent_at.append(clock.now)
        return httpx.Response(200, json={"results": [], "total": 0}, headers=headers)

    client = make_client(handler, clock)
    for _ in range(7):
        await client.list_links()
    await client.aclose()
    # Three per 10 s, never more in any window (each counted until 10 s after its answer, plus the clock margin),
    # and no slower than that.
    assert sent_at == pytest.approx([0.0, 0.0, 0.0, 10.01, 10.01, 10.01, 20.02])


@pytest.mark.asyncio
async def test_pacing_counts_a_slow_request_until_the_window_after_its_answer() -> None:
    """HubSpot may count a request as late as just before it answers: on a slow network the next window's first
    request waits for the interval after that answer, not after the departure."""
    headers = {
        "X-HubSpot-RateLimit-Max": "2",
        "X-HubSpot-RateLimit-Remaining": "50",
        "X-HubSpot-RateLimit-Interval-Milliseconds": "10000",
    }
    sent_at: list[float] = []
    clock = FakeClock()

    def handler(request: httpx.Request) -> httpx.Response:
        sent_at.append(clock.now)
        clock.now += 0.4  # a round trip of 400 ms: the server may have counted it at any moment of it
        return httpx.Response(200, json={"results": [], "total": 0}, headers=headers)

    client = make_client(handler, clock)
    for _ in range(3):
        await client.list_links()
    await client.aclose()
    assert sent_at == pytest.approx([0.0, 0.4, 10.41])


@pytest.mark.asyncio
async def test_connect_errors_on_get_are_retried_then_network_unreachable() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("no route", request=request)

    client = make_client(handler)
    with pytest.raises(errors.NetworkUnreachable):
        await client.list_links()
    await client.aclose()


@pytest.mark.asyncio
async def test_book_posts_the_request_once_and_returns_booked() -> None:
    bodies: list[dict[str, Any]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        bodies.append(json.loads(request.content))
        assert request.url.path == f"/scheduler/{API_VERSION}/meetings/meeting-links/book"
        return httpx.Response(200, json=book_response())

    client = make_client(handler)
    result = await client.book(REQUEST)
    await client.aclose()
    assert isinstance(result, Booked)
    assert bodies[0]["slug"] == "team/intro"  # raw in the body
    assert bodies[0]["duration"] == 1800000
    assert "guestEmails" not in bodies[0]


@pytest.mark.parametrize(("event_id", "offline"), [("", True), ("", False), ("evt", True)])
@pytest.mark.asyncio
async def test_book_without_calendar_event_is_a_distinct_result(event_id: str, offline: bool) -> None:
    client = make_client(lambda r: httpx.Response(200, json=book_response(event_id, offline)))
    result = await client.book(REQUEST)
    await client.aclose()
    assert isinstance(result, BookedWithoutCalendarEvent)


@pytest.mark.parametrize(
    "exc_type", [httpx.ReadTimeout, httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError, httpx.WriteTimeout]
)
@pytest.mark.asyncio
async def test_book_is_never_resent_after_bytes_may_have_left(exc_type: type[httpx.TransportError]) -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        raise exc_type("boom", request=request)

    client = make_client(handler)
    with pytest.raises(errors.OutcomeUnknown) as info:
        await client.book(REQUEST)
    await client.aclose()
    assert calls == 1
    assert info.value.may_have_booked


@pytest.mark.asyncio
async def test_book_connect_error_means_nothing_was_sent() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        raise httpx.ConnectError("refused", request=request)

    client = make_client(handler)
    with pytest.raises(errors.NetworkUnreachable) as info:
        await client.book(REQUEST)
    await client.aclose()
    assert calls == 1
    assert not info.value.may_have_booked


@pytest.mark.asyncio
async def test_book_500_is_not_retried() -> None:
    calls = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return error(500, message="internal error")

    client = make_client(handler)
    with pytest.raises(errors.ServerError):
        await client.book(REQUEST)
    await client.aclose()
    assert calls == 1


class RefreshingTokens:
    def __init__(self) -> None:
        self.current = "old"
        self.refreshes = 0

    async def access_token(self) -> str:
        return self.current

    async def token_rejected(self, token: str) -> bool:
        self.refreshes += 1
        self.current = "new"
        return True


@pytest.mark.asyncio
async def test_401_refreshes_once_and_retries() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.headers["authorization"] == "Bearer old":
            return error(401, category="INVALID_AUTHENTICATION")
        return httpx.Response(200, json={"results": [], "total": 0})

    tokens = RefreshingTokens()
    client = make_client(handler, tokens=tokens)
    await client.list_links()
    await client.aclose()
    assert tokens.refreshes == 1


@pytest.mark.asyncio
async def test_401_without_refresh_is_token_rejected_without_leaking_token() -> None:
    client = make_client(lambda r: error(401, message="Authentication credentials not found."))
    with pytest.raises(errors.TokenRejected) as info:
        await client.list_links()
    await client.aclose()
    assert "pat-na1-secret" not in str(info.value)
    assert "pat-na1-secret" not in repr(info.value.args)


@pytest.mark.asyncio
async def test_missing_token_is_not_signed_in() -> None:
    client = make_client(lambda r: httpx.Response(200), tokens=StaticTokenProvider(None))
    with pytest.raises(errors.NotSignedIn):
        await client.list_links()
    await client.aclose()


ERROR_CASES: list[tuple[int, dict[str, Any], type[errors.SchedulerError]]] = [
    (401, {"category": "INVALID_AUTHENTICATION"}, errors.TokenRejected),
    (404, {"message": "slug does not exist"}, errors.LinkNotFound),
    (
        400,
        {
            "category": "VALIDATION_ERROR",
            "subCategory": "MeetingsBookingSchedulingError.MEETING_START_TIME_NOT_VALID",
            "message": "Start time must be contained in availability settings",
        },
        errors.TimeNoLongerAvailable,
    ),
    (
        400,
        {"subCategory": "MeetingsBookingSchedulingError.MEETING_DURATION_NOT_VALID", "message": "Duration is not…"},
        errors.DurationNotAccepted,
    ),
    (400, {"subCategory": "MeetingsBookingCreatedError.INVALID_EMAIL"}, errors.InvalidEmail),
    (400, {"subCategory": "MeetingsBookingCreatedError.BLOCKED_EMAIl"}, errors.InvalidEmail),
    (400, {"subCategory": "INVALID_EMAIL_GUESTS"}, errors.GuestsNotAllowed),
    (
        400,
        {"message": "required form field company does not have a corresponding value"},
        errors.RequiredFieldMissing,
    ),
    (400, {"message": "something else entirely"}, errors.InvalidRequest),
    (429, {"policyName": "TEN_SECONDLY_ROLLING"}, errors.RateLimited),
    (500, {"message": "internal error"}, errors.ServerError),
    (502, {}, errors.ServerError),
]


@pytest.mark.parametrize(("status", "body", "expected"), ERROR_CASES)
@pytest.mark.asyncio
async def test_book_error_mapping(status: int, body: dict[str, Any], expected: type[errors.SchedulerError]) -> None:
    client = make_client(lambda r: error(status, **body))
    with pytest.raises(expected) as info:
        await client.book(REQUEST)
    await client.aclose()
    assert info.value.correlation_id == "corr-123"
    assert info.value.user_message
    assert "corr-123" in str(info.value)


@pytest.mark.asyncio
async def test_missing_scopes_names_the_scopes() -> None:
    body = {
        "category": "MISSING_SCOPES",
        "message": "This app hasn't been granted all required scopes to make this call.",
        "errors": [
            {
                "message": "One or more of the following scopes are required.",
                "context": {"requiredGranularScopes": ["crm.objects.contacts.write"]},
            }
        ],
    }
    client = make_client(lambda r: error(403, **body))
    with pytest.raises(errors.MissingScopes) as info:
        await client.book(REQUEST)
    await client.aclose()
    assert info.value.scopes == ["crm.objects.contacts.write"]
    assert "crm.objects.contacts.write" in info.value.user_message


@pytest.mark.asyncio
async def test_required_field_error_names_the_field() -> None:
    body = {"message": "required form field company does not have a corresponding value"}
    client = make_client(lambda r: error(400, **body))
    with pytest.raises(errors.RequiredFieldMissing) as info:
        await client.book(REQUEST)
    await client.aclose()
    assert info.value.field == "company"
