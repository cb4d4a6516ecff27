"""The one long-lived httpx.AsyncClient: explicit timeouts, the system CA store, proxies from the environment."""

from __future__ import annotations

import ssl

import httpx

from app import __version__
from app.hubspot.transfer import ACCEPT_ENCODING

# Connect fast so offline is detected quickly; reads may be slow when HubSpot is busy. These bound each network
# operation only; the client's per-request deadline (transfer.py) bounds the whole exchange.
DEFAULT_TIMEOUT = httpx.Timeout(20.0, connect=5.0, pool=5.0)


def system_ssl_context() -> ssl.SSLContext:
    """The OS trust store (corporate roots included) via truststore; stdlib defaults if it is unavailable."""
    try:
        import truststore

        return truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    except Exception:  # pragma: no cover - truststore missing or unsupported platform
        return ssl.create_default_context()


def make_http_client(
    base_url: str,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: httpx.Timeout = DEFAULT_TIMEOUT,
) -> httpx.AsyncClient:
    """Create the app's HTTP client. `transport` is for the in-process sandbox and tests."""
    return httpx.AsyncClient(
        base_url=base_url.rstrip("/"),
        transport=transport,
        verify=system_ssl_context() if transport is None else True,
        timeout=timeout,
        trust_env=True,  # HTTP(S)_PROXY / NO_PROXY for corporate networks
        headers={
            "User-Agent": f"booking-assistant/{__version__}",
            "Accept": "application/json",
            # Only what transfer.py inflates itself, with a size cap (no brotli/zstd bombs).
            "Accept-Encoding": ACCEPT_ENCODING,
        },
        follow_redirects=False,
    )
