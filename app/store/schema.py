"""The store's schema as forward migrations: index i upgrades `user_version` i to i+1. Append only."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

#: One step from version i to i+1: SQL statements (a script) or a function working inside the transaction.
#: Defined here, not in database.py, so the schema depends on nothing and the database on the schema.
Migration = str | Callable[[sqlite3.Connection], None]

V1_OUTBOX_HISTORY_CACHE = """
CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL CHECK (state IN
        ('draft', 'queued', 'sending', 'sent', 'needs_new_time', 'rejected', 'unknown', 'discarded')),
    link_slug TEXT NOT NULL,
    link_name TEXT NOT NULL DEFAULT '',
    start_ms INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    timezone TEXT NOT NULL,
    locale TEXT NOT NULL DEFAULT '',
    account TEXT NOT NULL DEFAULT '',
    email_lc TEXT NOT NULL DEFAULT '',
    draft_json BLOB NOT NULL,
    request_json BLOB NOT NULL,
    response_json BLOB,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_ms INTEGER,
    last_error TEXT,
    last_error_field TEXT,
    last_correlation_id TEXT,
    maybe_delivered INTEGER NOT NULL DEFAULT 0,
    verdict TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_by_state ON outbox (state, next_attempt_ms);
CREATE INDEX outbox_by_email ON outbox (email_lc);

CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    outbox_id TEXT,
    sent_ms INTEGER NOT NULL,
    start_ms INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    link_slug TEXT NOT NULL,
    link_name TEXT NOT NULL DEFAULT '',
    account TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    company TEXT NOT NULL DEFAULT '',
    email_lc TEXT NOT NULL DEFAULT '',
    guests_lc TEXT NOT NULL DEFAULT '',
    search_lc TEXT NOT NULL DEFAULT '',
    has_calendar_event INTEGER NOT NULL DEFAULT 1,
    request_json BLOB NOT NULL,
    response_json BLOB
);
CREATE INDEX history_by_sent ON history (sent_ms DESC, id DESC);
CREATE INDEX history_by_start ON history (start_ms);
CREATE INDEX history_by_email ON history (email_lc);

CREATE TABLE cache (
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    raw BLOB NOT NULL,
    fetched_ms INTEGER NOT NULL,
    PRIMARY KEY (kind, key)
);
"""

HISTORY_SEARCH_INDEX = "history_fts"


def v2_history_search_index(conn: sqlite3.Connection) -> None:
    """A trigram full-text index over history's search text, so a substring search of 100,000 bookings
    does not scan them all. Kept in step by triggers. A sqlite built without FTS5's trigram tokenizer (older
    than 3.34) gets no index, and searches fall back to scanning."""
    try:
        conn.execute(
            f"CREATE VIRTUAL TABLE {HISTORY_SEARCH_INDEX} USING fts5("
            "search_lc, content='history', content_rowid='id', tokenize='trigram')"
        )
    except sqlite3.OperationalError:
        return
    conn.execute(
        f"CREATE TRIGGER history_fts_insert AFTER INSERT ON history BEGIN "
        f"INSERT INTO {HISTORY_SEARCH_INDEX}(rowid, search_lc) VALUES (new.id, new.search_lc); END"
    )
    conn.execute(
        f"CREATE TRIGGER history_fts_delete AFTER DELETE ON history BEGIN "
        f"INSERT INTO {HISTORY_SEARCH_INDEX}({HISTORY_SEARCH_INDEX}, rowid, search_lc) "
        f"VALUES ('delete', old.id, old.search_lc); END"
    )
    conn.execute(
        f"CREATE TRIGGER history_fts_update AFTER UPDATE OF search_lc ON history BEGIN "
        f"INSERT INTO {HISTORY_SEARCH_INDEX}({HISTORY_SEARCH_INDEX}, rowid, search_lc) "
        f"VALUES ('delete', old.id, old.search_lc); "
        f"INSERT INTO {HISTORY_SEARCH_INDEX}(rowid, search_lc) VALUES (new.id, new.search_lc); END"
    )
    conn.execute(f"INSERT INTO {HISTORY_SEARCH_INDEX}({HISTORY_SEARCH_INDEX}) VALUES ('rebuild')")


V3_CRM_CONTACTS_CACHE = """
CREATE TABLE crm_contacts (
    email_lc TEXT PRIMARY KEY,
    crm_id TEXT NOT NULL DEFAULT '',
    first_name TEXT NOT NULL DEFAULT '',
    last_name TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL,
    company TEXT NOT NULL DEFAULT '',
    search_lc TEXT NOT NULL DEFAULT '',
    used_ms INTEGER NOT NULL
);
CREATE INDEX crm_contacts_by_use ON crm_contacts (used_ms DESC);
"""
"""Issue 17: HubSpot CRM contacts the attendee suggestions showed recently, so they are offered offline too.
Small (capped by app/store/crm_contacts.py), so searched with LIKE; forget-this-person deletes from it."""

MIGRATIONS: list[Migration] = [V1_OUTBOX_HISTORY_CACHE, v2_history_search_index, V3_CRM_CONTACTS_CACHE]
SCHEMA_VERSION = len(MIGRATIONS)
