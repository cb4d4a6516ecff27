"""A checkable button that chooses something (a day, a time, a length) however it is activated.

A screen reader or switch access runs a check box's default action, *Toggle*, which calls `toggle()`: no
`clicked` follows. So choosing listens to `toggled`, and a programmatic `set_selected` stays silent.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget


class ChoiceButton(QPushButton):
    """Emits `chosen` on a click, Space, Enter or the accessibility actions Press and Toggle."""

    chosen = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setCheckable(True)
        self._quiet = False
        self.toggled.connect(self._on_toggled)

    def set_selected(self, selected: bool) -> None:
        """Show the choice made elsewhere without choosing again."""
        self._quiet = True
        try:
            self.setChecked(selected)
        finally:
            self._quiet = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.isEnabled():
            self.click()  # buttons outside dialogs ignore Enter by default; a choice is picked like a link
            event.accept()
            return
        super().keyPressEvent(event)

    def _on_toggled(self, checked: bool) -> None:
        if self._quiet:
            return
        if not checked:
            group = self.group()
            if group is not None and group.exclusive():
                return  # another button of the group was chosen: that one says so
            # Activating the current choice again keeps it chosen (a choice is not switched off by itself).
            self.set_selected(True)
        self.chosen.emit()
