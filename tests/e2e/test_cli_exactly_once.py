"""Exactly once from outside the process: the CLI as a subprocess against `booking-assistant sandbox` on loopback.

The sandbox books and then answers 500 (a round-robin link with a second member free still offers the time
afterwards, so "still offered" proves nothing), slows the pre-send availability check so a discard can land in
the middle of it, and counts what it really booked.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.e2e.cli_support import bookings, cli_env, run_cli

TEAM = "sales-team/intro-call"
TZ = "Europe/Berlin"
#: A pre-send check slowed this long leaves room to discard a draft in the middle of it.
SLOW_CHECK_S = 4.0


def team_times(env: dict[str, str]) -> list[str]:
    result = run_cli(env, "slots", TEAM, "--timezone", TZ, "--json")
    assert result.returncode == 0, result.stderr
    days = json.loads(result.stdout)["days"]
    return [t for day in sorted(days) for t in days[day]]


def team_book_args(start: str, email: str) -> list[str]:
    return [
        "book", TEAM, "--start", start, "--duration", "30", "--timezone", TZ, "--first-name", "Jane",
        "--last-name", "Doe", "--email", email, "--field", "company=Acme", "--consent", "4801003=yes", "--json",
    ]  # fmt: skip


def drafts(env: dict[str, str]) -> dict[str, dict[str, object]]:
    listing = run_cli(env, "outbox", "list", "--json")
    return {e["id"]: e for e in json.loads(listing.stdout)["results"]}


def wait_until(check: object, timeout: float = 20.0) -> None:
    """Poll `check()` until it is true (bounded); for waiting *for* something, never to prove an absence."""
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def test_a_500_after_booking_on_a_team_link_is_unknown_and_never_resent(
    sandbox: httpx.Client, sandbox_url: str, tmp_path: Path
) -> None:
    env = cli_env(tmp_path, sandbox_url)
    start = team_times(env)[0]
    sandbox.post("/_sandbox/faults", json={"route": "book", "statusAfterBooking": 500, "times": None})

    booked = run_cli(env, *team_book_args(start, "jane@acme.test"))
    assert booked.returncode == 5, booked.stdout + booked.stderr  # unknown, not "refused" (3): scripts must not retry
    assert json.loads(booked.stdout)["error"]["draftState"] == "unknown"
    assert start in team_times(env)  # the other member is free: the time is still offered, yet it was booked

    for _ in range(2):  # two later runs check the time but never send it again by themselves
        assert run_cli(env, "outbox", "send").returncode == 0
    assert len(bookings(sandbox)) == 1
    [draft] = drafts(env).values()
    assert (draft["state"], draft["verdict"]) == ("unknown", "probably_not_booked")
    assert draft["attempts"] == 1


def test_discard_during_a_slow_check_wins_and_the_sender_sends_the_rest(
    sandbox: httpx.Client, sandbox_url: str, tmp_path: Path
) -> None:
    env = cli_env(tmp_path, sandbox_url)
    times = team_times(env)
    first = json.loads(run_cli(env, *team_book_args(times[0], "first@acme.test"), "--later").stdout)["draftId"]
    second = json.loads(run_cli(env, *team_book_args(times[1], "second@acme.test"), "--later").stdout)["draftId"]
    sandbox.post("/_sandbox/faults", json={"route": "availability", "delay": SLOW_CHECK_S, "times": 2})

    sending = subprocess.Popen(
        [sys.executable, "-m", "app", "outbox", "send", "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        # Both checks are in the sandbox's delay once both faults are taken; discard one in the middle of it.
        wait_until(lambda: sandbox.get("/_sandbox/faults").json()["results"] == [])
        discarded = run_cli(env, "outbox", "discard", first)
        out, err = sending.communicate(timeout=60)
    finally:
        sending.kill()
    assert discarded.returncode == 0, discarded.stderr
    assert sending.returncode == 0, out + err  # the sender did not crash on the race
    assert "Traceback" not in err
    assert [b["email"] for b in bookings(sandbox)] == ["second@acme.test"]
    states = {draft_id: e["state"] for draft_id, e in drafts(env).items()}
    assert states == {first: "discarded", second: "sent"}


def test_two_outbox_send_processes_send_each_draft_once(
    sandbox: httpx.Client, sandbox_url: str, tmp_path: Path
) -> None:
    env = cli_env(tmp_path, sandbox_url)
    times = team_times(env)
    for index in range(4):
        queued = run_cli(env, *team_book_args(times[index], f"guest{index}@acme.test"), "--later")
        assert queued.returncode == 0, queued.stderr
    command = [sys.executable, "-m", "app", "outbox", "send", "--wait", "20"]
    racers = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    for racer in racers:
        racer.communicate(timeout=90)
    run_cli(env, "outbox", "send", "--wait", "20")  # whoever was busy: what is left goes now
    emails = sorted(b["email"] for b in bookings(sandbox))
    assert emails == [f"guest{index}@acme.test" for index in range(4)]
    assert {e["state"] for e in drafts(env).values()} == {"sent"}
