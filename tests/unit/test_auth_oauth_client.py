"""The OAuth calls: authorize URL parameters, form-encoded token requests, errors in plain words without secrets."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from app.auth.errors import OAuthRefused
from app.auth.oauth_client import (
    OAuthApp,
    authorize_url_for,
    build_authorize_url,
    exchange_code,
    refresh_tokens,
)
from app.hubspot.errors import ServerError

SECRET = "secret-1234567890"
APP = OAuthApp(client_id="client-1", client_secret=SECRET)


def test_the_authorize_url_carries_pkce_state_and_scopes() -> None:
    url = build_authorize_url(APP, redirect_uri="http://localhost:5000/oauth-callback", state="st", code_challenge="ch")
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}

    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://app.hubspot.com/oauth/authorize"
    assert query == {
        "client_id": "client-1",
        "redirect_uri": "http://localhost:5000/oauth-callback",
        "scope": "scheduler.meetings.meeting-link.read crm.objects.contacts.write",
        "state": "st",
        "code_challenge": "ch",
        "code_challenge_method": "S256",
    }
    assert SECRET not in url


def test_the_sandbox_serves_its_own_authorize_page() -> None:
    assert authorize_url_for("https://api.hubapi.com") == "https://app.hubspot.com/oauth/authorize"
    assert authorize_url_for("http://127.0.0.1:8000/") == "http://127.0.0.1:8000/oauth/authorize"


@pytest.mark.asyncio
async def test_the_code_exchange_is_one_form_encoded_post() -> None:
    seen: list[httpx.Request] = []

    def endpoint(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            200,
            json={
                "access_token": "a",
                "refresh_token": "r",
                "expires_in": 1800,
                "token_type": "bearer",
                "hub_id": 42,
                "scopes": ["x"],
            },
        )

    async with httpx.AsyncClient(base_url="https://api.test", transport=httpx.MockTransport(endpoint)) as http:
        tokens = await exchange_code(http, APP, code="c0de", redirect_uri="http://localhost:1/cb", code_verifier="v")

    assert (tokens.access_token, tokens.refresh_token, tokens.hub_id, tokens.scopes) == ("a", "r", 42, ["x"])
    (request,) = seen
    assert request.method == "POST" and request.url.path == "/oauth/2026-03/token"
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert {k: v[0] for k, v in parse_qs(request.content.decode()).items()} == {
        "grant_type": "authorization_code",
        "code": "c0de",
        "redirect_uri": "http://localhost:1/cb",
        "code_verifier": "v",
        "client_id": "client-1",
        "client_secret": SECRET,
    }
    assert request.url.query == b""  # nothing in the query string, where proxies log it


@pytest.mark.parametrize(
    ("status", "body", "error", "words"),
    [
        (400, {"error": "invalid_grant", "status": "BAD_REFRESH_TOKEN"}, "invalid_grant", "expired"),
        (401, {"error": "invalid_client", "status": "BAD_CLIENT_SECRET"}, "invalid_client", "client secret"),
        (400, {"status": "BAD_REFRESH_TOKEN"}, "bad_refresh_token", "refused"),
    ],
)
@pytest.mark.asyncio
async def test_oauth_errors_are_explained_without_echoing_secrets(
    status: int, body: dict[str, str], error: str, words: str
) -> None:
    def endpoint(request: httpx.Request) -> httpx.Response:
        # A server that quotes what it was sent must not get it into our message.
        return httpx.Response(status, json={**body, "error_description": f"token {request.content.decode()}"})

    async with httpx.AsyncClient(base_url="https://api.test", transport=httpx.MockTransport(endpoint)) as http:
        with pytest.raises(OAuthRefused) as caught:
            await refresh_tokens(http, APP, "refresh-secret-value")

    assert caught.value.error == error
    assert words in caught.value.user_message
    assert "refresh-secret-value" not in str(caught.value) and SECRET not in str(caught.value)


@pytest.mark.asyncio
async def test_a_server_error_during_refresh_is_transient() -> None:
    def endpoint(request: httpx.Request) -> httpx.Response:
        return httpx.Response(503, text="down")

    async with httpx.AsyncClient(base_url="https://api.test", transport=httpx.MockTransport(endpoint)) as http:
        with pytest.raises(ServerError) as caught:
            await refresh_tokens(http, APP, "r")
    assert caught.value.transient
