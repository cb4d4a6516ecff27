"""PKCE (RFC 7636, S256) and the OAuth `state`: random values from `secrets`."""

from __future__ import annotations

import base64
import hashlib
import secrets


def make_verifier() -> str:
    """A 64-character code verifier (RFC 7636 allows 43–128 unreserved characters)."""
    return secrets.token_urlsafe(48)


def challenge_for(verifier: str) -> str:
    """BASE64URL(SHA256(verifier)) without padding."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def make_state() -> str:
    return secrets.token_urlsafe(24)
