"""The scripting commands: links, info, slots, book."""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from app import cli
from app.booking.answers import Answer
from app.booking.draft import BookingDraft, validate_draft
from app.booking.slots import nearest_slots, offset_for_month, slots_by_day
from app.booking.timefmt import format_time, from_ms
from app.booking.wire import StartTimeError, parse_start, to_book_request
from app.cli_output import print_json, report_error, report_invalid, table
from app.connection import ConnectionOptions, open_client
from app.hubspot.client import Booked, SchedulerClient
from app.hubspot.errors import (
    BookingRefused,
    NetworkUnreachable,
    NotSignedIn,
    OutcomeUnknown,
    SchedulerError,
    TimeNoLongerAvailable,
)
from app.hubspot.models import BookingInfo, FormField, Slot
from app.paths import Paths
from app.timezones import is_valid_timezone, system_timezone_name

_YES = {"yes", "y", "true", "1", "on"}
_NO = {"no", "n", "false", "0", "off"}


def run_command(args: argparse.Namespace, paths: Paths) -> int:
    return asyncio.run(_run(args, paths))


async def _run(args: argparse.Namespace, paths: Paths) -> int:
    as_json = bool(getattr(args, "json", False))
    tz_name = getattr(args, "timezone", None) or system_timezone_name()
    if not is_valid_timezone(tz_name):
        report_invalid({"--timezone": f"“{tz_name}” is not an IANA time zone such as Europe/Berlin."}, as_json=as_json)
        return cli.EXIT_INVALID
    client = open_client(ConnectionOptions.from_args(args.api_base, args.demo))
    try:
        if args.command == "links":
            return await _links(client, as_json)
        if args.command == "info":
            return await _info(client, args.slug, tz_name, as_json)
        if args.command == "slots":
            return await _slots(client, args, ZoneInfo(tz_name), as_json)
        if args.command == "book":
            return await _book(client, args, ZoneInfo(tz_name), as_json)
        raise AssertionError(f"unhandled command {args.command}")
    except NotSignedIn as exc:
        report_error(exc, as_json=as_json)
        return cli.EXIT_INVALID
    except OutcomeUnknown as exc:
        report_error(exc, as_json=as_json)
        return cli.EXIT_UNKNOWN
    except NetworkUnreachable as exc:
        report_error(exc, as_json=as_json)
        return cli.EXIT_UNREACHABLE
    except SchedulerError as exc:
        report_error(exc, as_json=as_json)
        return cli.EXIT_REFUSED
    finally:
        await client.aclose()


# --- read commands ---------------------------------------------------------------------------------------------


async def _links(client: SchedulerClient, as_json: bool) -> int:
    links = await client.list_links()
    if as_json:
        print_json({"results": links, "total": len(links)})
        return cli.EXIT_OK
    kinds = {"PERSONAL_LINK": "personal", "ROUND_ROBIN_CALENDAR": "team (round robin)", "GROUP_CALENDAR": "group"}
    rows = [[link.slug, link.name, kinds.get(link.type, link.type), link.link] for link in links]
    table(rows, ["SLUG", "NAME", "TYPE", "URL"])
    return cli.EXIT_OK


async def _info(client: SchedulerClient, slug: str, tz_name: str, as_json: bool) -> int:
    info = await client.booking_info(slug, tz_name)
    if as_json:
        print_json(info)
        return cli.EXIT_OK
    params = info.custom_params
    out = sys.stdout
    out.write(f"Link: {slug} ({info.link_type})\n")
    out.write("Durations: " + ", ".join(f"{d // 60000} min" for d in params.durations) + "\n")
    guests = params.guest_settings
    if guests and guests.can_add_guests:
        out.write(f"Guests: up to {guests.max_guest_count}\n")
    else:
        out.write("Guests: not allowed\n")
    if params.location:
        out.write(f"Location: {params.location}\n")
    out.write("\nQuestions (pass with --field NAME=VALUE):\n")
    rows = [[f.name, f.label, f.field_type, "yes" if f.is_required else "", _options(f)] for f in params.form_fields]
    table(rows, ["NAME", "LABEL", "TYPE", "REQUIRED", "OPTIONS"])
    consent = params.legal_consent_options
    if params.legal_consent_enabled and consent:
        out.write("\nConsent (pass with --consent TYPE_ID=yes|no):\n")
        if consent.processing_consent_type == "REQUIRED_CHECKBOX":
            out.write(f"  processing (required): {consent.processing_consent_checkbox_label}\n")
        for box in consent.communication_consent_checkboxes:
            flag = " (required)" if box.required else ""
            out.write(f"  {box.communication_type_id}{flag}: {box.label}\n")
    return cli.EXIT_OK


