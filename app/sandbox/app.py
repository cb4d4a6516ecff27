"""The simulated Scheduler API as a Starlette app, on both `/scheduler/v3/...` and date-versioned paths, plus the
CRM contacts search the attendee suggestions use."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from http import HTTPStatus
from typing import Any
from urllib.parse import unquote

import msgspec
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from app.hubspot.contacts import CONTACTS_SEARCH_PATH
from app.sandbox.book import book_response, parse_book_body, prepare_booking
from app.sandbox.contacts import parse_search_body, search_contacts
from app.sandbox.control import control_routes
from app.sandbox.envelopes import AUTH_MISSING, ApiError, envelope, rate_limit_body
from app.sandbox.faults import ConnectionDropped, Fault
from app.sandbox.oauth import oauth_routes
from app.sandbox.reads import availability_page, booking_info, list_links
from app.sandbox.state import CONTACTS_READ_SCOPE, READ_SCOPE, WRITE_SCOPES, SandboxState

VERSIONS = frozenset({"v3", "2025-09", "2026-03", "2026-09"})
_PREFIX = ("scheduler", None, "meetings", "meeting-links")
_METHODS = {"links": "GET", "info": "GET", "availability": "GET", "book": "POST", "contacts": "POST"}
_MALFORMED = b'{"status":"ok","results":[{"id":"3110001","slug":'


def match_route(raw_path: bytes) -> tuple[str, str | None] | None:
    """(route, slug) from the *raw* path, so `a%2Fb` is one slug and `a/b` is two segments (which 404)."""
    text = raw_path.split(b"?", 1)[0].decode("latin-1")
    if text.rstrip("/") == CONTACTS_SEARCH_PATH:
        return "contacts", None
    segments = text.split("/")
    if segments[:1] != [""] or len(segments) < 5:
        return None
    head = [unquote(s) for s in segments[1:5]]
    if head[0] != "scheduler" or head[1] not in VERSIONS or head[2:] != ["meetings", "meeting-links"]:
        return None
    rest = segments[5:]
    if rest in ([], [""]):
        return "links", None
    if rest == ["book"]:
        return "book", None
    if len(rest) == 2 and rest[0] == "book" and rest[1]:
        return "info", unquote(rest[1])
    if len(rest) == 3 and rest[:2] == ["book", "availability-page"] and rest[2]:
        return "availability", unquote(rest[2])
    if len(rest) > 2 and rest[0] == "book":
        # An unencoded team slug (`book/team/name`): HubSpot answers "slug does not exist"; "" never matches.
        return ("availability" if rest[1] == "availability-page" else "info"), ""
    return None


def _json(status: int, body: Any, headers: dict[str, str] | None = None) -> Response:
    return Response(
        msgspec.json.encode(body), status_code=status, headers=headers, media_type="application/json;charset=utf-8"
    )


def _fault_response(fault: Fault) -> Response:
    status = fault.status or 500
    if status == 429:
        return _json(429, rate_limit_body("TEN_SECONDLY_ROLLING"), {"Retry-After": str(fault.retry_after)})
    if status == 500:
        # What HubSpot's v3 book path sends on its intermittent failures: no category at all.
        return _json(500, envelope("internal error"))
    headers = {"Retry-After": str(fault.retry_after)} if status in (503, 477, 423) else None
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "error"
    return _json(status, envelope(phrase), headers)


class SchedulerApi:
    """Raw ASGI endpoint: routing on `raw_path`, auth, rate limits, faults, then the handlers."""

    def __init__(self, state: SandboxState) -> None:
        self.state = state
        # Makes "is the time still open?" and "record the booking" one step, so two racing books cannot both win.
        self.book_lock = asyncio.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        raw_path: bytes = scope.get("raw_path") or scope["path"].encode()
        matched = match_route(raw_path)
        if matched is None:
            body = envelope(f"Unable to route {request.method} request", category="OBJECT_NOT_FOUND")
            await _json(404, body)(scope, receive, send)
            return
        route, slug = matched
        if request.method != _METHODS[route]:
            await _json(405, envelope("Method not allowed", category="VALIDATION_ERROR"))(scope, receive, send)
            return
        rate_headers: dict[str, str] = {}
        drop = False
        try:
            grant = self._authorize(request, route)
            decision = self.state.take_rate()
            rate_headers = decision.headers(daily=not grant.oauth)
            if not decision.allowed:
                headers = {"Retry-After": str(decision.retry_after)}
                raise ApiError(429, rate_limit_body(decision.policy or "TEN_SECONDLY_ROLLING"), headers)
            fault = self.state.faults.take(route)
            if fault and fault.delay:
                await self.state.sleep(fault.delay)
            if fault and fault.drop:
                await request.body()  # the request fully arrived; then the line goes dead
                drop = True
            elif fault and fault.status:
                response = _fault_response(fault)
            else:
                status, body = await self._handle(request, route, slug)
                response = _json(status, body)
                if fault and fault.malformed:
                    response = Response(_MALFORMED, status_code=status, media_type="application/json;charset=utf-8")
                elif fault and fault.status_after_booking:
                    response = _fault_response(Fault(route, status=fault.status_after_booking))
                drop = bool(fault and fault.drop_after_booking)
        except ApiError as error:
            response = _json(error.status, error.body, error.headers)
        if drop:
            await _drop_connection(send, rate_headers)
            return
        response.headers.update(rate_headers)
        await response(scope, receive, send)

    def _authorize(self, request: Request, route: str) -> Any:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        grant = self.state.tokens.get(token.strip()) if scheme.lower() == "bearer" else None
        if grant is None:
            raise ApiError(401, envelope(AUTH_MISSING, category="INVALID_AUTHENTICATION"))
        if grant.is_expired(self.state.now()):
            raise ApiError(
                401,
                envelope(
                    "The OAuth token used to make this call expired 1 hour(s) ago.",
                    category="EXPIRED_AUTHENTICATION",
                ),
            )
        if route == "book":
            if not grant.scopes & WRITE_SCOPES:
                raise _missing_scopes(sorted(WRITE_SCOPES))
        elif route == "contacts":
            if CONTACTS_READ_SCOPE not in grant.scopes:
                raise _missing_scopes([CONTACTS_READ_SCOPE])
        elif READ_SCOPE not in grant.scopes:
            raise _missing_scopes([READ_SCOPE])
        return grant

    async def _handle(self, request: Request, route: str, slug: str | None) -> tuple[int, Any]:
        params = request.query_params
        if route == "links":
            return 200, list_links(self.state, params, _next_link(request))
        if route == "info":
            return 200, booking_info(self.state, slug or "", params)
        if route == "availability":
            return 200, availability_page(self.state, slug or "", params)
        if route == "contacts":
            return 200, search_contacts(self.state, parse_search_body(await request.body()))
        payload = parse_book_body(await request.body())
        async with self.book_lock:
            booking = prepare_booking(self.state, payload, params.get("timezone"))
            # HubSpot writes the calendar event here; a racing request must wait and then see the slot gone.
            await asyncio.sleep(0)
            self.state.record(booking)
        return 200, book_response(self.state.links[booking.slug], booking, payload.locale)


def _missing_scopes(scopes: list[str]) -> ApiError:
    body = envelope(
        "This app hasn't been granted all required scopes to make this call.",
        category="MISSING_SCOPES",
        errors=[
            {
                "message": "One or more of the following scopes are required.",
                "context": {"requiredGranularScopes": scopes},
            }
        ],
    )
    return ApiError(403, body)


def _next_link(request: Request) -> Callable[[str], str]:
    def build(after: str) -> str:
        return str(request.url.include_query_params(after=after))

    return build


async def _drop_connection(send: Send, headers: dict[str, str]) -> None:
    """Start a response, send part of it, then fail: the client sees the connection close mid-answer."""
    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    raw += [(b"content-type", b"application/json;charset=utf-8"), (b"content-length", b"4096")]
    await send({"type": "http.response.start", "status": 200, "headers": raw})
    await send({"type": "http.response.body", "body": b'{"calendarEventId":', "more_body": True})
    raise ConnectionDropped("sandbox fault injection dropped the connection")


def create_app(state: SandboxState | None = None) -> Starlette:
    """The ASGI app over `state` (a fresh seeded portal when None)."""
    state = state or SandboxState()
    api = SchedulerApi(state)
    routes = [
        *control_routes(state),
        *oauth_routes(state),
        Route("/{path:path}", api, methods=["GET", "POST", "PUT", "PATCH", "DELETE"]),
    ]
    app = Starlette(routes=routes)
    app.state.sandbox = state
    return app
