"""HubSpot CRM contacts search (`POST /crm/v3/objects/contacts/search`): the wire shapes and the request body.

Used for attendee suggestions only. It needs the `crm.objects.contacts.read` scope, which a Scheduler-only token
lacks; the caller treats MissingScopes as "suggest from history only". The call itself goes through
SchedulerClient.search_contacts, paced and retried like every other read.
"""

from __future__ import annotations

import msgspec

from app.hubspot.models import Model, Paging

CONTACTS_READ_SCOPE = "crm.objects.contacts.read"
CONTACTS_SEARCH_PATH = "/crm/v3/objects/contacts/search"
#: HubSpot's largest page for CRM search.
MAX_SEARCH_LIMIT = 200
PROPERTIES = ("firstname", "lastname", "email", "company")


class ContactProperties(msgspec.Struct, kw_only=True):
    """Only what a suggestion shows; HubSpot sends every property as a string or null."""

    firstname: str | None = None
    lastname: str | None = None
    email: str | None = None
    company: str | None = None


class Contact(Model, kw_only=True):
    id: str
    properties: ContactProperties


class ContactSearchPage(Model, kw_only=True):
    total: int
    results: list[Contact]
    paging: Paging | None = None


def search_body(query: str, *, limit: int, after: str | None = None) -> bytes:
    """The request body; `query` is HubSpot's free-text search over the default searchable properties."""
    body: dict[str, object] = {
        "query": query.strip(),
        "properties": list(PROPERTIES),
        "limit": max(1, min(limit, MAX_SEARCH_LIMIT)),
    }
    if after:
        body["after"] = after
    return msgspec.json.encode(body)
