"""One run of the window after first paint: opens services, wires controller and views, remembers choices."""

from __future__ import annotations

import argparse
import asyncio
import logging
from typing import Any

from PySide6.QtWidgets import QMessageBox

from app.paths import Paths
from app.settings import LoadedSettings, Settings, save_settings
from app.ui.async_bridge import BackgroundTasks
from app.ui.formatting import locale_uses_24h
from app.ui.main_window import MainWindow
from app.ui.timezone_picker import system_zone_id

log = logging.getLogger(__name__)


class Session:
    def __init__(self, window: MainWindow, args: argparse.Namespace, paths: Paths, loaded: LoadedSettings) -> None:
        self.window = window
        self.args = args
        self.paths = paths
        self.settings: Settings = loaded.settings
        self._settings_writable = loaded.writable
        self._settings_problem = loaded.problem
        self.tasks = BackgroundTasks()
        self.services: Any = None
        self.controller: Any = None
        self._initial_load: asyncio.Task[None] | None = None

    @property
    def demo(self) -> bool:
        return bool(self.services and self.services.demo)

    @property
    def link_count(self) -> int:
        return len(self.controller.state.links) if self.controller else 0

    async def start(self) -> None:
        """Heavy imports and I/O happen here, after the window is on screen."""
        if self._settings_problem:
            self._tell_settings_problem(self._settings_problem)
        from app.ui.booking_controller import BookingController
        from app.ui.services import open_services

        self.services = open_services(self.args, self.paths, self.settings)
        window = self.window
        window.status.set_account(self.services.demo, self.services.account)
        zone = self.settings.timezone if self.settings.timezone != "system" else system_zone_id()
        window.zone_picker.set_zone(zone)
        use_24h = self.settings.use_24h if self.settings.use_24h is not None else locale_uses_24h()
        window.open_times.set_use_24h(use_24h)

        self.controller = BookingController(self.services, timezone=zone)
        window.attach(self.controller)
        self.controller.links_changed.connect(lambda _links, slug: self._remember(last_link=slug))
        window.link_picker.link_chosen.connect(lambda slug: self._remember(last_link=slug))
        window.zone_picker.zone_chosen.connect(lambda zone: self._remember(timezone=zone))
        window.open_times.clock_toggled.connect(lambda on: self._remember(use_24h=on))
        self._initial_load = self.tasks.start(
            self.controller.start(self.settings.default_link or self.settings.last_link), name="initial-load"
        )
        self.services.start_sender()
        window.status.set_queued(self._queued_count())
        # Hundreds of zones with their offsets: filled in after the first data request is on its way.
        await asyncio.sleep(0)
        window.zone_picker.populate()

    async def ready(self) -> None:
        """Wait until the initial links, link info and month are loaded (for --smoke and --screenshot)."""
        if self._initial_load is not None:
            await asyncio.shield(self._initial_load)

    def _queued_count(self) -> int:
        from app.store.outbox import State

        counts = self.services.outbox.counts()
        return int(counts.get(State.QUEUED, 0) + counts.get(State.SENDING, 0))

    def _remember(self, **changes: Any) -> None:
        import msgspec

        updated = msgspec.structs.replace(self.settings, **changes)
        if updated == self.settings:
            return
        self.settings = updated
        if not self._settings_writable:
            return
        try:
            save_settings(self.paths.settings_file, updated)
        except OSError as exc:
            log.warning("Could not save settings: %s", exc)
            self.window.status.showMessage(self.window.tr("Settings could not be saved: %1").replace("%1", str(exc)))

    def _tell_settings_problem(self, text: str) -> None:
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.window.tr("Settings not loaded"))
        box.setText(text)
        box.setAccessibleName(box.windowTitle())
        box.open()

    async def aclose(self) -> None:
        await self.tasks.aclose()
        if getattr(self.window, "tasks", None) is not None:
            await self.window.tasks.aclose()
        if self.services is not None:
            await self.services.aclose()
