"""A tick box whose text wraps: QCheckBox draws its text on one line, so long consent texts were cut off."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
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
        # Keep height-for-width (setSizePolicy replaces the flag word wrap set): without it the row is laid out
        # one line tall, the text is squeezed and drawn centred, apart from its box.
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
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
        row.addWidget(self.label, 1, Qt.AlignmentFlag.AlignTop)
        self.setFocusProxy(self.box)
        self._align_first_line()

    def _align_first_line(self) -> None:
        """Centre the box on the text's first line (not on the whole paragraph, nor above it): whichever of the
        two is shorter gets a top margin of half the difference."""
        line = self.label.fontMetrics().height()
        box = self.box.sizeHint().height()
        self.box.setContentsMargins(0, max(0, (line - box) // 2), 0, 0)
        self.label.setContentsMargins(0, max(0, (box - line) // 2), 0, 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._align_first_line()
        super().changeEvent(event)

    def text(self) -> str:
        return self.label.text()
