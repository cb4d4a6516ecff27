"""OAuthTokenProvider: an access token that is refreshed before it runs out, and once when HubSpot says 401.

A refused refresh (`invalid_grant`) signs the profile out and raises SignInRequired: the sender treats that as
"not signed in" and keeps everything queued until the user signs in again.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

import httpx

from app.auth.errors import OAuthRefused, SignInRequired
from app.auth.oauth_client import OAuthApp, refresh_tokens, revoke_token
from app.hubspot.models import TokenResponse

log = logging.getLogger(__name__)

Clock = Callable[[], float]

#: Refresh this long before expiry (HubSpot access tokens live 30 minutes) …
DEFAULT_MARGIN = 300.0
#: … but never more than this share of a short lifetime.
_MAX_MARGIN_SHARE = 0.5
#: OAuth errors after which the refresh token is useless.
_SIGNED_OUT_ERRORS = frozenset({"invalid_grant", "invalid_client", "unauthorized_client"})


class OAuthTokenProvider:
    """TokenProvider for an OAuth sign-in. One refresh at a time; the lock is held only around that refresh."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        app: OAuthApp,
        refresh_token: str,
        *,
        initial: TokenResponse | None = None,
        clock: Clock = time.monotonic,
        margin: float = DEFAULT_MARGIN,
        on_refresh_token: Callable[[str], None] | None = None,
        on_signed_out: Callable[[], None] | None = None,
    ) -> None:
        self._http = http
        self._app = app
        self._refresh_token: str | None = refresh_token
        self._clock = clock
        self._margin = margin
        self._on_refresh_token = on_refresh_token
        self._on_signed_out = on_signed_out
        self._access: str | None = None
        self._refresh_at = 0.0
        self._signed_out_reason = "You are signed out of HubSpot."

        self._lock = asyncio.Lock()
        self.refresh_count = 0
        if initial is not None:
            self._adopt(initial)

    @property
    def signed_in(self) -> bool:
        return self._refresh_token is not None

    @property
    def app(self) -> OAuthApp:
        return self._app

    async def access_token(self) -> str:
        if self._fresh():
            assert self._access is not None
            return self._access
        async with self._lock:
            if not self._fresh():  # another caller may have refreshed while we waited
                await self._refresh()
            assert self._access is not None
            return self._access

    async def token_rejected(self, token: str) -> bool:
        async with self._lock:
            if self._access is not None and self._access != token:
                return True  # already replaced since that request was sent
            log.info("HubSpot rejected the access token; refreshing once")
            await self._refresh()
            return True

    async def sign_out(self) -> None:
        """Revoke the refresh token at HubSpot and forget every token (even if HubSpot cannot be reached)."""
        async with self._lock:
            refresh_token, self._refresh_token, self._access = self._refresh_token, None, None
        if refresh_token:
            await revoke_token(self._http, self._app, refresh_token)

    def _fresh(self) -> bool:
        return self._access is not None and self._clock() < self._refresh_at

    async def _refresh(self) -> None:
        if self._refresh_token is None:
            raise SignInRequired(self._signed_out_reason)
        try:
            tokens = await refresh_tokens(self._http, self._app, self._refresh_token)
        except OAuthRefused as exc:
            if exc.error not in _SIGNED_OUT_ERRORS:
                raise
            log.warning("HubSpot refused the token refresh (%s); sign-in required", exc.error)
            self._refresh_token = None
            self._access = None
            self._signed_out_reason = "Your HubSpot sign-in has expired or was revoked."
            if self._on_signed_out is not None:
                self._on_signed_out()
            raise SignInRequired() from None
        self.refresh_count += 1
        self._adopt(tokens)

    def _adopt(self, tokens: TokenResponse) -> None:
        lifetime = max(float(tokens.expires_in), 0.0)
        self._access = tokens.access_token
        self._refresh_at = self._clock() + lifetime - min(self._margin, lifetime * _MAX_MARGIN_SHARE)
        new_refresh = tokens.refresh_token
        if new_refresh and new_refresh != self._refresh_token:
            self._refresh_token = new_refresh
            if self._on_refresh_token is not None:
                self._on_refresh_token(new_refresh)
        log.debug("access token refreshed; valid for %.0f s", lifetime)

    def __repr__(self) -> str:
        return f"OAuthTokenProvider(client_id={self._app.client_id!r}, signed_in={self.signed_in})"
