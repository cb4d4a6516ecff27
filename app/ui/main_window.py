"""The booking window's layout: link, zone and month on the left, open times in the middle, the form on the right.

It is shown (and painted) before any service exists; `attach()` wires it to the controller once they do.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_DISPLAY_NAME
from app.hubspot.models import BookingInfo
from app.ui.booking_controller import BookingController, DayChoice
from app.ui.formatting import spoken_datetime
from app.ui.link_picker import LinkPicker
from app.ui.month_grid import MonthGrid
from app.ui.open_times import OpenTimesView
from app.ui.status_bar import BookingStatusBar
from app.ui.timezone_picker import TimeZonePicker


def panel_slot(title: str, module: str) -> QLabel:
    """A clearly labelled place for a panel that is not built yet (no stand-in behaviour)."""
    label = QLabel(f"{title}\n({module})")
    label.setObjectName("panelSlot")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setMinimumHeight(80)
    label.setAccessibleName(title)
    return label


class MainWindow(QMainWindow):
    def __init__(self, on_close: Callable[[], None], icon: QIcon | None = None) -> None:
        super().__init__()
        self._on_close = on_close
        self.controller: BookingController | None = None
        self.setWindowTitle(APP_DISPLAY_NAME)
        if icon is not None:
            self.setWindowIcon(icon)
        self.resize(1120, 720)

        self.link_picker = LinkPicker()
        self.zone_label = QLabel(self.tr("&Time zone"))
        self.zone_picker = TimeZonePicker()
        self.zone_label.setBuddy(self.zone_picker)
        self.month_grid = MonthGrid()
        self.open_times = OpenTimesView()
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.hide()

        self.form_slot = panel_slot(self.tr("Attendee form"), "app/ui/panels")
        self.consent_slot = panel_slot(self.tr("Consent"), "app/ui/panels")
        self.book_button = QPushButton(self.tr("&Book"))
        self.book_button.setObjectName("bookButton")
        self.book_button.setEnabled(False)
        self.book_button.setAccessibleName(self.tr("Book the meeting"))
        self.chosen = QLabel(self.tr("No time chosen yet."))
        self.chosen.setObjectName("hint")
        self.chosen.setWordWrap(True)

        left = QVBoxLayout()
        left.addWidget(self.link_picker)
        left.addWidget(self.zone_label)
        left.addWidget(self.zone_picker)
        left.addWidget(self.month_grid)
        left.addStretch(1)

        right = QVBoxLayout()
        right.addWidget(self.form_slot, 2)
        right.addWidget(self.consent_slot, 1)
        right.addWidget(self.chosen)
        right.addWidget(self.book_button)

        columns = QHBoxLayout()
        columns.addLayout(left, 4)
        columns.addWidget(_separator())
        columns.addWidget(self.open_times, 3)
        columns.addWidget(_separator())
        columns.addLayout(right, 4)

        book_page = QWidget()
        page_layout = QVBoxLayout(book_page)
        page_layout.addWidget(self.problem)
        page_layout.addLayout(columns, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(book_page, self.tr("Book"))
        self.tabs.addTab(panel_slot(self.tr("Outbox"), "app/ui/panels"), self.tr("Outbox"))
        self.tabs.addTab(panel_slot(self.tr("History"), "app/ui/panels"), self.tr("History"))
        self.tabs.setAccessibleName(self.tr("Sections"))
        self.setCentralWidget(self.tabs)

        self.status = BookingStatusBar()
        self.setStatusBar(self.status)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        # Link → zone → calendar → length/clock/times → form → Book: the order a person books in.
        chain: list[QWidget] = [self.link_picker.combo, self.zone_picker, self.month_grid, self.open_times]
        chain += [self.form_slot, self.consent_slot, self.book_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- wiring ---------------------------------------------------------------------------------------

    def attach(self, controller: BookingController) -> None:
        """Connect views to the controller: views report choices; the controller's signals update views."""
        from app.ui.async_bridge import BackgroundTasks

        self.controller = controller
        self.tasks = BackgroundTasks()
        c = controller
        c.links_changed.connect(self.link_picker.set_links)
        c.link_changed.connect(self._on_link_changed)
        c.month_changed.connect(self._on_month_changed)
        c.day_changed.connect(self._on_day_changed)
        c.time_changed.connect(self._on_time_changed)
        c.data_age_changed.connect(self.status.set_data_age)
        c.online_changed.connect(self.status.set_online)
        c.problem.connect(self.show_problem)
        self.link_picker.link_chosen.connect(lambda slug: self.tasks.start(c.choose_link(slug)))
        self.zone_picker.zone_chosen.connect(lambda zone: self.tasks.start(c.set_timezone(zone)))
        self.month_grid.month_requested.connect(lambda y, m: self.tasks.start(c.show_month(y, m)))
        self.month_grid.day_chosen.connect(c.choose_day)
        self.open_times.time_chosen.connect(c.choose_time)
        self.open_times.duration_chosen.connect(c.choose_duration)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def _on_link_changed(self, info: BookingInfo) -> None:
        assert self.controller is not None
        state = self.controller.state
        organiser = ""
        link = state.link
        if link is not None:
            organiser = next(
                (
                    u.meetings_user.user_profile.full_name or u.meetings_user.user_profile.email
                    for u in info.all_users_busy_times
                    if u.meetings_user.user_id == link.organizer_user_id
                ),
                "",
            )
        self.link_picker.set_details(info.link_type, organiser)
        self.open_times.set_durations(info.custom_params.durations, state.duration_ms)

    def _on_month_changed(self, year: int, month: int, open_days: set[date], loading: bool) -> None:
        self.month_grid.show_month(year, month, open_days, loading=loading)
        assert self.controller is not None
        self.month_grid.select(self.controller.state.day)

    def _on_day_changed(self, choice: DayChoice) -> None:
        assert self.controller is not None
        self.month_grid.select(choice.day)
        self.open_times.show_day(choice.day, choice.slots, self.controller.state.start_ms)

    def _on_time_changed(self, start_ms: int) -> None:
        self.open_times.select(start_ms)
        assert self.controller is not None
        if not start_ms:
            self.chosen.setText(self.tr("No time chosen yet."))
            return
        slot = next(
            (s for s in self.controller.slots_on(self.controller.state.day or date.min) if s.start_ms == start_ms), None
        )
        if slot is not None:
            self.chosen.setText(
                self.tr("Chosen: %1").replace("%1", spoken_datetime(slot.start, self.open_times_use_24h()))
            )

    def open_times_use_24h(self) -> bool:
        return self.open_times.use_24h

    # --- closing ----------------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        # The app does not quit on last window closed: main() awaits this, cleans up, then returns.
        self._on_close()
        event.accept()


def _separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.VLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
