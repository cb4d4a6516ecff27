"""SchedulerClient: typed calls to HubSpot's Scheduler API over one httpx.AsyncClient.

Reads are retried on transient failures. The book POST is never re-sent by this class: HubSpot has no idempotency
key, so once bytes may have reached HubSpot a failure is `OutcomeUnknown`, and the outbox decides what to do.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

import httpx
import msgspec

from app.hubspot import contacts, endpoints
from app.hubspot.contacts import ContactSearchPage
from app.hubspot.errors import (
    MalformedResponse,
    MalformedToken,
    NetworkUnreachable,
    NoAnswer,
    OutcomeUnknown,
    RateLimited,
    SchedulerError,
    error_from_response,
)
from app.hubspot.models import (
    AvailabilityPage,
    BookingInfo,
    BookRequest,
    BookResponse,
    ErrorEnvelope,
    MeetingLink,
    MeetingLinkPage,
)
from app.hubspot.rate_limit import RateLimitPacer, parse_retry_after
from app.hubspot.retry import RetryPolicy
from app.hubspot.tokens import TokenProvider
from app.hubspot.transfer import Answer, DeadlineExceeded, deadline_from_env, exchange

log = logging.getLogger(__name__)

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]

# Errors raised before any byte of the request could have been sent: safe to send again.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)

#: `list_links` follows at most this many pages (10,000 links at 100 a page): a server whose cursor never ends
#: must not make the app loop and grow for ever.
MAX_LINK_PAGES = 100


@dataclass(frozen=True, slots=True)
class Booked:
    """HubSpot booked the meeting and created the calendar event."""

    response: BookResponse


@dataclass(frozen=True, slots=True)
class BookedWithoutCalendarEvent:
    """HTTP 200, but the assigned member's calendar is disconnected: a contact exists, no meeting or event.

    Callers must show this as a warning, never as a plain success (reference §1.5).
    """

    response: BookResponse


BookResult = Booked | BookedWithoutCalendarEvent


def decode_body(content: bytes, type_: type[T], what: str) -> T:
    """Decode a response body; a wrong shape becomes MalformedResponse naming the JSON path."""
    try:
        return msgspec.json.decode(content, type=type_)
    except msgspec.ValidationError as exc:
        raise MalformedResponse(f"HubSpot's {what} was not in the expected shape: {exc}.") from None
    except msgspec.DecodeError:
        raise MalformedResponse(f"HubSpot's {what} was not valid JSON.") from None
    except RecursionError:  # msgspec's depth guard: `[[[[…` 100,000 deep
        raise MalformedResponse(f"HubSpot's {what} was nested too deeply to be real JSON data.") from None


def decode_answer(answer: Answer, type_: type[T], what: str) -> T:
    """A 2xx answer's body as `type_`, or MalformedResponse saying why it is not one."""
    if answer.body_problem:
        raise MalformedResponse(f"HubSpot's {what} could not be read: {answer.body_problem}.")
    kind = answer.content_type
    if kind and kind != "application/json" and not kind.endswith("+json"):
        shown = "".join(ch for ch in kind[:60] if ch.isprintable())
        raise MalformedResponse(
            f"HubSpot's {what} came as {shown}, not JSON; check the API address (--api-base) and any proxy."
        )
    return decode_body(answer.content, type_, what)


def _envelope(answer: Answer) -> ErrorEnvelope:
    if answer.body_problem:
        return ErrorEnvelope(message="")
    try:
        return msgspec.json.decode(answer.content, type=ErrorEnvelope)
    except (msgspec.ValidationError, msgspec.DecodeError, RecursionError):
        return ErrorEnvelope(message="")


