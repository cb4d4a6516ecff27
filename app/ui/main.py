"""The window's start-up and shutdown: paint first, then services; close → clean up → return (no loop errors).

`--smoke` loads the data, prints one JSON line with timings and exits; `--screenshot FILE` saves the ready window.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import time
from pathlib import Path

from app.paths import Paths
from app.ui.qt_app import RESOURCES

log = logging.getLogger(__name__)

__all__ = ["RESOURCES", "run_window", "save_screenshot"]


def run_window(args: argparse.Namespace, paths: Paths) -> int:
    """Run the booking window until it is closed (or, with --smoke, until it is ready)."""
    started = time.perf_counter()
    from app.ui import async_bridge
    from app.ui.qt_app import make_application

    app = make_application()
    return async_bridge.run(_main(app, args, paths, started))


async def _main(app: object, args: argparse.Namespace, paths: Paths, started: float) -> int:
    from PySide6.QtWidgets import QApplication

    from app.settings import load_settings
    from app.ui.async_bridge import ErrorReporter
    from app.ui.main_window import MainWindow
    from app.ui.qt_app import install_language, remove_language
    from app.ui.style import app_icon, apply_style

    assert isinstance(app, QApplication)
    loop = asyncio.get_running_loop()
    closing = asyncio.Event()
    loaded = load_settings(paths.settings_file)
    # Before any widget exists, so every tr() and every date uses the chosen language.
    translators = install_language(app, loaded.settings.language)
    apply_style(app, RESOURCES)
    window = MainWindow(on_close=closing.set, icon=app_icon(RESOURCES))
    reporter = ErrorReporter(lambda: window)
    uninstall = reporter.install(loop)
    window.show()
    # Two turns of the loop let Qt lay out and paint before the heavy imports below.
    await asyncio.sleep(0)
    app.processEvents()
    first_paint_ms = (time.perf_counter() - started) * 1000

    try:
        from app.ui.session import Session

        session = Session(window, args, paths, loaded)
        try:
            await session.start()
        except Exception as exc:
            reporter.report(exc, "starting")
            if args.smoke:
                return 1
        if args.smoke or getattr(args, "screenshot", None):
            await session.ready()
            ready_ms = (time.perf_counter() - started) * 1000
            if getattr(args, "screenshot", None):
                save_screenshot(window, Path(args.screenshot))
            if args.smoke:
                print(
                    json.dumps(
                        {
                            "first_paint_ms": round(first_paint_ms, 1),
                            "ready_ms": round(ready_ms, 1),
                            "demo": session.demo,
                            "links": session.link_count,
                        }
                    ),
                    flush=True,
                )
                closing.set()
        await closing.wait()
        window.hide()
        await session.aclose()
        return 0
    finally:
        uninstall()
        remove_language(app, translators)


def save_screenshot(window: object, target: Path) -> None:
    """Save `window` as it is now (pending layouts settled) as a PNG."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QWidget

    assert isinstance(window, QWidget)
    # Layouts of widgets filled in this turn of the loop are still pending: settle them, or the PNG is squashed.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(target), "PNG"):
        raise OSError(f"could not write the screenshot {target}")
