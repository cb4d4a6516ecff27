"""Sign-in end to end over loopback against the sandbox: OAuth with PKCE (the test plays the browser), refresh,
sign-out, and static tokens. Credentials go to an in-memory keyring, never the real one."""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from app.auth.credentials import CredentialVault
from app.auth.errors import SignInCancelled, SignInRequired
from app.auth.keychain import KeychainCredentialStore
from app.auth.oauth_client import OAuthApp, authorize_url_for
from app.auth.pkce import challenge_for
from app.auth.session import AuthSession
from app.env import TOKEN_ENV
from app.hubspot.client import SchedulerClient
from app.hubspot.errors import READ_SCOPE, MissingScopes, NotSignedIn, TokenRejected
from app.hubspot.models import BookRequest
from app.outbox.sender import OutboxSender
from app.sandbox.oauth import (
    SANDBOX_CLIENT_ID,
    SANDBOX_CLIENT_SECRET,
    SANDBOX_HUB_ID,
    SANDBOX_PUBLIC_CLIENT_ID,
    SANDBOX_USER_EMAIL,
    OAuthServer,
    oauth_server,
)
from app.sandbox.server import running_server
from app.sandbox.state import DEMO_TOKEN, READ_ONLY_TOKEN, SandboxState
from app.store.database import Database
from app.store.outbox import Outbox, State
from tests.auth_fixtures import memory_keyring  # noqa: F401
from tests.auth_keyring import MemoryKeyring

pytestmark = pytest.mark.usefixtures("memory_keyring")

PROFILE = "/profiles/front-desk"
LINKS = "/scheduler/2026-03/meetings/meeting-links"


class Clock:
    """One fake time for the app (monotonic seconds) and the sandbox (a datetime), moved together."""

    def __init__(self) -> None:
        self.start = datetime.now(UTC).replace(microsecond=0)
        self.seconds = 0.0

    def monotonic(self) -> float:
        return self.seconds

    def wall(self) -> datetime:
        return self.start + timedelta(seconds=self.seconds)


@dataclass
class Sandbox:
    state: SandboxState
    oauth: OAuthServer
    base: str
    clock: Clock

    def app(self, *, public: bool = False) -> OAuthApp:
        if public:
            return OAuthApp(SANDBOX_PUBLIC_CLIENT_ID, authorize_url=authorize_url_for(self.base))
        return OAuthApp(SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, authorize_url=authorize_url_for(self.base))


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    # Collect earlier tests' qasync loops here, on the Qt thread: if the server thread's allocations trigger that
    # collection instead, their Qt timers are destroyed from the wrong thread and Qt warns (which fails a test).
    gc.collect()
    clock = Clock()
    state = SandboxState(now=clock.wall)
    with running_server(state) as base:
        yield Sandbox(state, oauth_server(state), base, clock)


class Browser:
    """Plays the user's browser: follows the authorize URL, then the redirect back to the loopback listener."""

    def __init__(self, *, forge_state: bool = False) -> None:
        self.forge_state = forge_state
        self.task: asyncio.Task[httpx.Response] | None = None
        self.code = ""

    def open(self, url: str) -> None:
        self.task = asyncio.ensure_future(self._visit(url))

    async def _visit(self, url: str) -> httpx.Response:
        async with httpx.AsyncClient() as browser:
            approved = await browser.get(url)
            assert approved.status_code == 302
            back = urlsplit(approved.headers["location"])
            query = {k: v[0] for k, v in parse_qs(back.query).items()}
            self.code = query.get("code", "")
            if self.forge_state:
                query["state"] = "forged-by-another-site"
            return await browser.get(back._replace(query=urlencode(query)).geturl())

    async def page(self) -> httpx.Response:
        assert self.task is not None
        return await self.task


class Unauthorized:
    """Counts 401s the app received."""

    def __init__(self) -> None:
        self.count = 0

    async def __call__(self, response: httpx.Response) -> None:
        self.count += response.status_code == 401


