"""The two ways to sign in: check a pasted static token at once, or run OAuth with PKCE over a loopback redirect."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from app.auth.account import Account
from app.auth.errors import SignInFailed
from app.auth.loopback import LoopbackListener
from app.auth.oauth_client import OAuthApp, build_authorize_url, exchange_code, introspect_token
from app.auth.pkce import challenge_for, make_state, make_verifier
from app.hubspot.client import SchedulerClient
from app.hubspot.errors import SchedulerError
from app.hubspot.models import TokenResponse
from app.hubspot.retry import RetryPolicy
from app.hubspot.tokens import StaticTokenProvider

log = logging.getLogger(__name__)

#: How long to wait for the user to finish in the browser.
BROWSER_TIMEOUT = 300.0


@dataclass(frozen=True, slots=True)
class OAuthSignIn:
    """A completed OAuth sign-in: the tokens (never shown) and the account they belong to."""

    tokens: TokenResponse = field(repr=False)
    account: Account


async def verify_static_token(http: httpx.AsyncClient, token: str) -> Account:
    """List links with `token`: raises TokenRejected, MissingScopes, NetworkUnreachable … when it can't."""
    # Not closed: `http` belongs to the caller.
    client = SchedulerClient(http, StaticTokenProvider(token), retry=RetryPolicy(attempts=2))
    links = await client.list_links()
    log.info("static token accepted (%d meeting links visible)", len(links))
    return Account(kind="static")


async def sign_in_with_browser(
    http: httpx.AsyncClient,
    app: OAuthApp,
    *,
    open_url: Callable[[str], object],
    port: int = 0,
    give_up_after: float = BROWSER_TIMEOUT,
) -> OAuthSignIn:
    """Authorization code + PKCE: open the authorize page, receive the code on loopback, exchange it."""
    verifier = make_verifier()
    state = make_state()
    async with LoopbackListener(state, port=port) as listener:
        url = build_authorize_url(
            app, redirect_uri=listener.redirect_uri, state=state, code_challenge=challenge_for(verifier)
        )
        open_url(url)
        code = await listener.wait_for_code(give_up_after)
        redirect_uri = listener.redirect_uri
    tokens = await exchange_code(http, app, code=code, redirect_uri=redirect_uri, code_verifier=verifier)
    if not tokens.refresh_token:
        raise SignInFailed("HubSpot signed you in but sent no refresh token, so the sign-in could not be kept.")
    account = await account_for(http, app, tokens)
    log.info("signed in with OAuth (hub %s, %d scopes)", account.hub_id, len(account.scopes))
    return OAuthSignIn(tokens, account)


async def account_for(http: httpx.AsyncClient, app: OAuthApp, tokens: TokenResponse) -> Account:
    """Hub, user and scopes: from the token response, completed by token introspection where it is silent."""
    account = Account(kind="oauth", hub_id=tokens.hub_id, user_id=tokens.user_id, scopes=list(tokens.scopes))
    try:
        info = await introspect_token(http, app, tokens.access_token)
    except SchedulerError as exc:
        log.info("token introspection unavailable (%s); showing what the token response says", type(exc).__name__)
        return account
    if not info.active:
        return account
    return Account(
        kind="oauth",
        hub_id=account.hub_id if account.hub_id is not None else info.hub_id,
        hub_domain=info.hub_domain,
        user=info.user,
        user_id=account.user_id if account.user_id is not None else info.user_id,
        scopes=account.scopes or info.scope_list,
    )
