"""Builds the SchedulerClient the app and the CLI use: the real HubSpot API, or the in-process sandbox (demo)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.env import API_BASE_ENV, TOKEN_ENV
from app.hubspot.client import SchedulerClient
from app.hubspot.endpoints import DEFAULT_API_BASE
from app.hubspot.http import make_http_client
from app.hubspot.tokens import StaticTokenProvider, TokenProvider
from app.paths import Paths, resolve_paths

if TYPE_CHECKING:
    import httpx

    from app.auth.keychain import SecretStore
    from app.auth.session import AuthSession

DEMO_BASE_URL = "http://sandbox.invalid"


@dataclass(frozen=True, slots=True)
class ConnectionOptions:
    api_base: str = DEFAULT_API_BASE
    demo: bool = False

    @classmethod
    def from_args(cls, api_base: str | None, demo: bool, environ: Mapping[str, str] | None = None) -> ConnectionOptions:
        env = os.environ if environ is None else environ
        return cls(api_base=api_base or env.get(API_BASE_ENV) or DEFAULT_API_BASE, demo=demo)


def env_token(environ: Mapping[str, str] | None = None) -> str | None:
    env = os.environ if environ is None else environ
    return env.get(TOKEN_ENV, "").strip() or None


def open_auth_session(
    http: httpx.AsyncClient,
    paths: Paths,
    *,
    api_base: str = DEFAULT_API_BASE,
    environ: Mapping[str, str] | None = None,
    store: SecretStore | None = None,
) -> AuthSession:
    """The profile's sign-in (a TokenProvider): env BOOKING_ASSISTANT_TOKEN wins, then a stored static token,
    then a stored OAuth sign-in. `.account` and `.in_memory_only` are for the status bar.

    The keychain is only opened here (keyring is slow to import): call this after the window's first paint.
    """
    from app.auth.credentials import CredentialVault, profile_key
    from app.auth.keychain import KeychainCredentialStore
    from app.auth.session import AuthSession

    vault = CredentialVault(store or KeychainCredentialStore(), profile_key(paths))
    return AuthSession(http, vault, api_base=api_base, environ=environ)


def open_client(
    options: ConnectionOptions,
    tokens: TokenProvider | None = None,
    *,
    paths: Paths | None = None,
    environ: Mapping[str, str] | None = None,
) -> SchedulerClient:
    """A client for the chosen API. Demo mode serves the simulated API in-process: no account, no network."""
    if options.demo:
        from app.sandbox.state import DEMO_TOKEN
        from app.sandbox.transport import in_process_transport

        http = make_http_client(DEMO_BASE_URL, transport=in_process_transport())
        return SchedulerClient(http, StaticTokenProvider(DEMO_TOKEN))
    http = make_http_client(options.api_base)
    if tokens is None:
        if env_token(environ):
            tokens = StaticTokenProvider(env_token(environ))  # scripts and CI: never touch the keychain
        else:
            profile = paths or resolve_paths(environ=environ)
            tokens = open_auth_session(http, profile, api_base=options.api_base, environ=environ)
    return SchedulerClient(http, tokens)
