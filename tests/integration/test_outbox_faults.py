"""Fault matrix on `book` over a real loopback socket: each failure ends in the right outbox state and message."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import msgspec
import pytest

from app.cli import booking as cli_booking
from app.cli import build_parser
from app.cli import outbox as cli_outbox
from app.cli import output as cli_output
from app.cli.booking import run_command
from app.cli.outbox import run_outbox_command
from app.hubspot import http as hubspot_http
from app.hubspot.client import SchedulerClient
from app.hubspot.retry import RetryPolicy
from app.paths import resolve_paths
from app.sandbox.server import running_server
from app.sandbox.state import DEMO_TOKEN, SandboxState
from app.store.database import Database
from app.store.outbox import Outbox, OutboxEntry, State, Verdict

_print_json = cli_output.print_json
_table = cli_output.table
SLUG = "alex-morgan"
TZ = "Europe/Berlin"


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)


class Cli:
    """The CLI in-process (so a test can shorten the client's timeout), against one sandbox and one profile."""

    def __init__(self, state: SandboxState, url: str, profile: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.state = state
        self.url = url
        self.profile = profile
        self._capsys = capsys

    def __call__(self, *argv: str, url: str | None = None) -> Run:
        args = build_parser().parse_args(["--profile", str(self.profile), "--api-base", url or self.url, *argv])
        paths = resolve_paths(args.profile)
        paths.ensure()
        self._capsys.readouterr()
        if args.command in ("outbox", "history", "forget"):
            code = run_outbox_command(args, paths)
        else:
            code = run_command(args, paths)
        captured = self._capsys.readouterr()
        return Run(code, captured.out, captured.err)

    def open_times(self, minutes: int = 30) -> list[str]:
        for offset in ("0", "1"):
            days = self("slots", SLUG, "--timezone", TZ, "--duration", str(minutes), "--month-offset", offset, "--json")
            times = [t for day in sorted(days.json["days"]) for t in days.json["days"][day]]
            if len(times) >= 4:
                return times
        raise AssertionError("no open times in the sandbox")

    def book(self, start: str, *extra: str, email: str = "jane@acme.test", url: str | None = None) -> Run:
        return self(
            "book", SLUG, "--start", start, "--duration", "30", "--timezone", TZ, "--first-name", "Jane",
            "--last-name", "Doe", "--email", email, "--field", "company=Acme", "--consent", "processing=yes",
            *extra, url=url,
        )  # fmt: skip

    def only_draft(self) -> OutboxEntry:
        with Database.open(self.profile / "booking-assistant.sqlite3") as db:
            entries = Outbox(db).entries()
        assert len(entries) == 1
        return entries[0]


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Iterator[Cli]:
    monkeypatch.setenv("BOOKING_ASSISTANT_TOKEN", DEMO_TOKEN)
    # Reads to an unreachable port are retried with backoff; keep those waits short (book is never retried).
    monkeypatch.setattr(RetryPolicy, "backoff", lambda self, retry_number: 0.01)
    # print_json and table bind sys.stdout when defined; write to the one capsys installed instead.
    for module in (cli_output, cli_booking, cli_outbox):
        monkeypatch.setattr(module, "print_json", lambda data, out=None: _print_json(data, sys.stdout))
        monkeypatch.setattr(module, "table", lambda rows, headers, out=None: _table(rows, headers, sys.stdout))
    state = SandboxState()
    with running_server(state) as url:
        yield Cli(state, url, tmp_path / "profile", capsys)


def test_500_is_unknown_and_sent_again_only_when_the_user_retries(cli: Cli) -> None:
    start = cli.open_times()[0]
    cli.state.faults.inject("book", status=500)
    result = cli.book(start, "--json")
    assert result.code == 5  # outcome unknown: a script must not retry it as if refused
    error = result.json["error"]
    assert error["type"] == "ServerError"
    assert error["draftState"] == "unknown"
    assert cli.only_draft().state is State.UNKNOWN
    assert cli.state.bookings == []

    cli.state.faults.clear()
    checked = cli("outbox", "send", "--wait", "30")
    assert checked.code == 0, checked.out + checked.err
    draft = cli.only_draft()
    assert (draft.state, draft.verdict) == (State.UNKNOWN, Verdict.PROBABLY_NOT_BOOKED)
    assert cli.state.bookings == []  # the check is evidence; sending again is the user's decision

    assert cli("outbox", "retry", draft.id).code == 0
    sent = cli("outbox", "send", "--wait", "30")
    assert sent.code == 0, sent.out + sent.err
    assert cli.only_draft().state is State.SENT
    assert len(cli.state.bookings) == 1


def test_503_with_retry_after_is_unknown_never_resent_by_itself(cli: Cli) -> None:
    start = cli.open_times()[0]
    cli.state.faults.inject("book", status=503, retry_after=2)
    result = cli.book(start)
    assert result.code == 5
    assert "never re-sent by itself" in result.err
    assert cli.only_draft().state is State.UNKNOWN
    assert cli.state.bookings == []


def test_429_with_retry_after_is_waited_out_and_booked(cli: Cli) -> None:
    start = cli.open_times()[0]
    cli.state.faults.inject("book", status=429, retry_after=1)
    result = cli.book(start, "--json")
    assert result.code == 0, result.out + result.err
    assert result.json["status"] == "booked"
    assert "asked to wait" in result.err
    assert cli.only_draft().state is State.SENT
    assert len(cli.state.bookings) == 1


def test_connection_dropped_before_booking_is_unknown_then_reconciled_and_resent_by_the_user(cli: Cli) -> None:
    start = cli.open_times()[0]
    cli.state.faults.inject("book", drop=True)
    result = cli.book(start, "--json")
    assert result.code == 5
    assert result.json["error"]["type"] == "OutcomeUnknown"
    draft = cli.only_draft()
    assert draft.state is State.UNKNOWN
    assert cli.state.bookings == []

    refused = cli("outbox", "retry", draft.id)  # not checked yet: no blind re-send
    assert refused.code == 2
    assert "not been checked" in refused.err
    check = cli("outbox", "send")
    assert check.code == 0
    assert cli.only_draft().verdict is Verdict.PROBABLY_NOT_BOOKED  # the time is still offered
    assert cli("outbox", "retry", draft.id[:8]).code == 0
    assert cli("outbox", "send").code == 0
    assert cli.only_draft().state is State.SENT
    assert len(cli.state.bookings) == 1


def test_connection_dropped_after_booking_is_unknown_probably_booked_then_marked_booked(cli: Cli) -> None:
    start = cli.open_times()[0]
    cli.state.faults.inject("book", drop_after_booking=True)
    result = cli.book(start)
    assert result.code == 5
    assert "never re-sent by itself" in result.err
    assert len(cli.state.bookings) == 1

    assert cli("outbox", "send").code == 0
    draft = cli.only_draft()
    assert (draft.state, draft.verdict) == (State.UNKNOWN, Verdict.PROBABLY_BOOKED)
    refused = cli("outbox", "retry", draft.id)
    assert refused.code == 2
    assert "probably booked" in refused.err
    assert cli("outbox", "mark-booked", draft.id).code == 0
    history = cli("history", "--json").json
    assert history["total"] == 1
    assert len(cli.state.bookings) == 1  # never sent twice


def test_read_timeout_is_outcome_unknown_and_not_resent(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    start = cli.open_times()[0]
    real = hubspot_http.make_http_client

    def short_timeout(base_url: str, **kw: Any) -> httpx.AsyncClient:
        return real(base_url, timeout=httpx.Timeout(0.5, connect=5.0), **kw)

    monkeypatch.setattr("app.services.make_http_client", short_timeout)
    cli.state.faults.inject("book", delay=1.5)
    result = cli.book(start, "--json")
    assert result.code == 5
    assert result.json["error"]["type"] == "OutcomeUnknown"
    assert "may or may not have been booked" in result.json["error"]["message"]
    assert cli.only_draft().state is State.UNKNOWN
    assert cli.only_draft().attempts == 1
    assert len(cli.state.bookings) <= 1


def test_malformed_confirmation_is_unknown_though_booked(cli: Cli) -> None:
    start = cli.open_times()[0]
    cli.state.faults.inject("book", malformed=True)
    result = cli.book(start, "--json")
    assert result.code == 5
    assert "probably booked" in result.json["error"]["message"]
    assert cli.only_draft().state is State.UNKNOWN
    assert len(cli.state.bookings) == 1


def test_time_taken_meanwhile_needs_a_new_time_with_nearest_open_times(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    start = cli.open_times()[0]
    real_book = SchedulerClient.book

    async def someone_else_first(self: SchedulerClient, request: Any) -> Any:
        # Another attendee takes the time between our check and our request.
        await real_book(self, msgspec.structs.replace(request, email="rival@acme.test"))
        return await real_book(self, request)

    monkeypatch.setattr(SchedulerClient, "book", someone_else_first)
    result = cli.book(start, "--json")
    assert result.code == 3
    error = result.json["error"]
    assert error["type"] == "TimeNoLongerAvailable"
    assert error["draftState"] == "needs_new_time"
    assert error["nearestOpenTimes"] and start not in error["nearestOpenTimes"]
    draft = cli.only_draft()
    assert draft.state is State.NEEDS_NEW_TIME
    assert draft.request.form_fields  # every answer kept for picking a new time
    assert len(cli.state.bookings) == 1  # the rival's


def test_example_com_email_is_rejected_naming_the_field(cli: Cli) -> None:
    start = cli.open_times()[0]
    result = cli.book(start, "--json", email="jane@example.com")
    assert result.code == 3
    error = result.json["error"]
    assert error["type"] == "InvalidEmail"
    assert error["field"] == "email"
    assert cli.only_draft().state is State.REJECTED
    assert cli.state.bookings == []


def test_unreachable_after_drafting_keeps_the_draft_queued_exit_4(cli: Cli) -> None:
    times = cli.open_times()
    first = times[0]
    later = datetime.fromisoformat(first) + timedelta(minutes=60)  # clear of the first and the link's buffer
    second = next(t for t in times if datetime.fromisoformat(t) >= later)
    assert cli.book(first, "--later").code == 0  # online once: the link's details and open times are saved
    offline = cli.book(second, url="http://127.0.0.1:9")  # port 9 refuses connections
    assert offline.code == 4, offline.err
    assert "saved" in offline.err
    assert "kept in the outbox" in offline.err
    listing = cli("outbox", "list", "--json").json["results"]
    assert sorted(e["state"] for e in listing) == ["queued", "queued"]
    assert cli.state.bookings == []

    sent = cli("outbox", "send")
    assert sent.code == 0, sent.out + sent.err
    assert "2 sent" in sent.out
    assert len(cli.state.bookings) == 2


def test_unreachable_with_nothing_saved_is_exit_4_and_nothing_queued(cli: Cli) -> None:
    start = cli.open_times()[0]
    result = cli.book(start, url="http://127.0.0.1:9")
    assert result.code == 4
    assert "Can't reach HubSpot" in result.err
