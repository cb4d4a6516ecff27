"""Which account a run uses and the services for it: the one start-up path of the window and the kiosk.

--demo, else the profile's sign-in (env token, stored key or OAuth, read from the keychain in a worker thread);
the demo only when there is no sign-in at all. Imported after first paint (pulls in httpx, sqlite, the sandbox).
A store opened before the loop for the paint from the cache is used when it is the right kind (demo or account);
otherwise the caller closes it.
"""

from __future__ import annotations

import argparse

from app.paths import Paths
from app.services import Services, account_label, open_account_services, open_demo_services
from app.settings import Settings
from app.store.run_store import RunStore
from app.ui.sign_in.sign_in_controller import SignInFlow


def api_base_of(args: argparse.Namespace, settings: Settings) -> str | None:
    """--api-base, else the settings' (None: HubSpot's own)."""
    return getattr(args, "api_base", None) or settings.api_base or None


async def open_start_services(
    args: argparse.Namespace, paths: Paths, settings: Settings, signin: SignInFlow, opened: RunStore | None = None
) -> Services:
    """The services a run starts on: the demo when asked for or when nobody is signed in, else the account's."""
    if getattr(args, "demo", False):
        return demo_services(paths, opened)
    auth = await signin.session()
    if not auth.signed_in:
        return demo_services(paths, opened)
    return account_services(paths, api_base_of(args, settings), signin, opened)


def demo_services(paths: Paths, opened: RunStore | None = None) -> Services:
    """The demo, its cache in the profile's cache folder (`opened` when that is a demo store already)."""
    store = opened if opened is not None and opened.demo else RunStore.for_demo(paths.cache_dir)
    return open_demo_services(store)


def account_services(
    paths: Paths, api_base: str | None, signin: SignInFlow, opened: RunStore | None = None
) -> Services:
    """The real API and the profile's database for the signed-in account of `signin`."""
    auth = signin.auth
    assert auth is not None
    store = opened if opened is not None and not opened.demo else None
    return open_account_services(paths, api_base, auth, account_label(auth), store)
