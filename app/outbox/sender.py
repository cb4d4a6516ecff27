"""OutboxSender: sends due queued drafts exactly once, with bounded concurrency, pacing and backoff (Qt-free).

The rules (issue 3, tightened in issue 11): a row is `sending` (committed) before its request leaves, and what is
sent is the row as saved at that moment; only a failure that provably never reached HubSpot (no connection made,
a 429, a refused sign-in) puts it back in the queue; anything that may have booked (a 5xx, a timeout, a dropped
connection, an unreadable answer) becomes `unknown`, is reconciled against fresh availability as *evidence* for
the user, and is only ever sent again by the user's explicit decision (`DraftActions.send_now`).

The sender never dies: a failure while handling one draft is logged, leaves that draft in a truthful state and
the loop moves on to the next one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Protocol

import msgspec

from app.hubspot import client as hubspot_client
from app.hubspot.backoff import Backoff
from app.hubspot.errors import (
    BookingRefused,
    LinkNotFound,
    MissingScopes,
    NetworkUnreachable,
    NotSignedIn,
    RateLimited,
    SchedulerError,
    TimeNoLongerAvailable,
    TokenRejected,
)
from app.hubspot.models import AvailabilityPage, BookRequest
from app.outbox.actions import EditHolds, history_row_writer
from app.outbox.availability_check import AvailabilityChecker, FetchAvailability
from app.outbox.events import (
    BookedWithoutCalendarEvent,
    EventHub,
    Listener,
    NeedsNewTimeEvent,
    OutboxEvent,
    RejectedEvent,
    SentEvent,
    UnknownEvent,
)
from app.outbox.lock import SenderLock
from app.store.history import History
from app.store.outbox import DraftNotFound, IllegalTransition, Outbox, OutboxEntry, State, Verdict

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]

# A sign-in problem will not fix itself: look again after this long (or when the user signs in and flushes).
AUTH_RETRY_S = 3600.0
TIME_PASSED = "The meeting time has passed. Pick a new time."
TIME_GONE = "That time is no longer offered. Pick a new time."
PROBABLY_BOOKED = "Probably booked: the time is no longer offered. Check the meeting in HubSpot."
PROBABLY_NOT_BOOKED = "Probably not booked: the time is still offered, so it can be sent again."
MAYBE_BOOKED = "An earlier attempt may have booked this; check HubSpot before sending it again."
BOOKED_NOT_RECORDED = "HubSpot booked this, but it could not be recorded here; it is settled on the next start."
SEND_FAILED = "Sending failed unexpectedly; it may have been booked."
#: No server-given wait (Retry-After, a rate-limit window) holds the sender longer than this.
MAX_SERVER_WAIT_S = 3600.0
#: After an unexpected failure of a whole pass, the loop waits this long before the next one.
PASS_FAILURE_PAUSE_S = 5.0
#: An edit may move a draft to another slot between its check and its send: check again at most this often.
MAX_RECHECKS = 3


class BookingClient(Protocol):
    """The part of SchedulerClient the sender uses."""

    async def availability(self, slug: str, timezone: str, month_offset: int = 0) -> AvailabilityPage: ...

    async def book(self, request: BookRequest) -> hubspot_client.BookResult: ...


@dataclass(slots=True)
class FlushReport:
    """What one flush did: outcomes by state, and whether another instance holds the sender lock."""

    outcomes: dict[State, int] = field(default_factory=dict)
    busy: bool = False
    offline: bool = False

    def count(self, state: State) -> None:
        self.outcomes[state] = self.outcomes.get(state, 0) + 1


class OutboxSender:
    def __init__(
        self,
        outbox: Outbox,
        client: BookingClient,
        *,
        history: History | None = None,
        lock: SenderLock | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Sleep = asyncio.sleep,
        max_concurrency: int = 2,
        fetch_availability: FetchAvailability | None = None,
        backoff: Backoff | None = None,
        # A cached page only ever says "still offered" (a "gone" verdict always takes a fresh one), and a stale
        # "offered" costs at most a refused POST, so a page may serve a whole flush under the rate limit.
        availability_ttl_s: float = 120.0,
        holds: EditHolds | None = None,
    ) -> None:
        if max_concurrency < 1:
            raise ValueError("max_concurrency must be at least 1")
        self._outbox = outbox
        self._client = client
        self._history = history
        self._lock = lock
        self._clock = clock
        self._sleep = sleep
        self._max_concurrency = max_concurrency
        self._backoff = backoff or Backoff()
        self._checker = AvailabilityChecker(fetch_availability or client.availability, clock, ttl_s=availability_ttl_s)
        self._events = EventHub()
        self.holds = holds if holds is not None else EditHolds()
        self._failures: dict[str, int] = {}  # consecutive transient failures per draft, for backoff
        self._hold_until = 0.0  # a 429 holds every send until then
        self._halt_pass = False  # stop launching sends this pass (offline, signed out)
        self._offline = False
        self._recovered = False
        self._stopping = False
        self._running = False
        self._wake = asyncio.Event()
        self._stopped = asyncio.Event()
        self.online_hint = True

    # --- events and user actions -----------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        return self._events.subscribe(listener)

    def _emit(self, event: OutboxEvent) -> None:
        self._events.emit(event)

    def notify_online(self) -> None:
        """Hint from the UI (the network is back): retry what failed to connect, now. The real request decides."""
        self.online_hint = True
        self._outbox.make_due_now(verdict=Verdict.OFFLINE)
        self._failures.clear()
        self._wake.set()

    def notify_offline(self) -> None:
        """Hint from the UI. Only recorded: queued drafts keep their schedule and the real request decides."""
        self.online_hint = False

    @property
    def lock(self) -> SenderLock | None:
        """The profile's sender lock. A one-off send in this process (a kiosk visitor) may share it, but only
        between this sender's flushes and never while `run()` holds it (the one-off send releases it after)."""
        return self._lock

    @property
    def offline(self) -> bool:
        """The last attempt could not connect to HubSpot."""
        return self._offline

    # --- the lock and start-up recovery -------------------------------------------------------------------

    def _take_lock(self) -> bool:
        if self._lock is not None and not self._lock.acquire():
            return False
        if not self._recovered:
            # Only the lock holder may do this: another instance's `sending` rows may be on the wire right now.
            self._recovered = True
            for draft_id in self._outbox.recover_after_crash():
                log.warning("Draft %s was being sent when the app stopped; its outcome is unknown", draft_id)
                self._emit(UnknownEvent(self._outbox.get(draft_id)))
        return True

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()

    # --- flushing -----------------------------------------------------------------------------------------

    async def flush(self, *, wait_for_retries: bool = False, max_wait_s: float = 900.0) -> FlushReport:
        """Send everything due now (and, with `wait_for_retries`, what comes due within `max_wait_s`)."""
        report = FlushReport()
        if not self._take_lock():
            report.busy = True
            return report
        try:
            await self._flush(report, wait_for_retries, self._clock() + max_wait_s)
        finally:
            if not self._running:
                self._release_lock()
        report.offline = self._offline
        return report

    async def _flush(self, report: FlushReport, wait_for_retries: bool, deadline: float) -> None:
        self._halt_pass = False
        await self.reconcile_unknown()
        in_flight: dict[str, asyncio.Task[None]] = {}
        try:
            while True:
                free = self._max_concurrency - len(in_flight)
                if free > 0 and not self._halt_pass and not self._stopping:
                    busy = frozenset(in_flight) | self.holds.ids()
                    for entry in self._outbox.due(self._now_ms(), limit=free, exclude=busy):
                        in_flight[entry.id] = asyncio.create_task(self._process(entry, report))
                if not in_flight:
                    wait = self._seconds_until_due() if wait_for_retries else None
                    if wait is None or self._halt_pass or self._stopping or self._clock() + wait > deadline:
                        return
                    await self._sleep(wait)
                    continue
                done, _ = await asyncio.wait(in_flight.values(), return_when=asyncio.FIRST_COMPLETED)
                for draft_id, task in list(in_flight.items()):
                    if task in done:
                        del in_flight[draft_id]
                        if not task.cancelled() and (error := task.exception()) is not None:
                            # _process settles its own failures; this is a bug, and it must not stop the others.
                            log.error("Handling draft %s failed", draft_id, exc_info=error)
        finally:
            # Cancelled (shutdown): let each send record its own outcome before returning.
            for task in in_flight.values():
                task.cancel()
            if in_flight:
                await asyncio.gather(*in_flight.values(), return_exceptions=True)

    def _seconds_until_due(self) -> float | None:
        due = self._outbox.next_due_ms()
        return None if due is None else max(0.0, due / 1000 - self._clock())

    def _now_ms(self) -> int:
        return int(self._clock() * 1000)

    # --- one draft ------------------------------------------------------------------------------------------

    async def _process(self, entry: OutboxEntry, report: FlushReport) -> None:
        """One draft, start to outcome. Never raises (but CancelledError): any failure leaves a truthful state."""
        try:
            await self._send_one(entry, report)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            self._survive(entry.id, exc, report)

    async def _send_one(self, entry: OutboxEntry, report: FlushReport) -> None:
        while (hold := self._hold_until - self._clock()) > 0:
            await self._sleep(hold)
        for _ in range(MAX_RECHECKS):
            if self._halt_pass or self._stopping or entry.id in self.holds:
                return
            if not await self._still_bookable(entry, report):
                return
            if entry.id in self.holds:
                return  # the user opened it for editing during the check: sent when the edit is saved
            try:
                sending = self._outbox.mark_sending(entry.id, entry.slot_key)
            except (IllegalTransition, DraftNotFound):
                # Discarded (or taken by another sender) during the check: that action won, nothing is sent.
                log.info("Draft %s changed during its pre-send check; not sending it", entry.id)
                return
            if sending is not None:
                await self._post(sending, report)
                return
            entry = self._outbox.get(entry.id)  # edited to another time meanwhile: check that one
        log.warning("Draft %s kept changing during its checks; left queued for the next pass", entry.id)

    async def _post(self, entry: OutboxEntry, report: FlushReport) -> None:
        """The request, from the row as saved when it became `sending`; its answer decides the row's state."""
        try:
            result = await self._client.book(entry.request)
        except asyncio.CancelledError:
            self._settle(entry, State.UNKNOWN, report, "Sending was interrupted; the booking may have been made.")
            raise
        except Exception as exc:
            self._after_failure(entry, exc, report)
            return
        self._offline = False
        self._failures.pop(entry.id, None)
        no_event = isinstance(result, hubspot_client.BookedWithoutCalendarEvent)
        try:
            sent = self._outbox.mark_sent(
                entry.id, result.response, also=history_row_writer(self._history, entry, result.response)
            )
        except Exception:
            # Booked, but the disk refused the record: say it was booked; the row stays `sending`, which the next
            # start turns into `unknown` and reconciles ("probably booked") — never re-sent, never silent.
            log.exception("Draft %s was booked but could not be recorded", entry.id)
            sent = msgspec.structs.replace(
                entry, state=State.SENT, response=result.response, last_error=BOOKED_NOT_RECORDED
            )
        report.count(State.SENT)
        self._emit(BookedWithoutCalendarEvent(sent) if no_event else SentEvent(sent))

    def _survive(self, draft_id: str, exc: Exception, report: FlushReport) -> None:
        """A bug or a store failure while handling one draft: log it and leave the row in a truthful state."""
        log.error("Handling draft %s failed unexpectedly", draft_id, exc_info=exc)
        try:
            entry = self._outbox.get(draft_id)
            if entry.state is State.SENDING:
                # The request may have left: unknown, like a crash (never re-sent by itself).
                self._settle(entry, State.UNKNOWN, report, SEND_FAILED)
            elif entry.state is State.QUEUED:
                self._outbox.defer(draft_id, self._now_ms() + int(self._backoff.delay(1) * 1000))
                report.count(State.QUEUED)
        except Exception:
            log.exception("Could not record the state of draft %s; the next start settles it", draft_id)

    async def _still_bookable(self, entry: OutboxEntry, report: FlushReport) -> bool:
        """The pre-send check; on False the row has been moved or deferred."""
        if entry.maybe_delivered:
            # Queued by an older version after a 5xx: it may have booked, so it is the user's decision now.
            self._settle(entry, State.UNKNOWN, report, MAYBE_BOOKED)
            return False
        if entry.start_ms <= self._now_ms():
            self._settle(entry, State.NEEDS_NEW_TIME, report, TIME_PASSED)
            return False
        try:
            offered = await self._checker.offered(entry.link_slug, entry.timezone, entry.start_ms, entry.duration_ms)
        except LinkNotFound as exc:
            self._settle(entry, State.REJECTED, report, exc.user_message, correlation_id=exc.correlation_id)
            return False
        except Exception as exc:
            self._defer(entry, exc, report)
            return False
        if offered:
            return True
        self._settle(entry, State.NEEDS_NEW_TIME, report, TIME_GONE)
        return False

    def _defer(self, entry: OutboxEntry, exc: Exception, report: FlushReport) -> None:
        """The pre-send check failed (nothing was sent): keep the row queued for later."""
        delay = self._transient_delay(entry, exc)
        message = exc.user_message if isinstance(exc, SchedulerError) else "Could not check the open times."
        if not isinstance(exc, SchedulerError):
            log.exception("Checking open times failed unexpectedly")
        self._outbox.defer(entry.id, self._now_ms() + int(delay * 1000), error=message)
        report.count(State.QUEUED)

    def _transient_delay(self, entry: OutboxEntry, exc: Exception) -> float:
        """How long to wait after a failure that left nothing booked; also pauses the pass when it should."""
        if isinstance(exc, RateLimited):
            wait = _bounded_wait(exc.retry_after)
            self._hold_until = max(self._hold_until, self._clock() + wait)
            return wait
        if isinstance(exc, (TokenRejected, MissingScopes, NotSignedIn)):
            self._halt_pass = True
            return AUTH_RETRY_S
        if isinstance(exc, NetworkUnreachable):
            self._offline = True
            self._halt_pass = True
        failures = self._failures.get(entry.id, 0) + 1
        self._failures[entry.id] = failures
        return self._backoff.delay(failures)

    def _after_failure(self, entry: OutboxEntry, exc: Exception, report: FlushReport) -> None:
        """Map the book call's error to the draft's next state."""
        correlation = exc.correlation_id if isinstance(exc, SchedulerError) else None
        if isinstance(exc, NetworkUnreachable | RateLimited | TokenRejected | MissingScopes | NotSignedIn):
            # Provably never processed by HubSpot (no connection made, 429, refused sign-in): queued unchanged.
            self._offline = isinstance(exc, NetworkUnreachable)
            delay = self._transient_delay(entry, exc)
            verdict = Verdict.OFFLINE if isinstance(exc, NetworkUnreachable) else Verdict.NONE
            self._outbox.retry_later(
                entry.id,
                self._now_ms() + int(delay * 1000),
                error=exc.user_message,
                correlation_id=correlation,
                verdict=verdict,
            )
            report.count(State.QUEUED)
        elif isinstance(exc, TimeNoLongerAvailable):
            self._settle(entry, State.NEEDS_NEW_TIME, report, exc.user_message, correlation_id=correlation)
        elif isinstance(exc, BookingRefused | LinkNotFound):
            field_name = exc.field if isinstance(exc, BookingRefused) else None
            self._settle(entry, State.REJECTED, report, exc.user_message, correlation_id=correlation, field=field_name)
        else:
            # A 5xx, OutcomeUnknown (timeout, dropped connection), MalformedResponse, anything unexpected: it may
            # have booked — a 5xx proves nothing, least of all on a team link where the time stays offered after
            # one member was booked. Unknown, reconciled as evidence, and never re-sent by itself.
            if not isinstance(exc, SchedulerError):
                log.error("Unexpected error while booking draft %s", entry.id, exc_info=exc)
            message = exc.user_message if isinstance(exc, SchedulerError) else "Sending failed unexpectedly."
            self._settle(entry, State.UNKNOWN, report, message, correlation_id=correlation)

    def _settle(
        self,
        entry: OutboxEntry,
        state: State,
        report: FlushReport,
        message: str,
        *,
        correlation_id: str | None = None,
        field: str | None = None,
        verdict: Verdict = Verdict.NONE,
    ) -> None:
        self._failures.pop(entry.id, None)
        final = self._outbox.mark_failed(
            entry.id, state, error=message, correlation_id=correlation_id, field=field, verdict=verdict
        )
        report.count(state)
        event: OutboxEvent
        if state is State.NEEDS_NEW_TIME:
            event = NeedsNewTimeEvent(final)
        elif state is State.REJECTED:
            event = RejectedEvent(final)
        else:
            event = UnknownEvent(final)
        self._emit(event)

    # --- reconciling unknown outcomes ----------------------------------------------------------------------

    async def reconcile(self, draft_id: str) -> OutboxEntry:
        """Fresh availability for an unknown draft: still offered → probably not booked; gone → probably booked."""
        entry = self._outbox.get(draft_id)
        if entry.state is not State.UNKNOWN:
            return entry
        if entry.start_ms <= self._now_ms():
            verdict, note = Verdict.PROBABLY_BOOKED, "The time has passed; check in HubSpot whether it was booked."
        elif await self._checker.offered(
            entry.link_slug, entry.timezone, entry.start_ms, entry.duration_ms, fresh=True
        ):
            verdict, note = Verdict.PROBABLY_NOT_BOOKED, PROBABLY_NOT_BOOKED
        else:
            verdict, note = Verdict.PROBABLY_BOOKED, PROBABLY_BOOKED
        updated = self._outbox.set_verdict(draft_id, verdict, note=note)
        self._emit(UnknownEvent(updated))
        return updated

    async def reconcile_unknown(self) -> list[OutboxEntry]:
        """Reconcile every unknown draft not yet checked; a failure to check leaves it for next time."""
        checked: list[OutboxEntry] = []
        for entry in self._outbox.entries(State.UNKNOWN):
            if entry.verdict is not Verdict.NONE:
                continue
            try:
                checked.append(await self.reconcile(entry.id))
            except SchedulerError as exc:
                log.info("Could not reconcile draft %s yet: %s", entry.id, type(exc).__name__)
                if isinstance(exc, NetworkUnreachable):
                    self._offline = True
                    break
        return checked

    # --- the long-running loop ------------------------------------------------------------------------------

    async def run(self, *, poll_s: float = 300.0) -> None:
        """Flush, then wait for the next due time, a wake-up (user action, online hint) or stop()."""
        if self._running:
            raise RuntimeError("the sender is already running")
        poll_s = min(poll_s, 86_400.0)  # asyncio's timers overflow on absurd delays
        self._running = True
        self._stopping = False
        self._stopped.clear()
        try:
            while not self._stopping:
                self._wake.clear()
                try:
                    if self._take_lock():
                        await self.flush()
                        wait = self._seconds_until_due()
                        delay = poll_s if wait is None else min(poll_s, max(wait, 0.05))
                    else:
                        delay = poll_s  # another instance sends; look again later
                except Exception:
                    # A store or a bug failed a whole pass: the sender lives on and tries again shortly.
                    log.exception("An outbox pass failed; trying again in %.0f s", PASS_FAILURE_PAUSE_S)
                    delay = PASS_FAILURE_PAUSE_S
                await self._wait_for_wake(delay)
        finally:
            self._running = False
            self._release_lock()
            self._stopped.set()

    async def _wait_for_wake(self, delay: float) -> None:
        waiter = asyncio.create_task(self._wake.wait())
        timer: asyncio.Future[None] = asyncio.ensure_future(self._sleep(delay))
        try:
            await asyncio.wait((waiter, timer), return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (waiter, timer):
                task.cancel()
            for task in (waiter, timer):
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    def wake(self) -> None:
        """Flush soon (a new draft was queued)."""
        self._wake.set()

    async def stop(self) -> None:
        """Finish the sends in flight, then end run() and release the lock."""
        self._stopping = True
        self._wake.set()
        if self._running:
            await self._stopped.wait()


def _bounded_wait(seconds: float) -> float:
    """A server-given wait as a sane number of seconds: never negative, never absurd (1e400 is inf)."""
    if not math.isfinite(seconds) or seconds < 0:
        return MAX_SERVER_WAIT_S if seconds > 0 else 0.0
    return min(seconds, MAX_SERVER_WAIT_S)
