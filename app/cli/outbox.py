"""The outbox, history and forget commands, and the outbox path `book` takes (written ahead, then sent once)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from app.cli.exit_codes import ExitCode
from app.cli.output import database_exit_code, print_json, table
from app.hubspot import client as hubspot_client
from app.hubspot.models import AvailabilityPage
from app.outbox import single_draft
from app.outbox.actions import ActionRefused, DraftActions
from app.outbox.lock import SenderLock
from app.outbox.sender import FlushReport
from app.outbox.single_draft import DraftOutcome
from app.paths import Paths
from app.services import ConnectionOptions, account_label, open_client, wire_services
from app.store.cache import Cache
from app.store.database import Database, DatabaseError
from app.store.forget import forget_person
from app.store.history import History, HistoryQuery, HistoryRecord
from app.store.history_export import write_csv, write_ics
from app.store.outbox import DraftNotFound, Outbox, OutboxEntry, State, Verdict

#: `book` waits out a 429's Retry-After up to this long before leaving the draft queued.
MAX_RATE_LIMIT_WAIT_S = 60.0
#: `book` waits this long for another process holding the profile's sender lock.
LOCK_WAIT_S = 15.0
STILL_QUEUED = (
    "The booking is kept in the outbox as {id} (queued, nothing lost); run `booking-assistant outbox send` to send it."
)


def sender_label(args: argparse.Namespace, client: hubspot_client.SchedulerClient) -> str:
    """Who sent it, for the history: "demo", else the signed-in account as the window names it."""
    return "demo" if getattr(args, "demo", False) else account_label(client.tokens)


def open_store(paths: Paths) -> Database:
    """The profile's store (raises DatabaseError with a message for the user)."""
    return Database.open(paths.database_file)


class LazyStore:
    """The profile's store, opened on first use: `book` asks HubSpot first, then writes the draft."""

    def __init__(self, paths: Paths) -> None:
        self.paths = paths
        self._db: Database | None = None
        self._pending: list[Callable[[Cache], object]] = []

    def later(self, write: Callable[[Cache], object]) -> None:
        """A cache write to do once the store is open anyway (opening it is not worth a slower booking)."""
        self._pending.append(write)

    def save_pending(self) -> None:
        cache = Cache(self.db)
        for write in self._pending:
            write(cache)
        self._pending.clear()

    @property
    def db(self) -> Database:
        if self._db is None:
            self._db = open_store(self.paths)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


@contextlib.contextmanager
def open_database(paths: Paths) -> Iterator[Database]:
    """The profile's store; closed on exit."""
    db = open_store(paths)
    try:
        yield db
    finally:
        db.close()


# --- sending one draft (the `book` command) ---------------------------------------------------------------------


async def send_draft(
    db: Database,
    client: hubspot_client.SchedulerClient,
    draft_id: str,
    lock: SenderLock,
    *,
    fresh_pages: Mapping[tuple[str, str, int], AvailabilityPage] | None = None,
) -> DraftOutcome:
    """`book`: send the draft now, waiting a while for another process's lock or a short Retry-After."""
    return await single_draft.send_draft(
        db,
        client,
        draft_id,
        lock,
        max_rate_limit_wait_s=MAX_RATE_LIMIT_WAIT_S,
        lock_wait_s=LOCK_WAIT_S,
        fresh_pages=fresh_pages,
        notice=_tell,
    )


def _tell(text: str) -> None:
    sys.stderr.write(text + "\n")


# --- the commands -------------------------------------------------------------------------------------------


def run_outbox_command(args: argparse.Namespace, paths: Paths) -> int:
    """`outbox …`, `history …`, `forget EMAIL`."""
    try:
        with open_database(paths) as db:
            if args.command == "history":
                return _history(db, args)
            if args.command == "forget":
                return _forget(db, args.email)
            action = args.outbox_action or "list"
            if action == "list":
                return _list(Outbox(db), bool(args.json))
            if action == "send":
                return asyncio.run(_send(db, args, paths))
            return _act(db, action, args.id, bool(args.json))
    except DatabaseError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return database_exit_code(exc)


