"""One input widget per HubSpot form-field type, all with the same small interface (value, edited, focus_left)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from app.booking.answers import Answer, as_bool, as_list, as_text
from app.hubspot.models import FormField, FormOption

# While typing, allow partial numbers ("-", "3.") and partial ISO dates; the domain rules judge the result.
_NUMBER_TYPING = QRegularExpression(r"[+-]?\d*(\.\d*)?")
_DATE_TYPING = QRegularExpression(r"\d{0,4}(-\d{0,2}(-\d{0,2})?)?")
_PHONE_TYPING = QRegularExpression(r"\+?[0-9 ()./-]*")
_ISO = Qt.DateFormat.ISODate
_Button = TypeVar("_Button", bound=QAbstractButton)


def visible_options(field: FormField) -> list[FormOption]:
    """The options an attendee may pick, in the link's display order (hidden ones left out)."""
    return sorted((o for o in field.options if not o.hidden), key=lambda o: o.display_order)


def _text_or_empty(value: Answer | None) -> str:
    return (as_text(value) or "") if value is not None else ""


class FieldInput(QWidget):
    """Base for an answer widget: `edited` fires on user changes only, `focus_left` when focus moves away."""

    edited = Signal()
    focus_left = Signal()
    # Choice widgets count as touched on the first change; text widgets only once the user leaves them.
    touched_on_edit = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._parts: list[QWidget] = []

    def value(self) -> Answer | None:
        """The answer as the draft stores it; None when not answered."""
        raise NotImplementedError

    def set_value(self, value: Answer | None) -> None:
        """Show `value` (None empties the input) without emitting `edited`."""
        raise NotImplementedError

    def focus_chain(self) -> list[QWidget]:
        """The focusable widgets inside, in tab order."""
        return list(self._parts)

    def describe(self, name: str, description: str) -> None:
        """Set the accessible name and description on every focusable part."""
        for widget in self.focus_chain():
            own = widget.property("ownAccessibleName")
            widget.setAccessibleName(f"{name}: {own}" if own else name)
            widget.setAccessibleDescription(description)

    def set_private(self, private: bool) -> None:
        """Ask input methods not to learn or suggest what is typed (kiosk)."""
        for widget in self.focus_chain():
            hints = widget.inputMethodHints()
            extra = Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText
            widget.setInputMethodHints(hints | extra if private else hints & ~extra)

    def _set_parts(self, *parts: QWidget) -> None:
        """The focusable parts in tab order: focus enters at the first, and leaving them all is leaving the input."""
        self._parts = list(parts)
        for widget in parts:
            widget.installEventFilter(self)
        if parts:
            self.setFocusProxy(parts[0])

    def _option_buttons(self, field: FormField, make: Callable[[str], _Button]) -> list[_Button]:
        """One button per visible option in a column, each carrying its option's value and emitting `edited`."""
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(column)
        buttons: list[_Button] = []
        for opt in visible_options(field):
            button = make(opt.label or opt.value)
            button.setProperty("optionValue", opt.value)
            button.setProperty("ownAccessibleName", opt.label or opt.value)
            button.clicked.connect(self.edited)
            buttons.append(button)
            column.addWidget(button)
        return buttons

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            focused = QApplication.focusWidget()
            # Moving between the parts of one input (e.g. date text and its calendar button) is not leaving it.
            if focused is None or not self.isAncestorOf(focused):
                self.focus_left.emit()
        return super().eventFilter(watched, event)


