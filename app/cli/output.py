"""Human-readable tables and JSON for the CLI."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Sequence
from typing import Any, TextIO

import msgspec

from app.cli.exit_codes import ExitCode
from app.hubspot.errors import NetworkUnreachable, NotSignedIn, OutcomeUnknown, SchedulerError

# C0/C1 controls, DEL, and the bidi overrides that make a terminal show text other than what is there.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe_text(text: str, *, keep_newlines: bool = False) -> str:
    """Text from a server or a stored booking, made harmless for a terminal: `ESC[2J` and friends are shown
    as visible `\\x1b` escapes instead of being run; tabs and (unless kept) newlines become spaces."""
    text = text.replace("\t", " ")
    if not keep_newlines:
        text = text.replace("\r\n", " ").replace("\n", " ")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else "\ufffd", text)


def print_json(data: Any, out: TextIO | None = None) -> None:
    (out or sys.stdout).write(json.dumps(msgspec.to_builtins(data), indent=2, ensure_ascii=False) + "\n")


def table(rows: Sequence[Sequence[str]], headers: Sequence[str], out: TextIO | None = None) -> None:
    """A plain aligned table; the last column is not padded. `out` is looked up per call (tests capture it)."""
    out = out or sys.stdout
    rows = [[safe_text(cell) for cell in row] for row in rows]
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
        sys.stderr.write(f"error: {safe_text(str(error))}\n")


def report_invalid(problems: dict[str, str], *, as_json: bool, **extra: Any) -> None:
    if as_json:
        print_json({"error": {"type": "InvalidInput", "fields": problems, **extra}})
        return
    for field, message in problems.items():
        sys.stderr.write(f"invalid {safe_text(field)}: {safe_text(message)}\n")


def exit_code_for(error: BaseException | None) -> int:
    """The CLI's exit code for a failure; the one mapping every command uses."""
    if isinstance(error, NotSignedIn):
        return ExitCode.INVALID
    if isinstance(error, OutcomeUnknown):
        return ExitCode.UNKNOWN
    if isinstance(error, NetworkUnreachable):
        return ExitCode.UNREACHABLE
    if isinstance(error, SchedulerError):
        return ExitCode.REFUSED
    return ExitCode.UNKNOWN  # an unexpected failure while sending: it may have booked


def database_exit_code(error: BaseException) -> int:
    """A store that cannot be written (read-only, full) is exit 7; a refused file (newer schema) is exit 2."""
    from app.store.database import StorageUnavailable

    return ExitCode.STORAGE if isinstance(error, StorageUnavailable) else ExitCode.INVALID
