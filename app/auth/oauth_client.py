"""HubSpot's OAuth endpoints (reference §7.2): authorize URL, code exchange, refresh, revoke, introspect.

Every request is form-encoded with all parameters in the body. Errors never quote what we sent.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from urllib.parse import urlencode

import httpx
import msgspec

from app.auth.errors import OAuthRefused
from app.hubspot.endpoints import API_VERSION, DEFAULT_API_BASE
from app.hubspot.errors import READ_SCOPE, RECOMMENDED_WRITE_SCOPE, NetworkUnreachable, ServerError
from app.hubspot.models import OAuthErrorBody, TokenResponse

log = logging.getLogger(__name__)

TOKEN_PATH = f"/oauth/{API_VERSION}/token"
REVOKE_PATH = f"/oauth/{API_VERSION}/token/revoke"
INTROSPECT_PATH = f"/oauth/{API_VERSION}/token/introspect"
HUBSPOT_AUTHORIZE_URL = "https://app.hubspot.com/oauth/authorize"
DEFAULT_SCOPES = (READ_SCOPE, RECOMMENDED_WRITE_SCOPE)
CALLBACK_PATH = "/oauth-callback"


def authorize_url_for(api_base: str) -> str:
    """HubSpot's authorize page for its API; any other API base (the sandbox) serves its own."""
    base = api_base.rstrip("/")
    return HUBSPOT_AUTHORIZE_URL if base == DEFAULT_API_BASE else f"{base}/oauth/authorize"


@dataclass(frozen=True, slots=True)
class OAuthApp:
    """The admin's HubSpot app: its client id, optional secret and the scopes we ask for."""

    client_id: str
    client_secret: str | None = field(default=None, repr=False)
    scopes: tuple[str, ...] = DEFAULT_SCOPES
    authorize_url: str = HUBSPOT_AUTHORIZE_URL

    def client_fields(self) -> dict[str, str]:
        fields = {"client_id": self.client_id}
        if self.client_secret:
            fields["client_secret"] = self.client_secret
        return fields


def build_authorize_url(app: OAuthApp, *, redirect_uri: str, state: str, code_challenge: str) -> str:
    query = urlencode(
        {
            "client_id": app.client_id,
            "redirect_uri": redirect_uri,
            "scope": " ".join(app.scopes),
            "state": state,
            "code_challenge": code_challenge,
            "code_challenge_method": "S256",
        }
    )
    return f"{app.authorize_url}?{query}"


class Introspection(msgspec.Struct, kw_only=True, forbid_unknown_fields=False):
    """RFC 7662 token introspection, with HubSpot's account fields."""

    active: bool = False
    scope: str | None = None
    scopes: list[str] = msgspec.field(default_factory=list)
    hub_id: int | None = None
    hub_domain: str | None = None
    user: str | None = None
    user_id: int | None = None
    exp: int | None = None

    @property
    def scope_list(self) -> list[str]:
        return list(self.scopes) or (self.scope or "").split()


async def exchange_code(
    http: httpx.AsyncClient, app: OAuthApp, *, code: str, redirect_uri: str, code_verifier: str
) -> TokenResponse:
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirect_uri,
        "code_verifier": code_verifier,
        **app.client_fields(),
    }
    return await _token_call(http, form, "sign-in")


async def refresh_tokens(http: httpx.AsyncClient, app: OAuthApp, refresh_token: str) -> TokenResponse:
    form = {"grant_type": "refresh_token", "refresh_token": refresh_token, **app.client_fields()}
    return await _token_call(http, form, "token refresh")


async def revoke_token(http: httpx.AsyncClient, app: OAuthApp, token: str, *, hint: str = "refresh_token") -> None:
    form = {"token": token, "token_type_hint": hint, **app.client_fields()}
    response = await _post(http, REVOKE_PATH, form)
    if not response.is_success:
        raise _refusal(response, "sign-out")


async def introspect_token(http: httpx.AsyncClient, app: OAuthApp, token: str) -> Introspection:
    form = {"token": token, "token_type_hint": "access_token", **app.client_fields()}
    response = await _post(http, INTROSPECT_PATH, form)
    if not response.is_success:
        raise _refusal(response, "account lookup")
    try:
        return msgspec.json.decode(response.content, type=Introspection)
    except (msgspec.ValidationError, msgspec.DecodeError):
        raise ServerError("HubSpot's account details could not be read.", status=response.status_code) from None


async def _token_call(http: httpx.AsyncClient, form: dict[str, str], what: str) -> TokenResponse:
    response = await _post(http, TOKEN_PATH, form)
    if not response.is_success:
        raise _refusal(response, what)
    try:
        return msgspec.json.decode(response.content, type=TokenResponse)
    except (msgspec.ValidationError, msgspec.DecodeError):
        raise ServerError(f"HubSpot's answer to the {what} was not in the expected shape.") from None


async def _post(http: httpx.AsyncClient, path: str, form: dict[str, str]) -> httpx.Response:
    try:
        response = await http.post(path, data=form, headers={"Content-Type": "application/x-www-form-urlencoded"})
    except httpx.TransportError as exc:
        log.info("POST %s failed: %s", path, type(exc).__name__)
        raise NetworkUnreachable("Can't reach HubSpot to sign in. Check the network connection.") from None
    log.debug("POST %s -> %s", path, response.status_code)
    return response


def _refusal(response: httpx.Response, what: str) -> OAuthRefused | ServerError:
    status = response.status_code
    if status >= 500 or status == 429:
        return ServerError(f"HubSpot could not handle the {what} right now (HTTP {status}). Try again.", status=status)
    try:
        body = msgspec.json.decode(response.content, type=OAuthErrorBody)
    except (msgspec.ValidationError, msgspec.DecodeError):
        body = OAuthErrorBody()
    code = body.error or (body.status or "").lower() or "invalid_request"
    # Say what it means in our words: HubSpot's description could quote the token or code we sent.
    if code == "invalid_client":
        text = (
            f"HubSpot refused the {what}: the app's client id or client secret is wrong. Check them in the "
            "HubSpot app's Auth settings."
        )
    elif code == "invalid_grant":
        text = f"HubSpot refused the {what}: the sign-in has expired, was used already, or was revoked."
    elif code == "invalid_scope":
        text = f"HubSpot refused the {what}: the app does not offer the scopes Booking Assistant needs."
    else:
        text = f"HubSpot refused the {what} ({code}, HTTP {status})."
    if body.status:
        text += f" [{body.status}]"
    return OAuthRefused(text, error=code, status=status)
