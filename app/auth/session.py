"""One profile's sign-in: picks the token source, signs in and out, and is itself the client's TokenProvider.

Order: env BOOKING_ASSISTANT_TOKEN (scripts and CI), then a stored static token, then a stored OAuth sign-in.
Because the SchedulerClient holds this object, signing in or out takes effect without rebuilding the client.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

import httpx

from app.auth.account import Account
from app.auth.credentials import CredentialVault, StoredCredentials
from app.auth.oauth_client import OAuthApp, authorize_url_for
from app.auth.oauth_provider import Clock, OAuthTokenProvider
from app.auth.signin import BROWSER_TIMEOUT, sign_in_with_browser, verify_static_token
from app.env import TOKEN_ENV
from app.hubspot.endpoints import DEFAULT_API_BASE
from app.hubspot.errors import NotSignedIn, SchedulerError
from app.hubspot.models import TokenResponse
from app.hubspot.tokens import StaticTokenProvider, TokenProvider

log = logging.getLogger(__name__)

TokenSource = Literal["env", "static", "oauth", "none"]


@dataclass(frozen=True, slots=True)
class SignOutResult:
    was_signed_in: bool
    #: False when the refresh token could not be revoked at HubSpot (it was still deleted here).
    revoked: bool
    #: Why revoking failed, for the user.
    problem: str | None = None


class AuthSession:
    """TokenProvider for one profile, backed by a CredentialVault; sign-in and sign-out swap what is behind it."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        vault: CredentialVault,
        *,
        api_base: str = DEFAULT_API_BASE,
        environ: Mapping[str, str] | None = None,
        clock: Clock = time.monotonic,
    ) -> None:
        self._http = http
        self._vault = vault
        self._api_base = api_base
        self._clock = clock
        env = os.environ if environ is None else environ
        self._env_token = env.get(TOKEN_ENV, "").strip() or None
        self._inner: TokenProvider = StaticTokenProvider(None)
        self.source: TokenSource = "none"
        self.account: Account | None = None
        self.on_change: Callable[[AuthSession], None] | None = None
        self._load()

    # --- what the UI shows -------------------------------------------------------------------------------

    @property
    def signed_in(self) -> bool:
        return self.source != "none"

    @property
    def in_memory_only(self) -> bool:
        """True when a sign-in made now would be forgotten when the app closes (no working keychain)."""
        return self.source != "env" and self._vault.in_memory_only

    # --- TokenProvider -----------------------------------------------------------------------------------

    async def access_token(self) -> str:
        return await self._inner.access_token()

    async def token_rejected(self, token: str) -> bool:
        return await self._inner.token_rejected(token)

    # --- signing in and out ------------------------------------------------------------------------------

    async def sign_in_static(self, token: str) -> Account:
        """Check `token` by listing links, then keep it. Raises the client's typed errors when it doesn't work."""
        token = token.strip()
        if not token:
            raise NotSignedIn()
        account = await verify_static_token(self._http, token)
        self._vault.save(StoredCredentials(kind="static", token=token), account)
        self._use(StaticTokenProvider(token), "static", account)
        return account

    async def sign_in_oauth(
        self,
        app: OAuthApp,
        *,
        open_url: Callable[[str], object],
        port: int = 0,
        give_up_after: float = BROWSER_TIMEOUT,
    ) -> Account:
        """Run the browser sign-in and keep the refresh token (and the app's secret) in the keychain."""
        result = await sign_in_with_browser(self._http, app, open_url=open_url, port=port, give_up_after=give_up_after)
        assert result.tokens.refresh_token is not None
        creds = StoredCredentials(
            kind="oauth",
            refresh_token=result.tokens.refresh_token,
            client_id=app.client_id,
            client_secret=app.client_secret,
        )
        self._vault.save(creds, result.account)
        provider = self._oauth_provider(app, creds, result.account, initial=result.tokens)
        self._use(provider, "oauth", result.account)
        return result.account

    async def sign_out(self) -> SignOutResult:
        """Revoke an OAuth refresh token at HubSpot, and delete what the keychain holds for this profile."""
        inner, was = self._inner, self.source in ("static", "oauth")
        revoked, problem = True, None
        if isinstance(inner, OAuthTokenProvider):
            try:
                await inner.sign_out()
            except SchedulerError as exc:
                revoked, problem = False, exc.user_message
                log.warning("could not revoke the refresh token at HubSpot (%s)", type(exc).__name__)
        self._vault.clear()
        self._use(StaticTokenProvider(None), "none", None)
        # An env token still wins after signing out of the stored account.
        self._load_env()
        return SignOutResult(was_signed_in=was, revoked=revoked, problem=problem)

    # --- internals -------------------------------------------------------------------------------------------

    def _load(self) -> None:
        if self._load_env():
            return
        creds, account = self._vault.load()
        if creds is None:
            return
        if creds.kind == "static":
            assert creds.token is not None
            self._use(StaticTokenProvider(creds.token), "static", account or Account(kind="static"))
            return
        assert creds.client_id is not None
        app = OAuthApp(
            client_id=creds.client_id,
            client_secret=creds.client_secret,
            authorize_url=authorize_url_for(self._api_base),
        )
        account = account or Account(kind="oauth")
        self._use(self._oauth_provider(app, creds, account), "oauth", account)

    def _load_env(self) -> bool:
        if self._env_token is None:
            return False
        self._use(StaticTokenProvider(self._env_token), "env", Account(kind="env"))
        return True

    def _oauth_provider(
        self, app: OAuthApp, creds: StoredCredentials, account: Account, *, initial: TokenResponse | None = None
    ) -> OAuthTokenProvider:
        assert creds.refresh_token is not None

        def keep_refresh_token(refresh_token: str) -> None:
            updated = StoredCredentials(
                kind="oauth",
                refresh_token=refresh_token,
                client_id=creds.client_id,
                client_secret=creds.client_secret,
            )
            self._vault.save(updated, account)

        def signed_out() -> None:
            # HubSpot refused the refresh token: forget it. The provider stays in place and keeps raising
            # SignInRequired, so queued work waits with a message that says why.
            self._vault.clear()
            self.source = "none"
            if self.on_change is not None:
                self.on_change(self)

        return OAuthTokenProvider(
            self._http,
            app,
            creds.refresh_token,
            initial=initial,
            clock=self._clock,
            on_refresh_token=keep_refresh_token,
            on_signed_out=signed_out,
        )

    def _use(self, provider: TokenProvider, source: TokenSource, account: Account | None) -> None:
        self._inner, self.source, self.account = provider, source, account
        if self.on_change is not None:
            self.on_change(self)

    def __repr__(self) -> str:
        return f"AuthSession(source={self.source}, in_memory_only={self._vault.in_memory_only})"