def _iso(ms: int | None, zone: str = "UTC") -> str | None:
    if ms is None:
        return None
    try:
        tz = ZoneInfo(zone)
    except (KeyError, ValueError):
        tz = ZoneInfo("UTC")
    return datetime.fromtimestamp(ms / 1000, UTC).astimezone(tz).isoformat()


def entry_json(entry: OutboxEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "state": entry.state.value,
        "verdict": entry.verdict.value or None,
        "link": entry.link_slug,
        "start": _iso(entry.start_ms, entry.timezone),
        "durationMinutes": entry.duration_ms // 60_000,
        "timezone": entry.timezone,
        "email": entry.request.email,
        "attempts": entry.attempts,
        "nextAttempt": _iso(entry.next_attempt_ms),
        "lastError": entry.last_error,
        "lastErrorField": entry.last_error_field,
        "correlationId": entry.last_correlation_id,
        "createdAt": _iso(entry.created_ms),
        "updatedAt": _iso(entry.updated_ms),
    }


def _state_label(entry: OutboxEntry) -> str:
    labels = {
        Verdict.PROBABLY_BOOKED: " (probably booked)",
        Verdict.PROBABLY_NOT_BOOKED: " (probably not booked)",
        Verdict.NO_CALENDAR_EVENT: " (no calendar event)",
        Verdict.OFFLINE: " (offline)",
    }
    return entry.state.value + labels.get(entry.verdict, "")


def _list(outbox: Outbox, as_json: bool) -> int:
    entries = outbox.entries(limit=100_000)
    if as_json:
        print_json({"results": [entry_json(e) for e in entries], "total": len(entries)})
        return ExitCode.OK
    if not entries:
        sys.stdout.write("The outbox is empty.\n")
        return ExitCode.OK
    rows = [
        [
            e.id,
            _state_label(e),
            (_iso(e.start_ms, e.timezone) or "")[:16].replace("T", " ") + f" {e.timezone}",
            e.link_slug,
            e.request.email,
            str(e.attempts),
            e.last_error or "",
        ]
        for e in entries
    ]
    table(rows, ["ID", "STATE", "START", "LINK", "ATTENDEE", "TRIES", "LAST ERROR"])
    return ExitCode.OK


def _find(outbox: Outbox, draft_id: str) -> OutboxEntry | None:
    """The draft with that id, or with that unique id prefix (at least 4 characters)."""
    with contextlib.suppress(DraftNotFound):
        return outbox.get(draft_id)
    if len(draft_id) < 4:
        return None
    matches = [e for e in outbox.entries(limit=100_000) if e.id.startswith(draft_id.lower())]
    return matches[0] if len(matches) == 1 else None


def _act(db: Database, action: str, draft_id: str, as_json: bool) -> int:
    """`outbox retry | discard | mark-booked ID`: the same checked actions as the window's outbox tab."""
    actions = DraftActions(Outbox(db), History(db))
    entry = _find(actions.outbox, draft_id)
    if entry is None:
        sys.stderr.write(f"error: no draft with id “{draft_id}” in this profile's outbox (see `outbox list`).\n")
        return ExitCode.INVALID
    try:
        if action == "discard":
            updated = actions.discard(entry.id)
            message = "Discarded; it will not be sent."
        elif action == "mark-booked":
            updated = actions.mark_booked(entry.id)
            message = "Marked as booked and added to the history."
        else:
            updated = actions.retry(entry.id)
            message = "Queued; run `booking-assistant outbox send` to send it now."
    except ActionRefused as exc:
        sys.stderr.write(f"error: draft {entry.id}: {exc.message}\n")
        return ExitCode.INVALID
    if as_json:
        print_json(entry_json(updated))
    else:
        sys.stdout.write(f"{updated.id}: {message}\n")
    return ExitCode.OK


