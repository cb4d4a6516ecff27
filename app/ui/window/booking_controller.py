"""Decides what the booking window shows: which link, month, day and time; loads (cache first) and books.

Views only lay out what the signals say. Every load is stamped with a generation number so a slow answer for a
link or zone the user has already left never overwrites the newer one.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Signal

from app.booking.slots import LocalSlot, month_for_offset, offset_for_month, slots_by_day, today_in
from app.hubspot.errors import NetworkUnreachable, SchedulerError
from app.hubspot.models import AvailabilityPage, BookingInfo, MeetingLink
from app.ui.runtime.domain_text import domain_text

if TYPE_CHECKING:  # services pull in httpx: never imported before the first paint
    from collections.abc import Callable

    from app.services import Services
    from app.store.cache import Cache

log = logging.getLogger(__name__)

#: How many months ahead to look for the first one with open times.
MONTHS_TO_SEARCH = 4


@dataclass
class BookingState:
    """The user's current choices and what was loaded for them."""

    links: list[MeetingLink] = field(default_factory=list)
    slug: str = ""
    info: BookingInfo | None = None
    timezone: str = "UTC"
    duration_ms: int = 0
    month: tuple[int, int] = (1970, 1)
    pages: dict[tuple[int, int], AvailabilityPage] = field(default_factory=dict)
    day: date | None = None
    start_ms: int = 0
    fetched_ms: int | None = None  # oldest fetch time of what is shown from cache (None: all fresh)

    @property
    def link(self) -> MeetingLink | None:
        return next((link for link in self.links if link.slug == self.slug), None)


@dataclass(frozen=True)
class DayChoice:
    """The chosen day (None: none) and its open times; a signal argument, never None itself.

    PySide6 6.12 miscounts references when None is emitted through a Signal(object), which crashes the
    interpreter later; so no signal here ever carries a bare None.
    """

    day: date | None
    slots: list[LocalSlot]


