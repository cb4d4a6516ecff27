"""Status bar: account (or Demo), online/offline, the age of cached data shown, and the queued count."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from app.auth.account import Account
from app.ui.runtime.formatting import age_label


class BookingStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = QLabel(self.tr("Starting…"))
        self.sign_in_button = QPushButton(self.tr("Sign in…"))
        self.sign_in_button.setObjectName("signInLink")
        self.sign_in_button.setFlat(True)
        self.sign_in_button.setAccessibleName(self.tr("Sign in to HubSpot"))
        self.sign_in_button.hide()
        # Sign-in kept in memory only (no working keychain): said in words, not hidden in a tooltip.
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.hide()
        self.addPermanentWidget(self.notice)
        self.network = QLabel()
        self.age = QLabel()
        self.queued = QLabel()
        # Each label's accessible name says what it is *and* its value ("Connection: Offline"): a name alone
        # replaces the text for the screen reader, which then never hears the value.
        self._captions = {
            self.account: self.tr("Account"),
            self.network: self.tr("Connection"),
            self.age: self.tr("Data age"),
            self.queued: self.tr("Outbox"),
        }
        for label in self._captions:
            self.addPermanentWidget(label)
            if label is self.account:
                self.addPermanentWidget(self.sign_in_button)
        self._fetched_ms: int | None = None
        # "as of 5 min ago" must keep ageing while the window stays open.
        self._age_timer = QTimer(self)
        self._age_timer.setInterval(30_000)
        self._age_timer.timeout.connect(self.refresh_age)
        self._age_timer.start()
        self.set_online(True)
        self.set_queued(0)
        self._speak_values()

    def set_account(self, demo: bool, account: str | Account, *, offer_sign_in: bool | None = None) -> None:
        """Who the window books for; "Sign in…" is offered in demo (or when told, e.g. a sign-in expired)."""
        text = account if isinstance(account, str) else self.account_text(account)
        self.account.setText(self.tr("Demo (simulated HubSpot)") if demo else text)
        self.sign_in_button.setVisible(demo if offer_sign_in is None else offer_sign_in)
        self._speak_values()

    def account_text(self, account: Account) -> str:
        """The account as people know it: the user, then the portal's name (its HubSpot domain) or hub id;
        a key with nothing known about it is just "Service key" (never "hub unknown")."""
        if account.user:
            who = account.user
        elif account.kind == "oauth":
            who = self.tr("Signed in")
        else:
            who = self.tr("Service key")
        if account.hub_domain:
            return f"{who} · {account.hub_domain}"
        if account.hub_id is not None:
            return f"{who} · " + self.tr("hub %1").replace("%1", str(account.hub_id))
        return who

    def set_notice(self, text: str) -> None:
        """A sentence about the sign-in the user must know (e.g. it cannot be saved); "" hides it."""
        self.notice.setText(text)
        self.notice.setToolTip(text)
        self.notice.setAccessibleName(self.tr("Sign-in notice: %1").replace("%1", text) if text else "")
        self.notice.setVisible(bool(text))

    def set_online(self, online: bool) -> None:
        self.network.setText(self.tr("Online") if online else self.tr("Offline"))
        self.network.setProperty("state", "online" if online else "offline")
        self.network.style().unpolish(self.network)
        self.network.style().polish(self.network)
        self._speak_values()

    def set_data_age(self, fetched_ms: int) -> None:
        """`as of 5 min ago` while cached data (fetched at epoch ms) is shown; 0 = what is shown is fresh."""
        self._fetched_ms = fetched_ms or None
        self.refresh_age()

    def refresh_age(self, now: float | None = None) -> None:
        """Re-word the age label (called every 30 s)."""
        if self._fetched_ms is None:
            self.age.setText("")
            self._speak_values()
            return
        seconds = max(0.0, (now if now is not None else time.time()) - self._fetched_ms / 1000)
        self.age.setText(self.tr("as of %1").replace("%1", age_label(seconds)))
        self._speak_values()

    def set_queued(self, count: int) -> None:
        self.queued.setText(self.tr("%n queued", "", count))
        self._speak_values()

    def _speak_values(self) -> None:
        """ "Connection: Offline", "Outbox: 2 queued": what each label is, and its value."""
        for label, caption in self._captions.items():
            name = self.tr("%1: %2").replace("%1", caption).replace("%2", label.text()) if label.text() else caption
            if label.accessibleName() != name:
                label.setAccessibleName(name)
