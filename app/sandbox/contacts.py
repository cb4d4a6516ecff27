"""`POST /crm/v3/objects/contacts/search`: the CRM's people, as HubSpot's search answers for them.

The body is HubSpot's search request (`query`, `properties`, `limit` up to 200, `after`); `query` matches the
start of any word of first name, last name, email or company, case-insensitively, as HubSpot's default
searchable properties do. Results are the seed contacts plus everyone booked through the sandbox (HubSpot
creates a contact on each booking), sorted by id, paged with `paging.next.after`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import msgspec

from app.sandbox.envelopes import validation_error
from app.sandbox.state import SandboxState

MAX_LIMIT = 200
DEFAULT_LIMIT = 10
DEFAULT_PROPERTIES = ("firstname", "lastname", "email", "hs_object_id", "createdate", "lastmodifieddate")
_CREATED = "2026-01-15T09:30:00.000Z"


@dataclass(frozen=True, slots=True)
class SeedContact:
    id: str
    first: str
    last: str
    email: str
    company: str

    def values(self) -> dict[str, str]:
        return {"firstname": self.first, "lastname": self.last, "email": self.email, "company": self.company}


SEED_CONTACTS = (
    SeedContact("51000101", "Jane", "Doe", "jane.doe@acme.test", "Acme"),
    SeedContact("51000102", "John", "Smith", "john.smith@acme.test", "Acme"),
    SeedContact("51000103", "Janet", "Okafor", "janet@globex.test", "Globex"),
    SeedContact("51000104", "Jan", "Kowalski", "jan.kowalski@initech.test", "Initech"),
    SeedContact("51000105", "Maria", "García", "maria.garcia@umbrella.test", "Umbrella Corp"),
    SeedContact("51000106", "Jürgen", "Müller", "juergen.mueller@beispiel.test", "Müller & Söhne GmbH"),
    SeedContact("51000107", "Aiko", "Tanaka", "aiko.tanaka@kaisha.test", "Kaisha KK"),
    SeedContact("51000108", "Priyanka", "Rao", "priyanka@hooli.test", "Hooli"),
    SeedContact("51000109", "Sam", "Client", "sam.client@acme.test", "Acme"),
    SeedContact("51000110", "Ada", "Lovelace", "ada@analytical.test", "Analytical Engines"),
    SeedContact("51000111", "Grace", "Hopper", "grace@navy.test", "US Navy"),
    SeedContact("51000112", "Janis", "Berzins", "janis@riga.test", "Riga Logistics"),
)


class SearchBody(msgspec.Struct, kw_only=True):
    query: str = ""
    properties: list[str] = msgspec.field(default_factory=list)
    limit: int = DEFAULT_LIMIT
    after: str | int | None = None
    # Accepted and ignored: the sandbox answers `query` only (the app sends no filters).
    filterGroups: list[Any] = msgspec.field(default_factory=list)
    sorts: list[Any] = msgspec.field(default_factory=list)


def parse_search_body(raw: bytes) -> SearchBody:
    try:
        body = msgspec.json.decode(raw or b"{}", type=SearchBody)
    except (msgspec.ValidationError, msgspec.DecodeError) as exc:
        raise validation_error(f"Invalid search request: {exc}", code="INVALID_JSON") from None
    if not 1 <= body.limit <= MAX_LIMIT:
        raise validation_error(f"limit must be between 1 and {MAX_LIMIT}", param="limit", code="OUT_OF_RANGE")
    return body


def _all_contacts(state: SandboxState) -> list[SeedContact]:
    people = {c.email.lower(): c for c in SEED_CONTACTS}
    for booking in state.bookings:
        key = booking.email.strip().lower()
        if key in people:
            continue
        company = next((str(f.get("value", "")) for f in booking.form_fields if f.get("name") == "company"), "")
        people[key] = SeedContact(booking.contact_id, booking.first_name, booking.last_name, booking.email, company)
    return sorted(people.values(), key=lambda c: int(c.id))


def _matches(contact: SeedContact, query: str) -> bool:
    words = re.split(r"[\s@.,&-]+", " ".join(contact.values().values()).lower())
    terms = query.lower().split()
    # Each term starts a word (an email also matches as a whole, as HubSpot's email token does).
    return all(any(w.startswith(t) for w in words) or contact.email.lower().startswith(t) for t in terms)


def search_contacts(state: SandboxState, body: SearchBody) -> dict[str, Any]:
    found = [c for c in _all_contacts(state) if not body.query.strip() or _matches(c, body.query)]
    try:
        start = int(body.after or 0)
    except ValueError:
        raise validation_error("after must be an integer offset", param="after", code="INVALID_INTEGER") from None
    page = found[start : start + body.limit]
    wanted = body.properties or list(DEFAULT_PROPERTIES)
    results = []
    for contact in page:
        values = contact.values()
        properties = {name: values.get(name) for name in wanted if name in values}
        properties.update({"hs_object_id": contact.id, "createdate": _CREATED, "lastmodifieddate": _CREATED})
        results.append(
            {
                "id": contact.id,
                "properties": properties,
                "createdAt": _CREATED,
                "updatedAt": _CREATED,
                "archived": False,
            }
        )
    answer: dict[str, Any] = {"total": len(found), "results": results}
    if start + body.limit < len(found):
        answer["paging"] = {"next": {"after": str(start + body.limit)}}
    return answer
