"""Status bar: account (or Demo), online/offline, the age of cached data shown, and the queued count."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app.ui.formatting import age_label


class BookingStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = QLabel(self.tr("Starting…"))
        self.network = QLabel()
        self.age = QLabel()
        self.queued = QLabel()
        for label, name in (
            (self.account, self.tr("Account")),
            (self.network, self.tr("Connection")),
            (self.age, self.tr("Data age")),
            (self.queued, self.tr("Outbox")),
        ):
            label.setAccessibleName(name)
            self.addPermanentWidget(label)
        self._fetched_ms: int | None = None
        # "as of 5 min ago" must keep ageing while the window stays open.
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(30_000)
        self._age_timer.timeout.connect(self.refresh_age)
        self._age_timer.start()
        self.set_online(True)
        self.set_queued(0)

    def set_account(self, demo: bool, account: str) -> None:
        self.account.setText(self.tr("Demo (simulated HubSpot)") if demo else account)

    def set_online(self, online: bool) -> None:
        self.network.setText(self.tr("Online") if online else self.tr("Offline"))
        self.network.setProperty("state", "online" if online else "offline")
        self.network.style().unpolish(self.network)
        self.network.style().polish(self.network)

    def set_data_age(self, fetched_ms: int) -> None:
        """`as of 5 min ago` while cached data (fetched at epoch ms) is shown; 0 = what is shown is fresh."""
        self._fetched_ms = fetched_ms or None
        self.refresh_age()

    def refresh_age(self, now: float | None = None) -> None:
        """Re-word the age label (called every 30 s)."""
        if self._fetched_ms is None:
            self.age.setText("")
            return
        seconds = max(0.0, (now if now is not None else time.time()) - self._fetched_ms / 1000)
        self.age.setText(self.tr("as of %1").replace("%1", age_label(seconds)))

    def set_queued(self, count: int) -> None:
        self.queued.setText(self.tr("%n queued", "", count))
