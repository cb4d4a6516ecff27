"""One HTTP exchange with an overall deadline and a bounded, self-decoded body.

httpx's timeouts are per network operation: a server trickling one byte every few seconds never trips them, and
its content decoders inflate a whole chunk at once (a gzip bomb). Every request of the client therefore goes
through `exchange()`: connect + headers + body must finish within one deadline, the body is inflated here with
a hard cap on the decoded size, and anything the body cannot be turned into is reported as `body_problem`
(the status line and headers stay usable: a 429 with a broken body is still a 429).
"""

from __future__ import annotations

import asyncio
import os
import zlib
from collections.abc import Mapping
from dataclasses import dataclass

import httpx

from app.env import HTTP_DEADLINE_ENV

#: Connect + headers + body of one request. HubSpot answers in well under a second; a busy portal in a few.
DEFAULT_DEADLINE_S = 30.0
#: The largest decoded body accepted. A full page of 100 meeting links is ~100 KB; a month of open times less.
MAX_BODY_BYTES = 8 * 1024 * 1024
#: Only the encodings decoded here are offered, so a server cannot pick one we would inflate without a cap.
ACCEPT_ENCODING = "gzip, deflate"


class DeadlineExceeded(Exception):
    """The whole exchange did not finish within the deadline (the request may have been sent)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"no complete answer within {seconds:g} s")
        self.seconds = seconds


@dataclass(frozen=True, slots=True)
class Answer:
    """A response read in full (or as far as it could be read)."""

    status_code: int
    headers: httpx.Headers
    content: bytes
    #: Why the body could not be read (too large, bad compression, dropped mid-way); None when it was read.
    body_problem: str | None = None

    @property
    def is_success(self) -> bool:
        return 200 <= self.status_code < 300

    @property
    def is_redirect(self) -> bool:
        return 300 <= self.status_code < 400

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def deadline_from_env(environ: Mapping[str, str] | None = None) -> float:
    """The per-request deadline: BOOKING_ASSISTANT_HTTP_DEADLINE (seconds, 0.1–600) or the default."""
    env = os.environ if environ is None else environ
    raw = env.get(HTTP_DEADLINE_ENV, "").strip()
    try:
        value = float(raw)
    except ValueError:
        return DEFAULT_DEADLINE_S
    return value if 0.1 <= value <= 600 else DEFAULT_DEADLINE_S


async def exchange(
    http: httpx.AsyncClient,
    request: httpx.Request,
    *,
    deadline_s: float,
    max_bytes: int = MAX_BODY_BYTES,
) -> Answer:
    """Send `request` and read its answer within `deadline_s`. Transport errors before the status line propagate
    (httpx.TransportError); the deadline raises DeadlineExceeded; body trouble becomes `Answer.body_problem`."""
    try:
        async with asyncio.timeout(deadline_s):
            response = await http.send(request, stream=True)
            try:
                content, problem = await _read_body(response, max_bytes)
            finally:
                await response.aclose()
    except TimeoutError:
        raise DeadlineExceeded(deadline_s) from None
    return Answer(response.status_code, response.headers, content, problem)


async def _read_body(response: httpx.Response, max_bytes: int) -> tuple[bytes, str | None]:
    try:
        # A transport that hands over a response already read (httpx.MockTransport in tests) decoded it itself.
        ready = response.content
    except httpx.ResponseNotRead:
        pass
    else:
        return (ready, None) if len(ready) <= max_bytes else (b"", f"it was larger than {max_bytes // 2**20} MB")
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    inflater = _Inflater.for_encoding(encoding, max_bytes)
    if inflater is None:
        return b"", f"it used a compression this app does not accept ({encoding[:40]})"
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and encoding == "identity" and int(declared) > max_bytes:
        return b"", f"it was larger than {max_bytes // (1024 * 1024)} MB"
    try:
        async for chunk in response.aiter_raw():
            inflater.feed(chunk)
        inflater.finish()
    except _TooLarge:
        return b"", f"it was larger than {max_bytes // (1024 * 1024)} MB"
    except zlib.error:
        return b"", "its compressed data was damaged"
    except httpx.TransportError as exc:
        return b"", f"the connection broke while it was being read ({type(exc).__name__})"
    return inflater.result(), None


class _TooLarge(Exception):
    pass


class _Inflater:
    """Decodes gzip/deflate incrementally, never producing more than `max_bytes` (so a bomb stops at the cap)."""

    def __init__(self, decompressor: zlib._Decompress | None, max_bytes: int, *, raw_fallback: bool = False) -> None:
        self._d = decompressor
        self._max = max_bytes
        self._parts: list[bytes] = []
        self._size = 0
        self._raw_fallback = raw_fallback
        self._started = False  # any compressed byte seen (an empty body is fine in any encoding)

    @classmethod
    def for_encoding(cls, encoding: str, max_bytes: int) -> _Inflater | None:
        if encoding in ("", "identity"):
            return cls(None, max_bytes)
        if encoding in ("gzip", "x-gzip"):
            return cls(zlib.decompressobj(16 + zlib.MAX_WBITS), max_bytes)
        if encoding == "deflate":
            return cls(zlib.decompressobj(), max_bytes, raw_fallback=True)
        return None

    def feed(self, data: bytes) -> None:
        if self._d is None:
            self._add(data)
            return
        if not data:
            return
        if self._raw_fallback and not self._started and data[0] & 0x0F != 8:
            # "deflate" is sent both zlib-wrapped (correct) and raw (common): decide on the first byte.
            self._d = zlib.decompressobj(-zlib.MAX_WBITS)
        self._started = True
        pending = data
        while pending:
            out = self._d.decompress(pending, self._max - self._size + 1)
            self._add(out)
            pending = self._d.unconsumed_tail
            if self._d.eof:
                return

    def finish(self) -> None:
        if self._d is not None:
            self._add(self._d.flush())
            if self._started and not self._d.eof:
                raise zlib.error("truncated compressed body")

    def _add(self, data: bytes) -> None:
        self._size += len(data)
        if self._size > self._max:
            raise _TooLarge
        if data:
            self._parts.append(data)

    def result(self) -> bytes:
        return b"".join(self._parts)
