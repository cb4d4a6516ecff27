"""Which account a run uses and the services for it: the one start-up path of the window and the kiosk.

--demo, else the profile's sign-in (env token, stored key or OAuth, read from the keychain in a worker thread);
the demo only when there is no sign-in at all. Imported after first paint (pulls in httpx, sqlite, the sandbox).
"""

from __future__ import annotations

import argparse

from app.paths import Paths
from app.services import Services, account_label, open_account_services, open_demo_services
from app.settings import Settings
from app.ui.sign_in.sign_in_controller import SignInFlow


def api_base_of(args: argparse.Namespace, settings: Settings) -> str | None:
    """--api-base, else the settings' (None: HubSpot's own)."""
    return getattr(args, "api_base", None) or settings.api_base or None


async def open_start_services(
    args: argparse.Namespace, paths: Paths, settings: Settings, signin: SignInFlow
) -> Services:
    """The services a run starts on: the demo when asked for or when nobody is signed in, else the account's."""
    if getattr(args, "demo", False):
        return open_demo_services()
    auth = await signin.session()
    if not auth.signed_in:
        return open_demo_services()
    return account_services(paths, api_base_of(args, settings), signin)


def account_services(paths: Paths, api_base: str | None, signin: SignInFlow) -> Services:
    """The real API and the profile's database for the signed-in account of `signin`."""
    auth = signin.auth
    assert auth is not None
    return open_account_services(paths, api_base, auth, account_label(auth))
