"""Command line: the window by default, scripting commands otherwise. A stable surface for scripts and packaging.

This module is on every start's path, the window's too: it builds the parser and picks the command's module from
`COMMANDS`, importing that module only when its command runs. Exit codes: `app.cli.exit_codes.ExitCode`.
Nothing outside `app.cli` imports it (an import-linter contract): shared names live in `app.env` and `app.services`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NoReturn

from app import APP_NAME, __version__
from app.cli.exit_codes import ExitCode
from app.env import API_BASE_ENV, PROFILE_ENV

if TYPE_CHECKING:
    from app.paths import Paths

#: `outbox send` waits for retries (backoff, Retry-After) coming due within this many seconds by default.
DEFAULT_SEND_WAIT_S = 60.0

#: Each command's runner as "module:function", imported only when that command runs (the window never pays for
#: httpx or sqlite through here). Every runner takes (args, paths) and returns the exit code.
COMMANDS: dict[str, str] = {
    "links": "app.cli.booking:run_command",
    "info": "app.cli.booking:run_command",
    "slots": "app.cli.booking:run_command",
    "book": "app.cli.booking:run_command",
    "propose": "app.cli.booking:run_command",
    "outbox": "app.cli.outbox:run_outbox_command",
    "history": "app.cli.outbox:run_outbox_command",
    "forget": "app.cli.outbox:run_outbox_command",
    "login": "app.cli.auth:run_auth_command",
    "logout": "app.cli.auth:run_auth_command",
    "whoami": "app.cli.auth:run_auth_command",
    "kiosk": "app.cli.kiosk:run_kiosk_command",
    "sandbox": "app.cli:run_sandbox",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description="Book meetings on HubSpot meeting links. With no command, opens the window.",
        epilog="Exit codes: 0 ok, 1 bug, 2 invalid input, 3 HubSpot refused, 4 unreachable, 5 outcome unknown, "
        "6 booked without a calendar event, 7 profile files unusable (read-only, disk full).",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--profile", metavar="DIR", help=f"keep every file under DIR (env {PROFILE_ENV})")
    parser.add_argument(
        "--api-base",
        metavar="URL",
        help=f"HubSpot API base URL (env {API_BASE_ENV})",
    )
    parser.add_argument("--demo", action="store_true", help="use the built-in simulated HubSpot (no account, offline)")
    parser.add_argument("--verbose", action="store_true", help="log debug details (personal data stays masked)")
    parser.add_argument("--smoke", action="store_true", help="start the window, load data, print one JSON line, exit")
    parser.add_argument("--kiosk", action="store_true", help="open the full-screen front-desk kiosk")
    parser.add_argument(
        "--screenshot", metavar="FILE", help="save a PNG of the window once its data is loaded (works offscreen)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def json_flag(p: argparse.ArgumentParser) -> None:
        p.add_argument("--json", action="store_true", help="machine-readable JSON output")

    p = sub.add_parser("links", help="list meeting links")
    json_flag(p)

    p = sub.add_parser("info", help="durations, questions, consents and guest rules of a link")
    p.add_argument("slug", metavar="SLUG", help="the link's slug, or its URL (https://meetings.hubspot.com/…)")
    p.add_argument("--timezone", metavar="TZ", help="IANA zone (default: this machine's)")
    json_flag(p)

    p = sub.add_parser("slots", help="open times of a link, by day")
    p.add_argument("slug", metavar="SLUG", help="the link's slug, or its URL (https://meetings.hubspot.com/…)")
    p.add_argument("--timezone", metavar="TZ", help="IANA zone to show times in (default: this machine's)")
    p.add_argument("--month-offset", type=int, default=0, metavar="N", help="0 = this month, 1 = next month …")
    p.add_argument("--duration", type=int, metavar="MIN", help="meeting length in minutes (default: the link's first)")
    json_flag(p)

    p = sub.add_parser("book", help="book a meeting")
    p.add_argument("slug", metavar="SLUG", help="the link's slug, or its URL (https://meetings.hubspot.com/…)")
    p.add_argument("--start", required=True, metavar="WHEN", help="ISO 8601 with offset, or local time in --timezone")
    p.add_argument("--duration", required=True, type=int, metavar="MIN", help="meeting length in minutes")
    p.add_argument("--first-name", required=True, metavar="F")
    p.add_argument("--last-name", required=True, metavar="L")
    p.add_argument("--email", required=True, metavar="E")
    p.add_argument("--guest", action="append", default=[], metavar="EMAIL", help="a guest's email (repeatable)")
    p.add_argument(
        "--field", action="append", default=[], metavar="NAME=VALUE", help="answer to a link question (repeatable)"
    )
    p.add_argument(
        "--consent",
        action="append",
        default=[],
        metavar="TYPE_ID=yes|no",
        help="consent answer by communicationTypeId; 'processing=yes' accepts the processing consent",
    )
    p.add_argument("--timezone", metavar="TZ", help="attendee's IANA zone (default: this machine's)")
    p.add_argument("--locale", metavar="L", default="en-us", help="locale for HubSpot's emails (default en-us)")
    json_flag(p)
    p.add_argument("--later", action="store_true", help="save it to the outbox without sending (prints the draft id)")

    p = sub.add_parser("propose", help="a ready-to-paste message offering open times of a link")
    p.add_argument("slug", metavar="SLUG", help="the link's slug, or its URL (https://meetings.hubspot.com/…)")
    p.add_argument("--count", type=int, default=3, metavar="N", help="propose the next N open times (default 3)")
    p.add_argument(
        "--at", action="append", default=[], metavar="WHEN", help="propose this open time instead (repeatable)"
    )
    p.add_argument("--timezone", metavar="TZ", help="the attendee's IANA zone (default: this machine's)")
    p.add_argument("--rep-timezone", metavar="TZ", help="your zone, shown as well when it differs (default: machine's)")
    p.add_argument("--language", default="en", metavar="L", help="language of the message: en or de (default en)")
    p.add_argument("--duration", type=int, metavar="MIN", help="meeting length in minutes (default: the link's first)")
    p.add_argument("--html", action="store_true", help="print the HTML version (for email clients)")
    p.add_argument("--json", action="store_true", help="machine-readable JSON output")

    p = sub.add_parser("outbox", help="bookings waiting to be sent, and what happened to them")
    json_flag(p)
    outbox = p.add_subparsers(dest="outbox_action", metavar="ACTION")
    json_flag(outbox.add_parser("list", help="every draft with its state and last error (the default)"))
    q = outbox.add_parser("send", help="send what is queued now; exit 0 when nothing is left queued")
    q.add_argument(
        "--wait",
        type=float,
        default=DEFAULT_SEND_WAIT_S,
        metavar="S",
        help=f"wait for retries due within S seconds (default {DEFAULT_SEND_WAIT_S:g})",
    )
    json_flag(q)
    for action, text in (
        ("retry", "queue a draft again (rejected, needs a new time, or checked as probably not booked)"),
        ("discard", "never send this draft"),
        ("mark-booked", "a draft with an unknown outcome that you found booked in HubSpot"),
    ):
        q = outbox.add_parser(action, help=text)
        q.add_argument("id", metavar="ID", help="draft id (or a unique prefix) from `outbox list`")
        json_flag(q)

    p = sub.add_parser("history", help="bookings sent from this profile")
    p.add_argument("--search", metavar="TEXT", help="name, email, company or guest email contains TEXT")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="newest N (default 50)")
    p.add_argument("--export", nargs=2, metavar=("csv|ics", "FILE"), help="write every match to FILE")
    json_flag(p)

    p = sub.add_parser("forget", help="erase one attendee's personal data from this profile (GDPR)")
    p.add_argument("email", metavar="EMAIL")

    from app.cli.auth import add_auth_commands

    add_auth_commands(sub)

    from app.cli.kiosk import add_kiosk_commands

    add_kiosk_commands(sub)

    p = sub.add_parser("sandbox", help="serve the simulated HubSpot API on loopback")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=0, help="port (default: a free one, printed)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from app.logging_setup import configure_logging
    from app.paths import resolve_paths

    paths = resolve_paths(args.profile)
    try:
        paths.ensure()
    except OSError as exc:
        # A profile we cannot even create folders in: say where and why, and still log to the terminal.
        configure_logging(None, verbose=args.verbose)
        return _storage_failure(exc, paths.database_file)
    configure_logging(paths.log_file, verbose=args.verbose)

    try:
        if args.command is None:
            from app.kiosk.start_mode import wants_kiosk  # cheap and Qt-free: the kiosk's start-up stays unloaded

            if wants_kiosk(args, paths):
                from app.ui.kiosk.run import run_kiosk

                return run_kiosk(args, paths)
            from app.ui.runtime.launch import run_window

            return run_window(args, paths)
        return runner_for(args.command)(args, paths)
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except Exception as exc:
        from app.store.database import is_storage_failure

        if is_storage_failure(exc):
            return _storage_failure(exc, paths.database_file)
        import logging

        logging.getLogger(__name__).exception("unexpected error")
        print(
            f"{APP_NAME}: an unexpected error occurred; details are in {paths.log_file}",
            file=sys.stderr,
        )
        return ExitCode.BUG


def console_main() -> NoReturn:
    """The `booking-assistant` command, `python -m app` and the frozen app: `main`, then a cheap exit."""
    from app.cli.process_exit import run_and_exit

    run_and_exit(main, sys.argv[1:])


def runner_for(command: str) -> Callable[[argparse.Namespace, Paths], int]:
    """The function that runs `command`, its module imported now (see COMMANDS)."""
    module, _, name = COMMANDS[command].partition(":")
    runner: Callable[[argparse.Namespace, Paths], int] = getattr(importlib.import_module(module), name)
    return runner


def run_sandbox(args: argparse.Namespace, paths: Paths) -> int:
    """`sandbox`: serve the simulated HubSpot API on loopback until interrupted."""
    from app.sandbox.server import serve

    serve(host=args.host, port=args.port)
    return ExitCode.OK


def _storage_failure(exc: BaseException, database_file: object) -> int:
    import logging
    from pathlib import Path

    from app.store.database import describe_storage_error

    logging.getLogger(__name__).info("profile storage failed: %s", exc)
    where = Path(str(exc.filename)) if isinstance(exc, OSError) and exc.filename else Path(str(database_file))
    print(f"error: {describe_storage_error(exc, where)}", file=sys.stderr)
    return ExitCode.STORAGE


if __name__ == "__main__":
    sys.exit(main())