class TextInput(FieldInput):
    """One line of text; also numbers, phone numbers and email addresses through hints and a typing validator."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        typing: QRegularExpression | None = None,
        hints: Qt.InputMethodHint = Qt.InputMethodHint.ImhNone,
        placeholder: str = "",
    ) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        if typing is not None:
            self.line.setValidator(QRegularExpressionValidator(typing, self.line))
        self.line.setInputMethodHints(hints)
        self.line.setPlaceholderText(placeholder)
        # textChanged, not textEdited: text set through the accessibility API (dictation, voice control: AT-SPI
        # EditableText) must count as the user's; only our own set_value stays quiet.
        self._setting = False
        self.line.textChanged.connect(self._on_text_changed)
        self._layout.addWidget(self.line)
        self._set_parts(self.line)

    def _on_text_changed(self) -> None:
        if not self._setting:
            self.edited.emit()

    def value(self) -> Answer | None:
        return self.line.text() or None

    def set_value(self, value: Answer | None) -> None:
        self._setting = True
        try:
            self.line.setText(_text_or_empty(value))
        finally:
            self._setting = False


class MultiLineInput(FieldInput):
    """Several lines of text; Tab moves on instead of typing a tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QPlainTextEdit(self)
        self.edit.setTabChangesFocus(True)
        self.edit.setMaximumHeight(self.edit.fontMetrics().lineSpacing() * 5 + 12)
        self.edit.textChanged.connect(self._on_text_changed)
        self._setting = False
        self._layout.addWidget(self.edit)
        self._set_parts(self.edit)

    def _on_text_changed(self) -> None:
        if not self._setting:
            self.edited.emit()

    def value(self) -> Answer | None:
        return self.edit.toPlainText() or None

    def set_value(self, value: Answer | None) -> None:
        self._setting = True
        try:
            self.edit.setPlainText(_text_or_empty(value))
        finally:
            self._setting = False


