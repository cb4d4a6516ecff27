"""*Forget this person*: erase one attendee's personal data everywhere in the store (GDPR erasure requests)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import msgspec

from app.hubspot.models import BookRequest, BookResponse
from app.store.database import Database
from app.store.history import company_of, search_text
from app.store.schema import HISTORY_SEARCH_INDEX


@dataclass(frozen=True, slots=True)
class ForgetReport:
    outbox_deleted: int
    history_deleted: int
    guest_mentions_removed: int
    crm_contacts_deleted: int = 0  # the attendee suggestions' offline copy of HubSpot contacts


def forget_person(db: Database, email: str) -> ForgetReport:
    """Delete rows where `email` is the attendee and strike it from every guest list; one transaction."""
    target = email.strip().lower()
    if not target:
        raise ValueError("an email address is needed")
    with db.transaction() as conn:
        outbox_deleted = conn.execute("DELETE FROM outbox WHERE email_lc = ?", (target,)).rowcount
        history_deleted = conn.execute("DELETE FROM history WHERE email_lc = ?", (target,)).rowcount
        crm_deleted = conn.execute("DELETE FROM crm_contacts WHERE email_lc = ?", (target,)).rowcount
        removed = 0
        # Guests: a substring pre-filter, then an exact match on each address.
        pattern = f"%{target}%"
        for row_id, draft, request in conn.execute(
            "SELECT id, draft_json, request_json FROM outbox WHERE lower(request_json) LIKE ?", (pattern,)
        ).fetchall():
            new_request = _without_guest(msgspec.json.decode(request, type=BookRequest), target)
            new_draft = _scrub(msgspec.json.decode(draft), target)
            if new_request is not None:
                removed += 1
                conn.execute(
                    "UPDATE outbox SET request_json = ?, draft_json = ? WHERE id = ?",
                    (msgspec.json.encode(new_request), msgspec.json.encode(new_draft), row_id),
                )
        for row_id, request, response in conn.execute(
            "SELECT id, request_json, response_json FROM history WHERE guests_lc LIKE ?", (pattern,)
        ).fetchall():
            new_request = _without_guest(msgspec.json.decode(request, type=BookRequest), target)
            if new_request is None:
                continue
            removed += 1
            new_response = response
            if response:
                decoded = msgspec.json.decode(response, type=BookResponse)
                guests = [g for g in decoded.guest_emails if g.strip().lower() != target]
                new_response = msgspec.json.encode(msgspec.structs.replace(decoded, guest_emails=guests))
            guests_lc = [g.strip().lower() for g in new_request.guest_emails]
            name = " ".join(p for p in (new_request.first_name, new_request.last_name) if p and p != "-")
            conn.execute(
                "UPDATE history SET request_json = ?, response_json = ?, guests_lc = ?, search_lc = ? WHERE id = ?",
                (
                    msgspec.json.encode(new_request),
                    new_response,
                    " ".join(guests_lc),
                    search_text(name, new_request.email, company_of(new_request), guests_lc),
                    row_id,
                ),
            )
    _purge_leftovers(db)
    return ForgetReport(outbox_deleted, history_deleted, removed, crm_deleted)


def _purge_leftovers(db: Database) -> None:
    """Erased means erased on disk too: merge the search index's segments (a deleted entry lingers in old ones
    until then) and move the WAL's old page images into the main file, where secure_delete zeroed freed space."""
    conn = db.connection
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (HISTORY_SEARCH_INDEX,)).fetchone():
        with db.transaction() as tx:
            tx.execute(f"INSERT INTO {HISTORY_SEARCH_INDEX}({HISTORY_SEARCH_INDEX}) VALUES ('optimize')")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _without_guest(request: BookRequest, target: str) -> BookRequest | None:
    """The request minus guest `target`, or None when it was not a guest."""
    kept = [g for g in request.guest_emails if g.strip().lower() != target]
    if len(kept) == len(request.guest_emails):
        return None
    return msgspec.structs.replace(request, guest_emails=kept)


def _scrub(value: Any, target: str) -> Any:
    """The draft payload's shape is the booking domain's: drop every string equal to the address, wherever it is."""
    if isinstance(value, dict):
        return {k: _scrub(v, target) for k, v in value.items() if not _is_target(v, target)}
    if isinstance(value, list):
        return [_scrub(v, target) for v in value if not _is_target(v, target)]
    return value


def _is_target(value: Any, target: str) -> bool:
    return isinstance(value, str) and value.strip().lower() == target
