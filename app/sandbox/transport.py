"""The sandbox as an in-process httpx transport: `--demo` talks to it with no network at all."""

from __future__ import annotations

import httpx

from app.sandbox.app import create_app
from app.sandbox.state import SandboxState


def in_process_transport(state: SandboxState | None = None) -> httpx.AsyncBaseTransport:
    """An `httpx.ASGITransport` over a freshly seeded sandbox (or `state`)."""
    return httpx.ASGITransport(app=create_app(state))
