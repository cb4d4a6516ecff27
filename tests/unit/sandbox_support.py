"""Shared helpers for the sandbox tests: a pinned clock, an in-process client, a valid booking body."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import httpx

from app.sandbox.state import DEMO_TOKEN, SandboxState
from app.sandbox.transport import in_process_transport

#: Thursday 26 March 2026, 08:00 UTC (09:00 in Berlin, before the switch to summer time on the 29th).
THURSDAY = datetime(2026, 3, 26, 8, 0, tzinfo=UTC)
API = "/scheduler/2026-03/meetings/meeting-links"


def pinned(moment: datetime = THURSDAY) -> SandboxState:
    return SandboxState(now=lambda: moment)


@asynccontextmanager
async def client_for(state: SandboxState, token: str | None = DEMO_TOKEN) -> AsyncIterator[httpx.AsyncClient]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    async with httpx.AsyncClient(
        transport=in_process_transport(state), base_url="http://sandbox.test", headers=headers
    ) as client:
        yield client


def ms_to_iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


async def open_starts(client: httpx.AsyncClient, slug: str, duration_ms: int, **params: Any) -> list[int]:
    """Open start instants (epoch ms) for one duration in one month view."""
    query = {"timezone": "Europe/Berlin", **params}
    response = await client.get(f"{API}/book/availability-page/{slug.replace('/', '%2F')}", params=query)
    assert response.status_code == 200, response.text
    entry = response.json()["linkAvailability"]["linkAvailabilityByDuration"][str(duration_ms)]
    return [slot["startMillisUtc"] for slot in entry["availabilities"]]


def alex_body(start_ms: int, **overrides: Any) -> dict[str, Any]:
    """A valid booking on the personal link (30 minutes)."""
    body: dict[str, Any] = {
        "slug": "alex-morgan",
        "startTime": ms_to_iso(start_ms),
        "duration": 1_800_000,
        "email": "jane.doe@acme.test",
        "firstName": "Jane",
        "lastName": "Doe",
        "formFields": [{"name": "company", "value": "Acme"}],
        "legalConsentResponses": [
            {"communicationTypeId": "4801001", "consented": True},
            {"communicationTypeId": "4801002", "consented": False},
        ],
        "likelyAvailableUserIds": [],
        "timezone": "Europe/Berlin",
    }
    body.update(overrides)
    return body


def team_body(start_ms: int, **overrides: Any) -> dict[str, Any]:
    """A valid booking on the round-robin team link."""
    body: dict[str, Any] = {
        "slug": "sales-team/intro-call",
        "startTime": ms_to_iso(start_ms),
        "duration": 1_800_000,
        "email": "sam.client@acme.test",
        "firstName": "Sam",
        "lastName": "Client",
        "formFields": [{"name": "company", "value": "Acme"}],
        "legalConsentResponses": [{"communicationTypeId": "4801003", "consented": True}],
        "likelyAvailableUserIds": [],
        "timezone": "America/New_York",
    }
    body.update(overrides)
    return body
