"""Every CLI read and `book` against a hostile HubSpot-like server: each case ends within CASE_BOUND_S with a
specific message and exit code (never 1, never a traceback), and a booking is never lost from the outbox."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.exit_codes import ExitCode
from tests.faults import hostile_server as hs
from tests.faults.conftest import DEADLINE_S, outbox, run
from tests.faults.hostile_server import HostileServer

READS = {
    "links": ["links"],
    "info": ["info", hs.SLUG, "--timezone", hs.TZ],
    "slots": ["slots", hs.SLUG, "--timezone", hs.TZ, "--duration", "30"],
}
ALL_READ_ROUTES = frozenset({"links", "info", "availability"})
NO_ANSWER = f"HubSpot did not answer in {DEADLINE_S:g} s"

# (case, behaviour, routes attacked, commands, exit code, what stderr must say)
READ_CASES = [
    ("slow-loris headers", hs.slow_loris, ALL_READ_ROUTES, READS, ExitCode.UNREACHABLE, NO_ANSWER),
    ("trickling body", hs.trickle_body, ALL_READ_ROUTES, READS, ExitCode.UNREACHABLE, NO_ANSWER),
    ("accepts, never answers", hs.silent, ALL_READ_ROUTES, READS, ExitCode.UNREACHABLE, NO_ANSWER),
    ("gzip bomb (64 MB)", hs.gzip_bomb, ALL_READ_ROUTES, READS, ExitCode.REFUSED, "larger than 8 MB"),
    ("damaged gzip", hs.bad_gzip, ALL_READ_ROUTES, READS, ExitCode.REFUSED, "compressed data was damaged"),
    ("JSON 100k deep", hs.deep_json, ALL_READ_ROUTES, READS, ExitCode.REFUSED, "not in the expected shape"),
    ("HTML 200 (captive portal)", hs.html_ok, ALL_READ_ROUTES, READS, ExitCode.REFUSED, "came as text/html"),
    ("redirect", hs.redirect, ALL_READ_ROUTES, READS, ExitCode.REFUSED, "redirect, which is not followed"),
    ("connection cut mid-body", hs.truncated, ALL_READ_ROUTES, READS, ExitCode.REFUSED, "connection broke"),
    ("HTML 502", hs.html_error, frozenset({"links"}), {"links": READS["links"]}, ExitCode.REFUSED, "server error"),
    (
        "Retry-After 1e400",
        hs.retry_after("1e400"),
        ALL_READ_ROUTES,
        READS,
        ExitCode.REFUSED,
        "rate limiting",
    ),
    (
        "Retry-After 1e20",
        hs.retry_after("1e20"),
        frozenset({"links"}),
        {"links": READS["links"]},
        ExitCode.REFUSED,
        "rate limiting",
    ),
    (
        "endless cursor",
        hs.endless_cursor,
        frozenset({"links"}),
        {"links": READS["links"]},
        ExitCode.REFUSED,
        "kept sending more pages",
    ),
    (
        "year 10000 open times",
        hs.year_10000,
        frozenset({"availability"}),
        {"slots": READS["slots"]},
        ExitCode.REFUSED,
        "not in the expected shape",
    ),
]

READ_PARAMS = [
    pytest.param(behaviour, routes, argv, code, said, id=f"{case}-{command}")
    for case, behaviour, routes, commands, code, said in READ_CASES
    for command, argv in commands.items()
]


@pytest.mark.parametrize(("behaviour", "routes", "argv", "code", "said"), READ_PARAMS)
def test_a_read_against_a_hostile_server_ends_with_a_specific_error(
    hostile: HostileServer,
    tmp_path: Path,
    behaviour: hs.Behaviour,
    routes: frozenset[str],
    argv: list[str],
    code: int,
    said: str,
) -> None:
    hostile.attack(behaviour, routes)
    result = run(tmp_path / "profile", hostile.url, *argv)
    assert (result.returncode, said in result.stderr) == (code, True), result.stderr
    assert "Traceback" not in result.stderr
    assert "\x1b" not in result.stderr + result.stdout  # server text is never printed raw


@pytest.mark.parametrize("argv", list(READS.values()), ids=list(READS))
def test_absurd_rate_limit_headers_are_ignored_not_obeyed(
    hostile: HostileServer, tmp_path: Path, argv: list[str]
) -> None:
    hostile.attack(hs.absurd_rate_headers, ALL_READ_ROUTES)
    result = run(tmp_path / "profile", hostile.url, *argv)
    assert result.returncode == ExitCode.OK, result.stderr


def test_a_cursor_that_does_not_advance_ends_the_list(hostile: HostileServer, tmp_path: Path) -> None:
    hostile.attack(hs.stuck_cursor, frozenset({"links"}))
    result = run(tmp_path / "profile", hostile.url, "links", "--json")
    assert result.returncode == ExitCode.OK, result.stderr
    assert len(hostile.requests) == 2  # the first page, then the cursor it named once; never a third


def test_terminal_escapes_in_server_text_are_shown_not_run(hostile: HostileServer, tmp_path: Path) -> None:
    hostile.attack(hs.control_chars, frozenset({"links"}))
    result = run(tmp_path / "profile", hostile.url, "links")
    assert result.returncode == ExitCode.OK, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b[2J" in result.stdout


def test_a_token_with_a_line_break_is_refused_before_sending(hostile: HostileServer, tmp_path: Path) -> None:
    result = run(tmp_path / "profile", hostile.url, "links", token="pat-na1-abc\r\nX-Evil: 1")
    assert result.returncode == ExitCode.INVALID, result.stderr
    assert "line break" in result.stderr
    assert hostile.requests == []
    assert "abc" not in result.stderr


# --- book -----------------------------------------------------------------------------------------------------


def _book(hostile: HostileServer, profile: Path, *extra: str) -> list[str]:
    start = hostile.recorded.first_open_time()
    return [
        "book",
        hs.SLUG,
        "--start",
        start,
        "--duration",
        "30",
        "--timezone",
        hs.TZ,
        "--first-name",
        "Jane",
        "--last-name",
        "Doe",
        "--email",
        "jane@acme.test",
        "--field",
        "company=Acme",
        "--consent",
        "processing=yes",
        *extra,
    ]


UNKNOWN = "may or may not have been booked"
BOOK_CASES = [
    ("accepts, never answers", hs.silent, ExitCode.UNKNOWN, NO_ANSWER, "unknown"),
    ("slow-loris headers", hs.slow_loris, ExitCode.UNKNOWN, NO_ANSWER, "unknown"),
    ("trickling body", hs.trickle_body, ExitCode.UNKNOWN, NO_ANSWER, "unknown"),
    ("gzip bomb", hs.gzip_bomb, ExitCode.UNKNOWN, "confirmation could not be read", "unknown"),
    ("JSON 100k deep", hs.deep_json, ExitCode.UNKNOWN, "confirmation could not be read", "unknown"),
    ("HTML 200", hs.html_ok, ExitCode.UNKNOWN, "confirmation could not be read", "unknown"),
    ("redirect", hs.redirect, ExitCode.UNKNOWN, UNKNOWN, "unknown"),
    ("Retry-After 1e400", hs.retry_after("1e400"), ExitCode.REFUSED, "rate limiting", "queued"),
    ("Retry-After 1e20", hs.retry_after("1e20"), ExitCode.REFUSED, "rate limiting", "queued"),
]


@pytest.mark.parametrize(("behaviour", "code", "said", "state"), [pytest.param(*c[1:], id=c[0]) for c in BOOK_CASES])
def test_book_against_a_hostile_server_ends_and_keeps_the_draft(
    hostile: HostileServer, tmp_path: Path, behaviour: hs.Behaviour, code: int, said: str, state: str
) -> None:
    profile = tmp_path / "profile"
    hostile.attack(behaviour, frozenset({"book"}))
    result = run(profile, hostile.url, *_book(hostile, profile))
    assert (result.returncode, said in result.stderr) == (code, True), result.stderr
    assert "Traceback" not in result.stderr
    posts = [r for r in hostile.requests if r.route == "book"]
    assert len(posts) == 1  # never re-sent by itself
    drafts = outbox(profile)
    assert [d["state"] for d in drafts] == [state]
    assert drafts[0]["email"] == "jane@acme.test" or "jane@acme.test" in str(drafts[0])
