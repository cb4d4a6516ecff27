"""Prompts drawn over the whole kiosk (no separate dialog window to slip behind a full-screen one)."""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.kiosk.attempts import PinAttempts
from app.kiosk.pin import verify_pin
from app.ui.kiosk.style import touch_button
from app.ui.runtime.announce import announce
from app.ui.runtime.i18n import translator

_tr = translator("KioskOverlay")


class Overlay(QFrame):
    """An opaque layer over the parent with a centred card; it follows the parent's size.

    Opaque, not dimmed: what the visitor typed must not show through while a stranger may be looking.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("overlay")
        self.setAutoFillBackground(True)
        self.card = QFrame(self)
        self.card.setObjectName("overlayCard")
        self.body = QVBoxLayout(self.card)
        self.body.setContentsMargins(40, 32, 40, 32)
        self.body.setSpacing(18)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(1)
        self.hide()

    def cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()


class IdlePrompt(Overlay):
    """ "Are you still there?" with a countdown and one big button."""

    still_here = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAccessibleName(_tr("Are you still there?"))
        self.heading = QLabel(_tr("Are you still there?"), self.card)
        self.heading.setObjectName("kioskTitle")
        self.countdown = QLabel(self.card)
        self.countdown.setAccessibleName(_tr("Time left"))
        self.button = touch_button(_tr("I'm still here"), parent=self.card)
        self.button.setObjectName("primary")
        self.button.clicked.connect(self.still_here)
        for widget in (self.heading, self.countdown, self.button):
            self.body.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)

    def show_seconds(self, seconds: int) -> None:
        self.countdown.setText(
            QCoreApplication.translate(
                "KioskOverlay", "For your privacy, everything you entered will be cleared in %n second(s).", "", seconds
            )
        )
        if not self.isVisible():
            self.cover()
            self.button.setFocus(Qt.FocusReason.OtherFocusReason)


class PinPrompt(Overlay):
    """Staff exit: a PIN pad; wrong PINs back off; the right one emits `unlocked`."""

    unlocked = Signal()
    verified = Signal(str)  # the correct PIN, for re-hashing it with a higher cost on the way out (never stored)

    def __init__(
        self, parent: QWidget, pin_hash: Callable[[], str], attempts: PinAttempts, start: Callable[..., object]
    ) -> None:
        super().__init__(parent)
        self._pin_hash = pin_hash
        self.attempts = attempts
        self._start = start  # runs a coroutine as a background task (kept referenced by the shell)
        self.setAccessibleName(_tr("Staff exit"))
        title = QLabel(_tr("Staff only: enter the PIN to leave kiosk mode"), self.card)
        title.setObjectName("kioskTitle")
        title.setWordWrap(True)
        self.field = QLineEdit(self.card)
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(_tr("PIN"))
        self.field.setInputMethodHints(
            Qt.InputMethodHint.ImhDigitsOnly
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.field.setMaxLength(12)
        self.field.returnPressed.connect(self.submit)
        self.message = QLabel(self.card)
        self.message.setWordWrap(True)
        title.setBuddy(self.field)  # the PIN field is labelled by the instruction (AT-SPI labelled-by)
        pad = QGridLayout()
        for index, digit in enumerate("123456789"):
            key = touch_button(digit, parent=self.card, role="key")
            key.clicked.connect(lambda _=False, d=digit: self.field.insert(d))
            pad.addWidget(key, index // 3, index % 3)
        zero = touch_button("0", parent=self.card, role="key")
        zero.clicked.connect(lambda: self.field.insert("0"))
        back = touch_button("⌫", _tr("Delete the last digit"), parent=self.card, role="key")
        back.clicked.connect(self.field.backspace)
        pad.addWidget(back, 3, 0)
        pad.addWidget(zero, 3, 1)
        self.ok_button = touch_button(_tr("Exit kiosk"), parent=self.card)
        self.ok_button.setObjectName("primary")
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button = touch_button(_tr("Cancel"), parent=self.card)
        self.cancel_button.clicked.connect(self.dismiss)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        self.body.addWidget(title)
        self.body.addWidget(self.field)
        self.body.addWidget(self.message)
        self.body.addLayout(pad)
        self.body.addLayout(buttons)
        self.checking: asyncio.Task[None] | None = None
        # The lockout counts down on screen ("Try again in 4 s") instead of a static "second(s)".
        self.countdown = QTimer(self)
        self.countdown.setInterval(250)
        self.countdown.timeout.connect(self._tick)

    def open_prompt(self) -> None:
        self.field.clear()
        self.message.clear()
        self.cover()
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.attempts.wait_s() > 0:  # locked from before (even from before a restart): say so at once
            self._tick()
            self.countdown.start()

    def dismiss(self) -> None:
        self.field.clear()
        self.message.clear()
        self.countdown.stop()
        self.hide()

    def submit(self) -> None:
        if self.checking is not None and not self.checking.done():
            return
        pin = self.field.text()
        self.field.clear()
        wait = self.attempts.wait_s()
        if wait > 0:
            self._say_wait(wait)
            return
        task = self._start(self.check(pin))
        assert isinstance(task, asyncio.Task)
        self.checking = task

    async def check(self, pin: str) -> None:
        """Hash in a worker thread (scrypt takes ~0.1 s): the screen stays responsive."""
        self.ok_button.setEnabled(False)
        try:
            ok = bool(pin) and await asyncio.to_thread(verify_pin, pin, self._pin_hash())
        finally:
            self.ok_button.setEnabled(True)
        if ok:
            self.attempts.record_success()
            self.verified.emit(pin)
            self.hide()
            self.unlocked.emit()
            return
        wait = self.attempts.record_failure()
        if wait > 0:
            self._say_wait(wait)
        else:
            self.message.setText(_tr("That PIN is not right."))
            announce(self, self.message.text(), assertive=True)

    def _say_wait(self, wait: float) -> None:
        self._show_wait(wait)
        self.countdown.start()
        announce(self, self.message.text(), assertive=True)  # once: the countdown itself is not read out

    def _show_wait(self, wait: float) -> None:
        seconds = max(1, math.ceil(wait))
        self.message.setText(_tr("Too many wrong PINs. Try again in %1 s.").replace("%1", str(seconds)))

    def _tick(self) -> None:
        wait = self.attempts.wait_s()
        if wait > 0:
            self._show_wait(wait)
            return
        self.countdown.stop()
        self.message.setText(_tr("You can try the PIN again."))
        announce(self, self.message.text())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss()
            return
        super().keyPressEvent(event)
