"""A deliberately hostile HubSpot-like server on loopback, speaking raw HTTP/1.1 from a socket so it can misbehave
below what any framework allows: headers a byte at a time, bodies that trickle, bombs, lies in every header.

Good answers are replayed from the simulated API (`app.sandbox`), recorded once per test session, so the CLI gets
through every step up to the one the case attacks.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import socket
import socketserver
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

import httpx

from app.hubspot import endpoints
from app.sandbox.state import DEMO_TOKEN
from app.sandbox.transport import in_process_transport

SLUG = "alex-morgan"
TZ = "Europe/Berlin"
#: How long one dribbled byte waits. The client's deadline in these tests is a second or two.
DRIP_S = 0.25


@dataclass
class Recorded:
    """Real answers of the simulated API, by route kind and month offset."""

    links: bytes
    info: bytes
    availability: dict[int, bytes]
    #: ~64 KB of gzip that inflates to 64 MB of JSON whitespace (made once: compressing takes a moment).
    bomb: bytes = b""

    def first_open_time(self, minutes: int = 30) -> str:
        """The earliest open time of this or next month, as ISO with an offset."""
        from datetime import UTC, datetime

        for offset in sorted(self.availability):
            page = json.loads(self.availability[offset])
            by = page["linkAvailability"]["linkAvailabilityByDuration"].get(str(minutes * 60_000))
            if by and by["availabilities"]:
                ms = by["availabilities"][0]["startMillisUtc"]
                return datetime.fromtimestamp(ms / 1000, UTC).isoformat()
        raise AssertionError("the sandbox offered no open time in two months")


def record() -> Recorded:
    """Ask the in-process sandbox once for every read the CLI makes."""

    async def fetch() -> Recorded:
        headers = {"Authorization": f"Bearer {DEMO_TOKEN}"}
        async with httpx.AsyncClient(transport=in_process_transport(), base_url="http://sandbox") as http:
            links = (await http.get(endpoints.links_path(), headers=headers)).content
            info = (await http.get(endpoints.booking_info_path(SLUG), params={"timezone": TZ}, headers=headers)).content
            pages = {}
            for offset in (0, 1, 2):
                pages[offset] = (
                    await http.get(
                        endpoints.availability_path(SLUG),
                        params={"timezone": TZ, "monthOffset": offset},
                        headers=headers,
                    )
                ).content
            bomb = gzip.compress(b"[" + b" " * (64 * 1024 * 1024) + b"]", compresslevel=6)
            return Recorded(links, info, pages, bomb)

    return asyncio.run(fetch())


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    query: dict[str, list[str]]

    @property
    def route(self) -> str:
        """links · info · availability · book"""
        if self.method == "POST":
            return "book"
        if "/availability-page/" in self.path:
            return "availability"
        if "/book/" in self.path:
            return "info"
        return "links"


class Reply:
    """Ways to answer (or not answer) one request on a raw socket."""

    @staticmethod
    def send(conn: socket.socket, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        head = {"Content-Type": "application/json;charset=utf-8", "Content-Length": str(len(body))}
        head.update(headers or {})
        lines = [f"HTTP/1.1 {status} X"] + [f"{k}: {v}" for k, v in head.items()]
        conn.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)


Behaviour = Callable[[Request, socket.socket, Recorded], None]


@dataclass
class HostileServer:
    recorded: Recorded
    #: The misbehaviour for requests on `routes`; every other request gets the recorded good answer.
    behaviour: Behaviour | None = None
    routes: frozenset[str] = frozenset()
    requests: list[Request] = field(default_factory=list)
    url: str = ""

    def attack(self, behaviour: Behaviour | None, routes: frozenset[str] = frozenset()) -> None:
        self.behaviour, self.routes = behaviour, routes
        self.requests.clear()

    def handle(self, conn: socket.socket) -> None:
        request = _read_request(conn)
        if request is None:
            return
        self.requests.append(request)
        if self.behaviour is not None and request.route in self.routes:
            self.behaviour(request, conn, self.recorded)
        else:
            good(request, conn, self.recorded)


def good(request: Request, conn: socket.socket, rec: Recorded) -> None:
    if request.route == "links":
        Reply.send(conn, 200, rec.links)
    elif request.route == "info":
        Reply.send(conn, 200, rec.info)
    elif request.route == "availability":
        offset = int(request.query.get("monthOffset", ["0"])[0])
        Reply.send(conn, 200, rec.availability.get(offset, rec.availability[0]))
    else:
        Reply.send(conn, 500, b'{"message":"no good answer recorded for book"}')


def _read_request(conn: socket.socket) -> Request | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, target, _ = lines[0].split(" ", 2)
    length = 0
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    while len(rest) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        rest += chunk
    parts = urlsplit(target)
    return Request(method, parts.path, parse_qs(parts.query))


class _Handler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        server: HostileServer = self.server.hostile  # type: ignore[attr-defined]
        try:
            server.handle(self.request)
        except OSError:
            pass  # the client gave up (its deadline): exactly what the case wants


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextmanager
def serve(recorded: Recorded) -> Iterator[HostileServer]:
    hostile = HostileServer(recorded)
    with _Server(("127.0.0.1", 0), _Handler) as tcp:
        tcp.hostile = hostile  # type: ignore[attr-defined]
        hostile.url = f"http://127.0.0.1:{tcp.server_address[1]}"
        thread = threading.Thread(target=tcp.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        try:
            yield hostile
        finally:
            tcp.shutdown()


# --- the attacks -------------------------------------------------------------------------------------------------


def drip(conn: socket.socket, data: bytes, *, limit_s: float = 30.0) -> None:
    """Send `data` one byte at a time, DRIP_S apart (until the client hangs up)."""
    end = time.monotonic() + limit_s
    for byte in data:
        if time.monotonic() > end:
            return
        conn.sendall(bytes([byte]))
        time.sleep(DRIP_S)


def slow_loris(request: Request, conn: socket.socket, rec: Recorded) -> None:
    drip(conn, b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Padding: " + b"a" * 400 + b"\r\n\r\n{}")


def trickle_body(request: Request, conn: socket.socket, rec: Recorded) -> None:
    body = rec.info if request.route != "links" else rec.links
    conn.sendall(f"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode())
    drip(conn, body)


def silent(request: Request, conn: socket.socket, rec: Recorded) -> None:
    conn.settimeout(30)
    try:
        conn.recv(1)  # returns when the client closes
    except OSError:
        pass


def gzip_bomb(request: Request, conn: socket.socket, rec: Recorded) -> None:
    Reply.send(conn, 200, rec.bomb, {"Content-Encoding": "gzip"})


def bad_gzip(request: Request, conn: socket.socket, rec: Recorded) -> None:
    Reply.send(conn, 200, b"\x1f\x8b\x08\x00garbage, not deflate data" * 10, {"Content-Encoding": "gzip"})


def deep_json(request: Request, conn: socket.socket, rec: Recorded) -> None:
    Reply.send(conn, 200, b"[" * 100_000 + b"]" * 100_000)


def html_error(request: Request, conn: socket.socket, rec: Recorded) -> None:
    page = b"<html><body><h1>502 Bad Gateway</h1>\x1b[2J</body></html>"
    Reply.send(conn, 502, page, {"Content-Type": "text/html"})


def html_ok(request: Request, conn: socket.socket, rec: Recorded) -> None:
    Reply.send(conn, 200, b"<html><body>Please log in to the network</body></html>", {"Content-Type": "text/html"})


def redirect(request: Request, conn: socket.socket, rec: Recorded) -> None:
    Reply.send(conn, 302, b"", {"Location": "http://evil.test/steal", "Content-Type": "text/plain"})


def absurd_rate_headers(request: Request, conn: socket.socket, rec: Recorded) -> None:
    """A good answer, with rate-limit headers that would stop the client for 31 years if obeyed."""
    body = {"links": rec.links, "info": rec.info}.get(request.route, rec.availability[0])
    if request.route == "availability":
        body = rec.availability.get(int(request.query.get("monthOffset", ["0"])[0]), body)
    Reply.send(
        conn,
        200,
        body,
        {
            "X-HubSpot-RateLimit-Interval-Milliseconds": "1e12",
            "X-HubSpot-RateLimit-Max": "1",
            "X-HubSpot-RateLimit-Remaining": "0",
        },
    )


def retry_after(value: str) -> Behaviour:
    def answer(request: Request, conn: socket.socket, rec: Recorded) -> None:
        Reply.send(conn, 429, b'{"message":"You have reached your secondly limit."}', {"Retry-After": value})

    return answer


def endless_cursor(request: Request, conn: socket.socket, rec: Recorded) -> None:
    page = json.loads(rec.links)
    after = request.query.get("after", ["0"])[0]
    page["total"] = 10**9
    page["paging"] = {"next": {"after": str(int(after) + 1)}}
    Reply.send(conn, 200, json.dumps(page).encode())


def stuck_cursor(request: Request, conn: socket.socket, rec: Recorded) -> None:
    page = json.loads(rec.links)
    page["total"] = 10**9
    page["paging"] = {"next": {"after": "same"}}
    Reply.send(conn, 200, json.dumps(page).encode())


def year_10000(request: Request, conn: socket.socket, rec: Recorded) -> None:
    page = json.loads(rec.availability[0])
    for entry in page["linkAvailability"]["linkAvailabilityByDuration"].values():
        entry["availabilities"] = [{"startMillisUtc": 253_402_300_800_000, "endMillisUtc": 253_402_302_600_000}]
    Reply.send(conn, 200, json.dumps(page).encode())


def truncated(request: Request, conn: socket.socket, rec: Recorded) -> None:
    conn.sendall(b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"results":')
    conn.shutdown(socket.SHUT_RDWR)


def control_chars(request: Request, conn: socket.socket, rec: Recorded) -> None:
    """Good shapes whose text would clear the terminal if printed raw."""
    text = rec.links.decode().replace('"name":"', '"name":"\\u001b[2J\\u001b]0;pwned\\u0007')
    Reply.send(conn, 200, text.encode())
