"""The visitor's screens: each a title, its content, and Back / Start over at the bottom (always in the same place)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
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
from shiboken6 import isValid

from app.ui.kiosk.style import MIN_TARGET_PX, expand, touch_button
from app.ui.runtime.announce import announce
from app.ui.runtime.i18n import translator

#: A choice button's padding and border (style.py: 22 px each side, 2 px border), plus a little air.
_BUTTON_PADDING_PX = 56

_tr = translator("KioskScreens")


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
    """Big buttons in a grid (links, days or times); `chosen` carries the index of the pressed one.

    `columns` is the most per row: fewer are used when the texts would not fit (a portrait tablet), and a text too
    wide even for one column is elided with "…", never cut at both ends; the accessible name keeps the whole text.
    """

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
        self._texts: list[str] = []
        self._shown_columns = 0
        self.area.viewport().installEventFilter(self)

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        """(text, accessible name) per choice, in order."""
        for button in self.buttons:
            button.setParent(None)
            button.deleteLater()
        self.buttons = []
        self._texts = [text for text, _ in choices]
        for index, (text, name) in enumerate(choices):
            button = touch_button(text, name, role="choice", parent=self.holder)
            expand(button)
            button.setMinimumWidth(MIN_TARGET_PX)  # the grid may make it narrower than its text; we elide
            button.clicked.connect(lambda _=False, i=index: self.chosen.emit(i))
            self.buttons.append(button)
        self._shown_columns = 0
        self._arrange()
        if self.buttons:
            self.buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def columns_for(self, width: int) -> int:
        """How many columns fit `width` without cutting the widest text (at least one)."""
        if not self.buttons:
            return 1
        spacing = self.grid.spacing()
        needed = max(self._full_width(button, text) for button, text in zip(self.buttons, self._texts, strict=True))
        fit = (width + spacing) // (needed + spacing)
        return max(1, min(self._columns, fit))

    def _full_width(self, button: QPushButton, text: str) -> int:
        button.ensurePolished()  # the style sheet's 22 pt, not the default font of a button never shown yet
        return button.fontMetrics().horizontalAdvance(text) + _BUTTON_PADDING_PX

    def _arrange(self) -> None:
        width = self.area.viewport().width()
        columns = self.columns_for(width)
        if columns != self._shown_columns:
            self._shown_columns = columns
            for button in self.buttons:
                self.grid.removeWidget(button)
            for index, button in enumerate(self.buttons):
                self.grid.addWidget(button, index // columns, index % columns)
        cell = (width - self.grid.spacing() * (columns - 1)) // columns - _BUTTON_PADDING_PX
        for button, text in zip(self.buttons, self._texts, strict=True):
            button.ensurePolished()
            shown = button.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, max(cell, 1))
            button.setText(shown)
            button.setToolTip(text if shown != text else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isValid(self):
            self._arrange()
        return False


class FormScreen(Screen):
    """A panel (the attendee form or the consent) in a touch scroll area, optionally over the keyboard.

    The field with the focus is scrolled into view whenever focus moves (a tap, Tab, *Next* jumping to the first
    problem) and when the area shrinks: at 1366×768 with the keyboard up only two or three fields fit.
    """

    #: Room kept above and below the focused input, for its caption and its problem message.
    REVEAL_MARGIN_PX = 90

    def __init__(self, title: str, panel: QWidget, keyboard: QWidget | None, parent: QWidget | None = None) -> None:
        super().__init__(title, parent=parent)
        self.panel = panel
        self.area = touch_scroll(panel)
        self.content.addWidget(self.area, 1)
        if keyboard is not None:
            self.content.addWidget(keyboard)
        self.next = self.add_primary(_tr("Next ›"), _tr("Next"))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
        self.area.viewport().installEventFilter(self)

    def reveal_focus(self) -> None:
        """Scroll so the focused field is in view, now and again once pending layout changes have landed."""
        self._reveal()
        QTimer.singleShot(0, self._reveal)

    def _reveal(self) -> None:
        if not isValid(self):
            return
        # The window's focus widget, not the application's: that one is None while the window is not active.
        focused = self.window().focusWidget()
        if focused is None or not self.panel.isAncestorOf(focused):
            return
        layout = self.panel.layout()
        if layout is not None:
            layout.activate()  # geometry of messages shown a moment ago, not of the form before them
        self.area.ensureWidgetVisible(focused, 16, min(self.REVEAL_MARGIN_PX, self.area.viewport().height() // 4))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reveal_focus()

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and isValid(self) and self.panel.isAncestorOf(new):
            self.reveal_focus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isValid(self):
            self.reveal_focus()  # the keyboard appeared or the screen turned: the field stays in view
        return False


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
