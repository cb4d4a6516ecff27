"""What the window needs after its first paint: the HubSpot client, the store, the sender. Imported lazily.

This module pulls in httpx, sqlite and the sandbox; `main.py` imports it only after the window has painted.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any

from app.connection import ConnectionOptions, open_client
from app.hubspot.client import SchedulerClient
from app.hubspot.tokens import TokenProvider
from app.outbox.actions import DraftActions
from app.outbox.lock import SenderLock
from app.outbox.sender import OutboxSender
from app.paths import Paths
from app.store.cache import Cache
from app.store.database import Database
from app.store.history import History
from app.store.outbox import Outbox

log = logging.getLogger(__name__)

STOP_GRACE_S = 3.0


@dataclass
class Services:
    client: SchedulerClient
    db: Database
    cache: Cache
    outbox: Outbox
    history: History
    sender: OutboxSender
    #: The checked user actions on outbox rows (send now, edit, discard…), waking this sender.
    actions: DraftActions
    demo: bool
    account: str  # shown in the status bar and stored with each booking
    #: How long closing waits for a send in flight before cancelling it (it is then "unknown").
    stop_grace_s: float = STOP_GRACE_S
    _sender_task: asyncio.Task[Any] | None = field(default=None, repr=False)

    def start_sender(self) -> None:
        """The sender's long-running loop, on the current event loop."""
        if self._sender_task is None:
            self._sender_task = asyncio.get_running_loop().create_task(self.sender.run(), name="outbox-sender")

    async def aclose(self) -> None:
        """Stop the sender, close the HTTP client, then the database: from any state, each step even if one fails.

        A send in flight gets `stop_grace_s` to bring its answer (a result beats "unknown"); after that the sender's
        task is cancelled, which marks that send unknown (it may have reached HubSpot) and leaves queued ones
        queued, and awaited, so no task of it outlives the loop (a task stepped after the loop stopped fails with
        "no running event loop").
        """
        try:
            await self._stop_sender()
        finally:
            try:
                await self.client.aclose()
            finally:
                self.db.close()

    async def _stop_sender(self) -> None:
        task, self._sender_task = self._sender_task, None
        if task is None:
            return
        stopping = asyncio.ensure_future(self.sender.stop())
        try:
            await asyncio.wait({stopping, task}, timeout=self.stop_grace_s, return_when=asyncio.ALL_COMPLETED)
        finally:
            for pending in (task, stopping):
                pending.cancel()
            results = await asyncio.gather(task, stopping, return_exceptions=True)
        for result in results:
            if isinstance(result, Exception):
                log.warning("the sender ended with %s", type(result).__name__)


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
        actions=DraftActions(outbox, history, wake=sender.wake, holds=sender.holds),
        demo=demo,
        account=account,
    )
