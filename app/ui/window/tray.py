"""Notifications about queued bookings: the system tray where there is one, the status bar otherwise."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStatusBar, QSystemTrayIcon, QWidget

from app.outbox import events
from app.ui.runtime.domain_text import domain_text
from app.ui.runtime.i18n import translator

MESSAGE_MS = 8000
#: Events this close together are one burst (an outbox flushed on reconnecting): one summary, not a toast each.
BURST_S = 15.0


_tr = translator("Notifier")


class Notifier:
    """Turns the sender's events into a short notice; nothing is shown for a booking the window is waiting on."""

    def __init__(
        self, parent: QWidget, status: QStatusBar, icon: QIcon, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._status = status
        self._clock = clock
        self._last_event_at = float("-inf")
        self._sent = 0  # in the current burst
        self._attention = 0
        self._tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self._tray = QSystemTrayIcon(icon, parent)
            self._tray.setToolTip(parent.windowTitle())
            self._tray.show()
        self.shown: list[str] = []

    def notify(self, event: events.OutboxEvent) -> None:
        now = self._clock()
        if now - self._last_event_at > BURST_S:
            self._sent = self._attention = 0
        self._last_event_at = now
        plain_sent = isinstance(event, events.SentEvent) and not isinstance(event, events.BookedWithoutCalendarEvent)
        if plain_sent:
            self._sent += 1
        else:
            self._attention += 1
        if self._sent + self._attention == 1:
            title, text, level = self.describe(event)
        else:
            title, text, level = self.summarize()
        self.shown.append(text)
        if self._tray is not None and self._tray.supportsMessages():
            self._tray.showMessage(title, text, level, MESSAGE_MS)
        self._status.showMessage(text, MESSAGE_MS)

    def summarize(self) -> tuple[str, str, QSystemTrayIcon.MessageIcon]:
        """One notice for a burst: how many queued bookings were sent, and how many need the rep."""
        sent = QCoreApplication.translate("Notifier", "%n queued booking(s) sent.", "", self._sent)
        if not self._attention:
            return _tr("Queued bookings sent"), sent, QSystemTrayIcon.MessageIcon.Information
        attention = QCoreApplication.translate(
            "Notifier", "%n need(s) your attention in the Outbox.", "", self._attention
        )
        text = f"{sent} {attention}" if self._sent else attention
        return _tr("Queued bookings need attention"), text, QSystemTrayIcon.MessageIcon.Warning

    def describe(self, event: events.OutboxEvent) -> tuple[str, str, QSystemTrayIcon.MessageIcon]:
        """Title, text and icon for one event, in words that say what to do."""
        who = f"{event.entry.request.first_name} {event.entry.request.last_name}".strip()
        info, warning = QSystemTrayIcon.MessageIcon.Information, QSystemTrayIcon.MessageIcon.Warning
        if isinstance(event, events.BookedWithoutCalendarEvent):
            return (
                _tr("Booked without a calendar event"),
                _tr("%1: check the meeting in HubSpot.").replace("%1", who),
                warning,
            )
        if isinstance(event, events.SentEvent):
            return _tr("Queued booking sent"), _tr("The meeting with %1 is booked.").replace("%1", who), info
        if isinstance(event, events.NeedsNewTimeEvent):
            return (
                _tr("A queued booking needs a new time"),
                _tr("%1: pick a new time in the Outbox.").replace("%1", who),
                warning,
            )
        if isinstance(event, events.RejectedEvent):
            return (
                _tr("HubSpot refused a queued booking"),
                f"{who}: {domain_text(event.entry.last_error or '')}",
                warning,
            )
        return (
            _tr("A booking may have been made"),
            _tr("%1: check in HubSpot, then settle it in the Outbox.").replace("%1", who),
            warning,
        )

    def close(self) -> None:
        if self._tray is not None:
            self._tray.hide()
            self._tray.deleteLater()
            self._tray = None
