"""Month calendar of real buttons: open days enabled and marked, closed days disabled, full dates announced.

Hand-written rather than a QCalendarWidget: that one cannot disable single days and reads days as bare numbers.
One Tab stop for the whole month (a roving tab stop, as in the WAI-ARIA grid pattern and QCalendarWidget): only
the current day takes Tab; arrows move between open days, Home/End to the week's first/last open day,
Ctrl+Home/End to the month's, PageUp/PageDown to the previous/next month. Cells outside the month are hidden (their
space kept), so they are neither drawn as days nor exposed to assistive technology as unnamed controls.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.runtime.formatting import format_day_long, format_month
from app.ui.widgets.choice_button import ChoiceButton

_MOVES = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_Up: -7,
    Qt.Key.Key_Down: 7,
}


class DayButton(ChoiceButton):
    """One day cell; arrows, Home/End and PageUp/PageDown move within the calendar (see the module notes)."""

    def __init__(self, grid: MonthGrid) -> None:
        super().__init__()
        self._grid = grid
        self.day: date | None = None
        self.setProperty("role", "day")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.day is not None and self._grid.navigate(self.day, event):
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.day is not None:
            self._grid.set_anchor(self.day)  # Shift+Tab back into the month returns to this day


class MonthGrid(QWidget):
    """Shows one month; emits `day_chosen` for open days and `month_requested` for navigation."""

    day_chosen = Signal(object)  # datetime.date
    month_requested = Signal(int, int)  # year, month

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._year, self._month = date.today().year, date.today().month
        self._open: set[date] = set()
        self._selected: date | None = None
        self._anchor: date | None = None  # the day that takes Tab
        self._refocus = False  # PageUp/PageDown: focus the new month's day once it is shown
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
            cell.chosen.connect(lambda c=cell: self._on_cell(c))
            policy = cell.sizePolicy()
            policy.setRetainSizeWhenHidden(True)  # a hidden padding cell keeps the grid's shape
            cell.setSizePolicy(policy)
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
            cell.set_selected(cell.day is not None and cell.day == day)
        if day is not None and day in self._open:
            self.set_anchor(day)

    def open_days(self) -> set[date]:
        return set(self._open)

    def last_focusable(self) -> QPushButton:
        """The widget the calendar's part of the Tab chain ends with: the last cell (only the anchor takes Tab)."""
        return self._cells[-1]

    def tab_stop(self) -> QPushButton:
        """The one day Tab stops at (or "Next month" when no day of this month is open)."""
        cell = self.cell_for(self._anchor) if self._anchor is not None else None
        return cell if cell is not None and cell.isEnabled() else self._next

    def set_anchor(self, day: date) -> None:
        """Make `day` the calendar's Tab stop (a roving tab stop: every other day takes focus by click only)."""
        self._anchor = day
        for cell in self._cells:
            tab = cell.day == day and cell.isEnabled()
            cell.setFocusPolicy(Qt.FocusPolicy.StrongFocus if tab else Qt.FocusPolicy.ClickFocus)

    def navigate(self, start: date, event: QKeyEvent) -> bool:
        """Handle a navigation key pressed on `start`'s cell; False when the key is not one of ours."""
        key = Qt.Key(event.key())
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key in _MOVES:
            return self.focus_open_day(start, _MOVES[key])
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            if control:
                first = start.replace(day=1)
                last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
            else:
                offset = (start.weekday() - self._first_weekday) % 7
                first = start - timedelta(days=offset)
                last = first + timedelta(days=6)
            days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
            open_days = [d for d in days if (c := self.cell_for(d)) is not None and c.isEnabled()]
            if open_days:
                self._focus_day(open_days[0] if key == Qt.Key.Key_Home else open_days[-1])
            return True
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            # The new month arrives later (loading); focus waits on the grid and comes back to a day then.
            self._refocus = True
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            self._step_month(-1 if key == Qt.Key.Key_PageUp else 1)
            return True
        return False

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
                self._focus_day(day)
                return True
            day += timedelta(days=step)
        return False

    # --- internals --------------------------------------------------------------------------------------

    def _focus_day(self, day: date) -> None:
        self.set_anchor(day)
        cell = self.cell_for(day)
        if cell is not None:
            cell.setFocus(Qt.FocusReason.TabFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """While a new month loads, focus rests on the grid itself; arrows and pages still work from there."""
        key = Qt.Key(event.key())
        if key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self._refocus = True
            self._step_month(-1 if key == Qt.Key.Key_PageUp else 1)
            event.accept()
            return
        super().keyPressEvent(event)

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
                cell.set_selected(False)
                cell.setProperty("state", "outside")
                cell.setAccessibleName("")
                cell.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
                cell.hide()
                continue
            day = date(self._year, self._month, number)
            is_open = day in self._open and not self._loading
            cell.day = day
            cell.setText(str(number))
            cell.setEnabled(is_open)
            cell.set_selected(day == self._selected)
            cell.show()
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
        self._place_anchor()
        if self._loading:
            self._note.setText(self.tr("Loading open times…"))
        elif not self._open:
            self._note.setText(self.tr("No open times this month."))
        else:
            self._note.setText("")

    def _place_anchor(self) -> None:
        """Keep the Tab stop on an open day of the shown month: the chosen one, the last focused, else the first."""
        open_days = sorted(d for d in self._open if (d.year, d.month) == (self._year, self._month))
        if self._loading:
            open_days = []
        keep = [d for d in (self._selected, self._anchor) if d in open_days]
        anchor = keep[0] if keep else (open_days[0] if open_days else None)
        if anchor is None:
            for cell in self._cells:
                cell.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            self._refocus = self._refocus and self._loading  # a month with no open day ends the wait
            return
        self.set_anchor(anchor)
        if self._refocus:
            self._refocus = False
            self._focus_day(anchor)
