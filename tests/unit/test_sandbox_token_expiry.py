"""OAuth access tokens stop working at their lifetime on the sandbox's own clock, as HubSpot's do."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.sandbox.state import READ_SCOPE, SandboxState
from tests.unit.sandbox_support import API, THURSDAY, client_for


@pytest.mark.asyncio
async def test_access_token_expires_by_the_clock() -> None:
    now = [THURSDAY]
    state = SandboxState(now=lambda: now[0])
    state.add_token("short-lived", [READ_SCOPE], oauth=True, expires_at=(THURSDAY + timedelta(minutes=30)).timestamp())
    async with client_for(state, "short-lived") as client:
        assert (await client.get(API)).status_code == 200
        now[0] = THURSDAY + timedelta(minutes=30)
        expired = await client.get(API)
    assert expired.status_code == 401
    assert expired.json()["category"] == "EXPIRED_AUTHENTICATION"
