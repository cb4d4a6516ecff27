"""`--kiosk`: start-up and shutdown of the front-desk kiosk (the same pattern as the window: paint, then services)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from app.paths import Paths
from app.settings import LoadedSettings, Settings, load_settings

if TYPE_CHECKING:  # `wants_kiosk` runs before the window's first paint: no API models or errors before it
    from PySide6.QtWidgets import QApplication

    from app.hubspot.models import MeetingLink
    from app.kiosk.config import KioskSettings
    from app.services import Services
    from app.ui.kiosk.window import KioskWindow

log = logging.getLogger(__name__)

#: With --demo and no PIN set, the staff PIN is this (said on stderr); a real kiosk refuses to start without one.
DEMO_PIN = "0000"
EXIT_NO_PIN = 2
EXIT_SETTINGS_UNREADABLE = 2


def run_kiosk(args: argparse.Namespace, paths: Paths) -> int:
    """Run the kiosk until staff leave it with the PIN (or, with --smoke, until it is ready)."""
    started = time.perf_counter()
    if (args.smoke or args.screenshot) and not _has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a check or a screenshot needs no screen
    from app.ui.runtime import async_bridge
    from app.ui.runtime.qt_app import make_application

    app = make_application()
    return async_bridge.run(kiosk_main(app, args, paths, started))


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def kiosk_settings_for_start(paths: Paths, loaded: LoadedSettings) -> tuple[KioskSettings | None, str]:
    """The kiosk section to run on, and a message for staff when there is none we can trust.

    Settings readable: theirs (the marker is refreshed from them when enabled). Unreadable: the marker's copy.
    Neither: None, and the kiosk refuses to start rather than run without the staff PIN.
    """
    from app.kiosk.marker import read_marker, sync_marker

    if loaded.problem is None:
        kiosk = loaded.settings.kiosk
        if kiosk.enabled:
            try:
                sync_marker(paths.config_dir, kiosk)
            except OSError:
                log.exception("Could not write the kiosk marker")
        return kiosk, ""
    marked = read_marker(paths.config_dir)
    if marked is not None:
        log.warning("Settings unreadable; the kiosk runs on the copy kept in its marker")
        return marked, ""
    message = (
        f"This profile is set up as a front-desk kiosk, but its settings cannot be read. {loaded.problem}\n"
        "Staff: fix the settings file (or run `booking-assistant kiosk configure` and `kiosk set-pin` again); "
        "the booking window stays closed until then.\n"
    )
    return None, message


def pick_links(links: list[MeetingLink], kiosk: KioskSettings) -> list[tuple[str, str]]:
    """(slug, name) of the configured links in the admin's order, or the account's default (else first) link."""
    names = {link.slug: link.name or link.slug for link in links}
    if kiosk.links:
        return [(slug, names.get(slug, slug)) for slug in kiosk.links]
    default = next((link for link in links if link.default_link), links[0] if links else None)
    return [(default.slug, default.name or default.slug)] if default else []


async def kiosk_main(app: QApplication, args: argparse.Namespace, paths: Paths, started: float) -> int:
    """The kiosk on the profile's account (the window's start-up path: --demo, else the stored sign-in)."""
    import msgspec

    from app.ui.runtime.qt_app import install_language, remove_language
    from app.ui.sign_in.sign_in_controller import SignInFlow
    from app.ui.window.start_services import api_base_of, open_start_services

    loaded = load_settings(paths.settings_file)
    kiosk, refusal = kiosk_settings_for_start(paths, loaded)
    if kiosk is None:
        sys.stderr.write(refusal)
        return EXIT_SETTINGS_UNREADABLE
    if loaded.problem is not None:
        sys.stderr.write(f"{loaded.problem}\nThe kiosk runs on the settings it kept when it was enabled.\n")
    settings: Settings = msgspec.structs.replace(loaded.settings, kiosk=kiosk)
    translators = install_language(app, settings.language)
    # No window to paint yet: the kiosk's first screen needs the account (real or demo) and, for a real one, a PIN.
    signin = SignInFlow(None, paths, api_base_of(args, settings))
    try:
        services = await open_start_services(args, paths, settings, signin)
        try:
            return await _run(app, args, paths, settings, services, started)
        finally:
            await services.aclose()
    finally:
        await signin.aclose()
        remove_language(app, translators)


async def _run(
    app: QApplication, args: argparse.Namespace, paths: Paths, settings: Settings, services: Services, started: float
) -> int:
    from app.kiosk.attempts import ATTEMPTS_FILE, PinAttempts
    from app.kiosk.pin import hash_pin
    from app.ui.kiosk.context import KioskContext
    from app.ui.kiosk.window import KioskWindow
    from app.ui.runtime.async_bridge import ErrorReporter
    from app.ui.runtime.formatting import clock_uses_24h

    kiosk = settings.kiosk
    pin_hash = kiosk.pin_hash
    if not pin_hash:
        if not services.demo:
            sys.stderr.write("The kiosk needs a staff PIN first: booking-assistant kiosk set-pin\n")
            return EXIT_NO_PIN
        sys.stderr.write(f"Demo kiosk: no PIN is set, so the staff PIN is {DEMO_PIN}.\n")
        pin_hash = await asyncio.to_thread(hash_pin, DEMO_PIN)

    closing = asyncio.Event()
    ctx = KioskContext(
        client=services.client,
        db=services.db,
        cache=services.cache,
        kiosk=kiosk,
        timezone=settings.zone_in_effect(),
        use_24h=clock_uses_24h(settings.use_24h),
        sender_lock=services.sender.lock,
    )
    # Wrong PINs are counted in the profile: quitting or a crash never hands out fresh free tries.
    attempts = PinAttempts(path=paths.data_dir / ATTEMPTS_FILE)
    window = KioskWindow(ctx, pin_hash=pin_hash, on_close=closing.set, attempts=attempts)
    upgrade: list[str] = []  # the correct PIN, held in memory only until its hash is remade on the way out
    if not services.demo:
        window.pin_prompt.verified.connect(upgrade.append)
    reporter = ErrorReporter(lambda: window)
    uninstall = reporter.install(asyncio.get_running_loop())

    async def flush() -> None:
        async with ctx.send_lock:
            report = await services.sender.flush()
        window.set_online(not report.offline)

    window._flush_outbox = lambda: window.tasks.start(flush(), name="kiosk-flush")
    probing: list[bool] = []

    async def probe() -> None:
        """Can HubSpot be reached now? (The list of links: small, and the cache stays fresh.)"""
        from app.hubspot.errors import SchedulerError

        if probing:
            return  # the last check is still waiting for its timeout
        probing.append(True)
        try:
            links = await services.client.list_links()
            services.cache.put_links(links, account=services.account)
            window.set_online(True)
        except SchedulerError:
            window.set_online(False)
        finally:
            probing.clear()

    window._probe_connection = lambda: window.tasks.start(probe(), name="kiosk-probe")
    if args.smoke or args.screenshot:
        window.resize(1280, 800)
        window.show()
    else:
        window.showFullScreen()
    await asyncio.sleep(0)
    app.processEvents()
    first_paint_ms = (time.perf_counter() - started) * 1000
    try:
        ctx.links = await _links(services, kiosk, window)
        window.timer.start()
        ready_ms = (time.perf_counter() - started) * 1000
        if args.screenshot:
            _save(window, Path(args.screenshot))
        if args.smoke:
            print(
                json.dumps(
                    {
                        "kiosk": True,
                        "first_paint_ms": round(first_paint_ms, 1),
                        "ready_ms": round(ready_ms, 1),
                        "demo": services.demo,
                        "links": len(ctx.links),
                    }
                ),
                flush=True,
            )
            window._may_close = True
            window.close()
        await closing.wait()
        if upgrade:
            await _upgrade_pin_hash(paths, pin_hash, upgrade[-1])
        return 0
    finally:
        window.hide()
        await window.tasks.aclose()
        if window.visit is not None:
            await window.visit.tasks.aclose()
        uninstall()


async def _links(services: Services, kiosk: KioskSettings, window: KioskWindow) -> list[tuple[str, str]]:
    """The links to offer; offline, the cached list (the visitor's flow then decides what it can offer)."""
    from app.hubspot.errors import SchedulerError

    try:
        links = await services.client.list_links()
        services.cache.put_links(links, account=services.account)
    except SchedulerError as exc:
        log.info("Kiosk could not load the links: %s", type(exc).__name__)
        window.set_online(False)
        cached = services.cache.links(account=services.account)
        links = cached.value if cached else []
    with contextlib.suppress(Exception):
        window.update_indicator()
    return pick_links(links, kiosk)


async def _upgrade_pin_hash(paths: Paths, stored: str, pin: str) -> None:
    """After a correct PIN: a hash made with less work than this machine affords is made again (off the UI thread)."""
    import msgspec

    from app.kiosk.marker import sync_marker
    from app.kiosk.pin import calibrate, hash_pin, needs_upgrade
    from app.settings import save_settings

    cost = await asyncio.to_thread(calibrate)
    if not needs_upgrade(stored, cost):
        return
    loaded = load_settings(paths.settings_file)
    if loaded.problem is not None or loaded.settings.kiosk.pin_hash != stored:
        return  # nothing we may rewrite, or someone set a new PIN meanwhile
    fresh = await asyncio.to_thread(hash_pin, pin, cost)
    kiosk = msgspec.structs.replace(loaded.settings.kiosk, pin_hash=fresh)
    save_settings(paths.settings_file, msgspec.structs.replace(loaded.settings, kiosk=kiosk))
    sync_marker(paths.config_dir, kiosk)
    log.info("Kiosk PIN hash upgraded to scrypt n=%d r=%d p=%d", cost.n, cost.r, cost.p)


def _save(window: KioskWindow, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(target), "PNG"):
        raise OSError(f"could not write the screenshot {target}")
