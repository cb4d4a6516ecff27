"""The chosen day's open times as large focusable buttons, with the duration choice and the 12/24-hour toggle."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.booking.slots import LocalSlot
from app.ui.runtime.formatting import city_of, format_day_long, format_duration, format_time, spoken_datetime
from app.ui.widgets.choice_button import ChoiceButton

COLUMNS = 3


class OpenTimesView(QWidget):
    """Emits `time_chosen(start_ms)`, `duration_chosen(ms)` and `clock_toggled(use_24h)`; shows what it is given."""

    time_chosen = Signal(object)  # epoch ms: too large for a C++ int
    duration_chosen = Signal(object)
    rendered = Signal()  # buttons were rebuilt (the window puts them into the tab order)
    clock_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._slots: list[LocalSlot] = []
        self._use_24h = True
        self._chosen_ms = 0
        self._day: date | None = None
        self._second_zone = ""  # the rep's own zone; each time is shown there too when it differs

        self._title = QLabel(self.tr("Pick a day to see its open times."))
        self._title.setObjectName("sectionTitle")
        self._title.setWordWrap(True)

        self._durations_box = QWidget()
        self._durations_layout = QHBoxLayout(self._durations_box)
        self._durations_layout.setContentsMargins(0, 0, 0, 0)
        self._durations_label = QLabel(self.tr("Length:"))
        self._durations_layout.addWidget(self._durations_label)
        self._duration_group = QButtonGroup(self)
        self._duration_group.setExclusive(True)
        self._durations_layout.addStretch(1)
        self._durations_box.hide()

        self._clock = QCheckBox(self.tr("24-hour clock"))
        self._clock.setAccessibleName(self.tr("Show times with the 24-hour clock"))
        self._clock.toggled.connect(self._on_clock)

        self._buttons = QWidget()
        self._grid = QGridLayout(self._buttons)
        self._grid.setSpacing(6)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._buttons)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self._empty = QLabel()
        self._empty.setObjectName("hint")
        self._empty.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._title)
        layout.addWidget(self._durations_box)
        layout.addWidget(self._clock)
        layout.addWidget(self._empty)
        layout.addWidget(scroll, 1)

    # --- public -----------------------------------------------------------------------------------------

    def set_second_zone(self, zone_id: str) -> None:
        """Show each time in `zone_id` as well (the rep's zone) whenever the times are in another one."""
        self._second_zone = zone_id
        self._render()

    def _in_second_zone(self, moment: datetime) -> datetime | None:
        if not self._second_zone or getattr(moment.tzinfo, "key", "") == self._second_zone:
            return None
        try:
            return moment.astimezone(ZoneInfo(self._second_zone))
        except (ZoneInfoNotFoundError, ValueError):
            return None

    @property
    def use_24h(self) -> bool:
        return self._use_24h

    def set_use_24h(self, use_24h: bool) -> None:
        self._use_24h = use_24h
        self._clock.blockSignals(True)
        self._clock.setChecked(use_24h)
        self._clock.blockSignals(False)
        self._render()

    def set_durations(self, durations_ms: list[int], chosen_ms: int) -> None:
        """One checkable button per offered length; hidden when the link offers only one."""
        for button in self._duration_group.buttons():
            self._duration_group.removeButton(button)
            button.deleteLater()
        for duration in sorted(durations_ms):
            button = ChoiceButton(format_duration(duration))
            button.set_selected(duration == chosen_ms)
            button.setProperty("role", "duration")
            button.setAccessibleName(self.tr("Meeting length %1").replace("%1", format_duration(duration)))
            button.chosen.connect(lambda d=duration: self.duration_chosen.emit(d))
            self._duration_group.addButton(button)
            self._durations_layout.insertWidget(self._durations_layout.count() - 1, button)
            button.show()
        self._durations_box.setVisible(len(durations_ms) > 1)
        self.rendered.emit()

    def show_day(self, day: date | None, slots: list[LocalSlot], chosen_ms: int = 0) -> None:
        self._day = day
        self._slots = list(slots)
        self._chosen_ms = chosen_ms
        self._render()

    def select(self, start_ms: int) -> None:
        self._chosen_ms = start_ms
        # An exclusive group refuses to uncheck its checked button: without lifting that, "no time" (0, after
        # saving to the outbox) left the old time highlighted beside "No time chosen yet".
        self._group.setExclusive(False)
        for button in self._group.buttons():
            if isinstance(button, ChoiceButton):
                button.set_selected(button.property("start_ms") == start_ms)
        self._group.setExclusive(True)

    def focus_chain(self) -> list[QWidget]:
        """Length buttons, the clock toggle, then the times: the order Tab should visit them in."""
        durations = [b for b in self._duration_group.buttons() if b.isVisibleTo(self)]
        return [*durations, self._clock, *self.time_buttons()]

    def time_buttons(self) -> list[QPushButton]:
        return [b for b in self._group.buttons() if isinstance(b, QPushButton)]

    # --- internals --------------------------------------------------------------------------------------

    def _on_clock(self, checked: bool) -> None:
        self._use_24h = checked
        self._render()
        self.clock_toggled.emit(checked)

    def _render(self) -> None:
        for button in self._group.buttons():
            self._group.removeButton(button)
            self._grid.removeWidget(button)
            button.deleteLater()
        if self._day is None:
            self._title.setText(self.tr("Pick a day to see its open times."))
            self._empty.setText("")
            return
        self._title.setText(format_day_long(self._day))
        self._empty.setText("" if self._slots else self.tr("No open times left on this day."))
        for index, slot in enumerate(self._slots):
            text = format_time(slot.start, self._use_24h)
            other = self._in_second_zone(slot.start)
            if other is not None:
                there = f"{format_time(other, self._use_24h)} {city_of(self._second_zone)}"
                text += f"\n{there}"
            button = ChoiceButton(text)
            button.setProperty("role", "time")
            button.setProperty("start_ms", slot.start_ms)
            button.set_selected(slot.start_ms == self._chosen_ms)
            button.setAccessibleName(spoken_datetime(slot.start, self._use_24h))
            if other is not None:
                button.setAccessibleDescription(
                    self.tr("%1 in %2")
                    .replace("%1", spoken_datetime(other, self._use_24h))
                    .replace("%2", city_of(self._second_zone))
                )
            button.setMinimumHeight(40)
            button.chosen.connect(lambda ms=slot.start_ms: self.time_chosen.emit(ms))
            self._group.addButton(button)
            self._grid.addWidget(button, index // COLUMNS, index % COLUMNS)
            button.show()  # a layout shows new children only on the next event-loop turn
        self.rendered.emit()
