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
from typing import Any

from app.hubspot.errors import SchedulerError
from app.hubspot.models import MeetingLink
from app.kiosk.config import KioskSettings
from app.paths import Paths
from app.settings import Settings, load_settings

log = logging.getLogger(__name__)

#: With --demo and no PIN set, the staff PIN is this (said on stderr); a real kiosk refuses to start without one.
DEMO_PIN = "0000"
EXIT_NO_PIN = 2


def run_kiosk(args: argparse.Namespace, paths: Paths) -> int:
    """Run the kiosk until staff leave it with the PIN (or, with --smoke, until it is ready)."""
    started = time.perf_counter()
    if (args.smoke or args.screenshot) and not _has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a check or a screenshot needs no screen
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from app import APP_DISPLAY_NAME, APP_NAME, __version__
    from app.ui import async_bridge
    from app.ui.qt_messages import route_qt_messages_to_log

    route_qt_messages_to_log()
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    app.setQuitOnLastWindowClosed(False)  # main awaits clean-up after the window closes (stack notes §1)
    return async_bridge.run(kiosk_main(app, args, paths, started))


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def wants_kiosk(args: argparse.Namespace, paths: Paths) -> bool:
    """--kiosk, or the admin's `kiosk configure --enable` (a normal start then opens the kiosk)."""
    if getattr(args, "kiosk", False):
        return True
    return load_settings(paths.settings_file).settings.kiosk.enabled


def pick_links(links: list[MeetingLink], kiosk: KioskSettings) -> list[tuple[str, str]]:
    """(slug, name) of the configured links in the admin's order, or the account's default (else first) link."""
    names = {link.slug: link.name or link.slug for link in links}
    if kiosk.links:
        return [(slug, names.get(slug, slug)) for slug in kiosk.links]
    default = next((link for link in links if link.default_link), links[0] if links else None)
    return [(default.slug, default.name or default.slug)] if default else []


async def kiosk_main(app: Any, args: argparse.Namespace, paths: Paths, started: float) -> int:
    from PySide6.QtWidgets import QApplication

    from app.kiosk.pin import hash_pin
    from app.ui.async_bridge import ErrorReporter
    from app.ui.formatting import locale_uses_24h
    from app.ui.kiosk.context import KioskContext
    from app.ui.kiosk.window import KioskWindow
    from app.ui.services import open_services, wants_demo
    from app.ui.timezone_picker import system_zone_id

    assert isinstance(app, QApplication)
    loaded = load_settings(paths.settings_file)
    settings: Settings = loaded.settings
    _install_translations(app, settings.language)
    kiosk = settings.kiosk
    demo = wants_demo(args)
    pin_hash = kiosk.pin_hash
    if not pin_hash:
        if not demo:
            sys.stderr.write("The kiosk needs a staff PIN first: booking-assistant kiosk set-pin\n")
            return EXIT_NO_PIN
        sys.stderr.write(f"Demo kiosk: no PIN is set, so the staff PIN is {DEMO_PIN}.\n")
        pin_hash = hash_pin(DEMO_PIN)

    services = open_services(args, paths, settings)
    closing = asyncio.Event()
    ctx = KioskContext(
        client=services.client,
        db=services.db,
        cache=services.cache,
        kiosk=kiosk,
        timezone=settings.timezone if settings.timezone != "system" else system_zone_id(),
        use_24h=settings.use_24h if settings.use_24h is not None else locale_uses_24h(),
        sender_lock=services.sender.lock,
    )
    window = KioskWindow(ctx, pin_hash=pin_hash, on_close=closing.set)
    reporter = ErrorReporter(lambda: window)
    uninstall = reporter.install(asyncio.get_running_loop())

    async def flush() -> None:
        async with ctx.send_lock:
            report = await services.sender.flush()
        window.set_online(not report.offline)

    window._flush_outbox = lambda: window.tasks.start(flush(), name="kiosk-flush")
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
        window.hide()
        await window.tasks.aclose()
        if window.visit is not None:
            await window.visit.tasks.aclose()
        await services.aclose()
        return 0
    finally:
        uninstall()


async def _links(services: Any, kiosk: KioskSettings, window: Any) -> list[tuple[str, str]]:
    """The links to offer; offline, the cached list (the visitor's flow then decides what it can offer)."""
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


def _install_translations(app: Any, language: str) -> None:
    """The window's translations, when that module is there (kept optional: the kiosk must start regardless)."""
    try:
        from app.ui.i18n import install_translations
        from app.ui.main import RESOURCES
    except ImportError:
        return
    install_translations(app, language, RESOURCES / "translations")  # parented to app: kept alive


def _save(window: Any, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(target), "PNG"):
        raise OSError(f"could not write the screenshot {target}")
