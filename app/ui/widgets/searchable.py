"""Make an editable QComboBox searchable, and make what is typed into it either apply or visibly go away.

A QComboBox applies an entry only when it is picked from a popup; Enter, Tab or a click elsewhere after typing
"Santiago" left the text in the field while the choice in effect stayed another one. `SearchableCombo` settles the
field whenever editing ends: the one entry the text means is applied (`chosen`), anything else is put back to the
entry in effect (`reverted`, for a visible cue), so the field never shows something that is not in effect.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit
from shiboken6 import isValid

#: rows of the combo's model for a query, best first
Ranker = Callable[[str], list[int]]
#: the one row a typed query means, -1 for none or several
Resolver = Callable[[str], int]


class _RankedRows(QSortFilterProxyModel):
    """The combo's rows that `ranker` returns for the current query, in its order."""

    def __init__(self, ranker: Ranker, parent: QObject) -> None:
        super().__init__(parent)
        self._ranker = ranker
        self._rank: dict[int, int] = {}
        self.setDynamicSortFilter(False)  # rows and order change only with the query

    def set_query(self, query: str) -> None:
        self._rank = {row: order for order, row in enumerate(self._ranker(query))}
        self.invalidate()
        self.sort(0)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        return source_row in self._rank

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        return self._rank.get(left.row(), 0) < self._rank.get(right.row(), 0)


class _RankedCompleter(QCompleter):
    """A popup of what `ranker` finds (cities, countries, abbreviations…), not only entries containing the text.

    QCompleter calls `splitPath` with the typed text before it filters: the proxy is re-filtered there and the
    completer is handed an empty prefix, which every remaining row matches.
    """

    def __init__(self, proxy: _RankedRows, parent: QObject) -> None:
        super().__init__(proxy, parent)
        self._proxy = proxy

    def splitPath(self, path: str) -> list[str]:
        self._proxy.set_query(path)
        return [""]


class SearchableCombo(QObject):
    """Typing filters the entries; ending the edit (Enter, Tab, focus leaving) applies or reverts the text."""

    chosen = Signal(int)  # a row applied because the typed text meant exactly it
    reverted = Signal(str)  # typed text that meant no single entry; the field shows the entry in effect again

    def __init__(
        self,
        combo: QComboBox,
        placeholder: str,
        *,
        ranker: Ranker | None = None,
        resolver: Resolver | None = None,
    ) -> None:
        super().__init__(combo)
        self.combo = combo
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        edit = combo.lineEdit()
        assert edit is not None  # editable combos always have one
        self.edit: QLineEdit = edit
        edit.setPlaceholderText(placeholder)
        if ranker is None:
            completer = QCompleter(combo.model(), combo)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
        else:
            proxy = _RankedRows(ranker, combo)
            proxy.setSourceModel(combo.model())
            completer = _RankedCompleter(proxy, combo)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        combo.setCompleter(completer)
        self._resolver = resolver or self._only_row_containing
        # Enter ends the edit through editingFinished; Tab or a click elsewhere while the completer's list is open
        # does not (QLineEdit holds that back for its popup), so leaving the field is watched as well.
        edit.editingFinished.connect(self.settle)
        edit.installEventFilter(self)
        combo.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Not for the combo's own popup, nor while the combo is torn down (its line edit goes first).
        if (
            isinstance(event, QFocusEvent)
            and event.type() == QEvent.Type.FocusOut
            and event.reason() != Qt.FocusReason.PopupFocusReason
            and isValid(self.edit)
            and isValid(self.combo)
        ):
            self.settle()
        return False

    def settle(self) -> None:
        """Apply the entry the text means, or show the one in effect again."""
        text = self.edit.text()
        current = self.combo.currentIndex()
        if current >= 0 and text == self.combo.itemText(current):
            return
        if self._popup_has_pick():
            return  # the completer applies the highlighted entry right after this
        self._hide_popup()
        row = self.combo.findText(text, Qt.MatchFlag.MatchFixedString) if text.strip() else -1
        if row < 0 and text.strip():
            row = self._resolver(text)
        if row >= 0:
            self.combo.setCurrentIndex(row)
            self.chosen.emit(row)
            return
        self.edit.setText(self.combo.itemText(current) if current >= 0 else "")
        if text.strip():
            self.reverted.emit(text.strip())

    def _hide_popup(self) -> None:
        completer = self.combo.completer()
        popup = completer.popup() if completer is not None else None
        if popup is not None and popup.isVisible():
            popup.hide()

    def _popup_has_pick(self) -> bool:
        completer = self.combo.completer()
        popup = completer.popup() if completer is not None else None
        if popup is None or not popup.isVisible():
            return False
        selection = popup.selectionModel()
        return selection is not None and selection.isSelected(popup.currentIndex())

    def _only_row_containing(self, text: str) -> int:
        key = text.strip().casefold()
        rows = [row for row in range(self.combo.count()) if key in self.combo.itemText(row).casefold()]
        return rows[0] if len(rows) == 1 else -1