async def _send(db: Database, args: argparse.Namespace, paths: Paths) -> int:
    """`outbox send`: the window's sender (same wiring, same lock), run once over what is queued."""
    client = open_client(ConnectionOptions.from_args(args.api_base, args.demo), paths=paths)
    services = wire_services(client, db, paths, demo=args.demo, account=sender_label(args, client))
    try:
        report = await services.sender.flush(wait_for_retries=args.wait > 0, max_wait_s=args.wait)
    finally:
        await client.aclose()  # the store is the caller's (open_database) and closes with it
    return _summarise(services.outbox, report, bool(args.json))


def _summarise(outbox: Outbox, report: FlushReport, as_json: bool) -> int:
    counts = outbox.counts()
    queued = counts[State.QUEUED] + counts[State.SENDING]
    attention = [e for e in outbox.entries(State.UNKNOWN, State.NEEDS_NEW_TIME, State.REJECTED)]
    if as_json:
        print_json(
            {
                "busy": report.busy,
                "offline": report.offline,
                "thisRun": {state.value: n for state, n in report.outcomes.items()},
                "outbox": {state.value: n for state, n in counts.items() if n},
                "needsAttention": [entry_json(e) for e in attention],
            }
        )
    else:
        if report.busy:
            sys.stderr.write("Another Booking Assistant is sending this profile's outbox; nothing was sent.\n")
        done = ", ".join(f"{n} {state.value}" for state, n in report.outcomes.items() if n) or "nothing to send"
        sys.stdout.write(f"This run: {done}.\n")
        if attention:
            sys.stdout.write("Needs your attention:\n")
            for e in attention:
                sys.stdout.write(f"  {e.id}  {_state_label(e)}: {e.last_error or ''}\n")
        if queued:
            why = " (HubSpot unreachable)" if report.offline else ""
            sys.stdout.write(f"Still queued: {queued}{why}. Run `outbox send` again later.\n")
    if not queued:
        return ExitCode.OK
    return ExitCode.UNREACHABLE


def _history(db: Database, args: argparse.Namespace) -> int:
    history = History(db)
    query = HistoryQuery(text=args.search or "")
    if args.export:
        kind, target = args.export
        return _export(history, query, kind.lower(), Path(target))
    page = history.page(query, limit=args.limit)
    if args.json:
        print_json({"results": page.records, "total": history.count(query)})
        return ExitCode.OK
    if not page.records:
        sys.stdout.write("No bookings found.\n")
        return ExitCode.OK
    table([_history_cells(r) for r in page.records], ["SENT", "MEETING (UTC)", "LINK", "NAME", "EMAIL", "COMPANY"])
    if page.next is not None:
        sys.stdout.write(f"… more; showing the newest {args.limit} (use --limit or --export).\n")
    return ExitCode.OK


def _history_cells(record: HistoryRecord) -> list[str]:
    def utc(ms: int) -> str:
        return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M")

    return [
        utc(record.sent_ms),
        utc(record.start_ms),
        record.link_name or record.link_slug,
        record.name,
        record.email,
        record.company,
    ]


def _export(history: History, query: HistoryQuery, kind: str, target: Path) -> int:
    if kind not in ("csv", "ics"):
        sys.stderr.write(f"invalid --export: “{kind}” is not csv or ics.\n")
        return ExitCode.INVALID
    try:
        with target.open("w", encoding="utf-8", newline="") as out:
            if kind == "csv":
                count = write_csv(history.iter_all(query), out)
            else:
                count = write_ics(history.iter_all(query), out, now_ms=int(time.time() * 1000))
    except OSError as exc:
        sys.stderr.write(f"error: cannot write {target}: {exc.strerror}\n")
        return ExitCode.INVALID
    sys.stdout.write(f"Exported {count} booking{'s' if count != 1 else ''} to {target}.\n")
    return ExitCode.OK


def _forget(db: Database, email: str) -> int:
    if not email.strip():
        sys.stderr.write("invalid EMAIL: an email address is needed.\n")
        return ExitCode.INVALID
    report = forget_person(db, email)
    sys.stdout.write(
        f"Forgot {email.strip()}: {report.outbox_deleted} outbox draft(s) and {report.history_deleted} history "
        f"row(s) deleted, removed from {report.guest_mentions_removed} guest list(s).\n"
    )
    return ExitCode.OK
