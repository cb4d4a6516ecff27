"""The one Qt-free composition root: builds the HubSpot client, the profile's store and the outbox sender for the
window, the kiosk and the CLI alike, so each front end runs the same wiring.

Imported lazily (it pulls in httpx, sqlite and the sandbox): the window imports it only after its first paint.
The client is the real HubSpot API, or the in-process sandbox (demo mode).
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app.env import API_BASE_ENV, TOKEN_ENV
from app.hubspot.client import SchedulerClient
from app.hubspot.endpoints import DEFAULT_API_BASE
from app.hubspot.http import make_http_client
from app.hubspot.tokens import StaticTokenProvider, TokenProvider
from app.outbox.actions import DraftActions
from app.outbox.lock import SenderLock
from app.outbox.sender import OutboxSender
from app.paths import Paths, resolve_paths
from app.store.cache import Cache
from app.store.database import Database
from app.store.history import History
from app.store.outbox import Outbox
from app.store.run_store import RunStore

if TYPE_CHECKING:
    import httpx

    from app.auth.keychain import SecretStore
    from app.auth.session import AuthSession

log = logging.getLogger(__name__)

DEMO_BASE_URL = "http://sandbox.invalid"
STOP_GRACE_S = 3.0


# --- the HubSpot client ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ConnectionOptions:
    api_base: str = DEFAULT_API_BASE
    demo: bool = False

    @classmethod
    def from_args(cls, api_base: str | None, demo: bool, environ: Mapping[str, str] | None = None) -> ConnectionOptions:
        env = os.environ if environ is None else environ
        return cls(api_base=api_base or env.get(API_BASE_ENV) or DEFAULT_API_BASE, demo=demo)


def env_token(environ: Mapping[str, str] | None = None) -> str | None:
    env = os.environ if environ is None else environ
    return env.get(TOKEN_ENV, "").strip() or None


def open_auth_session(
    http: httpx.AsyncClient,
    paths: Paths,
    *,
    api_base: str = DEFAULT_API_BASE,
    environ: Mapping[str, str] | None = None,
    store: SecretStore | None = None,
) -> AuthSession:
    """The profile's sign-in (a TokenProvider): env BOOKING_ASSISTANT_TOKEN wins, then a stored static token,
    then a stored OAuth sign-in. `.account` and `.in_memory_only` are for the status bar.

    The keychain is only opened here (keyring is slow to import): call this after the window's first paint.
    """
    from app.auth.credentials import CredentialVault, profile_key
    from app.auth.keychain import KeychainCredentialStore
    from app.auth.session import AuthSession

    vault = CredentialVault(store or KeychainCredentialStore(), profile_key(paths))
    return AuthSession(http, vault, api_base=api_base, environ=environ)


def open_client(
    options: ConnectionOptions,
    tokens: TokenProvider | None = None,
    *,
    paths: Paths | None = None,
    environ: Mapping[str, str] | None = None,
) -> SchedulerClient:
    """A client for the chosen API. Demo mode serves the simulated API in-process: no account, no network."""
    if options.demo:
        from app.sandbox.state import DEMO_TOKEN
        from app.sandbox.transport import in_process_transport

        http = make_http_client(DEMO_BASE_URL, transport=in_process_transport())
        return SchedulerClient(http, StaticTokenProvider(DEMO_TOKEN))
    http = make_http_client(options.api_base)
    if tokens is None:
        if env_token(environ):
            tokens = StaticTokenProvider(env_token(environ))  # scripts and CI: never touch the keychain
        else:
            profile = paths or resolve_paths(environ=environ)
            tokens = open_auth_session(http, profile, api_base=options.api_base, environ=environ)
    return SchedulerClient(http, tokens)


# --- everything a front end runs on ------------------------------------------------------------------------------


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
    #: The demo's cache file, when the cache is not in `db` (see app.store.run_store).
    cache_db: Database | None = None
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
                try:
                    if self.cache_db is not None:
                        self.cache_db.close()
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


def account_label(tokens: TokenProvider) -> str:
    """Who sends, as the status bar shows it and each history row stores it: the signed-in account's label,
    else "token" (a script's BOOKING_ASSISTANT_TOKEN, whose account HubSpot does not name)."""
    from app.auth.session import AuthSession

    if isinstance(tokens, AuthSession) and tokens.account is not None:
        return tokens.account.label
    return "token"


def open_demo_services(store: RunStore | None = None) -> Services:
    """The simulated HubSpot in-process, with in-memory bookings: nothing booked in a demo outlives the run.
    `store`: the demo's, opened already (its cache may be a file); by default everything is in memory."""
    store = store or RunStore.for_demo(None)
    client = open_client(ConnectionOptions(demo=True))
    return wire_services(client, store.db, None, demo=True, account="", cache_db=store.cache_db)


def open_account_services(
    paths: Paths, api_base: str | None, tokens: TokenProvider, account: str, store: RunStore | None = None
) -> Services:
    """The real API with the signed-in account's tokens, and the profile's own database (`store`: opened
    already, for the paint from the cache)."""
    client = open_client(ConnectionOptions.from_args(api_base, False), tokens)
    db = store.db if store is not None else Database.open(paths.database_file)
    return wire_services(client, db, paths, demo=False, account=account)


def wire_services(
    client: SchedulerClient,
    db: Database,
    paths: Paths | None,
    *,
    demo: bool,
    account: str,
    cache_db: Database | None = None,
) -> Services:
    """Everything over one client and one open store; without `paths` (the demo) no sender lock is taken.
    `cache_db`: where the cache lives when not in `db` (the demo's file)."""
    outbox = Outbox(db)
    history = History(db)
    lock = SenderLock(paths.sender_lock_file) if paths is not None else None
    sender = OutboxSender(outbox, client, history=history, lock=lock)
    return Services(
        client=client,
        db=db,
        cache=Cache(cache_db or db),
        outbox=outbox,
        history=history,
        sender=sender,
        actions=DraftActions(outbox, history, wake=sender.wake, holds=sender.holds),
        demo=demo,
        account=account,
        cache_db=cache_db,
    )
