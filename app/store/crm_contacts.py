"""Recently suggested HubSpot CRM contacts, kept for offline suggestions (table `crm_contacts`, migration 3).

Only what a suggestion shows (names, email, company, the CRM id). Capped at KEEP rows, the least recently used
going first, so the profile never grows into a copy of the CRM; *forget this person* deletes a row by email.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from app.store.database import Database

KEEP = 500


@dataclass(frozen=True, slots=True)
class CrmContact:
    crm_id: str
    first_name: str
    last_name: str
    email: str
    company: str


def _search_text(contact: CrmContact) -> str:
    return " | ".join([f"{contact.first_name} {contact.last_name}", contact.email, contact.company]).lower()


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class CrmContactCache:
    def __init__(self, db: Database, *, clock: Callable[[], float] = time.time) -> None:
        self._db = db
        self._clock = clock

    def remember(self, contacts: Iterable[CrmContact]) -> None:
        """Upsert `contacts` as used now; then drop the least recently used beyond KEEP. One transaction."""
        now_ms = int(self._clock() * 1000)
        rows = [
            (c.email.strip().lower(), c.crm_id, c.first_name, c.last_name, c.email, c.company, _search_text(c), now_ms)
            for c in contacts
            if c.email.strip()
        ]
        if not rows:
            return
        with self._db.transaction() as conn:
            conn.executemany(
                "INSERT INTO crm_contacts (email_lc, crm_id, first_name, last_name, email, company, search_lc, used_ms)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (email_lc) DO UPDATE SET crm_id = excluded.crm_id,"
                " first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email,"
                " company = excluded.company, search_lc = excluded.search_lc, used_ms = excluded.used_ms",
                rows,
            )
            conn.execute(
                "DELETE FROM crm_contacts WHERE email_lc NOT IN"
                " (SELECT email_lc FROM crm_contacts ORDER BY used_ms DESC, email_lc LIMIT ?)",
                (KEEP,),
            )

    def search(self, text: str, *, limit: int = 8) -> list[CrmContact]:
        """Cached contacts whose name, email or company contains `text` (case-insensitive), most recent first."""
        needle = text.strip().lower()
        if not needle:
            return []
        rows = self._db.connection.execute(
            "SELECT crm_id, first_name, last_name, email, company FROM crm_contacts"
            " WHERE search_lc LIKE ? ESCAPE '\\' ORDER BY used_ms DESC, email_lc LIMIT ?",
            (f"%{_escape_like(needle)}%", limit),
        ).fetchall()
        return [CrmContact(*map(str, row)) for row in rows]

    def count(self) -> int:
        return int(self._db.connection.execute("SELECT COUNT(*) FROM crm_contacts").fetchone()[0])
