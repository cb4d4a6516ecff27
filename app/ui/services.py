"""What the window needs after its first paint: the HubSpot client, the store, the sender. Imported lazily.

This module pulls in httpx, sqlite and the sandbox; `main.py` imports it only after the window has painted.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
from typing import Any

from app.connection import ConnectionOptions, open_client
from app.hubspot.client import SchedulerClient
from app.hubspot.tokens import TokenProvider
from app.outbox.lock import SenderLock
from app.outbox.sender import OutboxSender
from app.paths import Paths
from app.store.cache import Cache
from app.store.database import Database
from app.store.history import History
from app.store.outbox import Outbox

log = logging.getLogger(__name__)


@dataclass
class Services:
    client: SchedulerClient
    db: Database
    cache: Cache
    outbox: Outbox
    history: History
    sender: OutboxSender
    demo: bool
    account: str  # shown in the status bar and stored with each booking
    _sender_task: asyncio.Task[Any] | None = field(default=None, repr=False)

    def start_sender(self) -> None:
        """The sender's long-running loop, on the current event loop."""
        if self._sender_task is None:
            self._sender_task = asyncio.get_running_loop().create_task(self.sender.run(), name="outbox-sender")

    async def aclose(self) -> None:
        """Stop the sender (finishing sends in flight), close the HTTP client, then the database."""
        if self._sender_task is not None:
            await self.sender.stop()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sender_task
        await self.client.aclose()
        self.db.close()


def open_demo_services() -> Services:
    """The simulated HubSpot in-process, with an in-memory store: nothing of a demo outlives the run."""
    client = open_client(ConnectionOptions(demo=True))
    return _services(client, Database.in_memory(), None, demo=True, account="")


def open_account_services(paths: Paths, api_base: str | None, tokens: TokenProvider, account: str) -> Services:
    """The real API with the signed-in account's tokens, and the profile's own database."""
    client = open_client(ConnectionOptions.from_args(api_base, False), tokens)
    return _services(client, Database.open(paths.database_file), paths, demo=False, account=account)


def _services(client: SchedulerClient, db: Database, paths: Paths | None, *, demo: bool, account: str) -> Services:
    outbox = Outbox(db)
    history = History(db)
    lock = SenderLock(paths.sender_lock_file) if paths is not None else None
    sender = OutboxSender(outbox, client, history=history, lock=lock)
    return Services(
        client=client,
        db=db,
        cache=Cache(db),
        outbox=outbox,
        history=history,
        sender=sender,
        demo=demo,
        account=account,
    )
