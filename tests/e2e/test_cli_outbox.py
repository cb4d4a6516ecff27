"""The outbox, history and forget commands as a subprocess against `booking-assistant sandbox` over loopback."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import httpx

from tests.e2e.cli_support import book_args, bookings, cli_env, open_times, run_cli


def test_book_later_queues_then_outbox_send_books_it_once(
    sandbox: httpx.Client,
    sandbox_url: str,
    tmp_path: Path,
) -> None:
    env = cli_env(tmp_path, sandbox_url)
    start = open_times(env)[0]
    queued = run_cli(env, *book_args(start), "--later")
    assert queued.returncode == 0, queued.stderr
    draft_id = json.loads(queued.stdout)["draftId"]
    assert bookings(sandbox) == []  # nothing sent yet

    listing = json.loads(run_cli(env, "outbox", "list", "--json").stdout)["results"]
    assert [(e["id"], e["state"], e["email"]) for e in listing] == [(draft_id, "queued", "jane@acme.test")]

    sent = run_cli(env, "outbox", "send")
    assert sent.returncode == 0, sent.stdout + sent.stderr
    assert "1 sent" in sent.stdout
    assert len(bookings(sandbox)) == 1
    again = run_cli(env, "outbox", "send")  # nothing left: never sent twice
    assert again.returncode == 0
    assert len(bookings(sandbox)) == 1

    table = run_cli(env, "outbox").stdout
    assert draft_id in table and "sent" in table


def test_history_search_export_and_forget(
    sandbox: httpx.Client,
    sandbox_url: str,
    tmp_path: Path,
) -> None:
    env = cli_env(tmp_path, sandbox_url)
    times = open_times(env)
    assert run_cli(env, *book_args(times[0], email="ada@engines.test")).returncode == 0
    assert run_cli(env, *book_args(times[4], email="grace@navy.test")).returncode == 0

    found = json.loads(run_cli(env, "history", "--search", "ENGINES", "--json").stdout)
    assert found["total"] == 1
    assert found["results"][0]["email"] == "ada@engines.test"
    assert found["results"][0]["account"] == "token"
    assert "grace@navy.test" in run_cli(env, "history").stdout

    export = tmp_path / "history.csv"
    exported = run_cli(env, "history", "--export", "csv", str(export))
    assert exported.returncode == 0, exported.stderr
    with export.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert sorted(r["email"] for r in rows) == ["ada@engines.test", "grace@navy.test"]
    ics = tmp_path / "history.ics"
    assert run_cli(env, "history", "--export", "ics", str(ics)).returncode == 0
    assert ics.read_text(encoding="utf-8").count("BEGIN:VEVENT") == 2

    forgot = run_cli(env, "forget", "ada@engines.test")
    assert forgot.returncode == 0
    assert "1 history row(s) deleted" in forgot.stdout
    left = json.loads(run_cli(env, "history", "--json").stdout)
    assert [r["email"] for r in left["results"]] == ["grace@navy.test"]
    assert json.loads(run_cli(env, "outbox", "--json").stdout)["total"] == 1  # ada's draft is gone too


def test_outbox_actions_explain_unknown_ids_and_refused_actions(
    sandbox: httpx.Client,
    sandbox_url: str,
    tmp_path: Path,
) -> None:
    env = cli_env(tmp_path, sandbox_url)
    start = open_times(env)[0]
    unknown = run_cli(env, "outbox", "discard", "no-such-draft")
    assert unknown.returncode == 2
    assert "no draft with id" in unknown.stderr

    draft_id = json.loads(run_cli(env, *book_args(start), "--later").stdout)["draftId"]
    discarded = run_cli(env, "outbox", "discard", draft_id[:8])
    assert discarded.returncode == 0, discarded.stderr
    assert run_cli(env, "outbox", "send").returncode == 0
    assert bookings(sandbox) == []  # a discarded draft is never sent

    for action in ("retry", "mark-booked", "discard"):
        refused = run_cli(env, "outbox", action, draft_id)
        assert refused.returncode == 2, action
        assert "discarded" in refused.stderr


def test_outbox_send_while_unreachable_keeps_drafts_queued(
    sandbox: httpx.Client,
    sandbox_url: str,
    tmp_path: Path,
) -> None:
    env = cli_env(tmp_path, sandbox_url)
    start = open_times(env)[0]
    assert run_cli(env, *book_args(start), "--later").returncode == 0
    env["BOOKING_ASSISTANT_API_BASE"] = "http://127.0.0.1:9"
    offline = run_cli(env, "outbox", "send", "--wait", "0")
    assert offline.returncode == 4
    assert "Still queued: 1" in offline.stdout
    assert json.loads(run_cli(env, "outbox", "list", "--json").stdout)["results"][0]["state"] == "queued"
