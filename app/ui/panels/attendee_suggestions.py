"""Suggestions while typing an attendee: people from this profile's history at once, HubSpot contacts shortly after.

Typing in first name, last name, email or company shows a popup under that field. History matches come straight
away (a local index); the CRM search starts once typing pauses (DEBOUNCE_MS) and is cancelled when typing goes on,
so a fast typist sends one request, not one per key. Picking a row (Up/Down and Return, or a click) fills the
name, email and company; nothing goes anywhere until *Book*. The form only creates this when suggestions are
allowed: never in the kiosk.

The list is a small window that neither takes the focus nor grabs the mouse (not QCompleter's Qt.Popup): typing
goes on in the field, Tab moves on as always, and a click elsewhere (a tick box, *Book*) does what it says instead
of only closing the list. Escape or leaving the field closes it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QListWidget, QListWidgetItem, QWidget

from app.attendees.suggestions import MIN_QUERY, CrmAnswer, Suggestion, merge

DEBOUNCE_MS = 300
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1


class SuggestionSource(Protocol):
    def from_history(self, text: str) -> list[Suggestion]: ...

    async def from_crm(self, text: str) -> CrmAnswer: ...


class AttendeeSuggester(QObject):
    """Watches the form's text fields (`lines()` is asked again whenever the form's questions change)."""

    picked = Signal(object)  # Suggestion
    #: Said once, quietly (a status-bar line): why HubSpot contacts are not among the suggestions.
    note = Signal(str)
    #: Typing paused and a CRM search went out.
    searching = Signal()
    #: A CRM search finished and its rows are shown (tests wait for it; nothing else needs it).
    crm_shown = Signal()

    def __init__(self, lines: Callable[[], dict[str, QLineEdit]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines = lines
        self._watched: dict[QLineEdit, str] = {}
        self._source: SuggestionSource | None = None
        self._field: QLineEdit | None = None
        # A window of its own (it must overlap what is below the field), owned by the form so it goes with it.
        self.popup = QListWidget(parent if isinstance(parent, QWidget) else None)
        self.popup.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.popup.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.popup.setAccessibleName(self.tr("People you already know"))
        self.popup.itemClicked.connect(self._pick_item)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._start_crm_search)
        self._text = ""
        self._history: list[Suggestion] = []
        self._task: asyncio.Task[None] | None = None
        self.requests = 0  # CRM searches started (a debounce that works sends few)

    def set_source(self, source: SuggestionSource | None) -> None:
        self.cancel()
        self._source = source
        self.watch()

    def watch(self) -> None:
        """Connect to the form's current text fields (a link with a company question adds one)."""
        for line, key in self._lines_now().items():
            if line not in self._watched:
                self._watched[line] = key
                line.textEdited.connect(lambda text, edit=line: self._on_edited(edit, text))
                line.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down/Return/Escape in the field steer the open list; leaving the field closes it."""
        if watched is not self._field or not self.popup.isVisible():
            return False
        if event.type() == QEvent.Type.FocusOut:
            self.popup.hide()
            return False
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        row, count = self.popup.currentRow(), self.popup.count()
        if key == Qt.Key.Key_Down:
            self.popup.setCurrentRow(min(count - 1, row + 1))
            return True
        if key == Qt.Key.Key_Up:
            self.popup.setCurrentRow(max(0, row - 1))
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and row >= 0:
            self._pick_item(self.popup.item(row))
            return True
        if key == Qt.Key.Key_Escape:
            self.popup.hide()
            return True
        return False

    def rows(self) -> list[Suggestion]:
        """What the list offers now, top first."""
        return [self.popup.item(i).data(PERSON_ROLE) for i in range(self.popup.count())]

    def is_showing(self) -> bool:
        return self.popup.isVisible()

    def cancel(self) -> None:
        """Stop waiting for typing to pause and drop a CRM search in flight."""
        self._timer.stop()
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None

    def _lines_now(self) -> dict[QLineEdit, str]:
        return {line: key for key, line in self._lines().items()}

    def _on_edited(self, line: QLineEdit, text: str) -> None:
        self.cancel()
        if self._source is None or line not in self._lines_now():
            return
        self._text = text.strip()
        self._field = line
        if len(self._text) < MIN_QUERY:
            self._show([])
            return
        self._history = self._source.from_history(self._text)
        self._show(self._history)
        self._timer.start()

    def _start_crm_search(self) -> None:
        if self._source is None:
            return
        self.requests += 1
        self._task = asyncio.ensure_future(self._crm_search(self._source, self._text))
        self.searching.emit()

    async def _crm_search(self, source: SuggestionSource, text: str) -> None:
        answer = await source.from_crm(text)
        if text != self._text:
            return  # typing went on meanwhile
        if answer.note:
            self.note.emit(
                self.tr(
                    "Suggestions come from this computer's history only: the HubSpot sign-in lacks the permission "
                    "to read CRM contacts (crm.objects.contacts.read)."
                )
            )
        self._show(merge(self._history, answer.suggestions))
        self.crm_shown.emit()

    def _show(self, people: list[Suggestion]) -> None:
        self.popup.clear()
        for person in people:
            item = QListWidgetItem(person.label())
            item.setData(PERSON_ROLE, person)
            where = self.tr("from your bookings") if person.source == "history" else self.tr("from HubSpot contacts")
            item.setToolTip(where)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{person.label()}, {where}")
            self.popup.addItem(item)
        field = self._field
        if not people or field is None or not field.hasFocus():
            self.popup.hide()
            return
        rows = min(len(people), 8)
        height = self.popup.sizeHintForRow(0) * rows + 2 * self.popup.frameWidth()
        self.popup.setGeometry(field.mapToGlobal(QPoint(0, field.height())).x(),
                               field.mapToGlobal(QPoint(0, field.height())).y(), field.width(), height)  # fmt: skip
        self.popup.setCurrentRow(-1)
        self.popup.show()

    def _pick_item(self, item: QListWidgetItem | None) -> None:
        person = item.data(PERSON_ROLE) if item is not None else None
        if isinstance(person, Suggestion):
            self.cancel()
            self.popup.hide()
            self.picked.emit(person)

    def close(self) -> None:
        self.cancel()
        with contextlib.suppress(RuntimeError):  # the list may already be gone at shutdown
            self.popup.hide()