def session_for(sandbox: Sandbox, http: httpx.AsyncClient, environ: dict[str, str] | None = None) -> AuthSession:
    vault = CredentialVault(KeychainCredentialStore(), PROFILE)
    return AuthSession(http, vault, api_base=sandbox.base, environ=environ or {}, clock=sandbox.clock.monotonic)


def http_for(sandbox: Sandbox, hook: Unauthorized | None = None) -> httpx.AsyncClient:
    hooks: dict[str, list[Callable[..., Any]]] = {"response": [hook]} if hook else {}
    return httpx.AsyncClient(base_url=sandbox.base, event_hooks=hooks)


async def signed_in(sandbox: Sandbox, http: httpx.AsyncClient, *, public: bool = False) -> AuthSession:
    session = session_for(sandbox, http)
    browser = Browser()
    await session.sign_in_oauth(sandbox.app(public=public), open_url=browser.open)
    await browser.page()
    return session


def stored(keyring_backend: MemoryKeyring) -> str:
    return " ".join(keyring_backend.entries.values())


@pytest.mark.asyncio
async def test_oauth_sign_in_end_to_end_and_the_next_start_uses_the_stored_sign_in(
    sandbox: Sandbox,
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    async with http_for(sandbox) as http:
        session = session_for(sandbox, http)
        browser = Browser()
        account = await session.sign_in_oauth(sandbox.app(), open_url=browser.open)
        page = await browser.page()

        assert page.status_code == 200 and "close this tab" in page.text
        assert (account.hub_id, account.user) == (SANDBOX_HUB_ID, SANDBOX_USER_EMAIL)
        assert READ_SCOPE in account.scopes
        assert session.source == "oauth" and not session.in_memory_only
        (refresh_token,) = sandbox.oauth.refresh_tokens
        assert refresh_token in stored(memory_keyring) and SANDBOX_CLIENT_SECRET in stored(memory_keyring)
        assert {service for service, _ in memory_keyring.entries} == {"booking-assistant"}
        assert await SchedulerClient(http, session).list_links()

    # Next start: nothing but the keychain; the access token is fetched again with the refresh token.
    async with http_for(sandbox) as http:
        again = session_for(sandbox, http)
        assert again.source == "oauth"
        assert again.account == account
        assert await SchedulerClient(http, again).list_links()
    assert sandbox.oauth.refresh_count == 1


@pytest.mark.asyncio
async def test_a_public_client_signs_in_with_pkce_alone(sandbox: Sandbox) -> None:
    async with http_for(sandbox) as http:
        session = await signed_in(sandbox, http, public=True)
        assert await SchedulerClient(http, session).list_links()


@pytest.mark.asyncio
async def test_a_callback_with_a_wrong_state_is_rejected_and_nothing_is_stored(
    sandbox: Sandbox,
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    async with http_for(sandbox) as http:
        session = session_for(sandbox, http)
        browser = Browser(forge_state=True)
        with pytest.raises(SignInCancelled):
            await session.sign_in_oauth(sandbox.app(), open_url=browser.open, give_up_after=1.0)
        page = await browser.page()

    assert page.status_code == 400 and "does not belong" in page.text
    assert browser.code in sandbox.oauth.codes  # never exchanged
    assert memory_keyring.entries == {}
    assert not session.signed_in


@pytest.mark.asyncio
async def test_the_sandbox_verifies_pkce_and_codes_are_single_use(sandbox: Sandbox) -> None:
    redirect = "http://localhost:9/oauth-callback"
    verifier = "v" * 50

    async def code_for(challenge: str) -> str:
        query = {
            "client_id": SANDBOX_CLIENT_ID,
            "redirect_uri": redirect,
            "scope": READ_SCOPE,
            "state": "s",
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        }
        async with httpx.AsyncClient(base_url=sandbox.base) as browser:
            location = (await browser.get(f"/oauth/authorize?{urlencode(query)}")).headers["location"]
        return parse_qs(urlsplit(location).query)["code"][0]

    async def exchange(code: str, code_verifier: str) -> httpx.Response:
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": redirect,
            "code_verifier": code_verifier,
            "client_id": SANDBOX_CLIENT_ID,
            "client_secret": SANDBOX_CLIENT_SECRET,
        }
        async with httpx.AsyncClient(base_url=sandbox.base) as http:
            return await http.post("/oauth/2026-03/token", data=form)

    wrong = await exchange(await code_for(challenge_for(verifier)), "x" * 50)
    assert wrong.status_code == 400 and wrong.json()["error"] == "invalid_grant"

    code = await code_for(challenge_for(verifier))
    first, second = await exchange(code, verifier), await exchange(code, verifier)
    assert first.status_code == 200 and first.json()["token_type"] == "bearer"
    assert second.status_code == 400
    assert (second.json()["error"], second.json()["status"]) == ("invalid_grant", "BAD_AUTH_CODE")


@pytest.mark.asyncio
async def test_the_access_token_is_refreshed_before_it_expires(sandbox: Sandbox) -> None:
    sandbox.oauth.access_lifetime = 60
    rejected = Unauthorized()
    async with http_for(sandbox, rejected) as http:
        session = await signed_in(sandbox, http)
        client = SchedulerClient(http, session)
        first = await session.access_token()

        sandbox.clock.seconds += 31  # 29 s left: inside the refresh margin for a 60 s token
        await client.list_links()
        assert sandbox.oauth.refresh_count == 1
        assert await session.access_token() != first

        # HubSpot would have refused the first token by now; the app never sent it late.
        sandbox.clock.seconds += 30
        sandbox.oauth.expire_due()
        old = await http.get(LINKS, headers={"Authorization": f"Bearer {first}"})
        assert old.status_code == 401
        assert rejected.count == 1  # only the deliberate request above


@pytest.mark.asyncio
async def test_a_401_refreshes_once_and_the_request_succeeds(sandbox: Sandbox) -> None:
    rejected = Unauthorized()
    async with http_for(sandbox, rejected) as http:
        session = await signed_in(sandbox, http)
        for token in list(sandbox.oauth.access_tokens):
            sandbox.state.revoke_token(token)  # HubSpot stops accepting it before its expiry

        assert await SchedulerClient(http, session).list_links()
    assert rejected.count == 1
    assert sandbox.oauth.refresh_count == 1


@pytest.mark.asyncio
async def test_a_refused_refresh_asks_to_sign_in_again_and_the_queued_booking_waits(
    sandbox: Sandbox,
    memory_keyring: MemoryKeyring,  # noqa: F811
    tmp_path: Path,
) -> None:
    async with http_for(sandbox) as http:
        session = await signed_in(sandbox, http)
        client = SchedulerClient(http, session)
        # The admin uninstalled the app: every token it had is gone.
        sandbox.oauth.refresh_tokens.clear()
        for token in list(sandbox.oauth.access_tokens):
            sandbox.state.revoke_token(token)

        with pytest.raises(SignInRequired) as caught:
            await client.list_links()
        assert isinstance(caught.value, NotSignedIn)
        assert "sign in again" in caught.value.user_message.lower()
        assert not session.signed_in
        assert memory_keyring.entries == {}

        with Database.open(tmp_path / "outbox.sqlite3") as db:
            outbox = Outbox(db)
            draft = outbox.enqueue(request=_request(), payload={}, start_ms=int(time.time() * 1000) + 86_400_000)
            await OutboxSender(outbox, client).flush()
            entry = outbox.get(draft.id)
        assert entry.state is State.QUEUED
        assert "sign in" in (entry.last_error or "").lower()
        assert sandbox.state.bookings == []


@pytest.mark.asyncio
async def test_sign_out_revokes_the_refresh_token_and_deletes_it(
    sandbox: Sandbox,
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    async with http_for(sandbox) as http:
        session = await signed_in(sandbox, http)
        (refresh_token,) = sandbox.oauth.refresh_tokens
        access = await session.access_token()

        result = await session.sign_out()

        assert result.was_signed_in and result.revoked
        assert memory_keyring.entries == {}
        assert not session.signed_in
        form = {
            "grant_type": "refresh_token",
            "refresh_token": refresh_token,
            "client_id": SANDBOX_CLIENT_ID,
            "client_secret": SANDBOX_CLIENT_SECRET,
        }
        refused = await http.post("/oauth/2026-03/token", data=form)
        assert (refused.status_code, refused.json()["status"]) == (400, "BAD_REFRESH_TOKEN")
        links = await http.get(LINKS, headers={"Authorization": f"Bearer {access}"})
        assert links.status_code == 401
        with pytest.raises(NotSignedIn):
            await session.access_token()


@pytest.mark.asyncio
async def test_a_static_token_is_checked_at_once_and_kept(
    sandbox: Sandbox,
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    async with http_for(sandbox) as http:
        session = session_for(sandbox, http)
        account = await session.sign_in_static(f"  {DEMO_TOKEN}\n")
        assert account.kind == "static" and session.source == "static"
        assert DEMO_TOKEN in stored(memory_keyring)
        assert session_for(sandbox, http).source == "static"  # next start


@pytest.mark.asyncio
async def test_a_token_without_the_read_scope_is_refused_with_the_scope_to_add(
    sandbox: Sandbox,
    memory_keyring: MemoryKeyring,  # noqa: F811
) -> None:
    sandbox.state.add_token("pat-na1-no-scopes", [])
    async with http_for(sandbox) as http:
        session = session_for(sandbox, http)
        with pytest.raises(MissingScopes) as caught:
            await session.sign_in_static("pat-na1-no-scopes")
        with pytest.raises(TokenRejected):
            await session.sign_in_static("pat-na1-wrong")
    assert caught.value.scopes == [READ_SCOPE]
    assert READ_SCOPE in caught.value.user_message
    assert memory_keyring.entries == {}
    assert not session.signed_in


@pytest.mark.asyncio
async def test_a_read_only_token_signs_in_but_booking_names_the_missing_write_scope(sandbox: Sandbox) -> None:
    async with http_for(sandbox) as http:
        session = session_for(sandbox, http)
        await session.sign_in_static(READ_ONLY_TOKEN)
        with pytest.raises(MissingScopes) as caught:
            await SchedulerClient(http, session).book(_request())
    assert "crm.objects.contacts.write" in caught.value.scopes


@pytest.mark.asyncio
async def test_the_environment_token_wins_over_a_stored_sign_in(sandbox: Sandbox) -> None:
    async with http_for(sandbox) as http:
        await signed_in(sandbox, http)
        session = session_for(sandbox, http, environ={TOKEN_ENV: READ_ONLY_TOKEN})
        assert session.source == "env"
        assert await session.access_token() == READ_ONLY_TOKEN


def _request() -> BookRequest:
    return BookRequest(
        slug="product-demo",
        start_time="2030-01-07T09:00:00Z",
        duration=1_800_000,
        email="ada@example.com",
        first_name="Ada",
        last_name="Lovelace",
        form_fields=[],
        legal_consent_responses=[],
        likely_available_user_ids=[],
        timezone="Europe/Berlin",
    )


@pytest.mark.asyncio
async def test_the_sandbox_answers_bad_clients_and_revoked_tokens_like_hubspot(sandbox: Sandbox) -> None:
    async with http_for(sandbox) as http:
        session = await signed_in(sandbox, http)
        access = await session.access_token()
        introspect = {"token": access, "client_id": SANDBOX_CLIENT_ID, "client_secret": SANDBOX_CLIENT_SECRET}
        active = (await http.post("/oauth/2026-03/token/introspect", data=introspect)).json()
        wrong_secret = await http.post("/oauth/2026-03/token/introspect", data={**introspect, "client_secret": "x"})
        shorter = await http.post("/_sandbox/oauth", json={"accessLifetime": 5})
        await session.sign_out()
        revoked = (await http.post("/oauth/2026-03/token/introspect", data=introspect)).json()

    assert active["active"] is True and active["hub_id"] == SANDBOX_HUB_ID and READ_SCOPE in active["scope"]
    assert wrong_secret.status_code == 401
    assert (wrong_secret.json()["error"], wrong_secret.json()["status"]) == ("invalid_client", "BAD_CLIENT_SECRET")
    assert shorter.json()["accessLifetime"] == 5 and sandbox.oauth.access_lifetime == 5
    assert revoked == {"active": False}
