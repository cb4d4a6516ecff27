"""Human-readable tables and JSON for the CLI."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

import msgspec

from app import cli
from app.hubspot.errors import NetworkUnreachable, NotSignedIn, OutcomeUnknown, SchedulerError


def print_json(data: Any, out: TextIO | None = None) -> None:
    (out or sys.stdout).write(json.dumps(msgspec.to_builtins(data), indent=2, ensure_ascii=False) + "\n")


def table(rows: Sequence[Sequence[str]], headers: Sequence[str], out: TextIO | None = None) -> None:
    """A plain aligned table; the last column is not padded. `out` is looked up per call (tests capture it)."""
    out = out or sys.stdout
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))

    def line(cells: Sequence[str]) -> str:
        padded = [c.ljust(widths[i]) for i, c in enumerate(cells[:-1])] + [cells[-1]]
        return "  ".join(padded).rstrip()

    out.write(line(headers) + "\n")
    out.write(line(["-" * w for w in widths]) + "\n")
    for row in rows:
        out.write(line(row) + "\n")


def error_json(error: SchedulerError, **extra: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": type(error).__name__,
        "message": error.user_message,
        "status": error.status,
        "correlationId": error.correlation_id,
    }
    body.update(extra)
    return {"error": body}


def report_error(error: SchedulerError, *, as_json: bool, **extra: Any) -> None:
    """Errors go to stderr for people; with --json, a JSON object goes to stdout for scripts."""
    if as_json:
        print_json(error_json(error, **extra))
    else:
        sys.stderr.write(f"error: {error}\n")


def report_invalid(problems: dict[str, str], *, as_json: bool, **extra: Any) -> None:
    if as_json:
        print_json({"error": {"type": "InvalidInput", "fields": problems, **extra}})
        return
    for field, message in problems.items():
        sys.stderr.write(f"invalid {field}: {message}\n")


def exit_code_for(error: BaseException | None) -> int:
    """The CLI's exit code for a failure; the one mapping every command uses."""
    if isinstance(error, NotSignedIn):
        return cli.EXIT_INVALID
    if isinstance(error, OutcomeUnknown):
        return cli.EXIT_UNKNOWN
    if isinstance(error, NetworkUnreachable):
        return cli.EXIT_UNREACHABLE
    if isinstance(error, SchedulerError):
        return cli.EXIT_REFUSED
    return cli.EXIT_UNKNOWN  # an unexpected failure while sending: it may have booked
