"""One run of the window after first paint: opens services, wires controller and views, remembers choices.

Imported only after the window has painted: this pulls in httpx, sqlite and the sandbox.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import logging
import os
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import msgspec
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from app.booking.draft import BookingDraft
from app.env import CLIENT_ID_ENV
from app.outbox.actions import ActionRefused
from app.outbox.events import OutboxEvent, SentEvent
from app.paths import Paths
from app.services import Services
from app.settings import LoadedSettings, Settings, save_settings
from app.store.outbox import OutboxEntry
from app.ui.dialogs.outbox_questions import discard_question
from app.ui.dialogs.settings_dialog import SettingsDialog
from app.ui.runtime.async_bridge import BackgroundTasks, open_dialog
from app.ui.runtime.domain_text import domain_text
from app.ui.runtime.formatting import clock_uses_24h
from app.ui.runtime.frame_coalescer import FrameCoalescer
from app.ui.runtime.network_status import NetworkMonitor
from app.ui.sign_in.sign_in_controller import SignInFlow, no_keychain_notice
from app.ui.window.book_flow import BookFlow
from app.ui.window.booking_controller import BookingController
from app.ui.window.cached_paint import CachedStart
from app.ui.window.main_window import MainWindow
from app.ui.window.start_services import account_services, api_base_of, demo_services, open_start_services
from app.ui.window.store_rows import OUTBOX_STATES, HistoryFeed, outbox_row, outbox_rows, queued_count
from app.ui.window.tray import Notifier

log = logging.getLogger(__name__)


def _nothing() -> None:
    """Unsubscribes from no sender (before the first services are in use)."""


class WindowController:
    """The window's run. Its services, controller and book flow exist from `start()` on (and are replaced when the
    account changes); the properties of the same names assert that, so code after start reads them plainly."""

    def __init__(
        self,
        window: MainWindow,
        args: argparse.Namespace,
        paths: Paths,
        loaded: LoadedSettings,
        cached: CachedStart | None = None,
    ) -> None:
        """`cached`: the page painted from the cache before the loop ran (its store and controller are reused
        when the sign-in turns out to be the same kind, demo or account)."""
        self.window = window
        self.args = args
        self.paths = paths
        self.settings: Settings = loaded.settings
        self._settings_writable = loaded.writable
        self._settings_problem = loaded.problem
        self.tasks = BackgroundTasks()
        self.zone = self.settings.zone_in_effect()
        self.signin = SignInFlow(window, paths, api_base_of(args, self.settings))
        self.notifier = Notifier(window, window.status, window.windowIcon())
        self.network = NetworkMonitor(window)
        self.history_feed = HistoryFeed(window.history_panel)
        self._sent_redraw = FrameCoalescer(self._show_sent_changes)
        self._services: Services | None = None
        self._controller: BookingController | None = None
        self._flow: BookFlow | None = None
        self._unsubscribe: Callable[[], None] = _nothing
        self._initial_load: asyncio.Task[None] | None = None
        self._cached = cached
        # Sender events: the drafts they changed, drawn together at most once a frame (see _on_sender_event).
        self._sent_changes: dict[str, OutboxEntry] = {}
        self._month_refresh: asyncio.Task[None] | None = None
        self._month_refresh_again = False

    @property
    def services(self) -> Services:
        assert self._services is not None, "the session has not started"
        return self._services

    @property
    def controller(self) -> BookingController:
        assert self._controller is not None, "the session has not started"
        return self._controller

    @property
    def flow(self) -> BookFlow:
        assert self._flow is not None, "the session has not started"
        return self._flow

    @property
    def demo(self) -> bool:
        return self._services is not None and self._services.demo

    @property
    def link_count(self) -> int:
        return len(self._controller.state.links) if self._controller is not None else 0

    async def start(self) -> None:
        """Heavy imports and I/O happen here, after the window is on screen."""
        if self._settings_problem:
            self._tell_settings_problem(self._settings_problem)

        window = self.window
        window.zone_picker.set_zone(self.zone)
        window.open_times.set_use_24h(self._use_24h())
        self._show_times()
        window.link_picker.link_chosen.connect(lambda slug: self._remember(last_link=slug))
        window.zone_picker.zone_chosen.connect(self._on_zone_chosen)
        window.settings_requested.connect(lambda: self.tasks.start(self.edit_settings()))
        window.sign_in_requested.connect(lambda: self.tasks.start(self.sign_in(), name="sign-in"))
        window.sign_out_requested.connect(lambda: self.tasks.start(self.sign_out(), name="sign-out"))
        window.open_times.clock_toggled.connect(self._on_clock_toggled)
        self._wire_panels()
        # The zone picker fills its hundreds of zones when first used, not here (see TimeZonePicker).
        cached, self._cached = self._cached, None
        try:
            services = await self._open_start_services(cached)
        except BaseException:
            if cached is not None:
                cached.store.close()
            raise
        if cached is not None and services.db is not cached.store.db:
            # The sign-in is not the kind the cache was painted for (the keychain had no sign-in, or had one the
            # profile's cache did not know): that page goes, and its store with it.
            await self.window.detach()
            cached.store.close()
            cached = None
        self._use(services, cached)
        # Start-up's objects (modules, widgets and their wrappers, the page) live as long as the window. Python's
        # full collections walk every one of them: ~30 ms for ~55,000 objects here, one frame lost twice per
        # 20 bookings (measured for issue 18). Frozen, a full collection walks only what the run made since.
        gc.freeze()

    def _api_base(self) -> str | None:
        return api_base_of(self.args, self.settings)

    async def _open_start_services(self, cached: CachedStart | None) -> Services:
        opened = cached.store if cached is not None else None
        services = await open_start_services(self.args, self.paths, self.settings, self.signin, opened)
        if self.signin.auth is not None:
            self.signin.auth.on_change = lambda _auth: self._show_account()
        return services

    def _account_services(self) -> Services:
        return account_services(self.paths, self._api_base(), self.signin)

    def _use(self, services: Services, cached: CachedStart | None = None) -> None:
        """Run the window on `services`: a controller and a book flow for them, the sender started, data loaded
        (refreshed in place when `cached` painted the page from the cache)."""
        self._services = services
        window = self.window
        recovery = services.db.recovery
        if recovery is not None:
            # The store found its file damaged and started a fresh one with what it could read: say so, here.
            drafts, history = recovery.rows.get("outbox", 0), recovery.rows.get("history", 0)
            text = (
                QCoreApplication.translate(
                    "MainWindow",
                    "The profile's database was damaged (%1). It was kept as %2 and a fresh one was started; "
                    "%3 outbox bookings and %4 history entries were recovered from it.",
                )
                .replace("%1", recovery.reason)
                .replace("%2", str(recovery.damaged_copy))
                .replace("%3", str(drafts))
                .replace("%4", str(history))
            )
            self._tell(QCoreApplication.translate("MainWindow", "Database repaired"), text)
        if cached is not None:
            controller = cached.controller
            controller.use_services(services)
        else:
            controller = BookingController(services.cache, account=services.account, timezone=self.zone)
            controller.use_services(services)
            window.attach(controller)
        self._controller = controller
        window.attach_services(services)
        controller.links_changed.connect(lambda _links, slug: self._remember(last_link=slug))
        self._flow = BookFlow(controller, services)
        window.attach_flow(self._flow)
        self._unsubscribe = services.sender.subscribe(self._on_sender_event)
        self._show_account()
        preferred = self.settings.default_link or self.settings.last_link
        load = controller.refresh(preferred) if cached is not None and cached.shown else controller.start(preferred)
        self._initial_load = self.tasks.start(load, name="initial-load")
        services.start_sender()
        services.history.prune(self.settings.history_retention_days)
        self.history_feed.use(services.history)
        self.refresh_outbox()

    async def _switch_to(self, services: Services) -> None:
        """Demo ↔ account: the old controller, flow and services are closed; the page starts afresh."""
        old = self.services
        self._unsubscribe()
        self._sent_changes.clear()  # rows of the old database: the new page reads its own
        self._sent_redraw.cancel()
        self.flow.close()
        if self._initial_load is not None and not self._initial_load.done():
            self._initial_load.cancel()
        if self._month_refresh is not None and not self._month_refresh.done():
            self._month_refresh.cancel()  # the old controller's month
        self._month_refresh, self._month_refresh_again = None, False
        await self.window.detach()
        self.history_feed.use(None)  # the old database closes now: the view must not read from it
        await old.aclose()
        self._use(services)
        await self.ready()

    def _show_account(self) -> None:
        """Status bar and File menu from the current sign-in: account, "Sign in…", the keychain notice."""
        window, services, auth = self.window, self._services, self.signin.auth
        if services is None:
            return
        signed_in = bool(auth and auth.signed_in)
        if services.demo:
            window.status.set_account(True, "")
        elif not signed_in:
            # A refused refresh: the outbox keeps everything queued until the user signs in again.
            window.status.set_account(
                False, QCoreApplication.translate("MainWindow", "Signed out: sign in again to send"), offer_sign_in=True
            )
        else:
            assert auth is not None
            # issue 15: the Account itself, so the status bar words (and translates) it as people know it.
            window.status.set_account(False, auth.account or services.account, offer_sign_in=False)
        window.status.set_notice(no_keychain_notice() if self.signin.in_memory_only else "")
        can_sign_out = bool(auth and auth.source in ("static", "oauth"))
        window.sign_out_action.setEnabled(can_sign_out)

    async def ready(self) -> None:
        """Wait until the initial links, link info and month are loaded (for --smoke and --screenshot)."""
        if self._initial_load is not None:
            await asyncio.gather(asyncio.shield(self._initial_load), return_exceptions=True)

    # --- signing in and out -----------------------------------------------------------------------------------

    async def sign_in(self) -> None:
        """The sign-in dialog; on success the window leaves demo (or the expired account) for the new sign-in."""
        client_id = self.settings.oauth_client_id or os.environ.get(CLIENT_ID_ENV, "")
        signed_in = await self.signin.run_dialog(client_id)
        if signed_in is None:
            return
        if signed_in.client_id and signed_in.client_id != self.settings.oauth_client_id:
            self._remember(oauth_client_id=signed_in.client_id)
        if self.services.demo:
            await self._switch_to(self._account_services())
        else:
            self._show_account()
            self.services.sender.notify_online()  # queued bookings waited for this sign-in
        self.window.status.showMessage(
            QCoreApplication.translate("MainWindow", "Signed in: %1").replace("%1", signed_in.account.label), 8000
        )
        if signed_in.in_memory_only:
            self._tell(QCoreApplication.translate("MainWindow", "Sign-in not saved"), no_keychain_notice())

    async def sign_out(self) -> None:
        """Revoke and forget the stored sign-in, then back to the demo (unless an env token still applies)."""
        message = await self.signin.sign_out()
        auth = self.signin.auth
        if not self.services.demo and not (auth and auth.signed_in):
            self.services.cache.clear()  # the account's links and open times are not the demo's to paint
            await self._switch_to(demo_services(self.paths))
        else:
            self._show_account()
        self.window.status.showMessage(message, 12000)

    def _on_zone_chosen(self, zone: str) -> None:
        self.zone = zone
        self._remember(timezone=zone)
        self._show_times()

    def _on_clock_toggled(self, use_24h: bool) -> None:
        self._remember(use_24h=use_24h)
        self._show_times()

    def _use_24h(self) -> bool:
        return clock_uses_24h(self.settings.use_24h)

    def _show_times(self) -> None:
        """Outbox and history dates in the rep's zone and clock (12/24 h), as the booking page shows them."""
        try:
            zone: ZoneInfo | None = ZoneInfo(self.zone)
        except (ValueError, ZoneInfoNotFoundError):
            zone = None  # the system's
        self.window.outbox_panel.set_display(zone, self._use_24h())
        self.window.history_panel.set_display(zone, self._use_24h())

    def _wire_panels(self) -> None:
        """Book flow, sender notifications, connectivity hint, outbox and history panels."""

        window = self.window
        window.outbox_touched.connect(self.refresh_outbox)
        self.network.online_changed.connect(self._on_network)
        window.set_network_online(self.network.online)
        panel = window.outbox_panel
        panel.send_now_requested.connect(self._send_now)
        panel.discard_requested.connect(lambda draft_id: self.tasks.start(self._discard(draft_id), name="discard"))
        panel.mark_booked_requested.connect(
            lambda draft_id: self._outbox_action(self.services.actions.mark_booked, draft_id)
        )
        panel.edit_requested.connect(self._edit)
        window.book.edit_cancelled.connect(self._cancel_edit)
        panel.pick_new_time_requested.connect(self._edit)

    def refresh_outbox(self) -> None:
        """Outbox rows, the tab's count badge and the status bar's queued count, from the store."""
        # Every row is read now: the sender events' rows waiting for the next frame are older than these.
        self._sent_changes.clear()
        self.window.outbox_panel.set_rows(outbox_rows(self.services.outbox))
        self._show_outbox_counts()

    def _show_outbox_counts(self) -> None:
        """The tab's badge, the status bar's queued count and the held times, after the outbox rows changed."""
        count = self.window.outbox_panel.model.rowCount()
        attention = self.window.outbox_panel.attention_count()
        label = QCoreApplication.translate("MainWindow", "Outbox")
        self.window.tabs.setTabText(1, f"{label} ({count})" if count else label)
        self.window.tabs.setTabToolTip(
            1,
            QCoreApplication.translate("MainWindow", "%1 need your attention").replace("%1", str(attention))
            if attention
            else "",
        )
        self.window.status.set_queued(queued_count(self.services.outbox))
        controller = self._controller
        if controller is not None and controller.state.slug:
            # Times this profile's queued drafts hold are not offered again (except to the draft being edited).
            held = self.services.outbox.held_starts(controller.state.slug, except_id=self.flow.editing_id)
            controller.set_held(held)

    def _on_sender_event(self, event: OutboxEvent) -> None:
        # A flush answers a draft every few milliseconds: note which draft changed and redraw the outbox, history
        # and counts once a frame, for just those rows (re-reading every row after each answer stalled the UI).
        self._sent_changes[event.entry.id] = event.entry
        self._sent_redraw.request()
        waiting = self.flow.sending
        # The booking the window waits on is shown in place; queued ones sent in the background are announced.
        if not waiting or self.window.isMinimized() or not self.window.isActiveWindow():
            self.notifier.notify(event)
        if isinstance(event, SentEvent):
            # HubSpot just answered: the window is online again, the note about the outbox is stale, and the
            # time just booked must stop being offered (the calendar refetches the month).
            self.window.followed_send(event.entry)
            self.controller.note_online()
            if event.entry.link_slug == self.controller.state.slug and not waiting:
                self._refresh_month_after_send()

    def _show_sent_changes(self) -> None:
        """The frame after sender events: their drafts' rows (in place), the counts, the history."""
        changes, self._sent_changes = self._sent_changes, {}
        if self._services is None:
            return
        if changes:  # none when refresh_outbox read every row meanwhile
            rows = {i: outbox_row(e) if e.state in OUTBOX_STATES else None for i, e in changes.items()}
            if self.window.outbox_panel.update_rows(rows):
                self._show_outbox_counts()
            else:
                self.refresh_outbox()  # a draft the panel does not list yet: its place is the store's to say
        self.history_feed.refresh()

    def _refresh_month_after_send(self) -> None:
        """One refetch of the month at a time; sends answered meanwhile make one more after it, not one each."""
        if self._month_refresh is not None and not self._month_refresh.done():
            self._month_refresh_again = True
            return
        self._month_refresh = self.tasks.start(
            self._refresh_month_while_sent(self.controller), name="refresh-after-send"
        )

    async def _refresh_month_while_sent(self, controller: BookingController) -> None:
        self._month_refresh_again = True
        while self._month_refresh_again:
            self._month_refresh_again = False
            await controller.refresh_month()

    def _on_network(self, online: bool) -> None:
        self.window.set_network_online(online)
        if online:
            self.services.sender.notify_online()
        else:
            self.services.sender.notify_offline()

    def _send_now(self, draft_id: str) -> None:
        """*Send now*: the outbox's own rules decide (an unknown booking only after its time was found offered)."""
        if self._outbox_action(self.services.actions.send_now, draft_id):
            self.services.sender.notify_online()  # the user says the network is back: try what waited for it

    def _outbox_action(self, action: Callable[[str], object], draft_id: str) -> bool:
        """Run one checked outbox action; a refusal ("being sent") is said in the status bar."""
        try:
            action(draft_id)
        except ActionRefused as exc:
            self.window.status.showMessage(domain_text(exc.message), 8000)
            self.refresh_outbox()
            return False
        self.refresh_outbox()
        return True

    async def _discard(self, draft_id: str) -> None:
        """Discard only after the user confirms (a queued booking is someone's meeting); open(), never exec()."""
        try:
            entry = self.services.actions.get(draft_id)
        except ActionRefused as exc:
            self.window.status.showMessage(domain_text(exc.message), 8000)
            return
        box, discard = discard_question(self.window, entry, use_24h=self._use_24h())
        try:
            await open_dialog(box)
            confirmed = box.clickedButton() is discard
        finally:
            box.deleteLater()
        if not confirmed:
            return
        if self.flow.editing_id == draft_id:
            self.flow.forget_draft()
            self.window.book.end_edit()
        if self._outbox_action(self.services.actions.discard, draft_id):
            self.window.status.showMessage(QCoreApplication.translate("MainWindow", "Booking discarded."), 8000)

    def _edit(self, draft_id: str) -> None:
        """Open an outbox draft in the booking page on its own day and time, with every answer; Book saves it.

        It stays queued meanwhile (quitting mid-edit loses nothing; it is sent on the next start), but this
        window's sender leaves it alone until the edit is saved or cancelled.
        """
        try:
            entry = self.services.actions.begin_edit(draft_id)
        except ActionRefused as exc:
            self.window.status.showMessage(domain_text(exc.message), 8000)
            return
        raw = entry.payload.get("draft")
        draft = msgspec.convert(raw, type=BookingDraft) if raw else None
        self.flow.edit_draft(draft_id)
        self.window.tabs.setCurrentIndex(0)
        self.window.book.begin_edit()
        self.tasks.start(self._open_draft(entry.link_slug, draft, entry.start_ms), name="open-draft")
        self.refresh_outbox()

    def _cancel_edit(self) -> None:
        """ "Cancel edit": the draft goes on as it was saved; the form is cleared for the next booking."""
        self.flow.forget_draft()
        self.window.book.clear_personal()
        self.controller.choose_time(0)
        self.refresh_outbox()

    async def _open_draft(self, slug: str, draft: BookingDraft | None, start_ms: int) -> None:
        await self.controller.choose_link(slug)
        self.refresh_outbox()  # the edited draft's own time is offered to it again
        if draft is not None and draft.duration_ms:
            self.controller.choose_duration(draft.duration_ms)
        await self.controller.show_time(start_ms)
        if draft is not None:
            self.window.book.form.set_from_draft(draft)
            self.window.book.consent.set_from_draft(draft)

    def _remember(self, **changes: Any) -> None:
        self._save(msgspec.structs.replace(self.settings, **changes))

    def _save(self, updated: Settings) -> None:
        if updated == self.settings:
            return
        self.settings = updated
        if not self._settings_writable:
            return
        try:
            save_settings(self.paths.settings_file, updated)
        except OSError as exc:
            log.warning("Could not save settings: %s", exc)
            self.window.status.showMessage(
                QCoreApplication.translate("MainWindow", "Settings could not be saved: %1").replace("%1", str(exc))
            )

    async def edit_settings(self) -> None:
        """The settings dialog (opened with open(), awaited); saved and applied when accepted."""
        dialog = SettingsDialog(self.settings, self.controller.state.links, self.window)
        try:
            if await open_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
            chosen = dialog.value()
        finally:
            dialog.deleteLater()
        before = self.settings
        self._settings_writable = True  # an explicit save replaces even a file we could not read
        self._save(chosen)
        if chosen.use_24h != before.use_24h:
            self.window.open_times.set_use_24h(self._use_24h())
            self._show_times()
        if chosen.history_retention_days != before.history_retention_days:
            self.services.history.prune(chosen.history_retention_days)
            self.history_feed.refresh()
        if chosen.language != before.language:
            self.window.status.showMessage(
                QCoreApplication.translate("MainWindow", "The new language is used from the next start."), 8000
            )
        if chosen.timezone != before.timezone:
            zone = chosen.zone_in_effect()
            self.zone = zone
            self.window.zone_picker.set_zone(zone)
            self._show_times()
            await self.controller.set_timezone(zone)

    def _tell_settings_problem(self, text: str) -> None:
        self._tell(QCoreApplication.translate("MainWindow", "Settings not loaded"), text)

    def _tell(self, title: str, text: str) -> None:
        """A warning that does not block the loop (open(), never exec())."""
        box = QMessageBox(self.window)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setAccessibleName(box.windowTitle())
        box.open()

    async def aclose(self) -> None:
        """Stop listening, cancel and await every task, stop the sender, close client, database and sign-in:
        each step runs even if an earlier one failed, so nothing is left for the loop's last turn."""
        async with contextlib.AsyncExitStack() as steps:  # run last-pushed first
            steps.push_async_callback(self.signin.aclose)
            if self._services is not None:
                steps.push_async_callback(self._services.aclose)
            if self._controller is not None:  # the window was attached to it and runs its tasks
                steps.push_async_callback(self.window.tasks.aclose)
            if self._cached is not None:  # closed before start() took its store over
                steps.callback(self._cached.store.close)
            steps.push_async_callback(self.tasks.aclose)
            steps.callback(self.notifier.close)
            steps.callback(self._sent_redraw.cancel)
            if self._flow is not None:
                steps.callback(self._flow.close)
                steps.callback(self._unsubscribe)
