"""`login`, `whoami`, `logout` as subprocesses against the sandbox on loopback, with a test keychain (a JSON file
outside the profile, standing in for the OS keychain). A full session leaves no secret anywhere else."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from app.hubspot.errors import READ_SCOPE, RECOMMENDED_WRITE_SCOPE
from app.sandbox.oauth import SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, SANDBOX_HUB_ID, OAuthServer, oauth_server
from app.sandbox.server import running_server
from app.sandbox.state import ALL_SCOPES, SandboxState
from tests.auth_keyring import FILE_ENV
from tests.e2e.cli_support import SLUG, TZ, book_args

REPO = Path(__file__).resolve().parents[2]


@dataclass
class Cli:
    """Runs the CLI with one profile and one test keychain; keeps everything it printed."""

    base: str
    profile: Path
    keyring_file: Path
    keyring_backend: str = "tests.auth_keyring.FileKeyring"
    #: Name the profile with `--profile DIR` instead of BOOKING_ASSISTANT_PROFILE.
    profile_flag: bool = False
    extra_env: dict[str, str] = field(default_factory=dict)
    output: list[str] = field(default_factory=list)

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("BOOKING_ASSISTANT_")}
        if not self.profile_flag:
            env["BOOKING_ASSISTANT_PROFILE"] = str(self.profile)
        env.update(
            {
                "BOOKING_ASSISTANT_API_BASE": self.base,
                "PYTHON_KEYRING_BACKEND": self.keyring_backend,
                FILE_ENV: str(self.keyring_file),
                "PYTHONWARNINGS": "error",
                "PYTHONPATH": str(REPO),
            }
        )
        env.update(self.extra_env)
        return env

    def run(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        result = subprocess.run(
            [sys.executable, "-m", "app", "--verbose", *self.profile_args(), *args],
            input=stdin,
            env=self.env(),
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        self.output += [result.stdout, result.stderr]
        return result

    def profile_args(self) -> list[str]:
        return ["--profile", str(self.profile)] if self.profile_flag else []

    def oauth_login(self, *, secret: str) -> tuple[subprocess.CompletedProcess[str], str]:
        """`login --oauth --no-browser`, playing the browser with the URL it prints; returns (result, code)."""
        args = ["--verbose", "login", "--oauth", "--no-browser", "--client-id", SANDBOX_CLIENT_ID]
        args += ["--client-secret-stdin"]
        proc = subprocess.Popen(
            [sys.executable, "-m", "app", *args],
            env=self.env(),
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(secret + "\n")
        proc.stdin.close()
        proc.stdin = None  # communicate() must not flush it again
        printed = []
        code = ""
        try:
            for line in proc.stdout:
                printed.append(line)
                if line.startswith("http"):
                    code = _play_browser(line.strip())
                    break
            stdout, stderr = proc.communicate(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
        result = subprocess.CompletedProcess(proc.args, proc.returncode, "".join(printed) + stdout, stderr)
        self.output += [result.stdout, result.stderr]
        return result, code

    def keychain(self) -> dict[str, str]:
        return json.loads(self.keyring_file.read_text()) if self.keyring_file.exists() else {}


def _play_browser(url: str) -> str:
    with httpx.Client(timeout=10) as browser:
        approved = browser.get(url)
        assert approved.status_code == 302
        location = approved.headers["location"]
        page = browser.get(location)
        assert page.status_code == 200 and "close this tab" in page.text
    return parse_qs(urlsplit(location).query)["code"][0]


@dataclass
class Portal:
    state: SandboxState
    oauth: OAuthServer
    base: str


@pytest.fixture
def portal() -> Iterator[Portal]:
    gc.collect()  # on the Qt thread, not the server's (see tests/integration/test_oauth_flow.py)
    state = SandboxState()
    with running_server(state) as base:
        yield Portal(state, oauth_server(state), base)


@pytest.fixture
def cli(portal: Portal, tmp_path: Path) -> Cli:
    return Cli(portal.base, tmp_path / "profile", tmp_path / "keychain" / "test-keyring.json")


@pytest.fixture(autouse=True)
def _keychain_folder(tmp_path: Path) -> None:
    (tmp_path / "keychain").mkdir()


def test_a_full_session_leaves_no_secret_outside_the_keychain(portal: Portal, cli: Cli) -> None:
    static_token = f"pat-na1-{uuid.uuid4()}"
    portal.state.add_token(static_token, ALL_SCOPES)

    login = cli.run("login", "--token-stdin", stdin=static_token + "\n")
    assert login.returncode == 0, login.stderr
    assert "Signed in" in login.stdout and RECOMMENDED_WRITE_SCOPE in login.stdout
    assert static_token in json.dumps(cli.keychain())
    whoami = cli.run("whoami", "--json")
    assert json.loads(whoami.stdout)["source"] == "static"
    assert cli.run("links").returncode == 0
    _cache_a_link(cli.profile)  # as the window does: the page it paints at the next start
    logout = cli.run("logout")
    assert logout.returncode == 0 and "deleted" in logout.stdout
    assert cli.keychain() == {}
    assert _cached_links(cli.profile) is None  # signed out: the account's cached page is gone too

    oauth, code = cli.oauth_login(secret=SANDBOX_CLIENT_SECRET)
    assert oauth.returncode == 0, oauth.stderr
    assert "Signed in: alex.morgan@northwind.test" in oauth.stdout
    (refresh_token,) = portal.oauth.refresh_tokens
    assert refresh_token in json.dumps(cli.keychain())
    assert SANDBOX_CLIENT_SECRET in json.dumps(cli.keychain())

    whoami = cli.run("whoami", "--json")
    assert whoami.returncode == 0, whoami.stderr
    info = json.loads(whoami.stdout)
    assert info["source"] == "oauth" and info["working"] is True and not info["inMemoryOnly"]
    assert info["account"]["hubId"] == SANDBOX_HUB_ID and READ_SCOPE in info["account"]["scopes"]
    assert cli.run("links", "--json").returncode == 0
    access_tokens = set(portal.oauth.access_tokens)
    assert len(access_tokens) >= 2  # sign-in, then one per later command

    logout = cli.run("logout")
    assert logout.returncode == 0 and "revoked" in logout.stdout
    assert portal.oauth.refresh_tokens == {} and cli.keychain() == {}
    assert cli.run("whoami").returncode == 2

    secrets = [static_token, SANDBOX_CLIENT_SECRET, refresh_token, code, *access_tokens]
    printed = "\n".join(cli.output)
    files = {p: p.read_bytes() for p in cli.profile.rglob("*") if p.is_file()}
    assert any(p.suffix == ".log" for p in files), "the session should have written a log"
    for secret in secrets:
        assert secret not in printed
        for path, content in files.items():
            assert secret.encode() not in content, f"a secret leaked into {path.name}"


def test_a_token_without_scopes_is_explained_and_not_kept(portal: Portal, cli: Cli) -> None:
    portal.state.add_token("pat-na1-no-scopes-at-all", [])

    result = cli.run("login", "--token-stdin", stdin="pat-na1-no-scopes-at-all\n")

    assert result.returncode == 3
    assert READ_SCOPE in result.stderr and RECOMMENDED_WRITE_SCOPE in result.stderr
    assert cli.keychain() == {}


def test_a_wrong_token_is_refused_and_an_empty_one_is_invalid(cli: Cli) -> None:
    assert cli.run("login", "--token-stdin", stdin="pat-na1-wrong\n").returncode == 3
    assert cli.run("login", "--token-stdin", stdin="\n").returncode == 2
    assert cli.keychain() == {}


def test_without_a_keychain_the_user_is_told_the_sign_in_is_not_kept(cli: Cli) -> None:
    cli.keyring_backend = "keyring.backends.null.Keyring"

    login = cli.run("login", "--token-stdin", stdin="demo-token\n")

    assert login.returncode == 0, login.stderr
    assert "in memory for this run only" in login.stderr and "BOOKING_ASSISTANT_TOKEN" in login.stderr
    assert cli.run("whoami").returncode == 2
    assert not any(b"demo-token" in p.read_bytes() for p in cli.profile.rglob("*") if p.is_file())


def test_the_environment_token_wins_for_scripts(cli: Cli) -> None:
    cli.extra_env["BOOKING_ASSISTANT_TOKEN"] = "read-only-token"

    whoami = cli.run("whoami", "--json")

    assert whoami.returncode == 0, whoami.stderr
    assert json.loads(whoami.stdout)["source"] == "env"
    assert not cli.keyring_file.exists()  # the keychain was not even opened


def test_oauth_needs_a_client_id(cli: Cli) -> None:
    result = cli.run("login", "--oauth", "--no-browser")
    assert result.returncode == 2
    assert "--client-id" in result.stderr


def test_outbox_send_uses_the_sign_in_of_the_profile_given_with_the_flag(portal: Portal, cli: Cli) -> None:
    """`--profile DIR` without the environment variable: `outbox send` signs in as that profile (as `book` does),
    and the history row names the account as the window does."""
    cli.profile_flag = True
    token = f"pat-na1-{uuid.uuid4()}"
    portal.state.add_token(token, ALL_SCOPES)
    assert cli.run("login", "--token-stdin", stdin=token + "\n").returncode == 0
    slots = cli.run("slots", SLUG, "--timezone", TZ, "--json")
    assert slots.returncode == 0, slots.stderr
    days = json.loads(slots.stdout)["days"]
    start = next(t for day in sorted(days) for t in days[day])
    queued = cli.run(*book_args(start), "--later")
    assert queued.returncode == 0, queued.stderr

    sent = cli.run("outbox", "send", "--wait", "0", "--json")
    assert sent.returncode == 0, sent.stderr + sent.stdout
    assert json.loads(sent.stdout)["thisRun"].get("sent") == 1
    history = json.loads(cli.run("history", "--json").stdout)["results"]
    assert [row["account"] for row in history] == ["service key · hub unknown"]


def _cache_a_link(profile: Path) -> None:
    from app.hubspot.models import MeetingLink
    from app.store.cache import Cache
    from app.store.database import Database

    with Database.open(profile / "booking-assistant.sqlite3") as db:
        link = MeetingLink(
            id="1",
            slug=SLUG,
            link=f"https://meetings.hubspot.com/{SLUG}",
            type="PERSONAL_LINK",
            organizer_user_id="1",
            user_ids_of_link_members=["1"],
            default_link=True,
            created_at=0,
        )
        Cache(db).put_links([link], account="x")


def _cached_links(profile: Path) -> object:
    from app.store.cache import Cache
    from app.store.database import Database

    with Database.open(profile / "booking-assistant.sqlite3") as db:
        return Cache(db).latest_links()
