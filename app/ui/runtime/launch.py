"""The window's start-up and shutdown: paint first, then services; close → clean up → return (no loop errors).

`--smoke` loads the data, prints one JSON line with timings and exits; `--screenshot FILE` saves the ready window.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING

from app.paths import Paths
from app.ui.runtime.qt_app import RESOURCES

if TYPE_CHECKING:
    import asyncio

    from PySide6.QtWidgets import QApplication

    from app.settings import LoadedSettings
    from app.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)

__all__ = ["RESOURCES", "run_window", "save_screenshot"]


def run_window(args: argparse.Namespace, paths: Paths) -> int:
    """Run the booking window until it is closed (or, with --smoke, until it is ready)."""
    started = time.perf_counter()
    from app.settings import load_settings
    from app.ui.runtime.qt_app import install_language, make_application, remove_language
    from app.ui.runtime.style import app_icon, apply_style, apply_theme
    from app.ui.window.main_window import MainWindow

    app = make_application()
    loaded = load_settings(paths.settings_file)
    # Before any widget exists, so every tr() and every date uses the chosen language.
    translators = install_language(app, loaded.settings.language)
    try:
        apply_style(app, RESOURCES)
        apply_theme(app, loaded.settings.theme)
        closing = _Closing()
        window = MainWindow(on_close=closing.set, icon=app_icon(RESOURCES))
        from app.window_state import FILE_NAME, WindowStateFile

        window.place(WindowStateFile(paths.config_dir / FILE_NAME))
        window.show()
        # First paint before asyncio, qasync and the services are imported: the window needs none of them yet.
        app.processEvents()
        first_paint_ms = (time.perf_counter() - started) * 1000

        from app.ui.runtime import async_bridge

        return async_bridge.run(_main(app, window, closing, args, paths, loaded, started, first_paint_ms))
    finally:
        remove_language(app, translators)


class _Closing:
    """The window's close request, from before the loop (and its asyncio.Event) exists."""

    def __init__(self) -> None:
        self.requested = False
        self.event: asyncio.Event | None = None

    def set(self) -> None:
        self.requested = True
        if self.event is not None:
            self.event.set()

    async def wait(self) -> None:
        import asyncio

        self.event = asyncio.Event()
        if self.requested:
            self.event.set()
        await self.event.wait()


async def _main(
    app: QApplication,
    window: MainWindow,
    closing: _Closing,
    args: argparse.Namespace,
    paths: Paths,
    loaded: LoadedSettings,
    started: float,
    first_paint_ms: float,
) -> int:
    import asyncio

    from app.ui.runtime.async_bridge import ErrorReporter
    from app.ui.window.window_controller import WindowController

    reporter = ErrorReporter(lambda: window)
    uninstall = reporter.install(asyncio.get_running_loop())
    session = WindowController(window, args, paths, loaded)
    try:
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
        return 0
    finally:
        # From any state (closed, ready, a failed start): nothing of the session outlives the loop.
        window.hide()
        await session.aclose()
        uninstall()


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
