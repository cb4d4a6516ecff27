"""`kiosk set-pin` and `kiosk configure`: the admin's setup of front-desk mode, written to the settings file."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING, Any, TextIO

from app.cli.exit_codes import ExitCode

if TYPE_CHECKING:  # the parser is built on every start, the window's too: the rest loads when a kiosk command runs
    from app.kiosk.config import KioskSettings
    from app.paths import Paths


def add_kiosk_commands(sub: Any) -> None:
    """Register `kiosk set-pin` and `kiosk configure` on the top-level subparsers."""
    p = sub.add_parser("kiosk", help="set up the front-desk kiosk (start it with --kiosk)")
    actions = p.add_subparsers(dest="kiosk_action", metavar="ACTION", required=True)
    actions.add_parser(
        "set-pin",
        help="staff PIN (6-12 digits, not 123456 or 111111) read from stdin; stored only as a slow salted hash",
    )
    q = actions.add_parser("configure", help="link(s), idle time and offline policy of the kiosk")
    q.add_argument("--link", action="append", metavar="SLUG", help="link slug or URL to offer (repeatable)")
    q.add_argument("--idle-seconds", type=int, metavar="N", help="ask 'Are you still there?' after N idle seconds")
    q.add_argument(
        "--offline",
        choices=("refuse", "queue"),
        help="offline: refuse ('please ask at the desk') or queue requests in the outbox",
    )
    q.add_argument("--keyboard", action=argparse.BooleanOptionalAction, help="show the on-screen keyboard")
    q.add_argument("--enable", action=argparse.BooleanOptionalAction, dest="enabled", help="always start in kiosk mode")


def run_kiosk_command(args: argparse.Namespace, paths: Paths, stdin: TextIO | None = None) -> int:
    import msgspec

    from app.kiosk.config import KioskSettings
    from app.kiosk.marker import sync_marker
    from app.kiosk.pin import PinFormatError, calibrate, check_new_pin, hash_pin
    from app.settings import load_settings, save_settings

    loaded = load_settings(paths.settings_file)
    if loaded.problem is not None:
        sys.stderr.write(f"error: {loaded.problem}\n")
        return ExitCode.INVALID
    settings = loaded.settings
    if args.kiosk_action == "set-pin":
        try:
            # Trivial and short PINs are only for --demo profiles (a guessable PIN is an open door).
            pin = check_new_pin(_read_pin(stdin or sys.stdin), demo=bool(getattr(args, "demo", False)))
        except PinFormatError as exc:
            sys.stderr.write(f"error: {exc}\n")
            return ExitCode.INVALID
        # As much scrypt work as ~0.25 s buys on this machine; the cost is stored in the hash for later upgrades.
        kiosk = msgspec.structs.replace(settings.kiosk, pin_hash=hash_pin(pin, calibrate()))
        save_settings(paths.settings_file, msgspec.structs.replace(settings, kiosk=kiosk))
        sync_marker(paths.config_dir, kiosk)
        sys.stdout.write("Kiosk PIN set (only its hash is stored).\n")
        return ExitCode.OK
    changes: dict[str, Any] = {}
    if args.link:
        from app.booking.link_url import LinkUrlError, slug_from_reference

        try:
            changes["links"] = list(dict.fromkeys(slug_from_reference(link) for link in args.link))
        except LinkUrlError as exc:
            sys.stderr.write(f"invalid --link: {exc}\n")
            return ExitCode.INVALID
    for name in ("idle_seconds", "offline", "keyboard", "enabled"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    try:
        raw = {**msgspec.to_builtins(settings.kiosk), **changes}
        kiosk = msgspec.convert(raw, type=KioskSettings)
    except msgspec.ValidationError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return ExitCode.INVALID
    if changes:
        save_settings(paths.settings_file, msgspec.structs.replace(settings, kiosk=kiosk))
        sync_marker(paths.config_dir, kiosk)  # "this profile is a kiosk" survives a broken settings file
    _describe(kiosk)
    return ExitCode.OK


def _read_pin(stream: TextIO) -> str:
    """From a terminal: asked twice without echo. Piped: the first line (for provisioning scripts)."""
    from app.kiosk.pin import PinFormatError

    if stream.isatty():
        first = getpass.getpass("New kiosk PIN: ")
        if getpass.getpass("Repeat the PIN: ") != first:
            raise PinFormatError("The two PINs differ.")
        return first
    return stream.readline()


def _describe(kiosk: KioskSettings) -> None:
    links = ", ".join(kiosk.links) or "the account's first link"
    lines = [
        f"links: {links}",
        f"idle: {kiosk.idle_seconds} s, then {kiosk.warning_seconds} s to answer 'Are you still there?'",
        f"offline: {kiosk.offline}",
        f"on-screen keyboard: {'on' if kiosk.keyboard else 'off'}",
        f"start in kiosk mode: {'yes' if kiosk.enabled else 'only with --kiosk'}",
        f"staff PIN: {'set' if kiosk.pin_hash else 'NOT SET - run `kiosk set-pin`'}",
    ]
    sys.stdout.write("".join(f"{line}\n" for line in lines))
