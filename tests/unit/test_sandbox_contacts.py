"""The sandbox's CRM contacts search: matching, paging, the scope it needs, its errors."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from app.hubspot.contacts import CONTACTS_READ_SCOPE, CONTACTS_SEARCH_PATH
from app.sandbox.state import READ_ONLY_TOKEN, READ_SCOPE
from tests.unit.sandbox_support import client_for, pinned


async def search(client: httpx.AsyncClient, **body: Any) -> httpx.Response:
    return await client.post(CONTACTS_SEARCH_PATH, json=body)


@pytest.mark.asyncio
async def test_query_matches_the_start_of_names_emails_and_companies() -> None:
    async with client_for(pinned()) as client:
        by_first = (await search(client, query="jan", properties=["firstname", "lastname", "email"])).json()
        by_company = (await search(client, query="acme")).json()
        by_email = (await search(client, query="grace@navy")).json()
    assert {r["properties"]["firstname"] for r in by_first["results"]} == {"Jane", "Janet", "Jan", "Janis"}
    assert "company" not in by_first["results"][0]["properties"]  # only the properties asked for (and the ids)
    assert by_company["total"] == 3
    assert [r["properties"]["email"] for r in by_email["results"]] == ["grace@navy.test"]


@pytest.mark.asyncio
async def test_paging_walks_every_match_once() -> None:
    seen: list[str] = []
    async with client_for(pinned()) as client:
        after: str | None = None
        while True:
            body: dict[str, Any] = {"query": "a", "limit": 2}
            if after:
                body["after"] = after
            page = (await search(client, **body)).json()
            seen += [r["id"] for r in page["results"]]
            after = page.get("paging", {}).get("next", {}).get("after")
            if not after:
                break
    assert len(seen) == len(set(seen)) == page["total"] > 2


@pytest.mark.asyncio
async def test_people_booked_through_the_sandbox_become_contacts() -> None:
    from tests.unit.sandbox_support import API, alex_body, open_starts

    async with client_for(pinned()) as client:
        start = (await open_starts(client, "alex-morgan", 1_800_000))[0]
        body = alex_body(start, email="zoe.new@fresh.test", firstName="Zoë", lastName="New")
        assert (await client.post(f"{API}/book", json=body)).status_code == 200
        found = (await search(client, query="zoe.new", properties=["firstname", "company"])).json()["results"]
    assert [(r["properties"]["firstname"], r["properties"]["company"]) for r in found] == [("Zoë", "Acme")]


@pytest.mark.asyncio
async def test_a_token_without_the_contacts_scope_is_refused_with_missing_scopes() -> None:
    async with client_for(pinned(), token=READ_ONLY_TOKEN) as client:
        response = await search(client, query="jane")
    assert response.status_code == 403
    body = response.json()
    assert body["category"] == "MISSING_SCOPES"
    assert body["errors"][0]["context"]["requiredGranularScopes"] == [CONTACTS_READ_SCOPE]
    assert READ_SCOPE != CONTACTS_READ_SCOPE


@pytest.mark.asyncio
async def test_limit_above_two_hundred_is_a_validation_error() -> None:
    async with client_for(pinned()) as client:
        response = await search(client, query="jane", limit=500)
    assert response.status_code == 400
    assert response.json()["category"] == "VALIDATION_ERROR"


@pytest.mark.asyncio
async def test_injected_429_answers_with_retry_after() -> None:
    state = pinned()
    state.faults.inject("contacts", status=429, retry_after=2)
    async with client_for(state) as client:
        limited = await search(client, query="jane")
        after = await search(client, query="jane")
    assert limited.status_code == 429 and limited.headers["retry-after"] == "2"
    assert after.status_code == 200


@pytest.mark.asyncio
async def test_get_is_not_allowed() -> None:
    async with client_for(pinned()) as client:
        response = await client.get(CONTACTS_SEARCH_PATH)
    assert response.status_code == 405
