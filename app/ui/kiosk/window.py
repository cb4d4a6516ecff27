"""The kiosk shell: full-screen and frameless, a welcome screen, one visitor at a time, idle reset, staff exit.

Esc, Alt+F4 and close requests never leave kiosk mode without the staff PIN. This is not a security boundary on
its own: real lockdown comes from the OS (Assigned Access, a kiosk compositor); see the README.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QApplication, QLabel, QStackedWidget, QVBoxLayout, QWidget

from app.kiosk.attempts import PinAttempts
from app.kiosk.idle import IdlePhase, IdleWatch
from app.kiosk.staff_status import StaffCounts
from app.store.outbox import Outbox
from app.ui.kiosk import lockdown
from app.ui.kiosk.context import KioskContext
from app.ui.kiosk.overlays import IdlePrompt, PinPrompt
from app.ui.kiosk.style import KIOSK_QSS, touch_button
from app.ui.kiosk.visit import VisitorFlow
from app.ui.runtime.async_bridge import BackgroundTasks
from app.ui.runtime.i18n import translator

STAFF_TAPS = 5
STAFF_TAP_WINDOW_S = 3.0
STAFF_SHORTCUT = "Ctrl+Alt+K"
TICK_MS = 1000
#: How often (in ticks) the connection is checked: often while offline, to say "Online" soon after it is back.
PROBE_ONLINE_TICKS, PROBE_OFFLINE_TICKS = 60, 10
INDICATOR_TICKS = 5  # the counts of the staff corner, refreshed from the outbox
_ACTIVITY = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress, QEvent.Type.Wheel})


_tr = translator("KioskWindow")


class KioskWindow(QWidget):
    def __init__(
        self,
        ctx: KioskContext,
        *,
        pin_hash: str,
        on_close: Callable[[], None],
        clock: Callable[[], float] = time.monotonic,
        flush_outbox: Callable[[], object] | None = None,
        probe_connection: Callable[[], object] | None = None,
        title: str = "",
        attempts: PinAttempts | None = None,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self._pin_hash = pin_hash
        self._on_close = on_close
        self._clock = clock
        self._flush_outbox = flush_outbox
        self._probe_connection = probe_connection  # starts a check of HubSpot; it reports with set_online()
        self._may_close = False
        self._taps: list[float] = []
        self._thanks_until: float | None = None
        self.online = True
        self.tasks = BackgroundTasks()
        self.visit: VisitorFlow | None = None
        self.idle = IdleWatch(ctx.kiosk.idle_seconds, ctx.kiosk.warning_seconds, clock)
        self.setWindowTitle(title or _tr("Book a meeting"))
        self.setAccessibleName(_tr("Front-desk kiosk"))
        self.setWindowFlags(
            Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        )
        self.setStyleSheet(KIOSK_QSS)

        self.stack = QStackedWidget(self)
        self.attract = self._build_attract()
        self.stack.addWidget(self.attract)
        self.staff_corner = touch_button("", _tr("Staff"), parent=self)
        self.staff_corner.setObjectName("staffCorner")
        self.staff_corner.setAccessibleDescription(
            _tr("Staff: tap five times, or press %1, to leave kiosk mode").replace("%1", STAFF_SHORTCUT)
        )
        self.staff_corner.clicked.connect(self.on_corner_tapped)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.stack, 1)
        # Floats in the top-right corner over every screen (placed in resizeEvent), taking no room from visitors.
        self.staff_corner.raise_()

        self.idle_prompt = IdlePrompt(self)
        self.idle_prompt.still_here.connect(self._still_here)
        self.pin_prompt = PinPrompt(self, lambda: self._pin_hash, attempts or PinAttempts(clock), self.tasks.start)
        self.pin_prompt.unlocked.connect(self._unlock)
        shortcut = QShortcut(QKeySequence(STAFF_SHORTCUT), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(self.ask_for_pin)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self._flush_every = 60
        self._ticks = 0
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.update_indicator()

    def _build_attract(self) -> QWidget:
        page = QWidget()
        page.setAccessibleName(_tr("Welcome"))
        title = QLabel(_tr("Welcome!"), page)
        title.setObjectName("attractTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        subtitle = QLabel(_tr("Book a meeting with our team in under a minute."), page)
        subtitle.setObjectName("attractSubtitle")
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle.setWordWrap(True)  # a portrait tablet is narrower than the sentence: wrap, never cut
        self.start_button = touch_button(_tr("Tap to book a meeting"), parent=page)
        self.start_button.setObjectName("attractAction")
        self.start_button.clicked.connect(self.start_visit)
        column = QVBoxLayout(page)
        column.setContentsMargins(32, 48, 32, 32)
        column.addStretch(2)
        for widget in (title, subtitle):
            column.addWidget(widget)  # full width, centred text: wraps inside the screen
            column.addSpacing(24)
        column.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(3)
        return page

    # --- visitors -------------------------------------------------------------------------------------------

    def start_visit(self) -> None:
        """A fresh flow, built from nothing, for the next visitor."""
        self.reset()
        visit = VisitorFlow(self.ctx)
        visit.start_over.connect(self.reset)
        visit.online_seen.connect(self.set_online)
        visit.visit_ended.connect(self._visit_ended)
        self.visit = visit
        self.stack.addWidget(visit)
        self.stack.setCurrentWidget(visit)
        self.idle.touch()
        self.timer.start()
        self.tasks.start(visit.begin(), name="kiosk-visit")

    def reset(self) -> None:
        """Back to the welcome screen with every trace of the visitor gone: the whole flow is thrown away."""
        self._thanks_until = None
        self.idle_prompt.hide()
        self.pin_prompt.dismiss()
        visit, self.visit = self.visit, None
        if visit is not None:
            visit.hide()
            self.stack.removeWidget(visit)
            visit.setParent(None)  # out of the widget tree now; Qt frees it after its pending events
            self.tasks.start(visit.tasks.aclose(), name="kiosk-visit-close")
            visit.deleteLater()
        self.stack.setCurrentWidget(self.attract)
        self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)
        lockdown.clear_clipboard()  # what visitor 1 copied or selected is gone before visitor 2 arrives
        self.update_indicator()

    def _visit_ended(self) -> None:
        self._thanks_until = self._clock() + self.ctx.kiosk.thank_you_seconds
        self.update_indicator()

    def _still_here(self) -> None:
        self.idle.touch()
        self.idle_prompt.hide()

    def tick(self) -> None:
        """Once a second: the idle prompt and reset, the return after the thank-you, queued requests."""
        self._ticks += 1
        if self._flush_outbox is not None and self._ticks % self._flush_every == 0:
            self._flush_outbox()
        # The staff corner follows the real connection, not only what the last visitor's booking saw.
        probe_every = PROBE_ONLINE_TICKS if self.online else PROBE_OFFLINE_TICKS
        if self._probe_connection is not None and self._ticks % probe_every == 0:
            self._probe_connection()
        if self._ticks % INDICATOR_TICKS == 0:
            self.update_indicator()
        if self._thanks_until is not None and self._clock() >= self._thanks_until:
            self.reset()
            return
        active = self.visit is not None or self.pin_prompt.isVisible()
        if not active or (self.visit is not None and self.visit.busy):
            self.idle.touch()  # nothing to protect, or a booking is on its way: never cut it off
            self.idle_prompt.hide()
            return
        phase = self.idle.phase()
        if phase is IdlePhase.ACTIVE:
            self.idle_prompt.hide()
        elif phase is IdlePhase.WARNING:
            self.idle_prompt.show_seconds(self.idle.seconds_left())
        else:
            self.reset()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if lockdown.blocks(watched, event):
            event.accept()
            return True  # context menus, clipboard keys, middle-click paste, drags: never between visitors
        if event.type() in _ACTIVITY and not self.idle_prompt.isVisible():
            self.idle.touch()
        return False

    # --- staff ----------------------------------------------------------------------------------------------

    def set_online(self, online: bool) -> None:
        self.online = online
        self.update_indicator()

    def update_indicator(self) -> None:
        """Online/offline, how many requests wait and how many need staff; words and symbols, not colour alone."""
        state = _tr("● Online") if self.online else _tr("○ Offline")
        counts = StaffCounts.of(Outbox(self.ctx.db))
        text = _tr("%1 · %2 queued").replace("%1", state).replace("%2", str(counts.queued))
        if counts.needs_staff:
            text += " · " + _tr("%1 need staff").replace("%1", str(counts.needs_staff))
        self.staff_corner.setText(text)
        self.staff_corner.setAccessibleName(_tr("Staff. Status: %1").replace("%1", text))
        self._place_corner()

    def _place_corner(self) -> None:
        corner = self.staff_corner
        corner.adjustSize()
        corner.move(self.width() - corner.width(), 0)
        corner.raise_()

    def on_corner_tapped(self) -> None:
        now = self._clock()
        self._taps = [t for t in self._taps if now - t <= STAFF_TAP_WINDOW_S] + [now]
        if len(self._taps) >= STAFF_TAPS:
            self._taps.clear()
            self.ask_for_pin()

    def ask_for_pin(self) -> None:
        self.idle.touch()
        self.pin_prompt.open_prompt()

    def _unlock(self) -> None:
        self._may_close = True
        self.close()

    # --- refusing to leave ----------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close:
            event.ignore()  # Alt+F4, the window manager, a stray close(): only the PIN leaves kiosk mode
            self.ask_for_pin()
            return
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.timer.stop()
        self._on_close()
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()  # Esc does not leave (or go anywhere): visitors use the buttons
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_corner()
        for overlay in (self.idle_prompt, self.pin_prompt):
            if overlay.isVisible():
                overlay.setGeometry(self.rect())
