"""Fault injection: a test switches on failures per route, for a number of requests."""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import asdict, dataclass
from typing import Any

import httpx

ROUTES = ("links", "info", "availability", "book", "contacts")


class ConnectionDropped(httpx.RemoteProtocolError):
    """Raised inside the app to cut the connection after the request arrived.

    Over uvicorn the socket closes mid-response; through `httpx.ASGITransport` the same exception reaches the
    client, so both look like a transport error to the caller.
    """


@dataclass
class Fault:
    """What goes wrong on the next matching request(s)."""

    route: str
    status: int | None = None
    #: Requests affected; None = until cleared.
    times: int | None = 1
    #: Seconds to wait before handling (or failing).
    delay: float = 0.0
    #: Close the connection with no complete response; nothing is done.
    drop: bool = False
    #: Do the work (the booking IS recorded), then close the connection: the "outcome unknown" case.
    drop_after_booking: bool = False
    #: Do the work (the booking IS recorded), then answer with this error status: a 5xx after booking, as a
    #: round-robin link with a second member free produces (the time stays offered, yet it was booked).
    status_after_booking: int | None = None
    #: Do the work, then send a truncated, unparseable JSON body.
    malformed: bool = False
    #: Retry-After seconds sent with a 429 (or 503) fault.
    retry_after: int = 1

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class Faults:
    """Per-route queues of faults; thread-safe because a test thread injects while the server thread serves."""

    def __init__(self) -> None:
        self._queues: dict[str, deque[Fault]] = {route: deque() for route in ROUTES}
        self._lock = threading.Lock()

    def inject(
        self,
        route: str,
        *,
        status: int | None = None,
        times: int | None = 1,
        delay: float = 0.0,
        drop: bool = False,
        drop_after_booking: bool = False,
        status_after_booking: int | None = None,
        malformed: bool = False,
        retry_after: int = 1,
    ) -> Fault:
        """Queue a fault for `route` (one of links, info, availability, book, contacts)."""
        if route not in ROUTES:
            raise ValueError(f"unknown route {route!r}; expected one of {', '.join(ROUTES)}")
        if drop_after_booking and route != "book":
            raise ValueError("drop_after_booking only applies to the book route")
        if status_after_booking is not None and (route != "book" or not 400 <= status_after_booking <= 599):
            raise ValueError("status_after_booking needs the book route and an HTTP error status (400-599)")
        if status is not None and not 400 <= status <= 599:
            raise ValueError("status must be an HTTP error status (400-599)")
        if times is not None and times < 1:
            raise ValueError("times must be at least 1 (or None for every request)")
        if delay < 0:
            raise ValueError("delay cannot be negative")
        fault = Fault(
            route=route,
            status=status,
            times=times,
            delay=delay,
            drop=drop,
            drop_after_booking=drop_after_booking,
            status_after_booking=status_after_booking,
            malformed=malformed,
            retry_after=retry_after,
        )
        with self._lock:
            self._queues[route].append(fault)
        return fault

    def take(self, route: str) -> Fault | None:
        """The fault for this request, if any, using up one of its `times`."""
        with self._lock:
            queue = self._queues.get(route)
            if not queue:
                return None
            fault = queue[0]
            if fault.times is not None:
                fault.times -= 1
                if fault.times <= 0:
                    queue.popleft()
            return fault

    def pending(self) -> list[Fault]:
        with self._lock:
            return [f for queue in self._queues.values() for f in queue]

    def clear(self) -> None:
        with self._lock:
            for queue in self._queues.values():
                queue.clear()
