"""The window's first data: what the profile's cache holds, painted before the event loop, asyncio or the HTTP
client exist (issue 18: data on screen in about the time a bare window takes to paint).

Which cache: --demo reads the demo's own; otherwise the profile's when it holds cached links (someone was signed
in: signing out clears it), else the demo's, which is what a run with nobody signed in shows. The keychain is read
later, in a worker thread; when it disagrees, the window controller drops this page (see WindowController.start).
Everything shown carries its age ("as of 09:12") until the refresh replaces it in place.
"""

from __future__ import annotations

import argparse
import logging
import os
from dataclasses import dataclass

from app.env import TOKEN_ENV
from app.paths import Paths
from app.settings import Settings
from app.store.outbox import Outbox
from app.store.run_store import RunStore
from app.ui.runtime.formatting import clock_uses_24h
from app.ui.window.booking_controller import BookingController
from app.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)


@dataclass
class CachedStart:
    store: RunStore
    controller: BookingController
    #: Links, the link's questions and a month were all painted (the refresh can keep the page in place).
    shown: bool


def paint_from_cache(
    window: MainWindow, args: argparse.Namespace, paths: Paths, settings: Settings, zone: str
) -> CachedStart | None:
    """Open the run's store, attach a controller to the window and paint the cached page; None when the store
    can't be opened here (the normal start reports why, in its place)."""
    try:
        store = _store_for(args, paths)
    except Exception as exc:  # damaged beyond repair, a newer schema, a read-only disk: said by the normal start
        log.info("No paint from the cache: %s", type(exc).__name__)
        return None
    window.zone_picker.set_zone(zone)
    window.open_times.set_use_24h(clock_uses_24h(settings.use_24h))
    # The demo's account is "" from the start; an account's is read from the keychain later.
    controller = BookingController(store.cache, account="" if store.demo else None, timezone=zone)
    window.attach(controller)
    outbox = Outbox(store.db)
    shown = controller.show_cached(
        settings.default_link or settings.last_link, held=lambda slug: outbox.held_starts(slug)
    )
    return CachedStart(store, controller, shown)


def _store_for(args: argparse.Namespace, paths: Paths) -> RunStore:
    if getattr(args, "demo", False):
        return RunStore.for_demo(paths.cache_dir)
    token = bool(os.environ.get(TOKEN_ENV, "").strip())  # a script's token: the account is certain
    if token or paths.database_file.exists():
        store = RunStore.for_account(paths.database_file)
        if token or store.cache.latest_links() is not None:
            return store
        store.close()  # a profile with no cached links: nobody was signed in when it last ran
    return RunStore.for_demo(paths.cache_dir)
