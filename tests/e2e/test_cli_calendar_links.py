"""`book --json` prints Add-to-calendar links for the meeting it booked, over loopback against the sandbox."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx

from tests.e2e.cli_support import book_args, cli_env, open_times, run_cli


def test_book_json_includes_google_and_outlook_links(sandbox: httpx.Client, sandbox_url: str, tmp_path: Path) -> None:
    env = cli_env(tmp_path, sandbox_url)
    start = open_times(env)[0]
    result = run_cli(env, *book_args(start))
    assert result.returncode == 0, result.stderr
    body = json.loads(result.stdout)
    booking, links = body["booking"], body["calendarLinks"]
    google = parse_qs(urlsplit(links["google"]).query)
    outlook = parse_qs(urlsplit(links["outlook"]).query)
    start_utc = datetime.fromisoformat(start).astimezone(UTC)
    assert google["dates"][0].startswith(start_utc.strftime("%Y%m%dT%H%M%SZ/"))
    assert outlook["startdt"] == [start_utc.strftime("%Y-%m-%dT%H:%M:%SZ")]
    assert google["text"] == outlook["subject"] == [booking["subject"]]
    assert booking["webConferenceUrl"] in google["details"][0]
