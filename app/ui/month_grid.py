"""Month calendar of real buttons: open days enabled and marked, closed days disabled, full dates announced.

Hand-written rather than a QCalendarWidget: that one cannot disable single days and reads days as bare numbers.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.formatting import format_day_long, format_month

_MOVES = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Up: -7,
    Qt.Key.Key_Down: 7,
}


class DayButton(QPushButton):
    """One day cell; arrow keys move to the nearest open day in that direction."""

    def __init__(self, grid: MonthGrid) -> None:
        super().__init__()
        self._grid = grid
        self.day: date | None = None
        self.setCheckable(True)
        self.setProperty("role", "day")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.isEnabled():
            self.click()  # buttons outside dialogs ignore Enter by default; a day is picked like a link
            event.accept()
            return
        step = _MOVES.get(Qt.Key(event.key()))
        if step is not None and self.day is not None and self._grid.focus_open_day(self.day, step):
            event.accept()
            return
        super().keyPressEvent(event)


class MonthGrid(QWidget):
    """Shows one month; emits `day_chosen` for open days and `month_requested` for navigation."""

    day_chosen = Signal(object)  # datetime.date
    month_requested = Signal(int, int)  # year, month

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._year, self._month = date.today().year, date.today().month
        self._open: set[date] = set()
        self._selected: date | None = None
        self._loading = False

        self._prev = QPushButton("‹")
        self._prev.setAccessibleName(self.tr("Previous month"))
        self._prev.setToolTip(self._prev.accessibleName())
        self._next = QPushButton("›")
        self._next.setAccessibleName(self.tr("Next month"))
        self._next.setToolTip(self._next.accessibleName())
        self._title = QLabel()
        self._title.setObjectName("monthTitle")
        self._title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._note = QLabel()
        self._note.setObjectName("hint")
        self._note.setWordWrap(True)
        self._prev.clicked.connect(lambda: self._step_month(-1))
        self._next.clicked.connect(lambda: self._step_month(1))

        header = QHBoxLayout()
        header.addWidget(self._prev)
        header.addWidget(self._title, 1)
        header.addWidget(self._next)

        self._cells: list[DayButton] = []
        grid = QGridLayout()
        grid.setSpacing(2)
        locale = QLocale()
        first = locale.firstDayOfWeek().value  # 1 = Monday … 7 = Sunday
        self._first_weekday = (first - 1) % 7  # Python's: 0 = Monday
        for col in range(7):
            weekday = (self._first_weekday + col) % 7
            label = QLabel(locale.dayName(weekday + 1, QLocale.FormatType.ShortFormat))
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setObjectName("weekday")
            grid.addWidget(label, 0, col)
        for index in range(42):
            cell = DayButton(self)
            cell.clicked.connect(lambda _=False, c=cell: self._on_cell(c))
            grid.addWidget(cell, 1 + index // 7, index % 7)
            self._cells.append(cell)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addLayout(grid)
        layout.addWidget(self._note)
        self.setAccessibleName(self.tr("Calendar"))
        self._render()

    # --- public -----------------------------------------------------------------------------------------

    @property
    def shown_month(self) -> tuple[int, int]:
        return self._year, self._month

    def show_month(self, year: int, month: int, open_days: set[date], *, loading: bool = False) -> None:
        """Show (year, month) with `open_days` enabled; `loading` disables every day until the data arrives."""
        self._year, self._month = year, month
        self._open = set(open_days)
        self._loading = loading
        self._render()

    def select(self, day: date | None) -> None:
        self._selected = day
        for cell in self._cells:
            cell.setChecked(cell.day is not None and cell.day == day)

    def open_days(self) -> set[date]:
        return set(self._open)

    def last_focusable(self) -> QPushButton:
        """The last widget Tab visits in the calendar: the last open day, or "Next month" when none is open."""
        open_cells = [c for c in self._cells if c.isEnabled()]
        return open_cells[-1] if open_cells else self._next

    def cell_for(self, day: date) -> DayButton | None:
        return next((c for c in self._cells if c.day == day), None)

    def focus_open_day(self, start: date, step: int) -> bool:
        """Move focus to the next open day from `start` in steps of `step` days; False when there is none."""
        day = start + timedelta(days=step)
        for _ in range(62):
            cell = self.cell_for(day)
            if cell is None:
                return False
            if cell.isEnabled():
                cell.setFocus(Qt.FocusReason.TabFocusReason)
                return True
            day += timedelta(days=step)
        return False

    # --- internals --------------------------------------------------------------------------------------

    def _step_month(self, delta: int) -> None:
        index = self._year * 12 + self._month - 1 + delta
        self.month_requested.emit(index // 12, index % 12 + 1)

    def _on_cell(self, cell: DayButton) -> None:
        if cell.day is not None:
            self.select(cell.day)
            self.day_chosen.emit(cell.day)

    def _render(self) -> None:
        self._title.setText(format_month(self._year, self._month))
        self._title.setAccessibleName(self._title.text())
        first = date(self._year, self._month, 1)
        lead = (first.weekday() - self._first_weekday) % 7
        days_in_month = calendar.monthrange(self._year, self._month)[1]
        today = date.today()
        for index, cell in enumerate(self._cells):
            number = index - lead + 1
            if not 1 <= number <= days_in_month:
                cell.day = None
                cell.setText("")
                cell.setEnabled(False)
                cell.setChecked(False)
                cell.setProperty("state", "outside")
                cell.setAccessibleName("")
                cell.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                continue
            day = date(self._year, self._month, number)
            is_open = day in self._open and not self._loading
            cell.day = day
            cell.setText(str(number))
            cell.setEnabled(is_open)
            cell.setChecked(day == self._selected)
            cell.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            cell.setProperty("state", "open" if is_open else "closed")
            cell.setProperty("today", day == today)
            spoken = format_day_long(day)
            if day == today:
                spoken = self.tr("%1, today").replace("%1", spoken)
            cell.setAccessibleName(spoken)
            cell.setAccessibleDescription(self.tr("open times available") if is_open else self.tr("no open times"))
            cell.setToolTip(cell.accessibleDescription())
            # Re-polish so the style sheet's [state=…] selectors see the new property.
            cell.style().unpolish(cell)
            cell.style().polish(cell)
        if self._loading:
            self._note.setText(self.tr("Loading open times…"))
        elif not self._open:
            self._note.setText(self.tr("No open times this month."))
        else:
            self._note.setText("")
