"""The CLI takes a pasted meetings URL wherever it takes a SLUG; foreign pages are refused before any request."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from tests.e2e.cli_support import TZ, cli_env, run_cli


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("https://meetings.hubspot.com/alex-morgan?embed=true", "alex-morgan"),
        ("https://meetings-eu1.hubspot.com/sales-team/intro-call", "sales-team/intro-call"),
    ],
)
def test_slots_accepts_a_pasted_url(
    sandbox: httpx.Client, sandbox_url: str, tmp_path: Path, url: str, slug: str
) -> None:
    env = cli_env(tmp_path, sandbox_url)
    result = run_cli(env, "slots", url, "--timezone", TZ, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["slug"] == slug


def test_info_accepts_a_url_without_scheme(sandbox: httpx.Client, sandbox_url: str, tmp_path: Path) -> None:
    result = run_cli(cli_env(tmp_path, sandbox_url), "info", "meetings.eu1.hubspot.com/product-demo", "--timezone", TZ)
    assert result.returncode == 0, result.stderr
    assert "Link: product-demo" in result.stdout


def test_a_foreign_url_is_refused_with_a_clear_message(sandbox: httpx.Client, sandbox_url: str, tmp_path: Path) -> None:
    result = run_cli(cli_env(tmp_path, sandbox_url), "slots", "https://calendly.com/alex-morgan", "--json")
    assert result.returncode == 2
    problem = json.loads(result.stdout)["error"]["fields"]["SLUG"]
    assert problem == (
        "“https://calendly.com/alex-morgan” is not a HubSpot meetings link (those start with https://meetings.hubspot.com/)."
    )


def test_a_hubspot_url_for_a_link_the_account_lacks_says_hubspot_does_not_know_it(
    sandbox: httpx.Client, sandbox_url: str, tmp_path: Path
) -> None:
    result = run_cli(cli_env(tmp_path, sandbox_url), "info", "https://meetings.hubspot.com/alex-demo")
    assert result.returncode == 3
    assert "does not exist" in result.stderr, result.stderr
