"""The visitor's screens: each a title, its content, and Back / Start over at the bottom (always in the same place)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QScroller,
    QVBoxLayout,
    QWidget,
)

from app.ui.announce import announce
from app.ui.kiosk.style import expand, touch_button


def _tr(text: str) -> str:
    return QCoreApplication.translate("KioskScreens", text)


def touch_scroll(content: QWidget) -> QScrollArea:
    """A scroll area that follows a finger (kinetic scrolling on touch and left-button drags)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    # Text wraps to the width; a sideways scroll bar is only a trap for fingers.
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
    return area


class Screen(QWidget):
    """Title, notice, content and the navigation bar; `back` and `start_over` are the bar's buttons."""

    back_requested = Signal()
    start_over_requested = Signal()

    def __init__(self, title: str, *, back: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(title)
        self.title = QLabel(title, self)
        self.title.setObjectName("kioskTitle")
        self.title.setWordWrap(True)
        self.notice = QLabel(self)
        self.notice.setObjectName("kioskNotice")
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(_tr("Notice"))
        self.notice.hide()
        self.content = QVBoxLayout()
        self.back = touch_button(_tr("‹ Back"), _tr("Back"), parent=self)
        self.back.clicked.connect(self.back_requested)
        self.back.setVisible(back)
        self.start_over = touch_button(_tr("Start over"), parent=self)
        self.start_over.clicked.connect(self.start_over_requested)
        self.bar = QHBoxLayout()
        self.bar.addWidget(self.back)
        self.bar.addStretch(1)
        self.bar.addWidget(self.start_over)
        column = QVBoxLayout(self)
        column.setContentsMargins(48, 24, 48, 24)
        column.setSpacing(14)
        column.addWidget(self.title)
        column.addWidget(self.notice)
        column.addLayout(self.content, 1)
        column.addLayout(self.bar)

    def set_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def add_primary(self, text: str, accessible_name: str = "") -> QPushButton:
        button = touch_button(text, accessible_name, parent=self)
        button.setObjectName("primary")
        button.setMinimumWidth(260)
        self.bar.addWidget(button)
        return button


class ChoiceScreen(Screen):
    """Big buttons in a grid (links, days or times); `chosen` carries the index of the pressed one."""

    chosen = Signal(int)

    def __init__(self, title: str, *, columns: int, back: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(title, back=back, parent=parent)
        self._columns = columns
        self.holder = QWidget()
        self.grid = QGridLayout(self.holder)
        self.grid.setSpacing(16)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.area = touch_scroll(self.holder)
        self.content.addWidget(self.area)
        self.buttons: list[QPushButton] = []

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        """(text, accessible name) per choice, in order."""
        for button in self.buttons:
            button.setParent(None)
            button.deleteLater()
        self.buttons = []
        for index, (text, name) in enumerate(choices):
            button = touch_button(text, name, role="choice", parent=self.holder)
            expand(button)
            button.clicked.connect(lambda _=False, i=index: self.chosen.emit(i))
            self.grid.addWidget(button, index // self._columns, index % self._columns)
            self.buttons.append(button)
        if self.buttons:
            self.buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)


class FormScreen(Screen):
    """A panel (the attendee form or the consent) in a touch scroll area, optionally over the keyboard."""

    def __init__(self, title: str, panel: QWidget, keyboard: QWidget | None, parent: QWidget | None = None) -> None:
        super().__init__(title, parent=parent)
        self.panel = panel
        self.area = touch_scroll(panel)
        self.content.addWidget(self.area, 1)
        if keyboard is not None:
            self.content.addWidget(keyboard)
        self.next = self.add_primary(_tr("Next ›"), _tr("Next"))


class ConfirmScreen(Screen):
    """What will be booked, in words, and the one button that books it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_tr("Please check and confirm"), parent=parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(_tr("Your booking"))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setObjectName("kioskNotice")
        self.content.addWidget(self.summary)
        self.content.addStretch(1)
        self.book = self.add_primary(_tr("Book now"))


class ResultScreen(Screen):
    """The end of a visit: booked, requested, or please ask at the desk; Done returns to the welcome screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", back=False, parent=parent)
        self.title.hide()
        self.heading = QLabel(self)
        self.heading.setObjectName("resultHeading")
        self.heading.setWordWrap(True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.content.addStretch(1)
        self.content.addWidget(self.heading)
        self.content.addWidget(self.text)
        self.content.addStretch(1)
        self.start_over.hide()
        self.done = self.add_primary(_tr("Done"))
        self.done.clicked.connect(self.start_over_requested)

    def show_result(self, heading: str, text: str) -> None:
        self.heading.setText(heading)
        self.heading.setAccessibleName(heading)
        self.text.setText(text)
        self.text.setAccessibleName(text)
        self.setAccessibleName(heading)
        # The visitor hears the outcome ("Meeting booked", "Please ask at the desk") without looking for it.
        announce(self, f"{heading} {text}".strip(), assertive=True)
