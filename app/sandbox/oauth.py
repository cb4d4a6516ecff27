"""The sandbox's OAuth 2.0 server: an authorize page that auto-approves, and token/refresh/revoke/introspect.

Shapes and errors follow HubSpot (reference §7.2): form-encoded bodies, snake_case token responses, RFC 6749
errors with HubSpot's legacy `status` (`BAD_REFRESH_TOKEN`, `BAD_AUTH_CODE` …). PKCE (S256) is verified,
codes are single-use, and lifetimes can be shortened for tests (`oauth_server(state).access_lifetime`, or
`POST /_sandbox/oauth {"accessLifetime": 5}` for a sandbox in another process).
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import threading
import uuid
import weakref
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import msgspec
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from app.sandbox.seed import ALEX as ALEX_USER_ID
from app.sandbox.state import CONTACTS_READ_SCOPE, READ_SCOPE, WRITE_SCOPES, SandboxState

SANDBOX_CLIENT_ID = "sandbox-client"
SANDBOX_CLIENT_SECRET = "sandbox-client-secret"
#: A client with no secret: PKCE alone protects the code exchange.
SANDBOX_PUBLIC_CLIENT_ID = "sandbox-public-client"
SANDBOX_HUB_ID = 4_004_004
SANDBOX_HUB_DOMAIN = "northwind.test"
SANDBOX_USER_EMAIL = "alex.morgan@northwind.test"
KNOWN_SCOPES = frozenset({READ_SCOPE, CONTACTS_READ_SCOPE, *WRITE_SCOPES})
_VERSIONS = ("2026-03", "v3")


@dataclass
class _Code:
    client_id: str
    redirect_uri: str
    scopes: list[str]
    challenge: str | None
    expires_at: float


@dataclass
class _Refresh:
    client_id: str
    scopes: list[str]
    access_tokens: set[str] = field(default_factory=set)


@dataclass
class _Access:
    client_id: str
    scopes: list[str]
    expires_at: float
    issued_at: float


class OAuthServer:
    """Codes, refresh and access tokens of the simulated portal; access tokens are also put in `state.tokens`."""

    def __init__(self, state: SandboxState) -> None:
        self.state = state
        self.clients: dict[str, str | None] = {
            SANDBOX_CLIENT_ID: SANDBOX_CLIENT_SECRET,
            SANDBOX_PUBLIC_CLIENT_ID: None,
        }
        self.access_lifetime = 1800
        self.code_lifetime = 600
        #: The next authorize request is declined (redirects with error=access_denied).
        self.deny_next = False
        self.codes: dict[str, _Code] = {}
        self.refresh_tokens: dict[str, _Refresh] = {}
        self.access_tokens: dict[str, _Access] = {}
        #: How many refresh_token grants succeeded (tests check proactive refreshes with it).
        self.refresh_count = 0
        self._lock = threading.Lock()

    def now(self) -> float:
        return self.state.now().timestamp()

    def expire_due(self) -> None:
        """Mark access tokens past their lifetime as expired for the API (HubSpot answers 401)."""
        now = self.now()
        with self._lock:
            due = [(t, a) for t, a in self.access_tokens.items() if a.expires_at <= now]
        for token, grant in due:
            self.state.add_token(token, grant.scopes, expired=True, oauth=True)

    # --- grants ----------------------------------------------------------------------------------------------

    def issue_code(self, client_id: str, redirect_uri: str, scopes: list[str], challenge: str | None) -> str:
        code = "code-" + secrets.token_urlsafe(24)
        with self._lock:
            self.codes[code] = _Code(client_id, redirect_uri, scopes, challenge, self.now() + self.code_lifetime)
        return code

    def redeem_code(self, form: dict[str, str]) -> dict[str, Any]:
        client_id = self.check_client(form)
        with self._lock:
            grant = self.codes.pop(form.get("code", ""), None)  # single use: gone even if the rest fails
        if grant is None or grant.expires_at <= self.now() or grant.client_id != client_id:
            raise OAuthError(400, "invalid_grant", "BAD_AUTH_CODE", "missing or unknown auth code")
        if form.get("redirect_uri") != grant.redirect_uri:
            raise OAuthError(400, "invalid_grant", "BAD_REDIRECT_URI", "redirect_uri does not match")
        verifier = form.get("code_verifier", "")
        if grant.challenge is not None and not secrets.compare_digest(_s256(verifier), grant.challenge):
            raise OAuthError(400, "invalid_grant", "BAD_CODE_VERIFIER", "code_verifier does not match the challenge")
        if grant.challenge is None and self.clients[client_id] is None:
            raise OAuthError(400, "invalid_request", "MISSING_PKCE", "a public client must use PKCE")
        refresh = "refresh-" + secrets.token_urlsafe(24)
        with self._lock:
            self.refresh_tokens[refresh] = _Refresh(client_id, grant.scopes)
        return self._token_response(refresh, include_refresh=True)

    def refresh(self, form: dict[str, str]) -> dict[str, Any]:
        client_id = self.check_client(form)
        token = form.get("refresh_token", "")
        with self._lock:
            grant = self.refresh_tokens.get(token)
        if grant is None or grant.client_id != client_id:
            raise OAuthError(400, "invalid_grant", "BAD_REFRESH_TOKEN", "refresh token is invalid, expired or revoked")
        self.refresh_count += 1
        return self._token_response(token, include_refresh=True)

    def revoke(self, form: dict[str, str]) -> None:
        self.check_client(form)
        token = form.get("token", "")
        with self._lock:
            refresh = self.refresh_tokens.pop(token, None)
            doomed = set(refresh.access_tokens) if refresh else set()
            if token in self.access_tokens:
                doomed.add(token)
            for access in doomed:
                self.access_tokens.pop(access, None)
        for access in doomed:
            self.state.revoke_token(access)

    def introspect(self, form: dict[str, str]) -> dict[str, Any]:
        self.check_client(form)
        self.expire_due()
        token = form.get("token", "")
        with self._lock:
            access = self.access_tokens.get(token)
            refresh = self.refresh_tokens.get(token)
        if access is not None and access.expires_at > self.now():
            scopes, kind, exp = access.scopes, "access_token", int(access.expires_at)
        elif refresh is not None:
            scopes, kind, exp = refresh.scopes, "refresh_token", None
        else:
            return {"active": False}
        body: dict[str, Any] = {
            "active": True,
            "client_id": (access or refresh).client_id,  # type: ignore[union-attr]
            "scope": " ".join(scopes),
            "scopes": scopes,
            "token_type": "bearer",
            "token_use": kind,
            "hub_id": SANDBOX_HUB_ID,
            "hub_domain": SANDBOX_HUB_DOMAIN,
            "user": SANDBOX_USER_EMAIL,
            "user_id": int(ALEX_USER_ID),
        }
        if exp is not None:
            body["exp"] = exp
        return body

    def check_client(self, form: dict[str, str]) -> str:
        client_id = form.get("client_id", "")
        if client_id not in self.clients:
            raise OAuthError(401, "invalid_client", "BAD_CLIENT_ID", "missing or unknown client_id")
        secret = self.clients[client_id]
        if secret is not None and not secrets.compare_digest(form.get("client_secret", ""), secret):
            raise OAuthError(401, "invalid_client", "BAD_CLIENT_SECRET", "client_secret does not match")
        return client_id

    def _token_response(self, refresh: str, *, include_refresh: bool) -> dict[str, Any]:
        self.expire_due()
        grant = self.refresh_tokens[refresh]
        access = "access-" + secrets.token_urlsafe(32)
        now = self.now()
        with self._lock:
            self.access_tokens[access] = _Access(grant.client_id, grant.scopes, now + self.access_lifetime, now)
            grant.access_tokens.add(access)
        self.state.add_token(access, grant.scopes, oauth=True, expires_at=now + self.access_lifetime)
        body: dict[str, Any] = {
            "access_token": access,
            "expires_in": self.access_lifetime,
            "token_type": "bearer",
            "token_use": "access_token",
            "hub_id": SANDBOX_HUB_ID,
            "user_id": int(ALEX_USER_ID),
            "scopes": grant.scopes,
        }
        if include_refresh:
            body["refresh_token"] = refresh
        return body


class OAuthError(Exception):
    def __init__(self, status: int, error: str, legacy_status: str, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.body = {
            "error": error,
            "error_description": description,
            "status": legacy_status,
            "message": description,
            "correlationId": str(uuid.uuid4()),
        }


_SERVERS: weakref.WeakKeyDictionary[SandboxState, OAuthServer] = weakref.WeakKeyDictionary()
_SERVERS_LOCK = threading.Lock()


def oauth_server(state: SandboxState) -> OAuthServer:
    """The OAuth server of `state` (one per sandbox portal), for routes and tests."""
    with _SERVERS_LOCK:
        server = _SERVERS.get(state)
        if server is None:
            server = _SERVERS[state] = OAuthServer(state)
        return server


def _s256(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii", "replace")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def _redirect_allowed(uri: str) -> bool:
    parts = urlsplit(uri)
    if parts.scheme == "https":
        return bool(parts.hostname)
    return parts.scheme == "http" and parts.hostname in ("localhost", "127.0.0.1")


def _page(status: int, text: str) -> HTMLResponse:
    return HTMLResponse(f"<!doctype html><title>HubSpot sandbox</title><p>{text}</p>", status_code=status)


def oauth_routes(state: SandboxState) -> list[Route]:
    """`/oauth/authorize` and `/oauth/2026-03/token[/refresh|/revoke|/introspect]` (plus a test control route)."""
    server = oauth_server(state)

    async def authorize(request: Request) -> Response:
        q = request.query_params
        client_id, redirect_uri = q.get("client_id", ""), q.get("redirect_uri", "")
        if client_id not in server.clients:
            return _page(400, "Unknown app (client_id). Check the app's Auth settings.")
        if not _redirect_allowed(redirect_uri):
            return _page(400, "redirect_uri must be https, or http://localhost for local apps.")
        back: dict[str, str] = {"state": q.get("state", "")}
        scopes = q.get("scope", "").split()
        challenge = q.get("code_challenge")
        if server.deny_next:
            server.deny_next = False
            back["error"] = "access_denied"
        elif not scopes or not set(scopes) <= KNOWN_SCOPES:
            back["error"] = "invalid_scope"
        elif challenge is not None and q.get("code_challenge_method") != "S256":
            back["error"] = "invalid_request"
        else:
            back["code"] = server.issue_code(client_id, redirect_uri, scopes, challenge)
        separator = "&" if "?" in redirect_uri else "?"
        return RedirectResponse(f"{redirect_uri}{separator}{urlencode(back)}", status_code=302)

    async def token(request: Request) -> Response:
        form = await _form(request)
        grant_type = form.get("grant_type", "")
        try:
            if grant_type == "authorization_code":
                return JSONResponse(server.redeem_code(form))
            if grant_type == "refresh_token":
                return JSONResponse(server.refresh(form))
            raise OAuthError(400, "unsupported_grant_type", "BAD_GRANT_TYPE", f"unsupported grant_type {grant_type!r}")
        except OAuthError as error:
            return JSONResponse(error.body, status_code=error.status)

    async def revoke(request: Request) -> Response:
        try:
            server.revoke(await _form(request))
        except OAuthError as error:
            return JSONResponse(error.body, status_code=error.status)
        return Response(status_code=200)

    async def introspect(request: Request) -> Response:
        try:
            return JSONResponse(server.introspect(await _form(request)))
        except OAuthError as error:
            return JSONResponse(error.body, status_code=error.status)

    async def control(request: Request) -> Response:
        try:
            body = msgspec.json.decode(await request.body(), type=dict[str, Any])
            if "accessLifetime" in body:
                server.access_lifetime = int(body["accessLifetime"])
            if "denyNext" in body:
                server.deny_next = bool(body["denyNext"])
        except (msgspec.DecodeError, msgspec.ValidationError, TypeError, ValueError) as error:
            return JSONResponse({"status": "error", "message": f"bad oauth settings: {error}"}, status_code=400)
        return JSONResponse({"accessLifetime": server.access_lifetime, "refreshCount": server.refresh_count})

    routes = [Route("/oauth/authorize", authorize, methods=["GET"])]
    for version in _VERSIONS:
        routes += [
            Route(f"/oauth/{version}/token", token, methods=["POST"]),
            Route(f"/oauth/{version}/token/revoke", revoke, methods=["POST"]),
            Route(f"/oauth/{version}/token/introspect", introspect, methods=["POST"]),
        ]
    routes.append(Route("/_sandbox/oauth", control, methods=["POST"]))
    return routes


async def _form(request: Request) -> dict[str, str]:
    """The form body; HubSpot's OAuth endpoints take every parameter there, form-encoded."""
    # Parsed here rather than with request.form(), which needs python-multipart.
    body = (await request.body()).decode("utf-8", "replace")
    return dict(parse_qsl(body, keep_blank_values=True))
