"""Serve the sandbox over loopback HTTP: `serve()` for the CLI, `running_server()` for tests."""

from __future__ import annotations

import asyncio
import logging
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn

from app.sandbox.app import create_app
from app.sandbox.faults import ConnectionDropped
from app.sandbox.state import DEMO_TOKEN, SandboxState


class _HideDroppedConnections(logging.Filter):
    """A dropped connection is a fault a test asked for, not a server error worth a traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, ConnectionDropped)


def _quiet_logging() -> None:
    error_log = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _HideDroppedConnections) for f in error_log.filters):
        error_log.addFilter(_HideDroppedConnections())


class SandboxServer(uvicorn.Server):
    """A uvicorn server that knows its real port once bound and can announce it."""

    def __init__(self, config: uvicorn.Config, *, announce: bool) -> None:
        super().__init__(config)
        self.announce = announce
        self.bound = threading.Event()
        self.port = 0

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.servers and self.servers[0].sockets:
            self.port = self.servers[0].sockets[0].getsockname()[1]
        if self.announce and not self.should_exit:
            print(f"Sandbox HubSpot API listening on {self.base_url} (token: {DEMO_TOKEN})", flush=True)
        self.bound.set()

    @property
    def base_url(self) -> str:
        host = self.config.host
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{self.port}"


def _config(host: str, port: int, state: SandboxState | None) -> uvicorn.Config:
    _quiet_logging()
    # A delay fault must not hold shutdown hostage for its whole delay.
    return uvicorn.Config(
        create_app(state),
        host=host,
        port=port,
        log_config=None,
        log_level="warning",
        access_log=False,
        http="h11",
        ws="none",
        lifespan="off",
        loop="asyncio",
        timeout_graceful_shutdown=1,
    )


def serve(host: str = "127.0.0.1", port: int = 0, state: SandboxState | None = None) -> None:
    """Run until interrupted, printing the URL (the real port when `port` is 0) once listening."""
    server = SandboxServer(_config(host, port, state), announce=True)
    server.run()
    if not server.bound.is_set():
        print(f"Sandbox could not listen on {host}:{port}", file=sys.stderr, flush=True)


@contextmanager
def running_server(state: SandboxState | None = None, host: str = "127.0.0.1", port: int = 0) -> Iterator[str]:
    """Serve `state` on loopback (a free port unless `port` is given) in a background thread; yields the base URL,
    stops on exit. Serving the same state again on the same port is "HubSpot is back" for offline tests."""
    server = SandboxServer(_config(host, port, state), announce=False)
    failure: list[BaseException] = []

    def run() -> None:
        try:
            # A plain asyncio loop of its own: in a GUI process the default policy may hand this thread a qasync
            # loop, whose Qt timers must not be driven from a second thread.
            with asyncio.Runner(loop_factory=asyncio.SelectorEventLoop) as runner:
                runner.run(server.serve())
        except BaseException as error:  # SystemExit on a failed start must not escape the thread
            failure.append(error)
        finally:
            server.bound.set()

    thread = threading.Thread(target=run, name="sandbox-server", daemon=True)
    thread.start()
    server.bound.wait(timeout=10)
    try:
        if failure or not server.port:
            raise RuntimeError(f"sandbox server did not start: {failure[0] if failure else 'timeout'}")
        yield server.base_url
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def main(argv: Any = None) -> None:
    """`python -m app.sandbox.server [PORT]` for quick manual runs."""
    args = list(sys.argv[1:] if argv is None else argv)
    serve(port=int(args[0]) if args else 0)


if __name__ == "__main__":
    main()
