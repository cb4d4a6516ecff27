"""Connectivity hint from QNetworkInformation: only "Disconnected" counts as offline; the real request decides."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class NetworkMonitor(QObject):
    """Emits `online_changed(bool)`; stays "online" when no backend is available (a hint must not block)."""

    online_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.online = True
        self.available = False
        try:
            from PySide6.QtNetwork import QNetworkInformation
        except ImportError:  # pragma: no cover - QtNetwork ships with PySide6-Essentials
            return
        if not QNetworkInformation.loadDefaultBackend():
            log.info("No network-information backend; connectivity is learned from requests only")
            return
        info: QNetworkInformation | None = QNetworkInformation.instance()  # None at run time, whatever the stubs say
        if info is None:
            return
        self.available = True
        self._disconnected = QNetworkInformation.Reachability.Disconnected
        self.online = info.reachability() != self._disconnected
        info.reachabilityChanged.connect(self._on_reachability)

    def _on_reachability(self, reachability: object) -> None:
        online = reachability != self._disconnected
        if online != self.online:
            self.online = online
            self.online_changed.emit(online)