class ChoiceInput(FieldInput):
    """A dropdown; required ones start on a "Choose…" placeholder, optional ones offer an explicit "no answer"."""

    touched_on_edit = True

    def __init__(self, field: FormField, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self._optional = not field.is_required
        if self._optional:
            self.combo.addItem(self.tr("(no answer)"), None)
        else:
            self.combo.setPlaceholderText(self.tr("Choose…"))
        for opt in visible_options(field):
            self.combo.addItem(opt.label or opt.value, opt.value)
        self.combo.setCurrentIndex(0 if self._optional else -1)
        self.combo.activated.connect(self.edited)
        self._layout.addWidget(self.combo)
        self._set_parts(self.combo)

    def value(self) -> Answer | None:
        data = self.combo.currentData() if self.combo.currentIndex() >= 0 else None
        return str(data) if data is not None else None

    def set_value(self, value: Answer | None) -> None:
        text = as_text(value) if value is not None else None
        index = self.combo.findData(text) if text else -1
        if index < 0:
            index = 0 if self._optional else -1
        self.combo.setCurrentIndex(index)


class RadioInput(FieldInput):
    """One radio button per option; arrow keys move between them, Tab leaves the group."""

    touched_on_edit = True

    def __init__(self, field: FormField, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.buttons = self._option_buttons(field, lambda text: QRadioButton(text, self))
        for button in self.buttons:
            self.group.addButton(button)
        self._set_parts(*self.buttons)

    def value(self) -> Answer | None:
        checked = self.group.checkedButton()
        return str(checked.property("optionValue")) if checked else None

    def set_value(self, value: Answer | None) -> None:
        text = as_text(value) if value is not None else None
        # An exclusive group cannot be emptied; lift that for a moment to clear it.
        self.group.setExclusive(False)
        for button in self.buttons:
            button.setChecked(text is not None and button.property("optionValue") == text)
        self.group.setExclusive(True)


class MultiCheckInput(FieldInput):
    """One tick box per option (HubSpot's "checkbox" with options): any number may be ticked."""

    touched_on_edit = True

    def __init__(self, field: FormField, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes = self._option_buttons(field, lambda text: QCheckBox(text, self))
        self._set_parts(*self.boxes)

    def value(self) -> Answer | None:
        ticked = [str(b.property("optionValue")) for b in self.boxes if b.isChecked()]
        return ticked or None

    def set_value(self, value: Answer | None) -> None:
        wanted = set(as_list(value) or []) if value is not None else set()
        for box in self.boxes:
            box.setChecked(box.property("optionValue") in wanted)


class YesNoInput(FieldInput):
    """A single tick box labelled with the question itself; unticked means "not answered"."""

    touched_on_edit = True

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox(text, self)
        self._setting = False
        self.box.toggled.connect(self._on_toggled)  # the accessibility action Toggle emits no clicked
        self._layout.addWidget(self.box)
        self._set_parts(self.box)

    def value(self) -> Answer | None:
        return True if self.box.isChecked() else None

    def _on_toggled(self) -> None:
        if not self._setting:
            self.edited.emit()

    def set_value(self, value: Answer | None) -> None:
        self._setting = True
        try:
            self.box.setChecked(value is not None and as_bool(value) is True)
        finally:
            self._setting = False


class DateInput(FieldInput):
    """A date typed as YYYY-MM-DD or picked from a calendar pop-up; empty means "not answered"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.line.setValidator(QRegularExpressionValidator(_DATE_TYPING, self.line))
        self.line.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.line.setInputMethodHints(Qt.InputMethodHint.ImhDate)
        self._setting = False
        self.line.textChanged.connect(self._on_text_changed)  # as TextInput: AT-set text counts
        self.pick = QToolButton(self)
        self.pick.setText(self.tr("Calendar…"))
        self.pick.setProperty("ownAccessibleName", self.tr("choose from a calendar"))
        self.pick.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        menu = QMenu(self.pick)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        # popup(), not the tool button's own menu: that one runs a nested exec() loop under qasync.
        self.pick.clicked.connect(self.on_calendar_requested)
        self.calendar.activated.connect(self._on_date_picked)
        self.calendar.clicked.connect(self._on_date_picked)
        self._menu = menu
        self._layout.addWidget(self.line, 1)
        self._layout.addWidget(self.pick)
        self._set_parts(self.line, self.pick)

    def on_calendar_requested(self) -> None:
        current = QDate.fromString(self.line.text(), _ISO)
        self.calendar.setSelectedDate(current if current.isValid() else QDate.currentDate())
        self._menu.popup(self.pick.mapToGlobal(self.pick.rect().bottomLeft()))
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _on_text_changed(self) -> None:
        if not self._setting:
            self.edited.emit()

    def _on_date_picked(self, day: QDate) -> None:
        self._setting = True  # edited is emitted once below, even when the same date is picked again
        try:
            self.line.setText(day.toString(_ISO))
        finally:
            self._setting = False
        self._menu.close()
        self.line.setFocus()
        self.edited.emit()

    def value(self) -> Answer | None:
        return self.line.text() or None

    def set_value(self, value: Answer | None) -> None:
        self._setting = True
        try:
            self.line.setText(_text_or_empty(value))
        finally:
            self._setting = False


def input_for(field: FormField, parent: QWidget | None = None) -> FieldInput:
    """The widget that fits `field`'s HubSpot fieldType; unknown types get a line of text."""
    field_type = field.field_type.lower()
    if field_type == "textarea":
        return MultiLineInput(parent)
    if field_type == "number":
        hints = Qt.InputMethodHint.ImhFormattedNumbersOnly
        return TextInput(parent, typing=_NUMBER_TYPING, hints=hints)
    if field_type == "phonenumber":
        hints = Qt.InputMethodHint.ImhDialableCharactersOnly
        example = QCoreApplication.translate("FieldInputs", "+49 30 1234567", "an example phone number")
        return TextInput(parent, typing=_PHONE_TYPING, hints=hints, placeholder=example)
    if field_type == "date":
        return DateInput(parent)
    if field_type == "select":
        return ChoiceInput(field, parent)
    if field_type == "radio":
        return RadioInput(field, parent)
    if field_type == "checkbox" and field.options:
        return MultiCheckInput(field, parent)
    if field_type in ("checkbox", "booleancheckbox"):
        return YesNoInput(field.label or field.name, parent)
    return TextInput(parent)
