"""The scripting commands: links, info, slots, book, propose."""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import msgspec

from app.booking.answers import Answer
from app.booking.calendar_links import calendar_links
from app.booking.draft import BookingDraft, validate_draft
from app.booking.link_url import LinkUrlError
from app.booking.slots import nearest_slots, offset_for_month, slots_by_day
from app.booking.timefmt import format_time, from_ms
from app.booking.wire import StartTimeError, parse_start, to_book_request
from app.booking.zones import is_valid_timezone, system_timezone_name
from app.cli.exit_codes import ExitCode
from app.cli.link_arg import resolve_slug_argument
from app.cli.output import (
    database_exit_code,
    exit_code_for,
    print_json,
    report_error,
    report_invalid,
    safe_text,
    table,
)
from app.hubspot.client import Booked, BookResult, SchedulerClient
from app.hubspot.errors import (
    BookingRefused,
    NetworkUnreachable,
    OutcomeUnknown,
    SchedulerError,
    TimeNoLongerAvailable,
)
from app.hubspot.models import AvailabilityPage, BookingInfo, FormField, Slot
from app.paths import Paths
from app.services import ConnectionOptions, open_client
from app.store.cache import Cache
from app.store.database import DatabaseError
from app.store.outbox import Outbox
from app.store.outbox import State as OutboxState

if TYPE_CHECKING:
    from app.cli.outbox import LazyStore

TIME_TAKEN = "That time is no longer available. Pick another open time."
_YES = {"yes", "y", "true", "1", "on"}
_NO = {"no", "n", "false", "0", "off"}


def run_command(args: argparse.Namespace, paths: Paths) -> int:
    return asyncio.run(_run(args, paths))


async def _run(args: argparse.Namespace, paths: Paths) -> int:
    as_json = bool(getattr(args, "json", False))
    tz_name = getattr(args, "timezone", None) or system_timezone_name()
    if not is_valid_timezone(tz_name):
        report_invalid({"--timezone": f"“{tz_name}” is not an IANA time zone such as Europe/Berlin."}, as_json=as_json)
        return ExitCode.INVALID
    client = open_client(ConnectionOptions.from_args(args.api_base, args.demo), paths=paths)
    try:
        if getattr(args, "slug", None) is not None:
            try:
                args.slug = await resolve_slug_argument(client, args.slug)
            except LinkUrlError as exc:
                report_invalid({"SLUG": str(exc)}, as_json=as_json)
                return ExitCode.INVALID
        if args.command == "links":
            return await _links(client, as_json)
        if args.command == "info":
            return await _info(client, args.slug, tz_name, as_json)
        if args.command == "slots":
            return await _slots(client, args, ZoneInfo(tz_name), as_json)
        if args.command == "book":
            return await _book(client, args, ZoneInfo(tz_name), as_json)
        if args.command == "propose":
            from app.cli.propose import run_propose

            return await run_propose(client, args, ZoneInfo(tz_name), as_json)
        raise AssertionError(f"unhandled command {args.command}")
    except SchedulerError as exc:
        report_error(exc, as_json=as_json)
        return exit_code_for(exc)
    finally:
        await client.aclose()


# --- read commands ---------------------------------------------------------------------------------------------


async def _links(client: SchedulerClient, as_json: bool) -> int:
    links = await client.list_links()
    if as_json:
        print_json({"results": links, "total": len(links)})
        return ExitCode.OK
    kinds = {"PERSONAL_LINK": "personal", "ROUND_ROBIN_CALENDAR": "team (round robin)", "GROUP_CALENDAR": "group"}
    rows = [[link.slug, link.name, kinds.get(link.type, link.type), link.link] for link in links]
    table(rows, ["SLUG", "NAME", "TYPE", "URL"])
    return ExitCode.OK


async def _info(client: SchedulerClient, slug: str, tz_name: str, as_json: bool) -> int:
    info = await client.booking_info(slug, tz_name)
    if as_json:
        print_json(info)
        return ExitCode.OK
    params = info.custom_params
    out = sys.stdout
    out.write(f"Link: {safe_text(slug)} ({info.link_type})\n")
    out.write("Durations: " + ", ".join(f"{d // 60000} min" for d in params.durations) + "\n")
    guests = params.guest_settings
    if guests and guests.can_add_guests:
        out.write(f"Guests: up to {guests.max_guest_count}\n")
    else:
        out.write("Guests: not allowed\n")
    if params.location:
        out.write(f"Location: {safe_text(params.location)}\n")
    out.write("\nQuestions (pass with --field NAME=VALUE):\n")
    rows = [[f.name, f.label, f.field_type, "yes" if f.is_required else "", _options(f)] for f in params.form_fields]
    table(rows, ["NAME", "LABEL", "TYPE", "REQUIRED", "OPTIONS"])
    consent = params.legal_consent_options
    if params.legal_consent_enabled and consent:
        out.write("\nConsent (pass with --consent TYPE_ID=yes|no):\n")
        if consent.processing_consent_type == "REQUIRED_CHECKBOX":
            out.write(f"  processing (required): {safe_text(consent.processing_consent_checkbox_label)}\n")
        for box in consent.communication_consent_checkboxes:
            flag = " (required)" if box.required else ""
            out.write(f"  {safe_text(box.communication_type_id)}{flag}: {safe_text(box.label)}\n")
    return ExitCode.OK


