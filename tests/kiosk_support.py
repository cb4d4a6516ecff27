"""Shared by the kiosk tests: the in-process sandbox behind a switch that can cut the network."""

from __future__ import annotations

import asyncio

import httpx

from app.hubspot.client import SchedulerClient
from app.hubspot.http import make_http_client
from app.hubspot.tokens import StaticTokenProvider
from app.sandbox.state import DEMO_TOKEN, SandboxState
from app.sandbox.transport import in_process_transport
from app.services import DEMO_BASE_URL


class SwitchableTransport(httpx.AsyncBaseTransport):
    """The sandbox, or (with `offline = True`) a connection that cannot be made, as with no network."""

    def __init__(self, state: SandboxState | None = None) -> None:
        self.state = state or SandboxState()
        self._inner = in_process_transport(self.state)
        self.offline = False
        self.book_calls = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.offline:
            raise httpx.ConnectError("network is unreachable", request=request)
        if request.method == "POST" and request.url.path.endswith("/meeting-links/book"):
            self.book_calls += 1
        return await self._inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self._inner.aclose()


async def _no_wait(_seconds: float) -> None:
    await asyncio.sleep(0)


def sandbox_client(transport: SwitchableTransport) -> SchedulerClient:
    """A SchedulerClient on `transport` that never sleeps between retries."""
    http = make_http_client(DEMO_BASE_URL, transport=transport)
    return SchedulerClient(http, StaticTokenProvider(DEMO_TOKEN), sleep=_no_wait)
