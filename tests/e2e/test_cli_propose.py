"""`booking-assistant propose`: a message offering open times, over loopback against the sandbox."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import httpx

from tests.e2e.cli_support import TZ, cli_env, open_times, run_cli


def test_propose_the_next_three_in_two_zones(sandbox: httpx.Client, sandbox_url: str, tmp_path: Path) -> None:
    env = cli_env(tmp_path, sandbox_url)
    result = run_cli(
        env, "propose", "alex-morgan", "--count", "3", "--timezone", "America/New_York", "--rep-timezone", TZ, "--json"
    )
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    assert body["bookingUrl"] == "https://meetings.hubspot.com/alex-morgan"
    assert len(body["times"]) == 3
    days = [datetime.fromisoformat(t["start"]).date() for t in body["times"]]
    assert days == sorted(set(days)), "one time per day while there are open days enough"
    for entry in body["times"]:
        assert entry["text"].count("(New York)") == 1 and entry["text"].count("(Berlin)") == 1
        assert entry["text"] in body["text"]
    assert body["text"].rstrip().endswith(body["bookingUrl"])
    assert f'<a href="{body["bookingUrl"]}">' in body["html"]


def test_propose_chosen_times_in_german(sandbox: httpx.Client, sandbox_url: str, tmp_path: Path) -> None:
    env = cli_env(tmp_path, sandbox_url)
    first, second = open_times(env)[:2]
    result = run_cli(
        env, "propose", "alex-morgan", "--at", second, "--at", first, "--timezone", TZ, "--rep-timezone", TZ,
        "--language", "de",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Passt Ihnen einer dieser Termine für „Alex Morgan")
    bullets = [line for line in lines if line.startswith("• ")]
    assert len(bullets) == 2
    start = datetime.fromisoformat(first)
    assert f"{start.day}. " in bullets[0] and f"{start:%H:%M}–" in bullets[0] and "(Berlin)" in bullets[0]


def test_a_time_that_is_not_open_is_refused(sandbox: httpx.Client, sandbox_url: str, tmp_path: Path) -> None:
    env = cli_env(tmp_path, sandbox_url)
    result = run_cli(env, "propose", "alex-morgan", "--at", "2020-01-01T10:00", "--timezone", TZ, "--json")
    assert result.returncode == 2
    assert "Not an open time of this link: 2020-01-01T10:00." in json.loads(result.stdout)["error"]["fields"]["--at"]


def test_count_out_of_range_is_refused_before_any_request(tmp_path: Path) -> None:
    result = run_cli(cli_env(tmp_path), "--demo", "propose", "alex-morgan", "--count", "40")
    assert result.returncode == 2
    assert "invalid --count: Propose between 1 and 10 times." in result.stderr