def _options(field: FormField) -> str:
    return "; ".join(o.value for o in field.options if not o.hidden)


async def _slots(client: SchedulerClient, args: argparse.Namespace, tz: ZoneInfo, as_json: bool) -> int:
    info = await client.booking_info(args.slug, tz.key)
    durations = info.custom_params.durations
    duration_ms = (args.duration * 60_000) if args.duration else durations[0]
    if duration_ms not in durations:
        offered = ", ".join(str(d // 60000) for d in durations)
        report_invalid({"--duration": f"This link offers {offered} minutes."}, as_json=as_json)
        return ExitCode.INVALID
    page = await client.availability(args.slug, tz.key, args.month_offset)
    slots = page.link_availability.slots_for(duration_ms) if page.link_availability else []
    by_day = slots_by_day(slots, tz)
    if as_json:
        print_json(
            {
                "slug": args.slug,
                "timezone": tz.key,
                "durationMinutes": duration_ms // 60000,
                "hasMore": bool(page.link_availability and page.link_availability.has_more),
                "days": {
                    day.isoformat(): [s.start.isoformat() for s in day_slots] for day, day_slots in by_day.items()
                },
            }
        )
        return ExitCode.OK
    if not by_day:
        sys.stdout.write(f"No open times for {duration_ms // 60000} min in that month ({tz.key}).\n")
        return ExitCode.OK
    rows = [
        [day.strftime("%a %Y-%m-%d"), " ".join(format_time(s.start, True) for s in day_slots)]
        for day, day_slots in by_day.items()
    ]
    table(rows, ["DAY", f"OPEN TIMES ({tz.key}, {duration_ms // 60000} min)"])
    return ExitCode.OK


# --- book -------------------------------------------------------------------------------------------------------


async def _book(client: SchedulerClient, args: argparse.Namespace, tz: ZoneInfo, as_json: bool) -> int:
    """Validate, commit the draft to the outbox (write-ahead), then send it once, or leave it queued (`--later`)."""
    problems: dict[str, str] = {}
    try:
        start_ms = parse_start(args.start, tz)
    except StartTimeError as exc:
        problems["--start"] = str(exc)
        start_ms = 0
    raw_fields = _pairs(args.field, "--field", problems)
    raw_consents = _pairs(args.consent, "--consent", problems)
    if problems:
        report_invalid(problems, as_json=as_json)
        return ExitCode.INVALID

    from app.cli.outbox import LazyStore
    from app.paths import resolve_paths

    store = LazyStore(resolve_paths(args.profile))
    try:
        return await _book_with_store(client, store, args, tz, start_ms, raw_fields, raw_consents, as_json)
    except DatabaseError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return database_exit_code(exc)
    finally:
        store.close()


async def _book_with_store(
    client: SchedulerClient,
    store: LazyStore,
    args: argparse.Namespace,
    tz: ZoneInfo,
    start_ms: int,
    raw_fields: dict[str, str],
    raw_consents: dict[str, str],
    as_json: bool,
) -> int:
    from app.cli.outbox import STILL_QUEUED, send_draft, sender_label

    problems: dict[str, str] = {}
    info = await _booking_info_or_cached(client, store, args.slug, tz.key)
    answers = _answers(info, raw_fields, problems)
    processing, communication = _consents(info, raw_consents, problems)
    if problems:
        report_invalid(problems, as_json=as_json)
        return ExitCode.INVALID
    draft = BookingDraft(
        slug=args.slug,
        start_ms=start_ms,
        duration_ms=args.duration * 60_000,
        timezone=tz.key,
        locale=args.locale,
        first_name=args.first_name,
        last_name=args.last_name,
        email=args.email,
        guests=list(args.guest),
        answers=answers,
        processing_consent=processing,
        communication_consents=communication,
    )
    offered: list[Slot] | None = []
    fresh_pages: dict[tuple[str, str, int], AvailabilityPage] = {}
    if draft.duration_ms in info.custom_params.durations:
        offered = await _offered_or_cached(client, store, draft, tz, fresh_pages)
    # Offline with nothing cached: the sender checks the time against fresh open times before sending.
    problems = validate_draft(draft, info, None if offered is None else [s.start_millis_utc for s in offered])
    if problems:
        extra = {"nearestOpenTimes": _nearest(offered or [], start_ms, tz)} if "start" in problems else {}
        report_invalid(problems, as_json=as_json, **extra)
        if extra and not as_json:
            _print_nearest(extra["nearestOpenTimes"])
        return ExitCode.INVALID

    # Write-ahead: the draft is committed before any byte of the booking goes out.
    store.save_pending()
    db = store.db
    entry = Outbox(db).enqueue(
        request=to_book_request(draft, info),
        payload=msgspec.to_builtins(draft),
        start_ms=start_ms,
        account=sender_label(args, client),
    )
    if args.later:
        if as_json:
            print_json({"status": "queued", "draftId": entry.id, "start": from_ms(start_ms, tz).isoformat()})
        else:
            sys.stdout.write(f"{entry.id}\n")
            sys.stderr.write("Queued; `booking-assistant outbox send` sends it.\n")
        return ExitCode.OK

    from app.outbox.lock import SenderLock

    lock = SenderLock(store.paths.sender_lock_file)
    outcome = await send_draft(db, client, entry.id, lock, fresh_pages=fresh_pages)
    entry = outcome.entry
    where = {"draftId": entry.id, "draftState": entry.state.value}
    if outcome.busy:
        message = "Another Booking Assistant is sending this profile's outbox; it will send this booking."
        if as_json:
            print_json({"status": "queued", "message": message, **where})
        else:
            sys.stderr.write(f"{message} Draft {entry.id}.\n")
        return ExitCode.UNREACHABLE
    if entry.state is OutboxState.SENT and outcome.result is not None:
        return _print_booked(outcome.result, start_ms, tz, as_json)
    if entry.state is OutboxState.SENDING and outcome.result is not None and not outcome.busy:
        # HubSpot booked it, then the disk refused the record: it *is* booked. The row stays `sending`, which
        # the next start turns into unknown and reconciles ("probably booked"), so it is never sent again.
        sys.stderr.write(
            f"warning: booked, but this profile could not record it (draft {entry.id}); it is settled on the next "
            "start and never sent again.\n"
        )
        return _print_booked(outcome.result, start_ms, tz, as_json)
    error = outcome.error
    if entry.state is OutboxState.NEEDS_NEW_TIME:
        # The pre-send check found it gone before any request: same message as HubSpot's refusal.
        taken = error if isinstance(error, TimeNoLongerAvailable) else TimeNoLongerAvailable(TIME_TAKEN)
        fresh = await _offered_slots(client, draft, tz)
        nearest = _nearest(fresh, start_ms, tz)
        report_error(taken, as_json=as_json, nearestOpenTimes=nearest, **where)
        if not as_json:
            _print_nearest(nearest)
        return ExitCode.REFUSED
    if not isinstance(error, SchedulerError):
        error = OutcomeUnknown(entry.last_error or "Sending failed unexpectedly; it may have been booked.")
    details: dict[str, object] = dict(where)
    if isinstance(error, BookingRefused):
        details["field"] = error.field
    report_error(error, as_json=as_json, **details)
    if not as_json:
        if entry.state is OutboxState.QUEUED:
            sys.stderr.write(STILL_QUEUED.format(id=entry.id) + "\n")
        elif entry.state is OutboxState.UNKNOWN:
            sys.stderr.write(f"Kept in the outbox as {entry.id} (outcome unknown); it is never re-sent by itself.\n")
        else:
            sys.stderr.write(f"Kept in the outbox as {entry.id} ({entry.state.value}).\n")
    if entry.state is OutboxState.QUEUED and isinstance(error, NetworkUnreachable):
        return ExitCode.UNREACHABLE
    if entry.state is OutboxState.UNKNOWN:
        # A 5xx, a timeout, a dropped line: it may have booked. Never "refused", or a script would retry it.
        return ExitCode.UNKNOWN
    return exit_code_for(error)


def _print_booked(result: BookResult, start_ms: int, tz: ZoneInfo, as_json: bool) -> int:
    response = result.response
    ok = isinstance(result, Booked)
    if as_json:
        status = "booked" if ok else "booked_without_calendar_event"
        print_json({"status": status, "booking": response, "calendarLinks": calendar_links(response)})
    else:
        when = from_ms(start_ms, tz)
        sys.stdout.write(f"Booked: {safe_text(response.subject)}\n  {when:%a %Y-%m-%d %H:%M} ({tz.key})\n")
        if response.web_conference_url:
            sys.stdout.write(f"  Video: {safe_text(response.web_conference_url)}\n")
        if response.location:
            sys.stdout.write(f"  Location: {safe_text(response.location)}\n")
    if not ok:
        sys.stderr.write(
            "warning: HubSpot booked this without a calendar event (the organiser's calendar is disconnected): "
            "a contact was created but no meeting is on anyone's calendar. Ask the organiser to reconnect it.\n"
        )
        return ExitCode.NO_CALENDAR_EVENT
    return ExitCode.OK


async def _booking_info_or_cached(client: SchedulerClient, store: LazyStore, slug: str, timezone: str) -> BookingInfo:
    """Fresh booking info (saved for offline use), or the saved copy when HubSpot is unreachable."""
    try:
        info = await client.booking_info(slug, timezone)
    except NetworkUnreachable:
        cached = Cache(store.db).booking_info(slug, timezone)
        if cached is None:
            raise
        saved = datetime.fromtimestamp(cached.fetched_ms / 1000, UTC).astimezone()
        sys.stderr.write(f"HubSpot is unreachable; using the link's details saved {saved:%Y-%m-%d %H:%M}.\n")
        return cached.value
    store.later(lambda cache: cache.put_booking_info(slug, timezone, info))
    return info


async def _offered_or_cached(
    client: SchedulerClient,
    store: LazyStore,
    draft: BookingDraft,
    tz: ZoneInfo,
    fresh_pages: dict[tuple[str, str, int], AvailabilityPage],
) -> list[Slot] | None:
    """Open times of the start's month, fresh (added to `fresh_pages`) or saved; None when unreachable, unsaved."""
    start = from_ms(draft.start_ms, tz)
    month = f"{start.year:04d}-{start.month:02d}"
    offset = offset_for_month(datetime.now(UTC), tz, start.year, start.month)
    if offset < 0:
        return []
    try:
        page = await client.availability(draft.slug, tz.key, offset)
    except NetworkUnreachable:
        cached = Cache(store.db).availability(draft.slug, tz.key, month)
        if cached is None:
            return None
        page = cached.value
    else:
        fresh = fresh_pages[(draft.slug, tz.key, offset)] = page
        store.later(lambda cache: cache.put_availability(draft.slug, tz.key, month, fresh))
    return page.link_availability.slots_for(draft.duration_ms) if page.link_availability else []


def _pairs(items: list[str], option: str, problems: dict[str, str]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            problems[option] = f"“{item}” is not NAME=VALUE."
            continue
        pairs[name.strip()] = value.strip()
    return pairs


def _answers(info: BookingInfo, raw: dict[str, str], problems: dict[str, str]) -> dict[str, Answer]:
    fields = {f.name: f for f in info.custom_params.form_fields}
    answers: dict[str, Answer] = {}
    for name, value in raw.items():
        field = fields.get(name)
        if field is None:
            known = ", ".join(sorted(fields)) or "none"
            problems[f"--field {name}"] = f"This link has no question named “{name}” (its questions: {known})."
            continue
        if field.field_type == "checkbox" and field.options:
            answers[name] = [v.strip() for v in value.split(";") if v.strip()]
        elif field.field_type == "booleancheckbox":
            yes = _yes_no(value)
            if yes is None:
                problems[f"--field {name}"] = "Answer yes or no."
                continue
            answers[name] = yes
        else:
            answers[name] = value
    return answers


def _consents(info: BookingInfo, raw: dict[str, str], problems: dict[str, str]) -> tuple[bool, dict[str, bool]]:
    options = info.custom_params.legal_consent_options
    known = {box.communication_type_id for box in options.communication_consent_checkboxes} if options else set()
    processing = False
    communication: dict[str, bool] = {}
    for key, value in raw.items():
        answer = _yes_no(value)
        if answer is None:
            problems[f"--consent {key}"] = "Answer yes or no."
        elif key == "processing":
            processing = answer
        elif key not in known:
            names = ", ".join(["processing", *sorted(known)])
            problems[f"--consent {key}"] = f"This link has no consent “{key}” (its consents: {names})."
        else:
            communication[key] = answer
    return processing, communication


def _yes_no(value: str) -> bool | None:
    lowered = value.strip().lower()
    return True if lowered in _YES else False if lowered in _NO else None


async def _offered_slots(client: SchedulerClient, draft: BookingDraft, tz: ZoneInfo) -> list[Slot]:
    """Open times of the start's month (in the attendee's zone) for the draft's duration."""
    start = from_ms(draft.start_ms, tz)
    offset = offset_for_month(datetime.now(UTC), tz, start.year, start.month)
    if offset < 0:
        return []
    page = await client.availability(draft.slug, tz.key, offset)
    return page.link_availability.slots_for(draft.duration_ms) if page.link_availability else []


def _nearest(slots: list[Slot], wanted_ms: int, tz: ZoneInfo) -> list[str]:
    return [from_ms(s.start_millis_utc, tz).isoformat() for s in nearest_slots(slots, wanted_ms, 3)]


def _print_nearest(nearest: list[str]) -> None:
    if nearest:
        sys.stderr.write("Nearest open times: " + ", ".join(nearest) + "\n")
    else:
        sys.stderr.write("No open times are left in that month; try `slots --month-offset 1`.\n")
