"""The secrets of one profile's sign-in and where they live in the keychain (per-profile keys)."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Literal

from app.auth.account import Account, decode_account, encode_account
from app.auth.keychain import SecretStore
from app.paths import Paths

log = logging.getLogger(__name__)

CredentialKind = Literal["oauth", "static"]


@dataclass(frozen=True, slots=True)
class StoredCredentials:
    """A static token, or an OAuth refresh token with its app's client id (and secret, when the app has one)."""

    kind: CredentialKind
    token: str | None = field(default=None, repr=False)
    refresh_token: str | None = field(default=None, repr=False)
    client_id: str | None = None
    client_secret: str | None = field(default=None, repr=False)

    def to_json(self) -> str:
        data = {
            "kind": self.kind,
            "token": self.token,
            "refresh_token": self.refresh_token,
            "client_id": self.client_id,
            "client_secret": self.client_secret,
        }
        return json.dumps({k: v for k, v in data.items() if v is not None})

    @classmethod
    def from_json(cls, text: str | None) -> StoredCredentials | None:
        if not text:
            return None
        try:
            data = json.loads(text)
            kind = data["kind"]
            if kind not in ("oauth", "static"):
                return None
            creds = cls(
                kind=kind,
                token=data.get("token"),
                refresh_token=data.get("refresh_token"),
                client_id=data.get("client_id"),
                client_secret=data.get("client_secret"),
            )
        except (ValueError, KeyError, TypeError):
            log.warning("stored credentials are unreadable; treating this profile as signed out")
            return None
        usable = creds.token if kind == "static" else creds.refresh_token and creds.client_id
        return creds if usable else None


def profile_key(paths: Paths) -> str:
    """One keychain account per profile, so two `--profile` folders never share a sign-in."""
    return str(paths.config_dir)


class CredentialVault:
    """Load, save and delete one profile's credentials and account info in a SecretStore."""

    def __init__(self, store: SecretStore, profile: str) -> None:
        self.store = store
        self._secrets_key = f"{profile}|credentials"
        self._account_key = f"{profile}|account"

    @property
    def in_memory_only(self) -> bool:
        return self.store.in_memory_only

    def load(self) -> tuple[StoredCredentials | None, Account | None]:
        creds = StoredCredentials.from_json(self.store.get(self._secrets_key))
        account = decode_account(self.store.get(self._account_key)) if creds else None
        return creds, account

    def save(self, creds: StoredCredentials, account: Account) -> None:
        # Secrets and account info are separate entries: Windows caps one credential at 2.5 KB.
        self.store.set(self._secrets_key, creds.to_json())
        self.store.set(self._account_key, encode_account(account))

    def clear(self) -> None:
        self.store.delete(self._secrets_key)
        self.store.delete(self._account_key)

    def __repr__(self) -> str:
        return f"CredentialVault(store={self.store!r})"
