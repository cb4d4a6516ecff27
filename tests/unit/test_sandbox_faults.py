"""Fault injection per route, in process, and the `/_sandbox` control endpoints."""

from __future__ import annotations

import httpx
import msgspec
import pytest

from app.hubspot.errors import RateLimited, ServerError, error_from_response
from app.hubspot.models import ErrorEnvelope
from app.sandbox.faults import Faults
from tests.unit.sandbox_support import API, alex_body, client_for, open_starts, pinned


@pytest.mark.asyncio
@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_server_error_fault_on_book_books_nothing_then_clears(status: int) -> None:
    state = pinned()
    async with client_for(state) as client:
        start = (await open_starts(client, "alex-morgan", 1_800_000))[0]
        state.faults.inject("book", status=status)
        failed = await client.post(f"{API}/book", json=alex_body(start))
        assert state.bookings == []
        succeeded = await client.post(f"{API}/book", json=alex_body(start))
    assert failed.status_code == status
    envelope = msgspec.json.decode(failed.content, type=ErrorEnvelope)
    assert envelope.status == "error" and envelope.correlation_id
    assert isinstance(error_from_response(status, envelope, is_book=True), ServerError)
    if status == 500:
        assert envelope.message == "internal error"
    assert "X-HubSpot-RateLimit-Remaining" in failed.headers
    assert succeeded.status_code == 200
    assert len(state.bookings) == 1


@pytest.mark.asyncio
async def test_fault_times_counts_requests_and_only_hits_its_route() -> None:
    state = pinned()
    state.faults.inject("links", status=503, times=2, retry_after=3)
    async with client_for(state) as client:
        info = await client.get(f"{API}/book/alex-morgan", params={"timezone": "UTC"})
        statuses = [(await client.get(API)).status_code for _ in range(3)]
        first = await client.get(API)
    assert info.status_code == 200
    assert statuses == [503, 503, 200]
    assert first.status_code == 200


@pytest.mark.asyncio
async def test_429_fault_carries_retry_after_and_policy() -> None:
    state = pinned()
    state.faults.inject("availability", status=429, retry_after=2)
    async with client_for(state) as client:
        response = await client.get(f"{API}/book/availability-page/alex-morgan", params={"timezone": "UTC"})
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "2"
    envelope = msgspec.json.decode(response.content, type=ErrorEnvelope)
    error = error_from_response(429, envelope, is_book=False, retry_after=2.0)
    assert isinstance(error, RateLimited)
    assert error.policy == "TEN_SECONDLY_ROLLING"


@pytest.mark.asyncio
async def test_dropped_connection_is_a_transport_error_and_books_nothing() -> None:
    state = pinned()
    async with client_for(state) as client:
        start = (await open_starts(client, "alex-morgan", 1_800_000))[0]
        state.faults.inject("book", drop=True)
        with pytest.raises(httpx.RemoteProtocolError):
            await client.post(f"{API}/book", json=alex_body(start))
        assert start in await open_starts(client, "alex-morgan", 1_800_000)
    assert state.bookings == []


@pytest.mark.asyncio
async def test_drop_after_booking_records_the_booking_but_the_client_never_hears() -> None:
    state = pinned()
    async with client_for(state) as client:
        start = (await open_starts(client, "alex-morgan", 1_800_000))[0]
        state.faults.inject("book", drop_after_booking=True)
        with pytest.raises(httpx.TransportError):
            await client.post(f"{API}/book", json=alex_body(start))
        still_open = await open_starts(client, "alex-morgan", 1_800_000)
    assert len(state.bookings) == 1
    assert start not in still_open


@pytest.mark.asyncio
async def test_malformed_fault_sends_unparseable_json() -> None:
    state = pinned()
    state.faults.inject("info", malformed=True)
    async with client_for(state) as client:
        response = await client.get(f"{API}/book/alex-morgan", params={"timezone": "UTC"})
    assert response.status_code == 200
    with pytest.raises(msgspec.DecodeError):
        msgspec.json.decode(response.content)


@pytest.mark.asyncio
async def test_delay_fault_waits_before_answering() -> None:
    state = pinned()
    waits: list[float] = []

    async def record(seconds: float) -> None:
        waits.append(seconds)

    state.sleep = record
    state.faults.inject("links", delay=2.5)
    async with client_for(state) as client:
        delayed = await client.get(API)
        prompt = await client.get(API)
    assert (delayed.status_code, prompt.status_code) == (200, 200)
    assert waits == [2.5]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"route": "calendar", "status": 500},
        {"route": "links", "drop_after_booking": True},
        {"route": "book", "status": 200},
        {"route": "book", "times": 0},
    ],
)
def test_nonsense_faults_are_refused(kwargs: dict[str, object]) -> None:
    route = str(kwargs.pop("route"))
    with pytest.raises(ValueError):
        Faults().inject(route, **kwargs)  # type: ignore[arg-type]


@pytest.mark.asyncio
async def test_control_endpoints_inject_list_clear_and_reset() -> None:
    state = pinned()
    async with client_for(state, token=None) as control, client_for(state) as client:
        added = await control.post("/_sandbox/faults", json={"route": "links", "status": 502, "times": None})
        listed = await control.get("/_sandbox/faults")
        failing = [(await client.get(API)).status_code for _ in range(2)]
        cleared = await control.delete("/_sandbox/faults")
        ok = await client.get(API)
        bad = await control.post("/_sandbox/faults", json={"route": "links", "explode": True})
        start = (await open_starts(client, "alex-morgan", 1_800_000))[0]
        await client.post(f"{API}/book", json=alex_body(start))
        bookings = await control.get("/_sandbox/bookings")
        reset = await control.post("/_sandbox/reset")
        after_reset = await control.get("/_sandbox/bookings")
        limit = await control.post("/_sandbox/rate-limit", json={"max": 1, "intervalMs": 10_000})
        allowed = await client.get(API)
        limited = await client.get(API)
    assert added.status_code == 201
    assert listed.json()["results"][0]["status"] == 502
    assert failing == [502, 502]
    assert cleared.status_code == 204 and ok.status_code == 200
    assert bad.status_code == 400
    booked = bookings.json()["results"]
    assert [(b["slug"], b["startMillisUtc"]) for b in booked] == [("alex-morgan", start)]
    assert reset.status_code == 204 and after_reset.json()["results"] == []
    assert limit.status_code == 200
    assert (allowed.status_code, limited.status_code) == (200, 429)
