"""Meeting-link picker: searchable by name, each entry showing its type; the organiser under it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QLabel, QToolTip, QVBoxLayout, QWidget

from app.hubspot.models import MeetingLink
from app.ui.runtime.formatting import link_type_label
from app.ui.widgets.link_paste import link_for_pasted_text
from app.ui.widgets.searchable import SearchableCombo

SLUG_ROLE = Qt.ItemDataRole.UserRole + 1


class LinkPicker(QWidget):
    """Emits `link_chosen(slug)` when the user picks another link."""

    link_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._label = QLabel(self.tr("&Meeting link"))
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Meeting link"))
        self.combo.setAccessibleDescription(self.tr("Type to search the meeting links by name"))
        # A typed name applies when it names one link (Enter, Tab, leaving); otherwise the link in effect returns.
        self.search = SearchableCombo(self.combo, self.tr("Search meeting links…"))
        self.search.chosen.connect(self._on_activated)
        self.search.reverted.connect(self._on_reverted)
        self._label.setBuddy(self.combo)
        self.details = QLabel()
        self.details.setObjectName("hint")
        self.details.setWordWrap(True)
        self.combo.activated.connect(self._on_activated)
        # A pasted meetings URL selects its link (app/ui/widgets/link_paste.py); a URL naming none says why here.
        self._links: list[MeetingLink] = []
        self.paste_problem = QLabel()
        self.paste_problem.setObjectName("fieldProblem")
        self.paste_problem.setWordWrap(True)
        self.paste_problem.hide()
        edit = self.combo.lineEdit()
        assert edit is not None  # searchable combos are editable
        edit.textEdited.connect(self._on_text_edited)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._label)
        layout.addWidget(self.combo)
        layout.addWidget(self.paste_problem)
        layout.addWidget(self.details)

    def set_links(self, links: list[MeetingLink], selected: str | None) -> None:
        self._links = list(links)
        self.combo.blockSignals(True)
        self.combo.clear()
        for link in links:
            self.combo.addItem(f"{link.name or link.slug} · {link_type_label(link.type)}")
            self.combo.setItemData(self.combo.count() - 1, link.slug, SLUG_ROLE)
        self.select(selected)
        self.combo.blockSignals(False)

    def select(self, slug: str | None) -> None:
        index = self.combo.findData(slug, SLUG_ROLE) if slug else -1
        self.combo.setCurrentIndex(index)

    def current_slug(self) -> str | None:
        slug = self.combo.currentData(SLUG_ROLE)
        return str(slug) if slug else None

    def set_details(self, link_type: str, organiser: str) -> None:
        """`Personal · organiser Alex Morgan` under the picker."""
        parts = [link_type_label(link_type)]
        if organiser:
            parts.append(self.tr("organiser %1").replace("%1", organiser))
        self.details.setText(" · ".join(parts))

    def _on_reverted(self, typed: str) -> None:
        message = self.tr("No single meeting link matches “%1”; still %2.").replace("%1", typed)
        QToolTip.showText(
            self.combo.mapToGlobal(self.combo.rect().bottomLeft()),
            message.replace("%2", self.combo.currentText()),
            self.combo,
        )

    def _on_activated(self, index: int) -> None:
        slug = self.combo.itemData(index, SLUG_ROLE)
        if slug:
            self.link_chosen.emit(str(slug))

    def _on_text_edited(self, text: str) -> None:
        pasted = link_for_pasted_text(text, self._links)
        self.paste_problem.setText(pasted.problem if pasted else "")
        self.paste_problem.setVisible(bool(pasted and pasted.problem))
        if pasted is None or pasted.slug is None:
            return
        self.select(pasted.slug)
        completer = self.combo.completer()
        popup = completer.popup() if completer is not None else None
        if popup is not None:
            popup.hide()  # the URL filtered the list to nothing; the link is chosen
        self.link_chosen.emit(pasted.slug)
