"""A tick box whose text wraps: QCheckBox draws its text on one line, so long consent texts were cut off."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QWidget


class _BoxLabel(QLabel):
    """The box's text; clicking it toggles the box, as clicking a QCheckBox's own text does."""

    def __init__(self, text: str, box: QCheckBox, parent: QWidget) -> None:
        super().__init__(text, parent)
        self._box = box
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setBuddy(box)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self._box.setFocus(Qt.FocusReason.MouseFocusReason)
            self._box.click()  # emits clicked(), so the panel sees the user's change
            event.accept()
            return
        super().mouseReleaseEvent(event)


class WrappingCheckBox(QWidget):
    """A QCheckBox (`box`) beside a word-wrapped label (`label`); the box's accessible name is the whole text."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(self)
        self.box.setAccessibleName(text)
        self.label = _BoxLabel(text, self.box, self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.label, 1)
        self.setFocusProxy(self.box)

    def text(self) -> str:
        return self.label.text()
