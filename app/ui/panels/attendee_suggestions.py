"""Suggestions while typing an attendee: people from this profile's history at once, HubSpot contacts shortly after.

Typing in first name, last name, email or company shows a popup under that field. History matches come straight
away (a local index); the CRM search starts once typing pauses (DEBOUNCE_MS) and is cancelled when typing goes on,
so a fast typist sends one request, not one per key. Picking a row (Up/Down and Return, or a click) fills the
name, email and company; nothing goes anywhere until *Book*. The form only creates this when suggestions are
allowed: never in the kiosk.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

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
        self._model = QStandardItemModel(self)
        self.completer = QCompleter(self._model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(8)
        # The index overload: the row's data says who it is (the text alone may be ambiguous).
        self.completer.activated[QModelIndex].connect(self._on_activated)  # type: ignore[index]
        popup = self.completer.popup()
        if popup is not None:
            popup.setAccessibleName(self.tr("People you already know"))
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

    def rows(self) -> list[Suggestion]:
        """What the popup offers now, top first."""
        return [self._model.item(i).data(PERSON_ROLE) for i in range(self._model.rowCount())]

    def is_showing(self) -> bool:
        popup = self.completer.popup()
        return popup is not None and popup.isVisible()

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
        self.completer.setWidget(line)
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
        self._model.clear()
        for person in people:
            item = QStandardItem(person.label())
            item.setData(person, PERSON_ROLE)
            where = self.tr("from your bookings") if person.source == "history" else self.tr("from HubSpot contacts")
            item.setToolTip(where)
            item.setData(f"{person.label()}, {where}", Qt.ItemDataRole.AccessibleTextRole)
            self._model.appendRow(item)
        popup = self.completer.popup()
        if not people:
            if popup is not None:
                popup.hide()
            return
        self.completer.setCompletionPrefix("")
        self.completer.complete()

    def _on_activated(self, index: QModelIndex) -> None:
        person = index.data(PERSON_ROLE)
        if isinstance(person, Suggestion):
            self.cancel()
            self.picked.emit(person)

    def close(self) -> None:
        self.cancel()
        with contextlib.suppress(RuntimeError):
            popup = self.completer.popup()
            if popup is not None:
                popup.hide()
