"""Time-zone picker searchable by city, country, abbreviation or zone id, each entry with its current UTC offset.

What is typed applies when it means one zone (Enter, Tab, leaving the field); otherwise the field goes back to the
zone in effect, with a tooltip saying so: the field never names a zone the times are not shown in.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QLocale, Qt, QTimeZone, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QToolTip, QWidget

from app.booking.zone_search import ZoneIndex
from app.ui.runtime.formatting import city_of, utc_offset_label
from app.ui.widgets.searchable import SearchableCombo

ZONE_ROLE = Qt.ItemDataRole.UserRole + 1


def zone_label(zone_id: str) -> str:
    """`Berlin — Europe/Berlin (UTC+01:00)`."""
    return f"{city_of(zone_id)} — {zone_id} ({utc_offset_label(zone_id)})"


class TimeZonePicker(QComboBox):
    """Emits `zone_chosen(iana_id)`. Starts with the given zone only; every zone is added when the user first
    reaches for the picker (focus by keyboard, mouse or wheel; the popup), as filling it costs ~15 ms."""

    zone_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Time zone"))
        self.setAccessibleDescription(self.tr("Open times are shown in this zone. Type a city to search."))
        self._populated = False
        self._index: ZoneIndex | None = None
        self._rows: dict[str, int] = {}
        self.search = SearchableCombo(
            self, self.tr("Search by city, country or abbreviation…"), ranker=self._rank, resolver=self._resolve
        )
        self.search.chosen.connect(self._on_activated)
        self.search.reverted.connect(self._on_reverted)
        self.activated.connect(self._on_activated)

    def set_zone(self, zone_id: str) -> None:
        index = self.findData(zone_id, ZONE_ROLE)
        if index < 0:
            self.addItem(zone_label(zone_id), zone_id)
            self.setItemData(self.count() - 1, zone_id, ZONE_ROLE)
            index = self.count() - 1
        self.blockSignals(True)
        self.setCurrentIndex(index)
        self.blockSignals(False)

    def current_zone(self) -> str:
        zone = self.currentData(ZONE_ROLE)
        return str(zone) if zone else "UTC"

    def populate(self) -> None:
        """Every IANA zone Qt knows, sorted by city; idempotent."""
        if self._populated:
            return
        self._populated = True
        current = self.current_zone()
        ids: list[QByteArray] = QTimeZone.availableTimeZoneIds()
        names = sorted(
            {bytes(i.data()).decode() for i in ids if b"/" in bytes(i.data())} - {current},
            key=lambda z: city_of(z).casefold(),
        )
        self.blockSignals(True)
        for name in names:
            self.addItem(zone_label(name))
            self.setItemData(self.count() - 1, name, ZONE_ROLE)
        self.blockSignals(False)

    def _zone_index(self) -> ZoneIndex:
        """Built on first search, in the UI language (QLocale's default is set from it at start)."""
        if self._index is None or len(self._rows) != self.count():
            self._rows = {str(self.itemData(row, ZONE_ROLE)): row for row in range(self.count())}
            self._index = ZoneIndex(self._rows, language=QLocale().name().split("_")[0])
        return self._index

    def _rank(self, query: str) -> list[int]:
        # Also called while items are being added (the shown text changes): never add items from here, and
        # before the user has reached for the picker there is nothing to search.
        if not self._populated:
            return list(range(self.count()))
        index = self._zone_index()
        return [self._rows[zone] for zone in index.search(query) if zone in self._rows]

    def _resolve(self, query: str) -> int:
        self.populate()
        zone = self._zone_index().unique_match(query)
        return self._rows.get(zone, -1) if zone else -1

    def _on_reverted(self, typed: str) -> None:
        """Say why the field changed back; the tooltip sits on the field, where the eyes are."""
        message = self.tr("No single zone matches “%1”; times stay in %2.").replace("%1", typed)
        QToolTip.showText(self.mapToGlobal(self.rect().bottomLeft()), message.replace("%2", self.current_zone()), self)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.populate()  # before the first arrow key, typed city or completion
        super().focusInEvent(event)

    def showPopup(self) -> None:
        self.populate()
        super().showPopup()

    def _on_activated(self, index: int) -> None:
        zone = self.itemData(index, ZONE_ROLE)
        if zone:
            self.zone_chosen.emit(str(zone))
