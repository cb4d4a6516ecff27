"""History exports: CSV (spreadsheets) and .ics (calendars)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TextIO

from app.booking.ics import escape_text, fold_line, safe_uri
from app.store.history import HistoryRecord

CSV_COLUMNS = (
    "sent_at",
    "meeting_start",
    "duration_minutes",
    "link",
    "name",
    "email",
    "company",
    "guests",
    "account",
    "calendar_event",
    "subject",
    "location",
    "video_link",
)


def _iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _cell(text: str) -> str:
    # A leading =, +, - or @ makes spreadsheets run the cell as a formula (CSV injection).
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_csv(records: Iterable[HistoryRecord], out: TextIO) -> int:
    """Write one row per booking; returns how many."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for r in records:
        resp = r.response
        writer.writerow(
            [
                _iso(r.sent_ms),
                _iso(r.start_ms),
                r.duration_ms // 60_000,
                _cell(r.link_name or r.link_slug),
                _cell(r.name),
                _cell(r.email),
                _cell(r.company),
                _cell(" ".join(r.request.guest_emails)),
                _cell(r.account),
                "yes" if r.has_calendar_event else "no",
                _cell(resp.subject if resp else ""),
                _cell((resp.location or "") if resp else ""),
                _cell((resp.web_conference_url or "") if resp else ""),
            ]
        )
        count += 1
    return count


def _ics_text(text: str) -> str:
    return escape_text(text)


def _fold(line: str) -> str:
    """RFC 5545 §3.1: lines longer than 75 octets continue on lines starting with a space."""
    return fold_line(line)


def write_ics(records: Iterable[HistoryRecord], out: TextIO, *, now_ms: int) -> int:
    """One VEVENT per booking, times in UTC; returns how many."""
    stamp = datetime.fromtimestamp(now_ms / 1000, UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Booking Assistant//History//EN", "CALSCALE:GREGORIAN"]
    count = 0
    for r in records:
        resp = r.response
        uid = (resp.calendar_event_id if resp and resp.calendar_event_id else f"history-{r.id}") + "@booking-assistant"
        summary = (resp.subject if resp else "") or f"{r.link_name or r.link_slug}: {r.name}".strip()
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_ics_text(uid)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{_iso(r.start_ms).replace('-', '').replace(':', '')}",
            f"DTEND:{_iso(r.start_ms + r.duration_ms).replace('-', '').replace(':', '')}",
            f"SUMMARY:{_ics_text(summary)}",
        ]
        if resp and resp.location:
            lines.append(f"LOCATION:{_ics_text(resp.location)}")
        video = safe_uri(resp.web_conference_url) if resp else None
        if video:
            lines.append(f"URL:{video}")
        description = f"{r.name} <{r.email}>" + (f", {r.company}" if r.company else "")
        lines += [f"DESCRIPTION:{_ics_text(description)}", "END:VEVENT"]
        count += 1
    lines.append("END:VCALENDAR")
    out.write("".join(_fold(line) + "\r\n" for line in lines))
    return count