def _options(field: FormField) -> str:
    return "; ".join(o.value for o in field.options if not o.hidden)


async def _slots(client: SchedulerClient, args: argparse.Namespace, tz: ZoneInfo, as_json: bool) -> int:
    info = await client.booking_info(args.slug, tz.key)
    durations = info.custom_params.durations
    duration_ms = (args.duration * 60_000) if args.duration else durations[0]
    if duration_ms not in durations:
        offered = ", ".join(str(d // 60000) for d in durations)
        report_invalid({"--duration": f"This link offers {offered} minutes."}, as_json=as_json)
        return cli.EXIT_INVALID
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
        return cli.EXIT_OK
    if not by_day:
        sys.stdout.write(f"No open times for {duration_ms // 60000} min in that month ({tz.key}).\n")
        return cli.EXIT_OK
    rows = [
        [day.strftime("%a %Y-%m-%d"), " ".join(format_time(s.start, True) for s in day_slots)]
        for day, day_slots in by_day.items()
    ]
    table(rows, ["DAY", f"OPEN TIMES ({tz.key}, {duration_ms // 60000} min)"])
    return cli.EXIT_OK


# --- book -------------------------------------------------------------------------------------------------------


async def _book(client: SchedulerClient, args: argparse.Namespace, tz: ZoneInfo, as_json: bool) -> int:
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
        return cli.EXIT_INVALID

    info = await client.booking_info(args.slug, tz.key)
    answers = _answers(info, raw_fields, problems)
    processing, communication = _consents(info, raw_consents, problems)
    if problems:
        report_invalid(problems, as_json=as_json)
        return cli.EXIT_INVALID
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
    offered: list[Slot] = []
    if draft.duration_ms in info.custom_params.durations:
        offered = await _offered_slots(client, draft, tz)
    problems = validate_draft(draft, info, [s.start_millis_utc for s in offered])
    if problems:
        extra = {"nearestOpenTimes": _nearest(offered, start_ms, tz)} if "start" in problems else {}
        report_invalid(problems, as_json=as_json, **extra)
        if extra and not as_json:
            _print_nearest(extra["nearestOpenTimes"])
        return cli.EXIT_INVALID

    request = to_book_request(draft, info)
    try:
        result = await client.book(request)
    except TimeNoLongerAvailable as exc:
        fresh = await _offered_slots(client, draft, tz)
        nearest = _nearest(fresh, start_ms, tz)
        report_error(exc, as_json=as_json, nearestOpenTimes=nearest)
        if not as_json:
            _print_nearest(nearest)
        return cli.EXIT_REFUSED
    except BookingRefused as exc:
        report_error(exc, as_json=as_json, field=exc.field)
        return cli.EXIT_REFUSED
    response = result.response
    ok = isinstance(result, Booked)
    if as_json:
        print_json({"status": "booked" if ok else "booked_without_calendar_event", "booking": response})
    else:
        when = from_ms(start_ms, tz)
        sys.stdout.write(f"Booked: {response.subject}\n  {when:%a %Y-%m-%d %H:%M} ({tz.key})\n")
        if response.web_conference_url:
            sys.stdout.write(f"  Video: {response.web_conference_url}\n")
        if response.location:
            sys.stdout.write(f"  Location: {response.location}\n")
    if not ok:
        sys.stderr.write(
            "warning: HubSpot booked this without a calendar event (the organiser's calendar is disconnected): "
            "a contact was created but no meeting is on anyone's calendar. Ask the organiser to reconnect it.\n"
        )
        return cli.EXIT_NO_CALENDAR_EVENT
    return cli.EXIT_OK


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
