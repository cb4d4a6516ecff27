"""Secrets go to the keychain, or to memory with a notice when no keychain works; never to a file."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import keyring.backends.null
import pytest

from app.auth.account import Account
from app.auth.credentials import CredentialVault, StoredCredentials, profile_key
from app.auth.keychain import NO_KEYCHAIN_NOTICE, SERVICE_NAME, KeychainCredentialStore
from app.paths import Paths
from tests.auth_fixtures import memory_keyring  # noqa: F401
from tests.auth_keyring import LockedKeyring, MemoryKeyring

SECRET = "pat-na1-11111111-2222-3333-4444-555555555555"


@pytest.fixture
def installed(request: pytest.FixtureRequest) -> Iterator[None]:
    """Install the keyring backend named by the test's parameter; restore the previous one afterwards."""
    previous = keyring.get_keyring()
    keyring.set_keyring(request.param())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


def test_a_secret_round_trips_through_the_keychain(memory_keyring: MemoryKeyring) -> None:  # noqa: F811
    notices: list[str] = []
    store = KeychainCredentialStore(on_fallback=notices.append)

    store.set("profile|credentials", SECRET)

    assert store.get("profile|credentials") == SECRET
    assert memory_keyring.entries == {(SERVICE_NAME, "profile|credentials"): SECRET}
    assert not store.in_memory_only
    assert notices == []
    store.delete("profile|credentials")
    store.delete("profile|credentials")  # deleting what is gone is fine (already signed out)
    assert store.get("profile|credentials") is None


@pytest.mark.parametrize(
    "installed", [keyring.backends.null.Keyring, keyring.backends.fail.Keyring, LockedKeyring], indirect=True
)
@pytest.mark.usefixtures("installed")
def test_without_a_working_keychain_secrets_stay_in_memory_with_a_notice(tmp_path: Path) -> None:
    notices: list[str] = []
    store = KeychainCredentialStore(on_fallback=notices.append)

    store.set("profile|credentials", SECRET)

    assert store.get("profile|credentials") == SECRET  # usable for this run
    assert store.in_memory_only
    assert store.notice == NO_KEYCHAIN_NOTICE
    assert notices == [NO_KEYCHAIN_NOTICE]
    assert "memory" in NO_KEYCHAIN_NOTICE and "file" in NO_KEYCHAIN_NOTICE
    # … and a fresh store (the next run) has nothing: it was never written anywhere.
    assert KeychainCredentialStore().get("profile|credentials") is None


def test_profiles_have_separate_keychain_entries(memory_keyring: MemoryKeyring, tmp_path: Path) -> None:  # noqa: F811
    store = KeychainCredentialStore()
    front = CredentialVault(store, profile_key(Paths.for_profile(tmp_path / "front-desk")))
    back = CredentialVault(store, profile_key(Paths.for_profile(tmp_path / "back-office")))

    front.save(StoredCredentials(kind="static", token=SECRET), Account(kind="static"))

    assert front.load()[0] == StoredCredentials(kind="static", token=SECRET)
    assert back.load() == (None, None)
    back.clear()
    assert front.load()[1] == Account(kind="static")


def test_credentials_never_show_their_secrets_in_a_repr() -> None:
    creds = StoredCredentials(kind="oauth", refresh_token=SECRET, client_id="app-1", client_secret="shh-" + SECRET)

    assert SECRET not in repr(creds)
    assert "app-1" in repr(creds)


def test_unreadable_stored_credentials_mean_signed_out(memory_keyring: MemoryKeyring) -> None:  # noqa: F811
    store = KeychainCredentialStore()
    vault = CredentialVault(store, "p")
    store.set("p|credentials", "{not json")
    assert vault.load() == (None, None)
    store.set("p|credentials", '{"kind": "oauth", "refresh_token": "r"}')  # no client id: cannot refresh
    assert vault.load() == (None, None)


def test_start_up_modules_do_not_import_keyring() -> None:
    code = (
        "import sys, app.cli, app.services, app.cli.auth, app.auth.session; "
        "app.cli.build_parser(); print('keyring' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == "False"
