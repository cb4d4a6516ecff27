"""The CLI's command table: every command the parser offers runs something, and the numbers scripts rely on hold."""

from __future__ import annotations

import argparse
import subprocess
import sys

from app.cli import COMMANDS, build_parser, runner_for
from app.cli.exit_codes import ExitCode


def _commands(parser: argparse.ArgumentParser) -> set[str]:
    (sub,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return set(sub.choices)


def test_every_command_of_the_parser_has_a_runner() -> None:
    assert _commands(build_parser()) == set(COMMANDS)
    for command in COMMANDS:
        assert callable(runner_for(command)), command


def test_exit_codes_keep_their_documented_numbers() -> None:
    assert [(code.name, int(code)) for code in ExitCode] == [
        ("OK", 0),
        ("BUG", 1),
        ("INVALID", 2),
        ("REFUSED", 3),
        ("UNREACHABLE", 4),
        ("UNKNOWN", 5),
        ("NO_CALENDAR_EVENT", 6),
        ("STORAGE", 7),
        ("INTERRUPTED", 130),
    ]


def test_building_the_parser_imports_no_command_module() -> None:
    """The window starts through the parser: it must not pay for httpx, sqlite or the command modules."""
    code = (
        "import sys, app.cli; app.cli.build_parser(); "
        "print(sorted(m for m in sys.modules if m in ('httpx', 'sqlite3', 'msgspec', 'app.services') "
        "or m in ('app.cli.booking', 'app.cli.outbox', 'app.cli.output')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_http_client_does_not_import_httpxs_command_line_tool() -> None:
    """httpx imports click, pygments and rich for its own CLI when they are installed (~90 ms per start)."""
    code = (
        "import sys, app.hubspot.http, httpx; "
        "print(sorted(m for m in ('click', 'pygments', 'rich', 'httpx._main') if sys.modules.get(m) is not None))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
