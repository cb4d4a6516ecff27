"""The CLI as a subprocess against `booking-assistant sandbox` on a real loopback socket."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.e2e.cli_support import SLUG, TZ, book_args, bookings, cli_env, open_times, run_cli


def test_book_for_real_over_loopback(sandbox: httpx.Client, sandbox_url: str, tmp_path: Path) -> None:
    env = cli_env(tmp_path, sandbox_url)
    start = open_times(env)[0]
    result = run_cli(env, *book_args(start))
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["status"] == "booked"
    assert body["booking"]["duration"] == 1_800_000
    assert len(bookings(sandbox)) == 1
    assert start not in open_times(env)  # a booked time disappears


def test_two_clients_racing_for_one_time(sandbox: httpx.Client, sandbox_url: str, tmp_path: Path) -> None:
    """Two reps (two profiles) book one time at once: exactly one wins, the other is told the time is gone."""
    env_a, env_b = cli_env(tmp_path / "a", sandbox_url), cli_env(tmp_path / "b", sandbox_url)
    start = open_times(env_a)[1]
    # HubSpot holds both requests a moment, so both clients have checked the time before either booking lands.
    sandbox.post("/_sandbox/faults", json={"route": "book", "delay": 2.5, "times": 2}).raise_for_status()
    jobs = [(env_a, "a@acme.test"), (env_b, "b@acme.test")]
    with ThreadPoolExecutor(2) as pool:
        runs = list(pool.map(lambda job: run_cli(job[0], *book_args(start, job[1])), jobs))
    codes = sorted(r.returncode for r in runs)
    assert codes == [0, 3], [r.stderr for r in runs]
    loser = next(r for r in runs if r.returncode == 3)
    error = json.loads(loser.stdout)["error"]
    assert error["type"] == "TimeNoLongerAvailable"
    assert "no longer available" in error["message"]
    assert error["correlationId"]  # HubSpot's refusal, not a local guess
    assert start not in error["nearestOpenTimes"]
    assert len(error["nearestOpenTimes"]) >= 1
    assert len(bookings(sandbox)) == 1


def test_500_on_book_is_sent_once(sandbox: httpx.Client, sandbox_url: str, tmp_path: Path) -> None:
    env = cli_env(tmp_path, sandbox_url)
    start = open_times(env)[0]
    sandbox.post("/_sandbox/faults", json={"route": "book", "status": 500, "times": 2}).raise_for_status()
    result = run_cli(env, *book_args(start))
    assert result.returncode == 5  # a 5xx may have booked: outcome unknown, not "refused"
    assert json.loads(result.stdout)["error"]["type"] == "ServerError"
    pending = sandbox.get("/_sandbox/faults").json()["results"]
    assert [f["times"] for f in pending] == [1]  # exactly one of the two faults was used: one POST
    assert bookings(sandbox) == []


def test_dropped_connection_after_booking_is_outcome_unknown(
    sandbox: httpx.Client, sandbox_url: str, tmp_path: Path
) -> None:
    env = cli_env(tmp_path, sandbox_url)
    start = open_times(env)[0]
    sandbox.post("/_sandbox/faults", json={"route": "book", "dropAfterBooking": True, "times": 2}).raise_for_status()
    result = run_cli(env, *book_args(start))
    assert result.returncode == 5, result.stderr
    assert json.loads(result.stdout)["error"]["type"] == "OutcomeUnknown"
    assert len(bookings(sandbox)) == 1  # HubSpot did book it; we did not send it again
    assert [f["times"] for f in sandbox.get("/_sandbox/faults").json()["results"]] == [1]


def test_429_on_read_is_waited_out(sandbox: httpx.Client, sandbox_url: str, tmp_path: Path) -> None:
    env = cli_env(tmp_path, sandbox_url)
    sandbox.post("/_sandbox/faults", json={"route": "links", "status": 429, "retryAfter": 1}).raise_for_status()
    result = run_cli(env, "links", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"] >= 3


def test_unreachable_hubspot_exit_4(tmp_path: Path) -> None:
    env = cli_env(tmp_path, "http://127.0.0.1:9")  # discard port: connection refused
    result = run_cli(env, "links")
    assert result.returncode == 4
    assert "Can't reach HubSpot" in result.stderr


def test_read_only_token_cannot_book(sandbox: httpx.Client, sandbox_url: str, tmp_path: Path) -> None:
    env = cli_env(tmp_path, sandbox_url)
    start = open_times(env)[0]
    env["BOOKING_ASSISTANT_TOKEN"] = "read-only-token"
    result = run_cli(env, *book_args(start))
    assert result.returncode == 3
    error = json.loads(result.stdout)["error"]
    assert error["type"] == "MissingScopes"
    assert "crm.objects.contacts.write" in error["message"]


def test_invalid_input_names_the_field_and_sends_nothing(
    sandbox: httpx.Client, sandbox_url: str, tmp_path: Path
) -> None:
    env = cli_env(tmp_path, sandbox_url)
    start = open_times(env)[0]
    args = book_args(start, email="not-an-email")
    args.remove("--json")
    result = run_cli(env, *args)
    assert result.returncode == 2
    assert "email" in result.stderr
    assert bookings(sandbox) == []


@pytest.mark.parametrize("command", [["links"], ["info", SLUG], ["slots", SLUG, "--timezone", TZ]])
def test_demo_commands_work_with_no_account(tmp_path: Path, command: list[str]) -> None:
    result = run_cli(cli_env(tmp_path), "--demo", *command, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)
    assert result.stderr == ""


def test_demo_book(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    result = run_cli(env, "--demo", "slots", SLUG, "--timezone", TZ, "--json")
    days = json.loads(result.stdout)["days"]
    first = next(t for d in sorted(days) for t in days[d])
    result = run_cli(env, "--demo", *book_args(first))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["status"] == "booked"


def test_version_and_bad_timezone(tmp_path: Path) -> None:
    env = cli_env(tmp_path)
    assert run_cli(env, "--version").stdout.startswith("booking-assistant ")
    result = run_cli(env, "--demo", "slots", SLUG, "--timezone", "Mars/Olympus")
    assert result.returncode == 2
    assert "Mars/Olympus" in result.stderr
