"""`propose SLUG`: a ready-to-paste message offering the next open times (or chosen ones) of a link.

Its arguments are in app/cli/__init__.py with the other commands' (this module imports the HubSpot client).
"""

from __future__ import annotations

import argparse
import sys
import time
from zoneinfo import ZoneInfo

from app.booking.proposal import MAX_TIMES, MIN_TIMES, Proposal, ProposalError, build_proposal, next_open
from app.booking.wire import StartTimeError, parse_start
from app.booking.zones import is_valid_timezone, system_timezone_name
from app.cli.exit_codes import ExitCode
from app.cli.output import print_json, report_invalid
from app.hubspot.client import SchedulerClient
from app.hubspot.models import Slot

#: Months looked at for the next open times (this one and the following ones).
MONTHS_AHEAD = 3


async def run_propose(client: SchedulerClient, args: argparse.Namespace, tz: ZoneInfo, as_json: bool) -> int:
    problems: dict[str, str] = {}
    rep_name = args.rep_timezone or system_timezone_name()
    if not is_valid_timezone(rep_name):
        problems["--rep-timezone"] = f"“{rep_name}” is not an IANA time zone such as Europe/Berlin."
    if not args.at and not MIN_TIMES <= args.count <= MAX_TIMES:
        problems["--count"] = f"Propose between {MIN_TIMES} and {MAX_TIMES} times."
    wanted: list[int] = []
    for text in args.at:
        try:
            wanted.append(parse_start(text, tz))
        except StartTimeError as exc:
            problems["--at"] = str(exc)
    if problems:
        report_invalid(problems, as_json=as_json)
        return ExitCode.INVALID

    info = await client.booking_info(args.slug, tz.key)
    durations = info.custom_params.durations
    duration_ms = args.duration * 60_000 if args.duration else durations[0]
    if duration_ms not in durations:
        offered = ", ".join(str(d // 60000) for d in durations)
        report_invalid({"--duration": f"This link offers {offered} minutes."}, as_json=as_json)
        return ExitCode.INVALID
    links = await client.list_links()
    link = next((item for item in links if item.slug == args.slug), None)
    booking_url = link.link if link and link.link else f"https://meetings.hubspot.com/{args.slug}"
    title = (link.name if link and link.name else "") or args.slug

    now_ms = int(time.time() * 1000)
    open_slots: list[Slot] = []
    for offset in range(MONTHS_AHEAD):
        page = await client.availability(args.slug, tz.key, offset)
        if page.link_availability is not None:
            open_slots += page.link_availability.slots_for(duration_ms)
        if not wanted and len(next_open(open_slots, args.count, now_ms=now_ms, zone=tz)) >= args.count:
            break
        if wanted and set(wanted) <= {s.start_millis_utc for s in open_slots}:
            break
    if wanted:
        by_start = {s.start_millis_utc: s for s in open_slots if s.start_millis_utc > now_ms}
        missing = [text for text, ms in zip(args.at, wanted, strict=True) if ms not in by_start]
        if missing:
            report_invalid({"--at": f"Not an open time of this link: {', '.join(missing)}."}, as_json=as_json)
            return ExitCode.INVALID
        chosen = [by_start[ms] for ms in wanted]
    else:
        chosen = next_open(open_slots, args.count, now_ms=now_ms, zone=tz)
    try:
        proposal = build_proposal(
            chosen,
            attendee_zone=tz,
            rep_zone=ZoneInfo(rep_name),
            language=args.language,
            title=title,
            booking_url=booking_url,
        )
    except ProposalError as exc:
        report_invalid({"SLUG": str(exc)}, as_json=as_json)
        return ExitCode.INVALID
    _print(proposal, args, tz, rep_name, as_json)
    return ExitCode.OK


def _print(proposal: Proposal, args: argparse.Namespace, tz: ZoneInfo, rep_name: str, as_json: bool) -> None:
    if as_json:
        print_json(
            {
                "slug": args.slug,
                "timezone": tz.key,
                "repTimezone": rep_name,
                "bookingUrl": proposal.booking_url,
                "times": [
                    {"start": t.start.isoformat(), "end": t.end.isoformat(), "text": t.text} for t in proposal.times
                ],
                "text": proposal.plain,
                "html": proposal.html,
            }
        )
    else:
        sys.stdout.write(proposal.html + "\n" if args.html else proposal.plain)
    if len(proposal.times) < args.count and not args.at:
        sys.stderr.write(f"Only {len(proposal.times)} open times in the next {MONTHS_AHEAD} months.\n")
