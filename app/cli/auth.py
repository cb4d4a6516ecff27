"""`login`, `logout` and `whoami`: sign in with a service key / private-app token or OAuth, kept in the keychain.

Secrets are read from stdin only (never argv, which other users can see), and never printed.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

from app.cli.exit_codes import ExitCode
from app.env import CLIENT_ID_ENV, TOKEN_ENV
from app.hubspot.errors import READ_SCOPE, RECOMMENDED_WRITE_SCOPE

if TYPE_CHECKING:
    # Only for types: the parser is built on every start (the window too), so the real imports wait until run.
    from app.auth.account import Account
    from app.auth.oauth_client import OAuthApp
    from app.auth.session import AuthSession
    from app.paths import Paths
    from app.services import ConnectionOptions


SCOPES_ADVICE = (
    f"Give the service key (or app) the scope {READ_SCOPE} to read meeting links, plus a CRM write scope "
    f"such as {RECOMMENDED_WRITE_SCOPE} to book."
)


def add_auth_commands(sub: Any) -> None:
    """Register login/logout/whoami on the CLI's subparsers."""
    p = sub.add_parser("login", help="sign in to HubSpot (service key / private-app token, or OAuth in a browser)")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--token-stdin", action="store_true", help="read a service key or private-app token from stdin")
    how.add_argument("--oauth", action="store_true", help="sign in through HubSpot's page in the browser")
    p.add_argument("--client-id", metavar="ID", help=f"the HubSpot app's client id (env {CLIENT_ID_ENV})")
    p.add_argument("--client-secret-stdin", action="store_true", help="read the app's client secret from stdin")
    p.add_argument("--no-browser", action="store_true", help="print the sign-in URL instead of opening a browser")
    p.add_argument(
        "--port",
        type=int,
        default=0,
        help="loopback port for the redirect http://localhost:PORT/oauth-callback (default: a free one)",
    )
    sub.add_parser("logout", help="sign out: revoke the OAuth sign-in and delete stored credentials")
    p = sub.add_parser("whoami", help="the signed-in HubSpot account (hub, user, scopes)")
    p.add_argument("--json", action="store_true", help="machine-readable JSON output")


def run_auth_command(args: argparse.Namespace, paths: Paths) -> int:
    import asyncio  # not at module level: this module is imported on every start, the window's too

    return asyncio.run(_run(args, paths))


async def _run(args: argparse.Namespace, paths: Paths) -> int:
    from app.hubspot.http import make_http_client
    from app.services import ConnectionOptions, open_auth_session

    if args.demo:
        sys.stdout.write("Demo mode uses the built-in simulated HubSpot and needs no sign-in.\n")
        return ExitCode.OK
    options = ConnectionOptions.from_args(args.api_base, args.demo)
    http = make_http_client(options.api_base)
    try:
        session = open_auth_session(http, paths, api_base=options.api_base)
        if args.command == "login":
            return await _login(args, session, options, paths)
        if args.command == "logout":
            return await _logout(session, paths)
        return await _whoami(session, as_json=args.json)
    finally:
        await http.aclose()


async def _login(args: argparse.Namespace, session: AuthSession, options: ConnectionOptions, paths: Paths) -> int:
    from app.auth.keychain import NO_KEYCHAIN_NOTICE
    from app.cli.output import exit_code_for, report_error
    from app.hubspot.errors import MissingScopes, SchedulerError

    try:
        if args.token_stdin:
            token = sys.stdin.readline().strip()
            if not token:
                sys.stderr.write("error: no token on stdin (pipe the service key into this command).\n")
                return ExitCode.INVALID
            account = await session.sign_in_static(token)
        else:
            app = _oauth_app(args, options, paths)
            if app is None:
                return ExitCode.INVALID
            account = await session.sign_in_oauth(app, open_url=_opener(args.no_browser), port=args.port)
    except SchedulerError as exc:
        report_error(exc, as_json=False)
        if isinstance(exc, MissingScopes):
            sys.stderr.write(SCOPES_ADVICE + "\n")
        return exit_code_for(exc)
    sys.stdout.write(f"Signed in: {account.label} ({account.kind_label}).\n")
    if account.kind == "static":
        sys.stdout.write(
            f"The token can read meeting links. Booking also needs a CRM write scope such as "
            f"{RECOMMENDED_WRITE_SCOPE}; HubSpot only says whether it has one when you book.\n"
        )
    if session.in_memory_only:
        sys.stderr.write(
            f"warning: {NO_KEYCHAIN_NOTICE} Later commands will not be signed in; for scripts set "
            f"{TOKEN_ENV} instead.\n"
        )
    if os.environ.get(TOKEN_ENV, "").strip():
        sys.stderr.write(f"note: {TOKEN_ENV} is set and wins over this sign-in while it is set.\n")
    return ExitCode.OK


