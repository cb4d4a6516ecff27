"""The window's start-up and shutdown: paint first, then services; close → clean up → return (no loop errors).

`--smoke` loads the data, prints one JSON line with timings and exits; `--screenshot FILE` saves the ready window.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from app.paths import Paths
from app.ui.runtime.qt_app import RESOURCES

if TYPE_CHECKING:
    import asyncio

    from PySide6.QtWidgets import QApplication

    from app.settings import LoadedSettings
    from app.ui.window.cached_paint import CachedStart
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
        apply_theme(app, loaded.settings.theme)
        closing = _Closing()
        window = MainWindow(on_close=closing.set, icon=app_icon(RESOURCES))
        # The style sheet after the widgets exist: with it set, every addWidget re-polishes the moved subtree
        # (~50 ms of first paint for this window, measured for issue 18); set now, it polishes each widget once.
        apply_style(app, RESOURCES)
        from app.window_state import FILE_NAME, WindowStateFile

        window.place(WindowStateFile(paths.config_dir / FILE_NAME))
        window.show()
        # First paint before asyncio, qasync and the services are imported: the window needs none of them yet.
        app.processEvents()
        first_paint_ms = (time.perf_counter() - started) * 1000
        # Then the cached page (sqlite and msgspec only), still before the loop: data on screen at once.
        from app.ui.window.cached_paint import paint_from_cache

        settings = loaded.settings
        cached = paint_from_cache(window, args, paths, settings, settings.zone_in_effect())
        shown_ms: float | None = None
        if cached is not None and cached.shown:
            app.processEvents()
            shown_ms = (time.perf_counter() - started) * 1000

        from app.ui.runtime import async_bridge

        timings = _Timings(started, first_paint_ms, shown_ms)
        return async_bridge.run(_main(app, window, closing, args, paths, loaded, timings, cached))
    finally:
        remove_language(app, translators)


@dataclass(frozen=True)
class _Timings:
    started: float
    first_paint_ms: float
    #: When the cached page was on screen (None: nothing cached, the data comes from the network).
    cached_ms: float | None


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
    timings: _Timings,
    cached: CachedStart | None,
) -> int:
    import asyncio

    from app.ui.runtime.async_bridge import ErrorReporter
    from app.ui.window.window_controller import WindowController

    reporter = ErrorReporter(lambda: window)
    uninstall = reporter.install(asyncio.get_running_loop())
    session = WindowController(window, args, paths, loaded, cached)
    try:
        try:
            await session.start()
        except Exception as exc:
            reporter.report(exc, "starting")
            if args.smoke:
                return 1
        if getattr(args, "screenshot", None):
            await session.ready()  # a screenshot shows fresh data, not the cached page
            save_screenshot(window, Path(args.screenshot))
        if args.smoke:
            # Ready: data on screen, from the cache (then the smoke closes with the refresh still in flight:
            # shutting down from any state is part of what it checks) or, with nothing cached, from the network.
            if timings.cached_ms is None:
                await session.ready()
            ready_ms = timings.cached_ms or (time.perf_counter() - timings.started) * 1000
            print(
                json.dumps(
                    {
                        "first_paint_ms": round(timings.first_paint_ms, 1),
                        "ready_ms": round(ready_ms, 1),
                        "from_cache": timings.cached_ms is not None,
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