class BookingController(QObject):
    links_changed = Signal(object, str)  # list[MeetingLink], selected slug (object: no QVariantList copy)
    link_changed = Signal(object)  # BookingInfo
    month_changed = Signal(int, int, object, bool)  # year, month, set[date] open days, loading
    day_changed = Signal(object)  # DayChoice
    time_changed = Signal(object)  # start, epoch ms (0 = none); a C++ int would overflow
    data_age_changed = Signal(object)  # fetch time (epoch ms) of cached data shown; 0 when fresh
    online_changed = Signal(bool)
    problem = Signal(str)  # a load problem to show in place ("" clears it)

    def __init__(self, cache: Cache, *, account: str | None, timezone: str) -> None:
        """Paints from `cache` at once (`show_cached`); requests wait for `use_services(services)`. `account` None: not
        known yet (the keychain is read later), so `show_cached` paints the account whose links were cached last."""
        super().__init__()
        self.cache = cache
        self.account = account
        self._services: Services | None = None
        self.state = BookingState(timezone=timezone)
        self._generation = 0
        self.online = True
        #: Start times this profile's queued drafts hold on the current link: never offered twice.
        self._held: set[int] = set()
        self._slots_memo: (
            tuple[tuple[AvailabilityPage, ...], tuple[str, int, frozenset[int]], dict[date, list[LocalSlot]]] | None
        ) = None

    @property
    def services(self) -> Services:
        assert self._services is not None, "use_services(services) comes before any request"
        return self._services

    def use_services(self, services: Services) -> None:
        """The client (and the store it writes) requests go through from now on."""
        self._services = services
        self.cache = services.cache
        self.account = services.account

    # --- loading --------------------------------------------------------------------------------------

    def show_cached(self, preferred_slug: str = "", *, held: Callable[[str], set[int]] | None = None) -> bool:
        """Before any request: the cached links, the link's questions and its first month with open times, marked
        with the age of the oldest of them. True when all three were shown (the window is usable as it is).

        `held(slug)`: the times this profile's queued drafts hold on that link, never offered."""
        if self.account is None:
            latest = self.cache.latest_links()
            cached = latest[1] if latest is not None else None
        else:
            cached = self.cache.links(account=self.account)
        if cached is None or not cached.value:
            return False
        self._set_links(cached.value, preferred_slug, cached.fetched_ms)
        state = self.state
        if held is not None:
            self._held = set(held(state.slug))
        info = self.cache.booking_info(state.slug, state.timezone)
        if info is None:
            return False
        state.info = info.value
        durations = info.value.custom_params.durations
        state.duration_ms = durations[0] if durations else 0
        self.link_changed.emit(info.value)
        oldest = min(cached.fetched_ms, info.fetched_ms)
        today = self._today()
        shown: tuple[int, int] | None = None
        for offset in range(MONTHS_TO_SEARCH):
            month = month_for_offset(today, offset)
            page = self.cache.availability(state.slug, state.timezone, _month_key(month))
            if page is None:
                break
            state.pages[month] = page.value
            oldest = min(oldest, page.fetched_ms)
            if self._open_days(month):
                shown = month
                break
        if not state.pages:
            return False
        self._note_age(oldest)
        self._show_month(shown or month_for_offset(today, 0))
        return True

    async def start(self, preferred_slug: str = "") -> None:
        """Links from the cache at once, then fresh ones; then the preferred (or first) link."""
        account = self.account or ""
        cached = self.cache.links(account=account)
        if cached is not None:
            self._set_links(cached.value, preferred_slug, cached.fetched_ms)
        try:
            links = await self.services.client.list_links()
        except SchedulerError as exc:
            self._load_failed(exc)
            if cached is None:
                return
        else:
            self.cache.put_links(links, account=account)
            self._set_links(links, preferred_slug or self.state.slug, None)
        if self.state.slug:
            await self.choose_link(self.state.slug)

    async def refresh(self, preferred_slug: str = "") -> None:
        """After `show_cached`: the same link, month and day again from HubSpot, without blanking what is shown;
        a chosen time stays chosen while it is still open. A link that is gone falls back to `start`'s choice."""
        generation = self._generation
        try:
            links = await self.services.client.list_links()
        except SchedulerError as exc:
            self._load_failed(exc)  # the cached page stays, with its age
            return
        self.cache.put_links(links, account=self.account or "")
        if generation != self._generation:
            return  # the user chose another link meanwhile: that load is fresh
        state = self.state
        if state.slug not in {link.slug for link in links}:
            self._set_links(links, preferred_slug, None)
            if state.slug:
                await self.choose_link(state.slug)
            return
        if links != state.links:
            state.links = links
            self.links_changed.emit(links, state.slug)
        info = await self._booking_info(state.slug, generation)
        if info is None or generation != self._generation:
            return
        if info != state.info:  # re-laying out the form only when HubSpot changed it: typed answers stay
            state.info = info
            durations = info.custom_params.durations
            if state.duration_ms not in durations:
                state.duration_ms = durations[0] if durations else 0
            self.link_changed.emit(info)
        # Only the shown month is fetched again; the other cached months were only searched for open times.
        state.pages = {month: page for month, page in state.pages.items() if month == state.month}
        await self.refresh_month()

    def _set_links(self, links: list[MeetingLink], preferred: str, fetched_ms: int | None) -> None:
        self.state.links = links
        slugs = [link.slug for link in links]
        self.state.slug = preferred if preferred in slugs else (slugs[0] if slugs else "")
        self._note_age(fetched_ms)
        self.links_changed.emit(links, self.state.slug)

    async def choose_link(self, slug: str, *, keep: tuple[tuple[int, int], date | None] | None = None) -> None:
        """Booking info and the first month with open times for `slug` (or the month and day in `keep`)."""
        self._generation += 1
        generation = self._generation
        state = self.state
        state.slug, state.info, state.pages, state.day, state.start_ms = slug, None, {}, None, 0
        self.day_changed.emit(DayChoice(None, []))
        self.time_changed.emit(0)
        info = await self._booking_info(slug, generation)
        if info is None or generation != self._generation:
            return
        state.info = info
        durations = info.custom_params.durations
        if state.duration_ms not in durations:
            state.duration_ms = durations[0] if durations else 0
        self.link_changed.emit(info)
        if keep is not None and await self._reopen(*keep, generation):
            return
        await self._open_first_month(generation)

    async def _reopen(self, month: tuple[int, int], day: date | None, generation: int) -> bool:
        """Show `month` again with `day` chosen when it still has open times (after a zone change); False when
        that month is already past in the new zone, so the first month with open times is shown instead."""
        if month < month_for_offset(self._today(), 0):
            return False
        if not await self._load_month(month, generation):
            return True  # the user moved on meanwhile
        if day is not None and day in self._open_days(month):
            self.state.day = day  # _show_month keeps a chosen day that lies in the shown month
            self._show_month(month)
            self.choose_day(day)
        else:
            self._show_month(month)
        return True

    async def _booking_info(self, slug: str, generation: int) -> BookingInfo | None:
        cache, tz = self.cache, self.state.timezone
        cached = cache.booking_info(slug, tz)
        try:
            info = await self.services.client.booking_info(slug, tz)
        except SchedulerError as exc:
            self._load_failed(exc)
            if cached is None:
                return None
            self._note_age(cached.fetched_ms)
            return cached.value
        if generation == self._generation:
            cache.put_booking_info(slug, tz, info)
        return info

    async def _open_first_month(self, generation: int) -> None:
        today = self._today()
        first = month_for_offset(today, 0)
        for offset in range(MONTHS_TO_SEARCH):
            month = month_for_offset(today, offset)
            if not await self._load_month(month, generation):
                return
            if self._open_days(month):
                self._show_month(month)
                return
        self._show_month(first)

    async def show_month(self, year: int, month: int) -> None:
        """Month navigation: show it at once (loading), then its open days (cache first)."""
        generation = self._generation
        wanted = (year, month)
        self.state.month = wanted
        if wanted not in self.state.pages:
            self.month_changed.emit(year, month, set(), True)
            if not await self._load_month(wanted, generation):
                return
        if generation == self._generation and self.state.month == wanted:
            self._show_month(wanted)

    async def refresh_month(self, *, keep_time: bool = False) -> None:
        """Fetch the shown month again (after a booking its time is gone): keep the day, and drop a time no longer
        open unless `keep_time` (the "time was taken" banner is still offering the alternatives)."""
        month, generation = self.state.month, self._generation
        if not self.state.slug:
            return
        if not await self._load_month(month, generation) or generation != self._generation:
            return
        if self.state.month != month:
            return  # the user moved to another month meanwhile
        self._show_month(month)
        day = self.state.day
        if day is not None:
            slots = self.slots_on(day)
            if not keep_time and self.state.start_ms and self.state.start_ms not in {s.start_ms for s in slots}:
                self.choose_time(0)
            self.day_changed.emit(DayChoice(day, slots))

    async def _load_month(self, month: tuple[int, int], generation: int) -> bool:
        """Fetch (or take from cache) one month's page; False when the user moved on meanwhile."""
        slug, tz = self.state.slug, self.state.timezone
        key = _month_key(month)
        cache = self.cache
        offset = offset_for_month(datetime.now(UTC), ZoneInfo(tz), *month)
        if offset < 0:
            self.state.pages[month] = AvailabilityPage(all_users_busy_times=[])
            return True
        try:
            page = await self.services.client.availability(slug, tz, offset)
        except SchedulerError as exc:
            self._load_failed(exc)
            cached = cache.availability(slug, tz, key)
            if cached is None:
                return generation == self._generation
            page = cached.value
            self._note_age(cached.fetched_ms)
        else:
            if generation == self._generation:
                cache.put_availability(slug, tz, key, page)
                self._went_online()
        if generation != self._generation:
            return False
        self.state.pages[month] = page
        return True

    # --- choices ----------------------------------------------------------------------------------------

    def choose_day(self, day: date) -> None:
        self.state.day = day
        self.state.start_ms = 0
        self.time_changed.emit(0)
        self.day_changed.emit(DayChoice(day, self.slots_on(day)))

    def choose_time(self, start_ms: int) -> None:
        self.state.start_ms = start_ms
        self.time_changed.emit(start_ms)

    def choose_duration(self, duration_ms: int) -> None:
        """Another length changes which times are open; keep the day, drop a time that no longer fits."""
        self.state.duration_ms = duration_ms
        self._show_month(self.state.month)
        if self.state.day is not None:
            slots = self.slots_on(self.state.day)
            if self.state.start_ms not in {s.start_ms for s in slots}:
                self.state.start_ms = 0
                self.time_changed.emit(0)
            self.day_changed.emit(DayChoice(self.state.day, slots))

    def set_held(self, starts: set[int]) -> None:
        """Times held by queued drafts (of the current link) changed: the calendar and times stop offering them."""
        if starts == self._held:
            return
        self._held = set(starts)
        if not self.state.pages:
            return
        self._show_month(self.state.month)
        day = self.state.day
        if day is not None:
            slots = self.slots_on(day)
            if self.state.start_ms and self.state.start_ms not in {s.start_ms for s in slots}:
                self.choose_time(0)
            self.day_changed.emit(DayChoice(day, slots))

    async def show_time(self, start_ms: int) -> None:
        """Show the month and day of `start_ms` and choose it when it is offered (opening an outbox draft)."""
        if not start_ms:
            return
        local = datetime.fromtimestamp(start_ms / 1000, UTC).astimezone(ZoneInfo(self.state.timezone))
        await self.show_month(local.year, local.month)
        self.choose_day(local.date())
        if start_ms in {s.start_ms for s in self.slots_on(local.date())}:
            self.choose_time(start_ms)

    def note_offline(self) -> None:
        """A request could not connect (the sender tried): bookings go to the outbox until HubSpot answers."""
        if self.online:
            self.online = False
            self.online_changed.emit(False)
            self.problem.emit(self.tr("HubSpot can't be reached; showing saved data. Bookings go to the outbox."))

    def note_online(self) -> None:
        """A request just reached HubSpot (the sender booked something): online, and the offline note goes."""
        if not self.online:
            self.online = True
            self.online_changed.emit(True)
            self.problem.emit("")

    async def set_timezone(self, zone: str) -> None:
        """Times are re-read in the new zone (its days differ); the shown month and chosen day stay, as the rep
        is usually checking the same date for someone elsewhere."""
        if zone == self.state.timezone:
            return
        keep = (self.state.month, self.state.day)
        self.state.timezone = zone
        if self.state.slug:
            await self.choose_link(self.state.slug, keep=keep)

    # --- reading the state ------------------------------------------------------------------------------

    def all_slots(self) -> dict[date, list[LocalSlot]]:
        """Open times by local day, over every loaded month. One paint asks several times (open days, the chosen
        day's times, what is offered): the last answer is kept while pages, length, zone and held times are the
        same (the pages compared by identity; they are replaced, never changed)."""
        pages = tuple(self.state.pages.values())
        key = (self.state.timezone, self.state.duration_ms, frozenset(self._held))
        memo = self._slots_memo
        if (
            memo is not None
            and memo[1] == key
            and len(memo[0]) == len(pages)
            and all(old is new for old, new in zip(memo[0], pages, strict=True))
        ):
            return memo[2]
        slots = [
            slot
            for page in pages
            if page.link_availability is not None
            for slot in page.link_availability.slots_for(self.state.duration_ms)
            if slot.start_millis_utc not in self._held
        ]
        by_day = slots_by_day(slots, ZoneInfo(self.state.timezone))
        self._slots_memo = (pages, key, by_day)
        return by_day

    def slots_on(self, day: date) -> list[LocalSlot]:
        """Open times on `day` that have not started yet."""
        now_ms = int(time.time() * 1000)
        return [s for s in self.all_slots().get(day, []) if s.start_ms > now_ms]

    def offered_starts(self) -> set[int]:
        return {s.start_ms for times in self.all_slots().values() for s in times}

    def _open_days(self, month: tuple[int, int]) -> set[date]:
        now_ms = int(time.time() * 1000)
        return {
            d
            for d, times in self.all_slots().items()
            if (d.year, d.month) == month and any(s.start_ms > now_ms for s in times)
        }

    def _show_month(self, month: tuple[int, int]) -> None:
        """Show `month`; with no day chosen in it yet, land on its first open day (cal.com #10295)."""
        self.state.month = month
        open_days = self._open_days(month)
        self.month_changed.emit(month[0], month[1], open_days, False)
        day = self.state.day
        if open_days and (day is None or (day.year, day.month) != month):
            self.choose_day(min(open_days))

    def _today(self) -> date:
        return today_in(datetime.now(UTC), ZoneInfo(self.state.timezone))

    # --- status -----------------------------------------------------------------------------------------

    def _note_age(self, fetched_ms: int | None) -> None:
        self.state.fetched_ms = fetched_ms
        self.data_age_changed.emit(fetched_ms or 0)

    def _load_failed(self, exc: SchedulerError) -> None:
        if isinstance(exc, NetworkUnreachable):
            self.note_offline()
            self.problem.emit(self.tr("HubSpot can't be reached; showing saved data. Bookings go to the outbox."))
        else:
            log.info("Loading failed: %s", type(exc).__name__)
            self.problem.emit(domain_text(exc.user_message))

    def _went_online(self) -> None:
        self.note_online()
        self._note_age(None)


def _month_key(month: tuple[int, int]) -> str:
    """The cache's key for a calendar month: `YYYY-MM` (a monthOffset changes meaning every month)."""
    return f"{month[0]:04d}-{month[1]:02d}"