def _oauth_app(args: argparse.Namespace, options: ConnectionOptions, paths: Paths) -> OAuthApp | None:
    from app.auth.oauth_client import OAuthApp, authorize_url_for

    client_id = (args.client_id or os.environ.get(CLIENT_ID_ENV, "") or _settings_client_id(paths)).strip()
    if not client_id:
        sys.stderr.write(
            f"error: OAuth sign-in needs the HubSpot app's client id: pass --client-id or set {CLIENT_ID_ENV}.\n"
        )
        return None
    secret = sys.stdin.readline().strip() if args.client_secret_stdin else None
    if args.client_secret_stdin and not secret:
        sys.stderr.write("error: no client secret on stdin.\n")
        return None
    authorize_url = authorize_url_for(options.api_base)
    return OAuthApp(client_id=client_id, client_secret=secret or None, authorize_url=authorize_url)


def _settings_client_id(paths: Paths) -> str:
    from app.settings import load_settings

    return str(getattr(load_settings(paths.settings_file).settings, "oauth_client_id", "") or "")


def _opener(no_browser: bool) -> Any:
    import webbrowser

    def open_url(url: str) -> None:
        if no_browser or not webbrowser.open(url):
            sys.stdout.write(f"Open this address in a browser to sign in to HubSpot:\n{url}\n")
        else:
            sys.stderr.write(f"Opened the HubSpot sign-in page in your browser. If it did not open, visit:\n{url}\n")
        sys.stdout.write("Waiting for the sign-in to finish in the browser…\n")
        sys.stdout.flush()

    return open_url


async def _logout(session: AuthSession, paths: Paths) -> int:
    source = session.source
    result = await session.sign_out()
    if result.was_signed_in:
        forget_account_cache(paths)
    if not result.was_signed_in:
        sys.stdout.write("Not signed in; nothing to do.\n")
    elif not result.revoked:
        sys.stdout.write("Signed out here (the stored sign-in is deleted).\n")
        sys.stderr.write(
            f"warning: HubSpot could not be told to revoke the sign-in: {result.problem} Remove the app's access "
            "in HubSpot (Settings › Integrations › Connected apps) to be sure.\n"
        )
    elif source == "oauth":
        sys.stdout.write("Signed out: HubSpot revoked the sign-in and the stored credentials are deleted.\n")
    else:
        sys.stdout.write(
            "Signed out: the stored token is deleted. A service key stays valid in HubSpot until you rotate it.\n"
        )
    if session.source == "env":
        sys.stderr.write(f"note: {TOKEN_ENV} is still set and is used while it is set.\n")
    return ExitCode.OK


def forget_account_cache(paths: Paths) -> None:
    """Signed out: the account's cached links and open times go too (the window paints that cache at start)."""
    from app.store.cache import Cache
    from app.store.database import Database, DatabaseError

    if not paths.database_file.exists():
        return
    try:
        with Database.open(paths.database_file) as db:
            Cache(db).clear()
    except DatabaseError as exc:  # the sign-out itself worked; a cache that can't be cleared is refetched anyway
        sys.stderr.write(f"note: the cached meeting links could not be cleared: {exc}\n")


async def _whoami(session: AuthSession, *, as_json: bool) -> int:
    from app.auth.account import Account
    from app.cli.output import print_json, report_error
    from app.hubspot.errors import NetworkUnreachable, NotSignedIn, SchedulerError

    if not session.signed_in:
        error = NotSignedIn()
        report_error(error, as_json=as_json)
        return ExitCode.INVALID
    working: bool | None = True
    problem: str | None = None
    try:
        await session.access_token()  # an OAuth sign-in refreshes here: proves it still works
    except NetworkUnreachable:
        working = None  # offline: can't tell
    except SchedulerError as exc:
        working, problem = False, exc.user_message
    account = session.account or Account(kind="static")
    if as_json:
        print_json(
            {
                "signedIn": working is not False,
                "source": session.source,
                "account": _account_json(account),
                "inMemoryOnly": session.in_memory_only,
                "working": working,
                "problem": problem,
            }
        )
    else:
        out = sys.stdout
        out.write(f"Account: {account.label}\n")
        out.write(f"Sign-in: {account.kind_label}\n")
        if account.hub_domain:
            out.write(f"Hub domain: {account.hub_domain}\n")
        out.write("Scopes: " + (", ".join(account.scopes) if account.scopes else "unknown (static token)") + "\n")
        if session.in_memory_only:
            out.write("Stored: in memory only (no working keychain)\n")
        if working is None:
            out.write("Status: could not check (HubSpot unreachable)\n")
        if problem:
            sys.stderr.write(f"error: {problem}\n")
    return ExitCode.OK if working is not False else ExitCode.REFUSED


def _account_json(account: Account) -> dict[str, Any]:
    return {
        "kind": account.kind,
        "hubId": account.hub_id,
        "hubDomain": account.hub_domain,
        "user": account.user,
        "userId": account.user_id,
        "scopes": account.scopes,
        "label": account.label,
    }
