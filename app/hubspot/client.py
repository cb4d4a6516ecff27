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

from app.hubspot import endpoints
from app.hubspot.errors import (
    MalformedResponse,
    NetworkUnreachable,
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

log = logging.getLogger(__name__)

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]

# Errors raised before any byte of the request could have been sent: safe to send again.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)


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


def _envelope(response: httpx.Response) -> ErrorEnvelope:
    try:
        return msgspec.json.decode(response.content, type=ErrorEnvelope)
    except (msgspec.ValidationError, msgspec.DecodeError):
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
    ) -> None:
        self._http = http
        self._tokens = tokens
        self._retry = retry or RetryPolicy()
        self._sleep = sleep
        self.pacer = pacer or RateLimitPacer(sleep=sleep)

    async def aclose(self) -> None:
        await self._http.aclose()

    # --- reads ---------------------------------------------------------------------------------------------

    async def list_links(self, *, page_size: int = 100) -> list[MeetingLink]:
        """Every meeting link the token can see, following `paging.next.after`."""
        links: list[MeetingLink] = []
        after: str | None = None
        seen: set[str] = set()
        while True:
            params: dict[str, str | int] = {"limit": page_size}
            if after:
                params["after"] = after
            page = await self._get(endpoints.links_path(), params, MeetingLinkPage, "list of meeting links")
            links.extend(page.results)
            nxt = page.paging.next.after if page.paging and page.paging.next else None
            # Stop on an empty page or a cursor we have seen (a server bug must not loop forever).
            if not nxt or not page.results or nxt in seen:
                return links
            seen.add(nxt)
            after = nxt

    async def booking_info(self, slug: str, timezone: str) -> BookingInfo:
        return await self._get(
            endpoints.booking_info_path(slug), {"timezone": timezone}, BookingInfo, "booking information"
        )

    async def availability(self, slug: str, timezone: str, month_offset: int = 0) -> AvailabilityPage:
        params: dict[str, str | int] = {"timezone": timezone, "monthOffset": month_offset}
        return await self._get(endpoints.availability_path(slug), params, AvailabilityPage, "list of open times")

    async def _get(self, path: str, params: Mapping[str, str | int], type_: type[T], what: str) -> T:
        attempt = 0
        refreshed = False
        while True:
            attempt += 1
            await self.pacer.wait_turn()
            token = await self._tokens.access_token()
            started = time.perf_counter()
            try:
                response = await self._http.get(path, params=dict(params), headers=_auth(token))
            except httpx.TransportError as exc:
                log.info("GET %s failed: %s", path, type(exc).__name__)
                if attempt < self._retry.attempts:
                    await self._sleep(self._retry.backoff(attempt))
                    continue
                raise NetworkUnreachable(
                    "Can't reach HubSpot. Check the network connection; cached data is shown meanwhile."
                ) from exc
            self._log(response, started)
            self.pacer.observe(response.headers)
            if response.status_code == 401 and not refreshed and await self._tokens.token_rejected(token):
                refreshed = True
                attempt -= 1
                continue
            if response.is_success:
                return decode_body(response.content, type_, what)
            error = self._error(response, is_book=False)
            if isinstance(error, RateLimited):
                self.pacer.block_for(error.retry_after)
                waitable = not error.daily and error.retry_after <= self._retry.max_retry_after
                if waitable and attempt < self._retry.attempts:
                    continue  # wait_turn() waits out Retry-After
            elif error.transient and attempt < self._retry.attempts:
                await self._sleep(self._retry.backoff(attempt))
                continue
            raise error

    # --- book ----------------------------------------------------------------------------------------------

    async def book(self, request: BookRequest) -> BookResult:
        """Book once. Never re-sent once bytes may have reached HubSpot (no idempotency key exists)."""
        body = msgspec.json.encode(request)
        refreshed = False
        while True:
            await self.pacer.wait_turn()
            token = await self._tokens.access_token()
            started = time.perf_counter()
            try:
                response = await self._http.post(
                    endpoints.book_path(),
                    content=body,
                    headers={**_auth(token), "Content-Type": "application/json"},
                )
            except _NOT_SENT as exc:
                raise NetworkUnreachable("Can't reach HubSpot; nothing was booked.") from exc
            except httpx.TransportError as exc:
                log.warning("book: no answer after sending (%s); outcome unknown", type(exc).__name__)
                raise OutcomeUnknown(
                    "The booking was sent but HubSpot's answer never arrived, so it may or may not have been "
                    "booked. Check the meeting in HubSpot before booking again."
                ) from exc
            self._log(response, started)
            self.pacer.observe(response.headers)
            # A 401 means HubSpot did not process the request: one retry with a refreshed token is safe.
            if response.status_code == 401 and not refreshed and await self._tokens.token_rejected(token):
                refreshed = True
                continue
            if response.is_success:
                try:
                    booked = decode_body(response.content, BookResponse, "booking confirmation")
                except MalformedResponse as exc:
                    raise OutcomeUnknown(
                        "HubSpot accepted the booking but its confirmation could not be read; the meeting was "
                        "probably booked. Check it in HubSpot."
                    ) from exc
                return Booked(booked) if booked.has_calendar_event else BookedWithoutCalendarEvent(booked)
            error = self._error(response, is_book=True)
            if isinstance(error, RateLimited):
                self.pacer.block_for(error.retry_after)
            raise error

    # --- helpers -------------------------------------------------------------------------------------------

    def _error(self, response: httpx.Response, *, is_book: bool) -> SchedulerError:
        return error_from_response(
            response.status_code,
            _envelope(response),
            is_book=is_book,
            retry_after=parse_retry_after(response.headers.get("retry-after")),
        )

    @staticmethod
    def _log(response: httpx.Response, started: float) -> None:
        log.debug(
            "%s %s -> %s in %.0f ms",
            response.request.method,
            response.request.url.path,
            response.status_code,
            (time.perf_counter() - started) * 1000,
        )


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
