"""Where the client gets its bearer token; OAuth providers refresh behind the same interface."""

from __future__ import annotations

from typing import Protocol

from app.hubspot.errors import NotSignedIn


class TokenProvider(Protocol):
    async def access_token(self) -> str:
        """A token to send now (refreshing first when it is about to expire); raises NotSignedIn."""
        ...

    async def token_rejected(self, token: str) -> bool:
        """HubSpot answered 401 to `token`: refresh if possible; True when a new token is worth one retry."""
        ...


class StaticTokenProvider:
    """A service key or private-app token: never expires, cannot refresh."""

    def __init__(self, token: str | None) -> None:
        self._token = (token or "").strip()

    async def access_token(self) -> str:
        if not self._token:
            raise NotSignedIn()
        return self._token

    async def token_rejected(self, token: str) -> bool:
        return False

    def __repr__(self) -> str:  # never show the token
        return f"StaticTokenProvider(set={bool(self._token)})"
