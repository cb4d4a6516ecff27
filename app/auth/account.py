"""Who is signed in: the HubSpot account (hub id, user, scopes) shown in the status bar and `whoami`."""

from __future__ import annotations

from typing import Literal

import msgspec

AccountKind = Literal["oauth", "static", "env"]


class Account(msgspec.Struct, kw_only=True, forbid_unknown_fields=False):
    """What we know about the account behind the credentials; nothing here is secret."""

    kind: AccountKind
    hub_id: int | None = None
    hub_domain: str | None = None
    user: str | None = None  # the signed-in user's email (OAuth only)
    user_id: int | None = None
    scopes: list[str] = msgspec.field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return {
            "oauth": "HubSpot sign-in (OAuth)",
            "static": "service key / private-app token",
            "env": "token from BOOKING_ASSISTANT_TOKEN",
        }[self.kind]

    @property
    def label(self) -> str:
        """One line for the status bar: "jane@acme.com · hub 123456" or "service key · hub unknown"."""
        who = self.user or ("service key" if self.kind != "oauth" else "signed in")
        hub = f"hub {self.hub_id}" if self.hub_id is not None else "hub unknown"
        return f"{who} · {hub}"


def encode_account(account: Account) -> str:
    return msgspec.json.encode(account).decode()


def decode_account(text: str | None) -> Account | None:
    if not text:
        return None
    try:
        return msgspec.json.decode(text, type=Account)
    except (msgspec.ValidationError, msgspec.DecodeError):
        return None
