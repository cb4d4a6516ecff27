"""A tiny HTTP listener on loopback that receives the OAuth redirect (`/oauth-callback?code=…&state=…`).

Plain asyncio streams (not Qt): it runs the same in the window and the CLI. It answers one GET at a time,
accepts only the `state` this sign-in sent, and shows a plain "you can close this tab" page.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import secrets
from urllib.parse import parse_qs, urlsplit

from app.auth.errors import SignInCancelled
from app.auth.oauth_client import CALLBACK_PATH

log = logging.getLogger(__name__)

_MAX_HEAD = 16_384
_READ_TIMEOUT = 10.0

DONE_PAGE = "Signed in to HubSpot. You can close this tab and return to Booking Assistant."
DENIED_PAGE = "Sign-in was cancelled. You can close this tab."
WRONG_STATE_PAGE = (
    "This sign-in response does not belong to the sign-in Booking Assistant started, so it was ignored. "
    "Start the sign-in again from Booking Assistant."
)
UNUSED_PAGE = "Nothing to do here. You can close this tab."


class LoopbackListener:
    """Listens on 127.0.0.1 (and ::1 on the same port when it can) until the browser brings the code back."""

    def __init__(self, expected_state: str, *, port: int = 0, host: str = "localhost") -> None:
        self._expected_state = expected_state
        self._port = port
        self._host = host
        self._servers: list[asyncio.Server] = []
        self._result: asyncio.Future[str] | None = None

    @property
    def port(self) -> int:
        return self._port

    @property
    def redirect_uri(self) -> str:
        # HubSpot accepts plain http only for `localhost` (reference §7.2).
        return f"http://{self._host}:{self._port}{CALLBACK_PATH}"

    async def start(self) -> None:
        self._result = asyncio.get_running_loop().create_future()
        first = await asyncio.start_server(self._handle, "127.0.0.1", self._port)
        self._servers.append(first)
        self._port = first.sockets[0].getsockname()[1]
        # Browsers may resolve `localhost` to ::1 first; listen there too when the system has IPv6.
        with contextlib.suppress(OSError):
            self._servers.append(await asyncio.start_server(self._handle, "::1", self._port))

    async def wait_for_code(self, give_up_after: float | None = None) -> str:
        """The authorization code, once a request with the right `state` arrives."""
        assert self._result is not None, "start() first"
        try:
            return await asyncio.wait_for(asyncio.shield(self._result), give_up_after)
        except TimeoutError:
            raise SignInCancelled("The sign-in was not completed in the browser in time. Try again.") from None

    async def close(self) -> None:
        for server in self._servers:
            server.close()
        for server in self._servers:
            await server.wait_closed()
        self._servers.clear()
        if self._result is not None:
            if not self._result.done():
                self._result.cancel()
            elif not self._result.cancelled():
                self._result.exception()  # retrieved: no "exception never retrieved" noise on close

    async def __aenter__(self) -> LoopbackListener:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), _READ_TIMEOUT)
            status, page = self._respond(head[:_MAX_HEAD])
        except (TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, UnicodeDecodeError):
            status, page = 400, UNUSED_PAGE
        try:
            writer.write(_http_response(status, page))
            await writer.drain()
        except ConnectionError:
            pass
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    def _respond(self, head: bytes) -> tuple[int, str]:
        request_line = head.split(b"\r\n", 1)[0].decode("ascii")
        method, _, rest = request_line.partition(" ")
        target = rest.rsplit(" ", 1)[0]
        url = urlsplit(target)
        if method != "GET" or url.path != CALLBACK_PATH:
            return 404, UNUSED_PAGE
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        if not secrets.compare_digest(query.get("state", "").encode(), self._expected_state.encode()):
            log.warning("OAuth callback with a wrong state ignored")
            return 400, WRONG_STATE_PAGE
        assert self._result is not None
        if self._result.done():
            return 200, UNUSED_PAGE
        if "error" in query:
            log.info("OAuth sign-in declined in the browser (%s)", query["error"][:40])
            self._result.set_exception(SignInCancelled("Sign-in was cancelled in the browser. Nothing was changed."))
            return 200, DENIED_PAGE
        code = query.get("code", "")
        if not code:
            return 400, UNUSED_PAGE
        self._result.set_result(code)
        return 200, DONE_PAGE


def _http_response(status: int, text: str) -> bytes:
    reason = {200: "OK", 400: "Bad Request", 404: "Not Found"}[status]
    body = (
        "<!doctype html><html><head><meta charset='utf-8'><title>Booking Assistant</title></head>"
        f"<body style='font-family:sans-serif;margin:3em'><p>{html.escape(text)}</p></body></html>"
    ).encode()
    headers = [
        f"HTTP/1.1 {status} {reason}",
        "Content-Type: text/html; charset=utf-8",
        f"Content-Length: {len(body)}",
        "Cache-Control: no-store",
        # The page has no links, but never send the URL (with its code) anywhere as a Referer.
        "Referrer-Policy: no-referrer",
        "Connection: close",
    ]
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + body
