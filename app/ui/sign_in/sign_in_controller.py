"""The window's sign-in: the profile's AuthSession (opened off the UI thread), the sign-in dialog and sign-out.

Imported after first paint. The keychain is only touched from worker threads (`BackgroundSecretStore`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QWidget

from app.auth.account import Account
from app.auth.errors import OAuthRefused, SignInCancelled, SignInFailed
from app.hubspot.errors import (
    READ_SCOPE,
    RECOMMENDED_WRITE_SCOPE,
    MissingScopes,
    NetworkUnreachable,
    SchedulerError,
    TokenRejected,
)
from app.paths import Paths
from app.services import ConnectionOptions
from app.ui.runtime.async_bridge import BackgroundTasks, open_dialog
from app.ui.runtime.domain_text import domain_text
from app.ui.runtime.i18n import translator
from app.ui.sign_in.keychain_worker import BackgroundSecretStore
from app.ui.sign_in.sign_in_dialog import SignInDialog

if TYPE_CHECKING:
    import httpx

    from app.auth.session import AuthSession

log = logging.getLogger(__name__)


_tr = translator("SignInFlow")


def no_keychain_notice() -> str:
    return _tr("Can't save your sign-in on this system: you'll need to sign in again next time.")


@dataclass(frozen=True, slots=True)
class SignedIn:
    """A finished sign-in from the dialog: whose account, and the OAuth app's client id ("" for a key)."""

    account: Account
    client_id: str
    in_memory_only: bool


def problem_text(exc: SchedulerError) -> str:
    """What went wrong with a sign-in, and what to do about it."""
    if isinstance(exc, MissingScopes):
        missing = ", ".join(exc.scopes) if exc.scopes else READ_SCOPE
        return (
            _tr(
                "This key is missing a permission (scope): %1. In HubSpot, open Settings › Integrations › Service "
                "keys (or Private apps), give the key %2 to read meeting links and a CRM write scope such as %3 to "
                "book, then paste it here again."
            )
            .replace("%1", missing)
            .replace("%2", READ_SCOPE)
            .replace("%3", RECOMMENDED_WRITE_SCOPE)
        )
    if isinstance(exc, TokenRejected):
        return _tr(
            "HubSpot did not accept this key. Check that you copied all of it and that it was not rotated or deleted."
        )
    if isinstance(exc, NetworkUnreachable):
        return _tr("HubSpot can't be reached. Check the internet connection, then try again.")
    if isinstance(exc, SignInCancelled):
        return _tr("The sign-in was not finished in the browser. Try again when you are ready.")
    if isinstance(exc, OAuthRefused):
        return _tr("HubSpot refused the sign-in: %1").replace("%1", domain_text(exc.user_message))
    if isinstance(exc, SignInFailed):
        return _tr("The sign-in did not complete: %1").replace("%1", domain_text(exc.user_message))
    return domain_text(exc.user_message)


def _open_in_browser(url: str) -> None:
    if not QDesktopServices.openUrl(QUrl(url)):
        log.warning("could not open the system browser for the sign-in page")