class SchedulerClient:
    def __init__(
        self,
        http: httpx.AsyncClient,
        tokens: TokenProvider,
        *,
        retry: RetryPolicy | None = None,
        pacer: RateLimitPacer | None = None,
        sleep: Sleep = asyncio.sleep,
        deadline_s: float | None = None,
    ) -> None:
        self._http = http
        #: Connect + headers + body of one request (BOOKING_ASSISTANT_HTTP_DEADLINE overrides the default).
        self.deadline_s = deadline_from_env() if deadline_s is None else deadline_s
        self._tokens = tokens
        self._retry = retry or RetryPolicy()
        self._sleep = sleep
        self.pacer = pacer or RateLimitPacer(sleep=sleep)

    @property
    def tokens(self) -> TokenProvider:
        """Where the bearer tokens come from (an AuthSession knows the signed-in account)."""
        return self._tokens

    async def aclose(self) -> None:
        await self._http.aclose()

    # --- reads ---------------------------------------------------------------------------------------------

    async def list_links(self, *, page_size: int = 100) -> list[MeetingLink]:
        """Every meeting link the token can see, following `paging.next.after`."""
        links: list[MeetingLink] = []
        after: str | None = None
        seen: set[str] = set()
        for _ in range(MAX_LINK_PAGES):
            params: dict[str, str | int] = {"limit": page_size}
            if after:
                params["after"] = after
            page = await self._get(endpoints.links_path(), params, MeetingLinkPage, "list of meeting links")
            links.extend(page.results)
            nxt = page.paging.next.after if page.paging and page.paging.next else None
            # Stop on an empty page, a cursor we have seen (or the one just used), or once `total` is reached:
            # a server bug must not loop for ever.
            if not nxt or not page.results or nxt in seen or nxt == after or 0 < page.total <= len(links):
                return links
            seen.add(nxt)
            after = nxt
        raise MalformedResponse(
            f"HubSpot kept sending more pages of meeting links (over {MAX_LINK_PAGES} pages, {len(links)} links); "
            "stopped reading. Try again later."
        )

    async def booking_info(self, slug: str, timezone: str) -> BookingInfo:
        return await self._get(
            endpoints.booking_info_path(slug), {"timezone": timezone}, BookingInfo, "booking information"
        )

    async def availability(self, slug: str, timezone: str, month_offset: int = 0) -> AvailabilityPage:
        params: dict[str, str | int] = {"timezone": timezone, "monthOffset": month_offset}
        return await self._get(endpoints.availability_path(slug), params, AvailabilityPage, "list of open times")

    async def _get(
        self, path: str, params: Mapping[str, str | int], type_: type[T], what: str, *, body: bytes | None = None
    ) -> T:
        """A read, retried and paced; with `body`, a POST whose JSON only asks (a search), so retrying is safe."""
        attempt = 0
        refreshed = False
        while True:
            attempt += 1
            ticket = await self.pacer.wait_turn()
            token = await self._tokens.access_token()
            started = time.perf_counter()
            if body is None:
                request = self._http.build_request("GET", path, params=dict(params), headers=_auth(token))
            else:
                headers = {**_auth(token), "Content-Type": "application/json"}
                request = self._http.build_request("POST", path, params=dict(params), content=body, headers=headers)
            try:
                answer = await exchange(self._http, request, deadline_s=self.deadline_s)
            except DeadlineExceeded as exc:
                # Not retried: a server that stalls once stalls again, and retrying multiplies the wait.
                log.info("%s %s: no complete answer in %g s", request.method, path, exc.seconds)
                raise NoAnswer(
                    f"HubSpot did not answer in {exc.seconds:g} s. Check the network connection; cached data is "
                    "shown meanwhile."
                ) from None
            except httpx.TransportError as exc:
                log.info("%s %s failed: %s", request.method, path, type(exc).__name__)
                if attempt < self._retry.attempts:
                    await self._sleep(self._retry.backoff(attempt))
                    continue
                raise NetworkUnreachable(
                    "Can't reach HubSpot. Check the network connection; cached data is shown meanwhile."
                ) from exc
            self._log(request.method, path, answer, started)
            self.pacer.observe(answer.headers, ticket)
            if answer.status_code == 401 and not refreshed and await self._tokens.token_rejected(token):
                refreshed = True
                attempt -= 1
                continue
            if answer.is_success:
                return decode_answer(answer, type_, what)
            error = self._error(answer, is_book=False)
            if isinstance(error, RateLimited):
                self.pacer.block_for(error.retry_after)
                waitable = not error.daily and error.retry_after <= self._retry.max_retry_after
                if waitable and attempt < self._retry.attempts:
                    continue  # wait_turn() waits out Retry-After
            elif error.transient and attempt < self._retry.attempts:
                await self._sleep(self._retry.backoff(attempt))
                continue
            raise error

    async def search_contacts(self, query: str, *, limit: int = 10, after: str | None = None) -> ContactSearchPage:
        """CRM contacts matching `query` (needs crm.objects.contacts.read; MissingScopes without it)."""
        return await self._get(
            contacts.CONTACTS_SEARCH_PATH,
            {},
            ContactSearchPage,
            "list of contacts",
            body=contacts.search_body(query, limit=limit, after=after),
        )

    # --- book ----------------------------------------------------------------------------------------------

    async def book(self, request: BookRequest) -> BookResult:
        """Book once. Never re-sent once bytes may have reached HubSpot (no idempotency key exists)."""
        body = msgspec.json.encode(request)
        refreshed = False
        path = endpoints.book_path()
        while True:
            ticket = await self.pacer.wait_turn()
            token = await self._tokens.access_token()
            started = time.perf_counter()
            post = self._http.build_request(
                "POST", path, content=body, headers={**_auth(token), "Content-Type": "application/json"}
            )
            try:
                answer = await exchange(self._http, post, deadline_s=self.deadline_s)
            except _NOT_SENT as exc:
                raise NetworkUnreachable("Can't reach HubSpot; nothing was booked.") from exc
            except DeadlineExceeded as exc:
                log.warning("book: no complete answer in %g s; outcome unknown", exc.seconds)
                raise OutcomeUnknown(
                    f"HubSpot did not answer in {exc.seconds:g} s after the booking was sent, so it may or may not "
                    "have been booked. Check the meeting in HubSpot before booking again."
                ) from None
            except httpx.TransportError as exc:
                log.warning("book: no answer after sending (%s); outcome unknown", type(exc).__name__)
                raise OutcomeUnknown(
                    "The booking was sent but HubSpot's answer never arrived, so it may or may not have been "
                    "booked. Check the meeting in HubSpot before booking again."
                ) from exc
            self._log("POST", path, answer, started)
            self.pacer.observe(answer.headers, ticket)
            # A 401 means HubSpot did not process the request: one retry with a refreshed token is safe.
            if answer.status_code == 401 and not refreshed and await self._tokens.token_rejected(token):
                refreshed = True
                continue
            if answer.is_success:
                try:
                    booked = decode_answer(answer, BookResponse, "booking confirmation")
                except MalformedResponse as exc:
                    raise OutcomeUnknown(
                        "HubSpot accepted the booking but its confirmation could not be read; the meeting was "
                        "probably booked. Check it in HubSpot."
                    ) from exc
                return Booked(booked) if booked.has_calendar_event else BookedWithoutCalendarEvent(booked)
            error = self._error(answer, is_book=True)
            if answer.is_redirect:
                # Not a refusal: whatever answered may have acted on the POST before redirecting.
                raise OutcomeUnknown(
                    f"{error.user_message} The booking was sent there, so it may or may not have been booked; "
                    "check the meeting in HubSpot before booking again.",
                    status=answer.status_code,
                ) from error
            if isinstance(error, RateLimited):
                self.pacer.block_for(error.retry_after)
            raise error

    # --- helpers -------------------------------------------------------------------------------------------

    def _error(self, answer: Answer, *, is_book: bool) -> SchedulerError:
        return error_from_response(
            answer.status_code,
            _envelope(answer),
            is_book=is_book,
            retry_after=parse_retry_after(answer.headers.get("retry-after")),
            location=answer.headers.get("location"),
        )

    @staticmethod
    def _log(method: str, path: str, answer: Answer, started: float) -> None:
        log.debug("%s %s -> %s in %.0f ms", method, path, answer.status_code, (time.perf_counter() - started) * 1000)


def _auth(token: str) -> dict[str, str]:
    # A pasted token with a line break would otherwise fail deep in httpx as "Can't reach HubSpot".
    if not token.isascii() or not token.isprintable() or " " in token:
        raise MalformedToken()
    return {"Authorization": f"Bearer {token}"}
