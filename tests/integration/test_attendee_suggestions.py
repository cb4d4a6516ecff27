"""Attendee suggestions against the sandbox over loopback: CRM search paged and paced, scope missing, offline cache,
history merged first, forget-this-person."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field

import pytest
import pytest_asyncio

from app.attendees.suggestions import MISSING_SCOPE_NOTE, AttendeeSuggestions
from app.hubspot.client import SchedulerClient
from app.hubspot.errors import MissingScopes
from app.hubspot.http import make_http_client
from app.hubspot.rate_limit import RateLimitPacer
from app.hubspot.tokens import StaticTokenProvider
from app.sandbox.server import running_server
from app.sandbox.state import DEMO_TOKEN, READ_ONLY_TOKEN, SandboxState
from app.store.crm_contacts import CrmContactCache
from app.store.database import Database
from app.store.forget import forget_person
from app.store.history import History
from tests.gui.window_support import free_port
from tests.unit.test_outbox_fakes import make_request, make_response, slot_ms


@dataclass
class FakeTime:
    """A clock that a wait moves forward: pacing and Retry-After are seen, never slept."""

    now: float = 1000.0
    waits: list[float] = field(default_factory=list)

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds


@pytest.fixture
def sandbox() -> Iterator[tuple[SandboxState, str]]:
    state = SandboxState()
    with running_server(state) as base_url:
        yield state, base_url


@pytest_asyncio.fixture
async def db() -> AsyncIterator[Database]:
    database = Database.in_memory()
    yield database
    database.close()


def client_for(base_url: str, token: str = DEMO_TOKEN, time: FakeTime | None = None) -> SchedulerClient:
    time = time or FakeTime()
    pacer = RateLimitPacer(clock=time.clock, sleep=time.sleep)
    return SchedulerClient(make_http_client(base_url), StaticTokenProvider(token), pacer=pacer, sleep=time.sleep)


@pytest.mark.asyncio
async def test_search_contacts_pages_through_every_match(sandbox: tuple[SandboxState, str]) -> None:
    client = client_for(sandbox[1])
    try:
        first = await client.search_contacts("jan", limit=3)
        assert first.total == 4 and len(first.results) == 3
        assert first.paging is not None and first.paging.next is not None
        rest = await client.search_contacts("jan", limit=3, after=first.paging.next.after)
    finally:
        await client.aclose()
    names = [c.properties.firstname for c in [*first.results, *rest.results]]
    assert sorted(n or "" for n in names) == ["Jan", "Jane", "Janet", "Janis"]
    assert rest.paging is None
    assert {c.properties.company for c in first.results} >= {"Acme"}


@pytest.mark.asyncio
async def test_a_429_is_waited_out_as_retry_after_says(sandbox: tuple[SandboxState, str]) -> None:
    state, base_url = sandbox
    state.faults.inject("contacts", status=429, retry_after=3)
    time = FakeTime()
    client = client_for(base_url, time=time)
    try:
        page = await client.search_contacts("grace")
    finally:
        await client.aclose()
    assert [c.properties.email for c in page.results] == ["grace@navy.test"]
    assert 3.0 in time.waits  # paced by the same pacer as every call


@pytest.mark.asyncio
async def test_the_client_reports_the_missing_scope(sandbox: tuple[SandboxState, str]) -> None:
    client = client_for(sandbox[1], READ_ONLY_TOKEN)
    try:
        with pytest.raises(MissingScopes) as caught:
            await client.search_contacts("jane")
    finally:
        await client.aclose()
    assert caught.value.scopes == ["crm.objects.contacts.read"]


@pytest.mark.asyncio
async def test_missing_scope_means_history_only_said_once(sandbox: tuple[SandboxState, str], db: Database) -> None:
    base_url = sandbox[1]
    History(db).record(request=make_request(slot_ms(24), email="jane.doe@acme.test", first="Jane", last="Doe",
                                            company="Acme"), response=None, start_ms=slot_ms(24))  # fmt: skip
    client = client_for(base_url, READ_ONLY_TOKEN)
    try:
        service = AttendeeSuggestions(db, client)
        first, note = await service.suggest("jane")
        again, second_note = await service.suggest("jane")
        assert [s.email for s in first] == ["jane.doe@acme.test"]
        assert [s.source for s in first] == ["history"]
        assert note == MISSING_SCOPE_NOTE and second_note == ""
        assert again == first
        assert not service.searches_crm
    finally:
        await client.aclose()


@pytest.mark.asyncio
async def test_history_first_then_crm_one_entry_per_person(sandbox: tuple[SandboxState, str], db: Database) -> None:
    History(db).record(request=make_request(slot_ms(24), email="Jane.Doe@acme.test", first="Jane", last="Doe",
                                            company=""), response=None, start_ms=slot_ms(24))  # fmt: skip
    client = client_for(sandbox[1])
    try:
        suggestions, note = await AttendeeSuggestions(db, client).suggest("jan")
    finally:
        await client.aclose()
    assert note == ""
    assert suggestions[0].source == "history" and suggestions[0].email == "Jane.Doe@acme.test"
    assert suggestions[0].company == "Acme"  # filled in from the CRM
    assert sorted(s.email for s in suggestions[1:]) == ["jan.kowalski@initech.test", "janet@globex.test",
                                                         "janis@riga.test"]  # fmt: skip
    assert {s.source for s in suggestions[1:]} == {"crm"}


@pytest.mark.asyncio
async def test_crm_results_are_offered_offline_and_forgotten_on_request(
    sandbox: tuple[SandboxState, str], db: Database
) -> None:
    online = client_for(sandbox[1])
    try:
        seen = await AttendeeSuggestions(db, online).from_crm("hopper")
    finally:
        await online.aclose()
    assert [s.email for s in seen.suggestions] == ["grace@navy.test"] and not seen.from_cache

    offline = client_for(f"http://127.0.0.1:{free_port()}")  # nothing listens there
    try:
        service = AttendeeSuggestions(db, offline)
        cached = await service.from_crm("grace")
        assert cached.from_cache and [s.label() for s in cached.suggestions] == [
            "Grace Hopper <grace@navy.test> · US Navy"
        ]
        report = forget_person(db, "GRACE@navy.test")
        assert report.crm_contacts_deleted == 1
        assert (await service.from_crm("grace")).suggestions == []
    finally:
        await offline.aclose()
    assert CrmContactCache(db).count() == 0


def test_the_cache_keeps_only_the_most_recently_used(db: Database) -> None:
    from app.store import crm_contacts
    from app.store.crm_contacts import CrmContact

    moments = iter(range(1, 10_000))
    cache = CrmContactCache(db, clock=lambda: float(next(moments)))
    people = [CrmContact(str(i), "P", str(i), f"p{i}@x.test", "") for i in range(crm_contacts.KEEP + 5)]
    for person in people:
        cache.remember([person])
    assert cache.count() == crm_contacts.KEEP
    assert cache.search("p0@x.test") == []  # the oldest went first
    assert [c.email for c in cache.search(f"p{crm_contacts.KEEP + 4}@")] == [f"p{crm_contacts.KEEP + 4}@x.test"]


def test_short_text_suggests_nothing(db: Database) -> None:
    History(db).record(request=make_request(slot_ms(24)), response=make_response(make_request(slot_ms(24))),
                       start_ms=slot_ms(24))  # fmt: skip
    service = AttendeeSuggestions(db, None)
    assert service.from_history("a") == []
    assert [s.email for s in service.from_history("ad")] == ["ada@example.com"]
