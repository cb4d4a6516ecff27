"""Shared fakes for the outbox tests: a clock whose sleep advances it, and a scriptable Scheduler client."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.hubspot.client import Booked, BookedWithoutCalendarEvent, BookResult
from app.hubspot.models import (
    AvailabilityForDuration,
    AvailabilityPage,
    BookRequest,
    BookResponse,
    FormFieldAnswer,
    LinkAvailability,
    Slot,
)
from app.store.database import Database
from app.store.history import History
from app.store.outbox import Outbox

NOW_S = 1_795_600_800.0  # 2026-11-25T10:00:00Z
HALF_HOUR_MS = 1_800_000
SLUG = "demo/intro-call"
TZ = "Europe/Berlin"


def slot_ms(hours_ahead: int) -> int:
    return int(NOW_S * 1000) + hours_ahead * 3_600_000


class FakeClock:
    """Time that only moves when something sleeps: no real waiting in tests."""

    def __init__(self, start: float = NOW_S) -> None:
        self.now = start
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += max(0.0, seconds)
        await asyncio.sleep(0)


def make_request(start_ms: int, *, email: str = "ada@example.com", first: str = "Ada", last: str = "Lovelace",
                 company: str = "Analytical Engines", guests: list[str] | None = None) -> BookRequest:  # fmt: skip
    from app.store.outbox import iso_utc

    return BookRequest(
        slug=SLUG,
        start_time=iso_utc(start_ms),
        duration=HALF_HOUR_MS,
        email=email,
        first_name=first,
        last_name=last,
        form_fields=[FormFieldAnswer(name="company", value=company)],
        legal_consent_responses=[],
        likely_available_user_ids=[],
        timezone=TZ,
        locale="en-us",
        guest_emails=guests or [],
    )


def make_response(request: BookRequest, *, calendar_event: bool = True) -> BookResponse:
    return BookResponse(
        calendar_event_id="evt-1" if calendar_event else "",
        contact_id="c-1",
        booking_timezone=request.timezone or "UTC",
        start=request.start_time,
        end=request.start_time,
        duration=request.duration,
        subject=f"Intro call with {request.first_name}",
        form_fields=[],
        guest_emails=list(request.guest_emails),
        is_offline=not calendar_event,
        legal_consent_responses=[],
        web_conference_url="https://meet.example.com/abc",
    )


def make_page(starts: set[int]) -> AvailabilityPage:
    slots = [Slot(start_millis_utc=s, end_millis_utc=s + HALF_HOUR_MS) for s in sorted(starts)]
    return AvailabilityPage(
        all_users_busy_times=[],
        link_availability=LinkAvailability(
            has_more=False,
            link_availability_by_duration={
                str(HALF_HOUR_MS): AvailabilityForDuration(meeting_duration_millis=HALF_HOUR_MS, availabilities=slots)
            },
        ),
    )


class FakeClient:
    """Implements exactly the two calls the sender uses; `book_script` decides each book call's outcome."""

    def __init__(self, offered: set[int] | None = None) -> None:
        self.offered: set[int] = set(offered or ())
        self.book_script: list[Exception | str] = []  # "ok", "no-event", or an exception to raise
        self.availability_script: list[Exception] = []
        self.booked: list[BookRequest] = []
        self.book_calls = 0
        self.gate: asyncio.Event | None = None
        self.active = 0
        self.max_active = 0

    async def availability(self, slug: str, timezone: str, month_offset: int = 0) -> AvailabilityPage:
        if self.availability_script:
            raise self.availability_script.pop(0)
        return make_page(self.offered)

    async def book(self, request: BookRequest) -> BookResult:
        self.book_calls += 1
        self.active += 1
        self.max_active = max(self.max_active, self.active)
        try:
            if self.gate is not None:
                await self.gate.wait()
            outcome = self.book_script.pop(0) if self.book_script else "ok"
            if isinstance(outcome, Exception):
                raise outcome
            self.booked.append(request)
            from app.store.outbox import iso_utc

            self.offered = {s for s in self.offered if iso_utc(s) != request.start_time}
            response = make_response(request, calendar_event=outcome != "no-event")
            return Booked(response) if outcome == "ok" else BookedWithoutCalendarEvent(response)
        finally:
            self.active -= 1


@pytest.fixture(name="db")
def db_fixture(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "store.sqlite3")
    yield database
    database.close()


@pytest.fixture(name="clock")
def clock_fixture() -> FakeClock:
    return FakeClock()


@pytest.fixture(name="outbox")
def outbox_fixture(db: Database, clock: FakeClock) -> Outbox:
    return Outbox(db, clock=clock)


@pytest.fixture(name="history")
def history_fixture(db: Database, clock: FakeClock) -> History:
    return History(db, clock=clock)


def enqueue(outbox: Outbox, start_ms: int, **kw: object) -> str:
    request = make_request(start_ms, **kw)  # type: ignore[arg-type]
    return outbox.enqueue(request=request, payload={"note": "hi"}, start_ms=start_ms, link_name="Intro call").id
