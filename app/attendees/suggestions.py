"""Attendees you already know: matches from this profile's history and from HubSpot CRM contacts, merged.

History answers at once and offline (its trigram index). The CRM search is a network call, so it is a separate
step the caller awaits (and cancels when typing goes on). CRM results are kept in a small cache table so they are
offered offline too. A token without `crm.objects.contacts.read` makes the service stop asking HubSpot for the rest
of the session and say so once (`note`), quietly; every other failure (offline, rate-limited, HubSpot down) falls
back to the cache without a word, because suggestions are a convenience and must never get in the way.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from app.hubspot.client import SchedulerClient
from app.hubspot.contacts import CONTACTS_READ_SCOPE
from app.hubspot.errors import MissingScopes, SchedulerError
from app.store.crm_contacts import CrmContact, CrmContactCache
from app.store.database import Database
from app.store.history import History, HistoryQuery

log = logging.getLogger(__name__)

#: Fewer characters match too much to be useful (and HubSpot's search needs two).
MIN_QUERY = 2
LIMIT = 8

MISSING_SCOPE_NOTE = (
    "Suggestions come from this computer's history only: the HubSpot sign-in lacks the "
    f"{CONTACTS_READ_SCOPE} permission for CRM contacts."
)

Source = Literal["history", "crm"]


@dataclass(frozen=True, slots=True)
class Suggestion:
    first_name: str
    last_name: str
    email: str
    company: str
    source: Source

    @property
    def key(self) -> str:
        return self.email.strip().lower()

    def label(self) -> str:
        """`Jane Doe <jane@acme.test> · Acme`."""
        name = " ".join(p for p in (self.first_name, self.last_name) if p and p != "-")
        text = f"{name} <{self.email}>" if name else self.email
        return f"{text} · {self.company}" if self.company else text


@dataclass(frozen=True, slots=True)
class CrmAnswer:
    suggestions: list[Suggestion]
    #: Said once per session when the CRM cannot be searched for lack of the scope; "" otherwise.
    note: str = ""
    #: True when these came from the offline cache rather than HubSpot.
    from_cache: bool = False


def merge(*groups: Iterable[Suggestion], limit: int = LIMIT) -> list[Suggestion]:
    """One entry per email, in the order given (history first: the rep booked them), filling gaps (a company)
    from later groups."""
    merged: dict[str, Suggestion] = {}
    for group in groups:
        for item in group:
            if not item.key:
                continue
            known = merged.get(item.key)
            if known is None:
                merged[item.key] = item
            elif not known.company and item.company:
                merged[item.key] = dataclasses.replace(known, company=item.company)
    return list(merged.values())[:limit]


def _from_crm(contact: CrmContact) -> Suggestion:
    return Suggestion(contact.first_name, contact.last_name, contact.email, contact.company, "crm")


class AttendeeSuggestions:
    def __init__(self, db: Database, client: SchedulerClient | None) -> None:
        self._history = History(db)
        self._cache = CrmContactCache(db)
        self._client = client
        self._crm_allowed = client is not None
        self._note_said = False

    @property
    def searches_crm(self) -> bool:
        return self._crm_allowed

    def from_history(self, text: str, *, limit: int = LIMIT) -> list[Suggestion]:
        """Past attendees whose name, email or company contains `text`, newest booking first; instant."""
        if len(text.strip()) < MIN_QUERY:
            return []
        # More rows than needed: one person booked many times takes one suggestion.
        records = self._history.page(HistoryQuery(text=text), limit=limit * 4).records
        items = (
            Suggestion(r.request.first_name, r.request.last_name, r.request.email, r.company, "history")
            for r in records
        )
        return merge(items, limit=limit)

    async def from_crm(self, text: str, *, limit: int = LIMIT) -> CrmAnswer:
        """HubSpot contacts matching `text` (remembered for offline use), or the remembered ones when HubSpot
        cannot answer. Cancelling the awaiting task cancels the request."""
        query = text.strip()
        if len(query) < MIN_QUERY:
            return CrmAnswer([])
        if not self._crm_allowed or self._client is None:
            return CrmAnswer([_from_crm(c) for c in self._cache.search(query, limit=limit)], from_cache=True)
        try:
            page = await self._client.search_contacts(query, limit=limit)
        except MissingScopes:
            self._crm_allowed = False
            note = "" if self._note_said else MISSING_SCOPE_NOTE
            self._note_said = True
            return CrmAnswer([], note=note)
        except SchedulerError as exc:
            log.info("contact search unavailable (%s); suggesting from the offline copy", type(exc).__name__)
            return CrmAnswer([_from_crm(c) for c in self._cache.search(query, limit=limit)], from_cache=True)
        contacts = [
            CrmContact(
                crm_id=c.id,
                first_name=(c.properties.firstname or "").strip(),
                last_name=(c.properties.lastname or "").strip(),
                email=(c.properties.email or "").strip(),
                company=(c.properties.company or "").strip(),
            )
            for c in page.results
            if (c.properties.email or "").strip()
        ]
        self._cache.remember(contacts)
        return CrmAnswer([_from_crm(c) for c in contacts])

    async def suggest(self, text: str, *, limit: int = LIMIT) -> tuple[list[Suggestion], str]:
        """History and CRM merged (for the CLI and tests); the UI shows history first and CRM when it arrives."""
        history = self.from_history(text, limit=limit)
        crm = await self.from_crm(text, limit=limit)
        return merge(history, crm.suggestions, limit=limit), crm.note
