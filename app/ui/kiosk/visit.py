"""One visitor's way through the kiosk: link → day → time → details → consent → confirm → result.

A new VisitorFlow is built for every visitor and thrown away afterwards, so nothing typed, chosen or shown can
reach the next one (no field to forget to clear).
"""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from app.booking.draft import BookingDraft
from app.booking.slots import LocalSlot
from app.kiosk.offer import NothingToOffer, Offer, load_offer
from app.kiosk.submit import Outcome, SubmitResult, submit_booking
from app.store.outbox import Outbox
from app.ui.kiosk.context import KioskContext
from app.ui.kiosk.keyboard import OnScreenKeyboard
from app.ui.kiosk.screens import ChoiceScreen, ConfirmScreen, FormScreen, ResultScreen, Screen
from app.ui.kiosk.style import align_check_rows
from app.ui.kiosk.visitor_form import VisitorForm
from app.ui.panels.consent_panel import ConsentPanel
from app.ui.runtime.async_bridge import BackgroundTasks
from app.ui.runtime.domain_text import domain_text
from app.ui.runtime.formatting import format_day_long, format_time
from app.ui.runtime.i18n import translator

log = logging.getLogger(__name__)


_tr = translator("VisitorFlow")


class VisitorFlow(QWidget):
    start_over = Signal()
    online_seen = Signal(bool)
    visit_ended = Signal()  # the result is on screen: the shell returns to the start after a pause

    def __init__(self, ctx: KioskContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tasks = BackgroundTasks()
        self.busy = False
        self.offer: Offer | None = None
        self.slug = ""
        self.slots: list[LocalSlot] = []
        self.start_ms = 0
        #: Minted per confirm screen: every tap on its *Book now* is the same outbox row (see submit_booking).
        self.confirmation_id = ""
        self.setAccessibleName(_tr("Book a meeting"))
        self.stack = QStackedWidget(self)
        QVBoxLayout(self).addWidget(self.stack)
        self._trail: list[QWidget] = []

        self.links = ChoiceScreen(_tr("Who would you like to meet?"), columns=1, back=False)
        self.days = ChoiceScreen(_tr("Choose a day"), columns=2)
        self.times = ChoiceScreen(_tr("Choose a time"), columns=4)
        self.form = VisitorForm()
        self.details = FormScreen(_tr("Your details"), self.form, OnScreenKeyboard() if ctx.kiosk.keyboard else None)
        self.consent_panel = ConsentPanel()
        self.consent = FormScreen(_tr("Your consent"), self.consent_panel, None)
        self.confirm = ConfirmScreen()
        self.result = ResultScreen()
        self.loading = Screen(_tr("One moment…"), back=False)
        screens: list[Screen] = [
            self.links, self.days, self.times, self.details, self.consent, self.confirm, self.result, self.loading,
        ]  # fmt: skip
        for screen in screens:
            self.stack.addWidget(screen)
            screen.back_requested.connect(self._back)
            screen.start_over_requested.connect(self.start_over)
        self.links.chosen.connect(lambda i: self.tasks.start(self.open_link(self.ctx.links[i][0])))
        self.days.chosen.connect(self._on_day)
        self.times.chosen.connect(self._on_time)
        self.details.next.clicked.connect(self._details_done)
        self.consent.next.clicked.connect(self._consent_done)
        self.confirm.book.clicked.connect(self._book_tapped)

    # --- navigation ---------------------------------------------------------------------------------------

    def current(self) -> QWidget | None:
        return self.stack.currentWidget()

    def _show(self, screen: Screen, *, remember: bool = True) -> None:
        shown = self.stack.currentWidget()
        if remember and shown is not None and shown not in (self.loading, self.result, screen):
            self._trail.append(shown)
        self.stack.setCurrentWidget(screen)
        if isinstance(screen, ChoiceScreen) and screen.buttons:
            screen.buttons[0].setFocus()

    def _back(self) -> None:
        if self._trail:
            self.stack.setCurrentWidget(self._trail.pop())

    async def begin(self) -> None:
        """The first screen: the link list when the admin chose several, else straight to the days."""
        if len(self.ctx.links) > 1:
            self.links.set_choices([(name, name) for _, name in self.ctx.links])
            self._show(self.links, remember=False)
        elif self.ctx.links:
            await self.open_link(self.ctx.links[0][0])
        else:
            self._ask_at_desk()

    async def open_link(self, slug: str, notice: str = "") -> None:
        self.slug = slug
        self.stack.setCurrentWidget(self.loading)
        try:
            held = Outbox(self.ctx.db).held_starts(slug)
            offer = await load_offer(self.ctx.client, self.ctx.cache, slug, self.ctx.timezone, held=held)
        except NothingToOffer:
            self.online_seen.emit(False)
            self._ask_at_desk()
            return
        self.online_seen.emit(offer.online)
        if not offer.online and self.ctx.kiosk.offline == "refuse":
            self._ask_at_desk()
            return
        if self.offer is None:
            self.form.set_booking_info(offer.visitor_info)
            self.consent_panel.set_booking_info(offer.info)
            align_check_rows(self.consent_panel)
        self.offer = offer
        if not offer.days:
            self._show_result(_tr("No free times right now"), _tr("Please ask at the desk; we'll find a time for you."))
            return
        self.days.set_choices([(format_day_long(day), format_day_long(day)) for day in offer.days])
        offline_note = "" if offer.online else _tr("We're offline: your booking will be sent as a request.")
        self.days.set_notice(" ".join(part for part in (notice, offline_note) if part))
        self._show(self.days)

    def _on_day(self, index: int) -> None:
        assert self.offer is not None
        day = list(self.offer.days)[index]
        self.slots = self.offer.days[day]
        self.times.title.setText(_tr("Choose a time on %1").replace("%1", format_day_long(day)))
        use_24h = self.ctx.use_24h
        self.times.set_choices(
            [
                (format_time(s.start, use_24h), f"{format_day_long(day)}, {format_time(s.start, use_24h)}")
                for s in self.slots
            ]
        )
        self._show(self.times)

    def _on_time(self, index: int) -> None:
        self.start_ms = self.slots[index].start_ms
        self._show(self.details)
        first = self.form.input_for_key("first_name").focus_chain()
        if first:
            first[0].setFocus()

    def _details_done(self) -> None:
        if not self.form.is_valid():
            # Said above the form too: with the keyboard up, the field itself may be the only thing in view.
            self.details.set_notice(_tr("Please check the fields marked below."))
            self.form.focus_first_problem()
            self.details.reveal_focus()
            return
        self.details.set_notice("")
        assert self.offer is not None
        if self.offer.has_consent:
            self._show(self.consent)
        else:
            self._confirm()

    def _consent_done(self) -> None:
        if not self.consent_panel.is_valid():
            self.consent_panel.focus_first_problem()
            self.consent.reveal_focus()
            return
        self._confirm()

    def _when(self) -> str:
        slot = next(s for s in self.slots if s.start_ms == self.start_ms)
        end = slot.start + timedelta(milliseconds=self.offer.duration_ms if self.offer else slot.duration_ms)
        use_24h = self.ctx.use_24h
        return f"{format_day_long(slot.start.date())}, {format_time(slot.start, use_24h)}–{format_time(end, use_24h)}"

    def _confirm(self) -> None:
        draft = self.draft()
        name = dict(self.ctx.links).get(self.slug, "")
        lines = [name, self._when(), f"{draft.first_name} {draft.last_name}", draft.email]
        self.confirm.summary.setText("\n".join(line for line in lines if line))
        offline = self.offer is not None and not self.offer.online
        self.confirm.book.setText(_tr("Send request") if offline else _tr("Book now"))
        self.confirm.book.setAccessibleName(self.confirm.book.text())
        self.confirmation_id = str(uuid.uuid4())
        self._show(self.confirm)

    def draft(self) -> BookingDraft:
        assert self.offer is not None
        base = BookingDraft(
            slug=self.slug,
            start_ms=self.start_ms,
            duration_ms=self.offer.duration_ms,
            timezone=self.ctx.timezone,
            locale=self.ctx.locale,
        )
        draft = self.form.fill_draft(base)
        return self.consent_panel.fill_draft(draft) if self.offer.has_consent else draft

    # --- booking ------------------------------------------------------------------------------------------

    def _book_tapped(self) -> None:
        """A touch screen delivers a double tap as two clicks before any task runs: only the first one counts."""
        if self.busy:
            return
        self.busy = True  # before any task runs: the second click of the pair lands here and is dropped
        self._set_confirm_enabled(False)
        self.tasks.start(self.book(), name="kiosk-book")

    def _set_confirm_enabled(self, enabled: bool) -> None:
        for button in (self.confirm.book, self.confirm.back, self.confirm.start_over):
            button.setEnabled(enabled)

    async def book(self) -> None:
        assert self.offer is not None
        screen = self.confirm
        self.busy = True
        self._set_confirm_enabled(False)
        try:
            screen.set_notice(_tr("Booking…"))
            async with self.ctx.send_lock:
                result = await submit_booking(
                    self.ctx.db,
                    self.ctx.client,
                    self.draft(),
                    self.offer.info,
                    policy=self.ctx.kiosk.offline,
                    link_name=dict(self.ctx.links).get(self.slug, ""),
                    lock=self.ctx.sender_lock,
                    confirmation_id=self.confirmation_id,
                )
        finally:
            self.busy = False
            self._set_confirm_enabled(True)
            screen.set_notice("")
        await self._after(result)

    async def _after(self, result: SubmitResult) -> None:
        outcome = result.outcome
        self.online_seen.emit(outcome not in (Outcome.REFUSED_OFFLINE, Outcome.QUEUED))
        when = self._when()
        if outcome is Outcome.BOOKED:
            self._show_result(_tr("✓ You're booked"), when + "\n" + _tr("The invitation is on its way to your email."))
        elif outcome is Outcome.BOOKED_NO_EVENT:
            text = _tr("We have your booking, but the calendar invitation could not be made. Please tell the desk.")
            self._show_result(_tr("✓ Booked"), when + "\n" + text)
        elif outcome is Outcome.QUEUED:
            text = _tr("We can't reach our booking system right now. We'll email you when it's confirmed.")
            self._show_result(_tr("✓ We have your request"), when + "\n" + text)
        elif outcome is Outcome.REFUSED_OFFLINE:
            self._ask_at_desk()
        elif outcome is Outcome.TIME_TAKEN:
            await self.open_link(self.slug, _tr("That time was just taken. Please pick another one."))
        elif outcome is Outcome.REJECTED and result.field and result.field in ("first_name", "last_name", "email"):
            self.form.set_external_problem(result.field, domain_text(result.message))
            self._show(self.details)
            self.form.focus_first_problem()
        else:
            self._show_result(
                _tr("We couldn't confirm your booking"), _tr("Please ask at the desk so we can check it for you.")
            )

    def _ask_at_desk(self) -> None:
        self._show_result(
            _tr("Sorry, booking isn't available right now"),
            _tr("Please ask at the desk; we'll gladly book it for you."),
        )

    def _show_result(self, heading: str, text: str) -> None:
        self.result.show_result(heading, text)
        self._show(self.result, remember=False)
        self.result.done.setFocus()
        self.visit_ended.emit()
