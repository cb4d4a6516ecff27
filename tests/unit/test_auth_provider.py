"""OAuthTokenProvider: refreshes before expiry, once on a 401, one refresh at a time, and asks to sign in again."""

from __future__ import annotations

import asyncio
from urllib.parse import parse_qs

import httpx
import pytest

from app.auth.errors import SignInRequired
from app.auth.oauth_client import OAuthApp
from app.auth.oauth_provider import OAuthTokenProvider
from app.hubspot.errors import NetworkUnreachable, NotSignedIn
from app.hubspot.models import TokenResponse

REFRESH = "refresh-aaaaaaaaaaaaaaaaaaaaaaaa"
SECRET = "client-secret-zzzzzzzzzzzz"
APP = OAuthApp(client_id="client-1", client_secret=SECRET)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class TokenEndpoint:
    """A token endpoint that hands out access-1, access-2 … and records each form it received."""

    def __init__(self, expires_in: int = 1800) -> None:
        self.expires_in = expires_in
        self.forms: list[dict[str, str]] = []
        self.refuse_with: str | None = None
        self.offline = False
        self.gate: asyncio.Event | None = None

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        if self.offline:
            raise httpx.ConnectError("offline", request=request)
        if self.gate is not None:
            await self.gate.wait()
        form = {k: v[0] for k, v in parse_qs(request.content.decode()).items()}
        self.forms.append(form)
        if self.refuse_with:
            body = {"error": self.refuse_with, "error_description": f"bad {form.get('refresh_token')}"}
            return httpx.Response(400, json={**body, "status": "BAD_REFRESH_TOKEN"})
        n = len(self.forms)
        return httpx.Response(200, json={"access_token": f"access-{n}", "expires_in": self.expires_in})


def provider(endpoint: TokenEndpoint, clock: FakeClock, **kw: object) -> tuple[OAuthTokenProvider, httpx.AsyncClient]:
    http = httpx.AsyncClient(base_url="https://api.test", transport=httpx.MockTransport(endpoint))
    initial = TokenResponse(access_token="access-0", expires_in=endpoint.expires_in)
    return OAuthTokenProvider(http, APP, REFRESH, initial=initial, clock=clock, **kw), http  # type: ignore[arg-type]


@pytest.mark.asyncio
async def test_the_access_token_is_refreshed_before_it_expires() -> None:
    endpoint, clock = TokenEndpoint(expires_in=1800), FakeClock()
    tokens, http = provider(endpoint, clock)
    async with http:
        clock.now += 1800 - 301  # more than the 5-minute margin left: keep it
        assert await tokens.access_token() == "access-0"
        clock.now += 2  # inside the margin, still valid at HubSpot: refresh now
        assert await tokens.access_token() == "access-1"

    (form,) = endpoint.forms
    assert form == {
        "grant_type": "refresh_token",
        "refresh_token": REFRESH,
        "client_id": "client-1",
        "client_secret": SECRET,
    }


@pytest.mark.asyncio
async def test_short_lifetimes_refresh_halfway() -> None:
    endpoint, clock = TokenEndpoint(expires_in=10), FakeClock()
    tokens, http = provider(endpoint, clock)
    async with http:
        clock.now += 4.9
        assert await tokens.access_token() == "access-0"
        clock.now += 0.2
        assert await tokens.access_token() == "access-1"


@pytest.mark.asyncio
async def test_concurrent_callers_share_one_refresh() -> None:
    endpoint, clock = TokenEndpoint(), FakeClock()
    endpoint.gate = asyncio.Event()
    tokens, http = provider(endpoint, clock)
    async with http:
        clock.now += 3600
        waiting = [asyncio.ensure_future(tokens.access_token()) for _ in range(5)]
        await asyncio.sleep(0)
        endpoint.gate.set()
        results = await asyncio.gather(*waiting)

    assert results == ["access-1"] * 5
    assert len(endpoint.forms) == 1


@pytest.mark.asyncio
async def test_a_401_refreshes_once_and_a_stale_401_does_not_refresh_again() -> None:
    endpoint, clock = TokenEndpoint(), FakeClock()
    tokens, http = provider(endpoint, clock)
    async with http:
        assert await tokens.token_rejected("access-0") is True
        assert await tokens.access_token() == "access-1"
        # A request that was sent with the old token before the refresh: retry with the new one, no new refresh.
        assert await tokens.token_rejected("access-0") is True
    assert len(endpoint.forms) == 1


@pytest.mark.asyncio
async def test_a_refused_refresh_asks_to_sign_in_again_and_forgets_the_refresh_token() -> None:
    endpoint, clock = TokenEndpoint(), FakeClock()
    endpoint.refuse_with = "invalid_grant"
    lost: list[bool] = []
    tokens, http = provider(endpoint, clock, on_signed_out=lambda: lost.append(True))
    async with http:
        clock.now += 3600
        with pytest.raises(SignInRequired) as caught:
            await tokens.access_token()
        with pytest.raises(NotSignedIn):  # later calls fail the same way, without asking HubSpot again
            await tokens.access_token()

    assert lost == [True]
    assert not tokens.signed_in
    assert len(endpoint.forms) == 1
    assert "sign in again" in caught.value.user_message.lower()
    assert REFRESH not in str(caught.value) and REFRESH not in repr(caught.value)


@pytest.mark.asyncio
async def test_being_offline_during_a_refresh_keeps_the_sign_in() -> None:
    endpoint, clock = TokenEndpoint(), FakeClock()
    endpoint.offline = True
    tokens, http = provider(endpoint, clock)
    async with http:
        clock.now += 3600
        with pytest.raises(NetworkUnreachable):
            await tokens.access_token()
        endpoint.offline = False
        assert await tokens.access_token() == "access-1"
    assert tokens.signed_in


@pytest.mark.asyncio
async def test_a_new_refresh_token_from_hubspot_is_kept() -> None:
    kept: list[str] = []

    async def rotate(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"access_token": "a", "refresh_token": "refresh-new", "expires_in": 1800})

    http = httpx.AsyncClient(base_url="https://api.test", transport=httpx.MockTransport(rotate))
    async with http:
        tokens = OAuthTokenProvider(http, APP, REFRESH, on_refresh_token=kept.append)
        assert await tokens.access_token() == "a"
    assert kept == ["refresh-new"]


@pytest.mark.asyncio
async def test_sign_out_revokes_the_refresh_token_with_a_form_body() -> None:
    seen: list[tuple[str, dict[str, list[str]], str]] = []

    async def revoke(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.path, parse_qs(request.content.decode()), request.headers["content-type"]))
        return httpx.Response(200)

    http = httpx.AsyncClient(base_url="https://api.test", transport=httpx.MockTransport(revoke))
    async with http:
        tokens = OAuthTokenProvider(http, APP, REFRESH)
        await tokens.sign_out()
        with pytest.raises(SignInRequired):
            await tokens.access_token()

    ((path, form, content_type),) = seen
    assert path == "/oauth/2026-03/token/revoke"
    assert content_type == "application/x-www-form-urlencoded"
    assert form["token"] == [REFRESH] and form["token_type_hint"] == ["refresh_token"]


@pytest.mark.asyncio
async def test_the_provider_repr_shows_no_secret() -> None:
    async with httpx.AsyncClient() as http:
        initial = TokenResponse(access_token="access-x", expires_in=1)
        text = repr(OAuthTokenProvider(http, APP, REFRESH, initial=initial))
    assert REFRESH not in text and SECRET not in text and "access-x" not in text
    assert SECRET not in repr(APP)