class SignInFlow:
    """One run's sign-in (dialogs over `parent`); `open_url` (the system browser by default) is the seam tests
    replace. The kiosk uses it only to read the stored sign-in (no parent, no dialog)."""

    def __init__(
        self,
        parent: QWidget | None,
        paths: Paths,
        api_base: str | None,
        *,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        self._parent = parent
        self._paths = paths
        self._api_base = ConnectionOptions.from_args(api_base, False, environ).api_base
        self._environ = environ
        self.open_url: Callable[[str], object] = _open_in_browser
        self.auth: AuthSession | None = None
        self._store: BackgroundSecretStore | None = None
        self._http: httpx.AsyncClient | None = None
        self._opening: asyncio.Task[AuthSession] | None = None

    @property
    def in_memory_only(self) -> bool:
        """True when the current sign-in will be forgotten at exit (never true for the env token or no sign-in)."""
        auth = self.auth
        return bool(auth and auth.source in ("static", "oauth") and auth.in_memory_only)

    async def session(self) -> AuthSession:
        """The profile's AuthSession, opened once; the keychain is read in a worker thread."""
        if self.auth is not None:
            return self.auth
        if self._opening is None:
            self._opening = asyncio.ensure_future(self._open())
        return await asyncio.shield(self._opening)

    async def _open(self) -> AuthSession:
        from app.auth.keychain import KeychainCredentialStore
        from app.hubspot.http import make_http_client
        from app.services import open_auth_session

        http = make_http_client(self._api_base)
        store = BackgroundSecretStore(KeychainCredentialStore())
        self._http, self._store = http, store

        def load() -> AuthSession:
            opened = open_auth_session(http, self._paths, api_base=self._api_base, environ=self._environ, store=store)
            _ = opened.in_memory_only  # probe the keychain here, not later on the UI thread
            return opened

        self.auth = await asyncio.to_thread(load)
        return self.auth

    # --- the dialog ---------------------------------------------------------------------------------------

    async def run_dialog(self, client_id: str) -> SignedIn | None:
        """Show the sign-in dialog (open(), awaited); the sign-in when one succeeded, None when closed."""
        auth = await self.session()
        dialog = SignInDialog(client_id, self._parent)
        attempts = BackgroundTasks()
        done: list[SignedIn] = []
        stopped = [False]  # the user pressed Cancel: whatever the attempt raises now is not news

        def attempt(work: Callable[[], Coroutine[Any, Any, SignedIn]]) -> None:
            async def run() -> None:
                try:
                    signed_in = await work()
                except SchedulerError as exc:
                    log.info("sign-in failed (%s)", type(exc).__name__)
                    if not stopped[0]:
                        dialog.show_problem(problem_text(exc))
                else:
                    done.append(signed_in)
                    dialog.succeeded()

            attempts.start(run(), name="sign-in")

        def cancel() -> None:
            stopped[0] = True
            for task in attempts.running():
                task.cancel()
            dialog.show_problem(_tr("Sign-in cancelled."))

        def static(token: str) -> None:
            stopped[0] = False
            dialog.set_checking()
            attempt(lambda: self._static(auth, token))

        def oauth(app_id: str, secret: str) -> None:
            stopped[0] = False
            dialog.set_waiting_for_browser()
            attempt(lambda: self._oauth(auth, app_id, secret))

        dialog.static_requested.connect(static)
        dialog.oauth_requested.connect(oauth)
        dialog.cancel_requested.connect(cancel)
        try:
            code = await open_dialog(dialog)
        finally:
            await attempts.aclose()
            dialog.deleteLater()
        return done[0] if done and code == QDialog.DialogCode.Accepted else None

    async def _static(self, auth: AuthSession, token: str) -> SignedIn:
        account = await auth.sign_in_static(token)
        return await self._finished(account, "")

    async def _oauth(self, auth: AuthSession, client_id: str, secret: str) -> SignedIn:
        from app.auth.oauth_client import OAuthApp, authorize_url_for

        app = OAuthApp(
            client_id=client_id, client_secret=secret or None, authorize_url=authorize_url_for(self._api_base)
        )
        account = await auth.sign_in_oauth(app, open_url=self.open_url)
        return await self._finished(account, client_id)

    async def _finished(self, account: Account, client_id: str) -> SignedIn:
        assert self._store is not None
        await self._store.settled()  # the keychain write is done: now we know whether it stuck
        return SignedIn(account, client_id, self.in_memory_only)

    # --- signing out --------------------------------------------------------------------------------------

    async def sign_out(self) -> str:
        """Revoke (OAuth) and forget the stored sign-in; what to tell the user."""
        auth = await self.session()
        result = await auth.sign_out()
        assert self._store is not None
        await self._store.settled()
        if not result.was_signed_in:
            return _tr("You were not signed in.")
        if not result.revoked:
            return _tr(
                "Signed out here, but HubSpot could not be told to revoke the sign-in (%1). Remove the app's access "
                "in HubSpot (Settings › Integrations › Connected apps) to be sure."
            ).replace("%1", result.problem or "")
        return _tr("Signed out.")

    async def aclose(self) -> None:
        if self._opening is not None and not self._opening.done():
            self._opening.cancel()
            await asyncio.gather(self._opening, return_exceptions=True)
        if self._store is not None:
            await self._store.aclose()
        if self._http is not None:
            await self._http.aclose()
