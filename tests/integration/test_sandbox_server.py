"""The sandbox over a real loopback socket: uvicorn in a thread, and `serve()` in a subprocess."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest

from app.sandbox.server import running_server
from app.sandbox.state import DEMO_TOKEN, SandboxState
from tests.unit.sandbox_support import API, alex_body, open_starts, pinned


@pytest.fixture
def state() -> SandboxState:
    return pinned()


@pytest.fixture
def base_url(state: SandboxState) -> Iterator[str]:
    with running_server(state) as url:
        yield url


def _client(base_url: str, timeout: httpx.Timeout | None = None) -> httpx.AsyncClient:
    headers = {"Authorization": f"Bearer {DEMO_TOKEN}"}
    return httpx.AsyncClient(base_url=base_url, headers=headers, timeout=timeout or httpx.Timeout(10.0))


@pytest.mark.asyncio
async def test_encoded_team_slug_over_a_real_socket_and_raw_segments_404(base_url: str) -> None:
    assert base_url.startswith("http://127.0.0.1:")
    async with _client(base_url) as client:
        listed = await client.get(API, params={"limit": 2})
        encoded = await client.get(f"{API}/book/sales-team%2Fintro-call", params={"timezone": "America/New_York"})
        raw = await client.get(f"{API}/book/sales-team/intro-call", params={"timezone": "America/New_York"})
    assert listed.status_code == 200 and listed.json()["paging"]["next"]["after"]
    assert listed.headers["X-HubSpot-RateLimit-Max"]
    assert encoded.status_code == 200
    assert encoded.json()["linkId"] == "3110002"
    assert raw.status_code == 404


@pytest.mark.asyncio
async def test_dropped_connection_on_book_is_a_transport_error_and_books_nothing(
    base_url: str, state: SandboxState
) -> None:
    async with _client(base_url) as client:
        start = (await open_starts(client, "alex-morgan", 1_800_000))[0]
        state.faults.inject("book", drop=True)
        with pytest.raises(httpx.RemoteProtocolError):
            await client.post(f"{API}/book", json=alex_body(start))
        assert state.bookings == []
        retried = await client.post(f"{API}/book", json=alex_body(start))
    assert retried.status_code == 200


@pytest.mark.asyncio
async def test_drop_after_booking_set_over_http_leaves_a_recorded_booking(base_url: str) -> None:
    async with _client(base_url) as client:
        start = (await open_starts(client, "alex-morgan", 1_800_000))[0]
        injected = await client.post("/_sandbox/faults", json={"route": "book", "dropAfterBooking": True})
        assert injected.status_code == 201
        with pytest.raises(httpx.TransportError):
            await client.post(f"{API}/book", json=alex_body(start))
        log = await client.get("/_sandbox/bookings")
        again = await client.post(f"{API}/book", json=alex_body(start))
    assert [b["startMillisUtc"] for b in log.json()["results"]] == [start]
    assert again.status_code == 400
    assert again.json()["subCategory"] == "MeetingsBookingSchedulingError.MEETING_START_TIME_NOT_VALID"


@pytest.mark.asyncio
async def test_two_clients_racing_for_one_time_over_loopback(base_url: str, state: SandboxState) -> None:
    async with _client(base_url) as first, _client(base_url) as second:
        start = (await open_starts(first, "alex-morgan", 1_800_000))[0]
        results = await asyncio.gather(
            first.post(f"{API}/book", json=alex_body(start, email="one@acme.test")),
            second.post(f"{API}/book", json=alex_body(start, email="two@acme.test")),
        )
    assert sorted(r.status_code for r in results) == [200, 400]
    assert len(state.bookings) == 1


@pytest.mark.asyncio
async def test_slow_answer_times_out_on_the_client(base_url: str, state: SandboxState) -> None:
    state.faults.inject("links", delay=1.0)
    async with _client(base_url, timeout=httpx.Timeout(5.0, read=0.2)) as client:
        with pytest.raises(httpx.ReadTimeout):
            await client.get(API)


def test_serve_prints_its_real_port_and_answers() -> None:
    code = "from app.sandbox.server import serve; serve(port=0)"
    with subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        try:
            assert process.stdout is not None
            line = process.stdout.readline().strip()
            match = re.fullmatch(
                r"Sandbox HubSpot API listening on (http://127\.0\.0\.1:(\d+)) \(token: demo-token\)", line
            )
            assert match, line
            assert int(match.group(2)) > 0
            response = httpx.get(f"{match.group(1)}{API}", headers={"Authorization": f"Bearer {DEMO_TOKEN}"})
            assert response.status_code == 200
        finally:
            process.terminate()
            process.wait(timeout=10)
        assert process.stderr is not None
        assert "Traceback" not in process.stderr.read()
