"""The booking window's layout: link, zone and month on the left, open times in the middle, the form on the right.

It is shown (and painted) before any service exists; `attach()` wires it to the controller once they do.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Coroutine
from datetime import date
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QByteArray, QLocale, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QScreen
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import APP_DISPLAY_NAME
from app.booking.draft import BookingDraft
from app.booking.timefmt import from_ms
from app.booking.zones import system_timezone_name
from app.hubspot.models import BookingInfo
from app.ui.panels.history_panel import HistoryPanel
from app.ui.panels.outbox_panel import OutboxPanel
from app.ui.runtime.background_tasks import BackgroundTasks
from app.ui.runtime.formatting import spoken_datetime
from app.ui.widgets.link_picker import LinkPicker
from app.ui.widgets.month_grid import MonthGrid
from app.ui.widgets.open_times import OpenTimesView
from app.ui.widgets.timezone_picker import TimeZonePicker
from app.ui.window.book_column import BookColumn
from app.ui.window.book_outcome import OutcomeKind
from app.ui.window.booking_controller import BookingController, DayChoice
from app.ui.window.status_bar import BookingStatusBar
from app.window_state import WindowStateFile

if TYPE_CHECKING:  # the flow pulls in the outbox store and sqlite: imported after first paint
    from app.services import Services
    from app.store.outbox import OutboxEntry
    from app.ui.dialogs.propose_dialog import ProposeDialog
    from app.ui.window.book_flow import BookFlow


class MainWindow(QMainWindow):
    outbox_touched = Signal()  # a booking was written to the outbox (refresh the panel and counts)
    settings_requested = Signal()
    sign_in_requested = Signal()
    sign_out_requested = Signal()

    def __init__(self, on_close: Callable[[], None], icon: QIcon | None = None) -> None:
        super().__init__()
        self._on_close = on_close
        self.controller: BookingController | None = None
        self.flow: BookFlow | None = None
        self._views_wired = False
        self._suggestions_wired = False
        #: The controller's background work; tasks start from `attach_services` on (the event loop runs by then).
        self.tasks = BackgroundTasks()
        self._services_attached = False
        self._waiting_steps: list[Callable[[BookingController], Coroutine[Any, Any, Any]]] = []
        self._flow_wired = False
        self.network_online = True
        self._submitting = False  # a Book press is being handled (see _book_requested)
        self.propose_dialog: ProposeDialog | None = None
        self.setWindowTitle(APP_DISPLAY_NAME)
        if icon is not None:
            self.setWindowIcon(icon)
        self._state_file: WindowStateFile | None = None
        self.resize(PREFERRED_SIZE)

        self.link_picker = LinkPicker()
        self.zone_label = QLabel(self.tr("&Time zone"))
        self.zone_picker = TimeZonePicker()
        self.zone_label.setBuddy(self.zone_picker)
        self.month_grid = MonthGrid()
        self.open_times = OpenTimesView()
        self.open_times.set_second_zone(system_timezone_name())  # times also in the rep's own zone when they differ
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.hide()

        self.book = BookColumn()
        self.outbox_panel = OutboxPanel()
        self.history_panel = HistoryPanel()

        left = QVBoxLayout()
        left.addWidget(self.link_picker)
        self.propose_button = QPushButton(self.tr("&Propose times…"))
        self.propose_button.setAccessibleDescription(self.tr("A message offering open times of this link, to copy"))
        self.propose_button.clicked.connect(self.open_propose_dialog)
        left.addWidget(self.propose_button, 0, Qt.AlignmentFlag.AlignLeft)
        left.addWidget(self.zone_label)
        left.addWidget(self.zone_picker)
        left.addWidget(self.month_grid)
        left.addStretch(1)

        # A splitter, so a rep can give the form or the calendar more room; its state is remembered per screen.
        left_column = QWidget()
        left_column.setLayout(left)
        left.setContentsMargins(0, 0, 0, 0)
        self.columns = QSplitter(Qt.Orientation.Horizontal)
        self.columns.setObjectName("columns")
        self.columns.setChildrenCollapsible(False)
        for widget, stretch in ((left_column, 4), (self.open_times, 3), (self.book, 4)):
            self.columns.addWidget(widget)
            self.columns.setStretchFactor(self.columns.count() - 1, stretch)
        self.columns.setSizes([400, 300, 400])

        book_page = QWidget()
        page_layout = QVBoxLayout(book_page)
        page_layout.addWidget(self.problem)
        page_layout.addWidget(self.columns, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(book_page, self.tr("Book"))
        self.tabs.addTab(self.outbox_panel, self.tr("Outbox"))
        self.tabs.addTab(self.history_panel, self.tr("History"))
        self.tabs.setAccessibleName(self.tr("Sections"))
        self.setCentralWidget(self.tabs)

        self.open_times.rendered.connect(self._order_open_times)
        self.book.focus_chain_changed.connect(self._order_open_times)
        self.status = BookingStatusBar()
        self.setStatusBar(self.status)
        menu = self.menuBar().addMenu(self.tr("&File"))
        self.sign_in_action = QAction(self.tr("Sign &in…"), self)
        self.sign_in_action.triggered.connect(self.sign_in_requested)
        menu.addAction(self.sign_in_action)
        self.sign_out_action = QAction(self.tr("Sign &out"), self)
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        self.sign_out_action.setEnabled(False)
        menu.addAction(self.sign_out_action)
        menu.addSeparator()
        self.status.sign_in_button.clicked.connect(self.sign_in_requested)
        settings_action = QAction(self.tr("&Settings…"), self)
        settings_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences))
        settings_action.triggered.connect(self.settings_requested)
        menu.addAction(settings_action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        menu.addAction(quit_action)

    def _order_open_times(self) -> None:
        """Widgets made later join the end of the tab chain: calendar → open times → form → consent → Book."""
        chain: list[QWidget] = [
            self.month_grid.last_focusable(),
            *self.open_times.focus_chain(),
            *self.book.focus_chain(),
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab past Book goes on to the section tabs; Qt's own chain (rebuilt with each link) loops to the form."""
        focus = QApplication.focusWidget()
        chain = [w for w in self.book.focus_chain() if _takes_tab(w)]
        if next and chain and focus is chain[-1]:
            self.tabs.tabBar().setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().focusNextPrevChild(next)

    # --- wiring ---------------------------------------------------------------------------------------

    def attach(self, controller: BookingController) -> None:
        """Connect views to the controller: views report choices; the controller's signals update views.

        Light enough for the paint from the cache before the event loop runs (no asyncio, no client): the
        controller's requests and the attendee suggestions follow with `attach_services`. Called again with a new
        controller when the account changes (demo ↔ signed in): views are wired once and always talk to the
        current controller; the old controller is detached first.
        """
        self.controller = controller
        c = controller
        c.links_changed.connect(self.link_picker.set_links)
        c.link_changed.connect(self._on_link_changed)
        c.month_changed.connect(self._on_month_changed)
        c.day_changed.connect(self._on_day_changed)
        c.time_changed.connect(self._on_time_changed)
        c.data_age_changed.connect(self.status.set_data_age)
        c.online_changed.connect(self.status.set_online)
        c.problem.connect(self.show_problem)
        c.time_changed.connect(lambda _ms: self.update_book_button())
        c.online_changed.connect(lambda _online: self.update_book_button())
        if self._views_wired:
            return
        self._views_wired = True
        self.link_picker.link_chosen.connect(lambda slug: self._start(lambda ctl: ctl.choose_link(slug)))
        self.zone_picker.zone_chosen.connect(lambda zone: self._start(lambda ctl: ctl.set_timezone(zone)))
        self.month_grid.month_requested.connect(lambda y, m: self._start(lambda ctl: ctl.show_month(y, m)))
        self.month_grid.day_chosen.connect(lambda day: self._now(lambda ctl: ctl.choose_day(day)))
        self.open_times.time_chosen.connect(lambda ms: self._now(lambda ctl: ctl.choose_time(ms)))
        self.open_times.duration_chosen.connect(lambda ms: self._now(lambda ctl: ctl.choose_duration(ms)))

    def attach_services(self, services: Services) -> None:
        """Once the loop runs and the controller is connected: its background work, and attendee suggestions from
        this profile's history, then HubSpot contacts."""
        from app.attendees.suggestions import AttendeeSuggestions

        self._services_attached = True
        waiting, self._waiting_steps = self._waiting_steps, []
        for step in waiting:
            self._start(step)
        suggester = self.book.form.enable_suggestions(AttendeeSuggestions(services.db, services.client))
        if suggester is not None and not self._suggestions_wired:
            self._suggestions_wired = True
            suggester.note.connect(lambda text: self.status.showMessage(text, 15_000))

    def _now(self, step: Callable[[BookingController], None]) -> None:
        if self.controller is not None:
            step(self.controller)

    def _start(self, step: Callable[[BookingController], Coroutine[Any, Any, Any]]) -> None:
        if self.controller is None:
            return
        if not self._services_attached:
            # The cached page is on screen while the sign-in is still being read (a keychain may ask for its
            # password first): the choice runs, in order, as soon as requests can be made.
            self._waiting_steps.append(step)
            return
        self.tasks.start(step(self.controller))

    async def detach(self) -> None:
        """Let go of the current controller and flow: their work is cancelled and their signals go nowhere."""
        if self.controller is not None:
            self.controller.blockSignals(True)
        await self.tasks.aclose()
        self.tasks = BackgroundTasks()
        self._services_attached = False
        self._waiting_steps.clear()  # choices made on the old controller's page
        if self.flow is not None:
            self.flow.blockSignals(True)
        self.controller, self.flow = None, None
        if self.book.form.suggester is not None:
            self.book.form.suggester.set_source(None)  # a contacts search in flight belongs to the old client
        self.book.clear_personal()
        self.show_problem("")
        self.status.set_data_age(0)
        self.update_book_button()

    def attach_flow(self, flow: BookFlow) -> None:
        """Wire the Book button and the panels' validity to the booking flow."""
        assert self.controller is not None
        self.flow = flow
        flow.sending_changed.connect(lambda _sending: self.update_book_button())
        if not self._flow_wired:
            self._flow_wired = True
            self.book.book_clicked.connect(self._book_requested)
            self.book.form.changed.connect(self.update_book_button)
            self.book.consent.changed.connect(self.update_book_button)
            self.book.time_offered.connect(self._on_time_offered)
            self.book.book_another.connect(self._on_book_another)
        self.update_book_button()

    def set_network_online(self, online: bool) -> None:
        """The system's connectivity hint (only "Disconnected" counts as offline); the real request decides."""
        self.network_online = online
        self.status.set_online(self.is_online())
        self.update_book_button()

    def is_online(self) -> bool:
        return self.network_online and (self.controller is None or self.controller.online)

    def update_book_button(self) -> None:
        c, flow = self.controller, self.flow
        has_time = c is not None and bool(c.state.start_ms) and c.state.info is not None
        ready = has_time and self.book.is_complete() and not self._submitting
        self.book.set_book_state(
            enabled=ready,
            online=self.is_online(),
            sending=flow is not None and flow.sending,
            missing=self.book.missing_reason(has_time=has_time),
        )

    def current_draft(self) -> BookingDraft:
        assert self.controller is not None
        state = self.controller.state
        draft = BookingDraft(
            slug=state.slug,
            start_ms=state.start_ms,
            duration_ms=state.duration_ms,
            timezone=state.timezone,
            locale=QLocale().bcp47Name().lower() or "en-us",
        )
        return self.book.fill_draft(draft)

    def _book_requested(self) -> None:
        """One submission per confirmation: a second click, Enter or key repeat that arrives before the first
        one's task has run (no event-loop turn between them) is dropped here, synchronously; the outbox's own
        state machine and the flow's submission id guard every other path."""
        if self._submitting or self.controller is None or self.flow is None or self.flow.sending:
            return
        self._submitting = True
        self.book.book_button.setEnabled(False)
        task = self.tasks.start(self._book(), name="book")
        task.add_done_callback(lambda _task: self._submitted())

    def _submitted(self) -> None:
        self._submitting = False
        self.update_book_button()

    def followed_send(self, entry: OutboxEntry) -> None:
        """The sender booked a queued draft: the standing "Saved to the outbox" note is stale now."""
        self.book.followed_send()

    async def _book(self) -> None:
        assert self.flow is not None and self.controller is not None
        draft = self.current_draft()
        outcome = await self.flow.book(draft, online=self.is_online())
        contact = f"{draft.first_name} {draft.last_name} <{draft.email}>".strip()
        self.book.show_outcome(
            outcome, rep_zone=system_timezone_name(), use_24h=self.open_times.use_24h, contact=contact
        )
        if outcome.kind in (OutcomeKind.SAVED_OFFLINE, OutcomeKind.QUEUED_AGAIN):
            # Kept in the outbox (and sent from there): the next attendee starts with an empty form.
            self.book.form.clear_personal()
            self.book.consent.clear_personal()
            self.controller.choose_time(0)
        if outcome.kind in (OutcomeKind.BOOKED, OutcomeKind.BOOKED_WITHOUT_EVENT, OutcomeKind.TIME_GONE):
            # That time is gone now (ours or someone else's): the calendar and times must stop offering it.
            refresh = self.controller.refresh_month(keep_time=outcome.kind is OutcomeKind.TIME_GONE)
            self.tasks.start(refresh, name="refresh-month")
        self.outbox_touched.emit()

    def _on_time_offered(self, start_ms: int) -> None:
        """An alternative from the "time was taken" banner: choose its day and time; answers stay."""
        if self.controller is None:
            return
        day = from_ms(start_ms, ZoneInfo(self.controller.state.timezone)).date()
        self.controller.choose_day(day)
        self.controller.choose_time(start_ms)
        self.book.banner.clear()

    def _on_book_another(self) -> None:
        if self.controller is None or self.flow is None:
            return
        self.flow.forget_draft()
        self.book.clear_personal()
        self.controller.choose_time(0)

    def open_propose_dialog(self) -> None:
        """*Propose times…* for the current link; window-modal with open(), the window keeps running."""
        if self.controller is None or not self.controller.state.slug:
            return
        from app.ui.dialogs.propose_dialog import dialog_for

        if self.propose_dialog is not None:
            self.propose_dialog.deleteLater()  # one at a time; the last one stays inspectable until then
        self.propose_dialog = dialog_for(
            self.controller, rep_zone=system_timezone_name(), use_24h=self.open_times.use_24h, parent=self
        )
        self.propose_dialog.open()

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
        self.book.set_booking_info(info)
        self.update_book_button()
        self.open_times.set_durations(info.custom_params.durations, state.duration_ms)

    def _on_month_changed(self, year: int, month: int, open_days: set[date], loading: bool) -> None:
        self.month_grid.show_month(year, month, open_days, loading=loading)
        self._order_open_times()  # the last open day (the anchor) may have changed
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
            self.book.set_chosen("")
            return
        slot = next(
            (s for s in self.controller.slots_on(self.controller.state.day or date.min) if s.start_ms == start_ms), None
        )
        if slot is not None:
            self.book.set_chosen(
                self.tr("Chosen: %1").replace("%1", spoken_datetime(slot.start, self.open_times.use_24h))
            )

    # --- closing ----------------------------------------------------------------------------------------

    # --- where the window sits ---------------------------------------------------------------------------

    def place(self, state: WindowStateFile | None) -> None:
        """Before the first show: the size and place last used on this screen, else a default that fits it."""
        self._state_file = state
        screen = self.screen()
        saved = state.load(screen_key(screen)) if state is not None else {}
        restored = "geometry" in saved and self.restoreGeometry(QByteArray.fromBase64(saved["geometry"].encode()))
        if "columns" in saved:
            self.columns.restoreState(QByteArray.fromBase64(saved["columns"].encode()))
        self.history_panel.restore_header_state(saved.get("history", ""))
        if not restored or not screen.availableGeometry().intersects(self.frameGeometry()):
            self.setGeometry(default_geometry(screen.availableGeometry()))

    def _remember_place(self) -> None:
        state = getattr(self, "_state_file", None)
        if state is None:
            return
        state.save(
            screen_key(self.screen()),
            {
                "geometry": bytes(self.saveGeometry().toBase64().data()).decode(),
                "columns": bytes(self.columns.saveState().toBase64().data()).decode(),
                "history": self.history_panel.header_state(),
            },
        )

    # --- closing ----------------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        self._remember_place()
        # The app does not quit on last window closed: main() awaits this, cleans up, then returns.
        self._on_close()
        event.accept()


#: The size the window was designed at; smaller screens get what fits.
PREFERRED_SIZE = QSize(1120, 720)


def default_geometry(available: QRect) -> QRect:
    """The preferred size, shrunk to the screen's free area (panels and docks excluded), centred in it."""
    size = PREFERRED_SIZE.boundedTo(available.size() - QSize(16, 48))  # room for the window frame and title
    rect = QRect(QPoint(0, 0), size)
    rect.moveCenter(available.center())
    return rect


def screen_key(screen: QScreen) -> str:
    """`HDMI-1 1920x1080`: one remembered layout per monitor and resolution."""
    size = screen.size()
    return f"{screen.name() or 'screen'} {size.width()}x{size.height()}"


def _takes_tab(widget: QWidget) -> bool:
    return widget.isVisible() and widget.isEnabled() and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
