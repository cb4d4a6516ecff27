"""An in-app on-screen keyboard for name and email fields (licence-free; Windows' touch keyboard ignores Qt Widgets).

Keys never take focus: each press is delivered to the focused field as a real key event, as typing would be.
The letters follow the kiosk's language (QWERTZ, AZERTY, QWERTY) with a row of accented letters and `+`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.kiosk.keyboard_layouts import DIGITS, SYMBOLS, KeyLayout, layout_for, shifted
from app.ui.kiosk.style import MIN_TARGET_PX, touch_button
from app.ui.runtime.i18n import translator

_tr = translator("OnScreenKeyboard")


def _symbol_names() -> dict[str, str]:
    return {
        "@": _tr("at sign"),
        ".": _tr("dot"),
        "-": _tr("hyphen"),
        "_": _tr("underscore"),
        "+": _tr("plus sign"),
        "'": _tr("apostrophe"),
    }


class OnScreenKeyboard(QWidget):
    """Digits, the language's letters, accented letters, @ . - _ + ' and domain keys; Shift; Backspace; Space."""

    def __init__(self, parent: QWidget | None = None, *, layout: KeyLayout | None = None) -> None:
        super().__init__(parent)
        self.layout_keys = layout or layout_for(QLocale().name())
        self.setAccessibleName(_tr("On-screen keyboard"))
        self.shifted = False
        self.keys: dict[str, QPushButton] = {}
        self._letters = self.layout_keys.letters()
        column = QVBoxLayout(self)
        column.setSpacing(4)
        column.setContentsMargins(0, 0, 0, 0)
        rows = (DIGITS, *self.layout_keys.rows_with_symbols(), self.layout_keys.accents)
        names = _symbol_names()
        width = max(len(row) for row in rows)
        grid = QGridLayout()
        grid.setSpacing(4)
        for row, chars in enumerate(rows):
            offset = (width - len(chars)) // 2  # short rows centred, as on a real keyboard
            for col, char in enumerate(chars):
                key = self._key(char, char, name=names.get(char, ""))
                key.clicked.connect(lambda _=False, c=char: self._type(c))
                grid.addWidget(key, row, col + offset)
        column.addLayout(grid)
        # One bottom row for Shift, the symbols, the domain keys, Space and Delete: the keyboard stays six rows
        # high, so a 768 px screen still shows the field being typed in above it.
        bottom = QHBoxLayout()
        bottom.setSpacing(4)
        self.shift = self._key(_tr("⇧"), "shift", name=_tr("Shift"))
        self.shift.setCheckable(True)
        self.shift.toggled.connect(self._set_shift)
        bottom.addWidget(self.shift, 2)
        for text in SYMBOLS:
            key = self._key(text, text, name=names[text])
            key.clicked.connect(lambda _=False, t=text: self._send(t))
            bottom.addWidget(key, 1)
        for domain in self.layout_keys.domains:
            key = self._key(domain, domain, name=_tr("dot %1").replace("%1", domain[1:]))
            key.clicked.connect(lambda _=False, t=domain: self._send(t))
            bottom.addWidget(key, 2)
        space = self._key(_tr("Space"), "space")
        space.clicked.connect(lambda: self._send(" "))
        bottom.addWidget(space, 4)
        back = self._key(_tr("⌫"), "backspace", name=_tr("Delete the last character"))
        back.clicked.connect(lambda: self._send("", Qt.Key.Key_Backspace))
        bottom.addWidget(back, 2)
        column.addLayout(bottom)

    def _key(self, text: str, ident: str, *, name: str = "") -> QPushButton:
        key = touch_button(text, name or text, role="key", parent=self)
        key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keys[ident] = key
        return key

    def showEvent(self, event: QShowEvent) -> None:
        # Sized once the kiosk's style sheet applies (its font): ".com" never narrower than its text in portrait.
        for key in self.keys.values():
            if len(key.text()) > 1:
                key.ensurePolished()
                key.setMinimumWidth(max(MIN_TARGET_PX, key.fontMetrics().horizontalAdvance(key.text()) + 16))
        super().showEvent(event)

    def _set_shift(self, on: bool) -> None:
        self.shifted = on
        for char in self._letters:
            self.keys[char].setText(shifted(char) if on else char)

    def _type(self, char: str) -> None:
        self._send(shifted(char) if self.shifted and char.isalpha() else char)
        if self.shifted:
            self.shift.setChecked(False)  # one capital, as phone keyboards do

    def _send(self, text: str, key: Qt.Key = Qt.Key.Key_unknown) -> None:
        target = QApplication.focusWidget()
        if target is None:
            return
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))
