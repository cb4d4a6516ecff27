"""An in-app on-screen keyboard for name and email fields (licence-free; Windows' touch keyboard ignores Qt Widgets).

Keys never take focus: each press is delivered to the focused field as a real key event, as typing would be.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.ui.kiosk.style import touch_button

ROWS = ("1234567890", "qwertyuiop", "asdfghjkl'", "zxcvbnm-_")


def _tr(text: str) -> str:
    return QCoreApplication.translate("OnScreenKeyboard", text)


class OnScreenKeyboard(QWidget):
    """Letters, digits, @ . - _ and ".com"; Shift for capitals; Backspace; Space."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_tr("On-screen keyboard"))
        self.shifted = False
        self.keys: dict[str, QPushButton] = {}
        column = QVBoxLayout(self)
        column.setSpacing(4)
        column.setContentsMargins(0, 0, 0, 0)
        grid = QGridLayout()
        grid.setSpacing(4)
        for row, chars in enumerate(ROWS):
            for col, char in enumerate(chars):
                key = self._key(char, char)
                key.clicked.connect(lambda _=False, c=char: self._type(c))
                grid.addWidget(key, row, col)
        column.addLayout(grid)
        bottom = QHBoxLayout()
        self.shift = self._key(_tr("⇧ Shift"), "shift", name=_tr("Shift"))
        self.shift.setCheckable(True)
        self.shift.toggled.connect(self._set_shift)
        bottom.addWidget(self.shift)
        for text, name in (("@", _tr("at sign")), (".", _tr("dot")), (".com", _tr("dot com"))):
            key = self._key(text, text, name=name)
            key.clicked.connect(lambda _=False, t=text: self._send(t))
            bottom.addWidget(key)
        space = self._key(_tr("Space"), "space")
        space.clicked.connect(lambda: self._send(" "))
        bottom.addWidget(space, 3)
        back = self._key(_tr("⌫ Delete"), "backspace", name=_tr("Delete the last character"))
        back.clicked.connect(lambda: self._send("", Qt.Key.Key_Backspace))
        bottom.addWidget(back, 2)
        column.addLayout(bottom)

    def _key(self, text: str, ident: str, *, name: str = "") -> QPushButton:
        key = touch_button(text, name or text, role="key", parent=self)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keys[ident] = key
        return key

    def _set_shift(self, on: bool) -> None:
        self.shifted = on
        for row in ROWS:
            for char in row:
                self.keys[char].setText(char.upper() if on else char)

    def _type(self, char: str) -> None:
        self._send(char.upper() if self.shifted else char)
        if self.shifted:
            self.shift.setChecked(False)  # one capital, as phone keyboards do

    def _send(self, text: str, key: Qt.Key = Qt.Key.Key_unknown) -> None:
        target = QApplication.focusWidget()
        if target is None:
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))
