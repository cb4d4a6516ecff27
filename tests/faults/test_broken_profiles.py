"""Damaged, read-only and full profiles, through the CLI: a specific message naming the folder and the cause, a
specific exit code, and the queued drafts kept (salvaged from a damaged file into a fresh one)."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli.exit_codes import ExitCode
from tests.faults.conftest import outbox, run
from tests.faults.hostile_server import HostileServer
from tests.faults.test_hostile_server import _book

OFFLINE = "http://127.0.0.1:9"  # nothing listens: these cases never need HubSpot


def _queue(hostile: HostileServer, profile: Path, count: int) -> list[str]:
    ids = []
    for n in range(count):
        argv = _book(hostile, profile, "--later")
        argv[argv.index("jane@acme.test")] = f"jane{n}@acme.test"
        result = run(profile, hostile.url, *argv)
        assert result.returncode == ExitCode.OK, result.stderr
        ids.append(result.stdout.strip())
    return ids


def _database(profile: Path) -> Path:
    return profile / "booking-assistant.sqlite3"


def test_a_database_cut_to_50_bytes_is_kept_aside_and_a_fresh_one_started(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    profile.mkdir()
    _database(profile).write_bytes(b"SQLite format 3\x00" + b"\x00" * 34)
    result = run(profile, OFFLINE, "outbox", "list")
    assert result.returncode == ExitCode.OK, result.stderr
    assert "was damaged" in result.stderr and "kept as" in result.stderr
    kept = list(profile.glob("booking-assistant.sqlite3.damaged-*"))
    assert [p.stat().st_size for p in kept if not p.name.endswith(("-wal", "-shm"))] == [50]


def test_random_bytes_over_the_cache_pages_lose_no_queued_draft(hostile: HostileServer, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    ids = _queue(hostile, profile, 3)
    # Overwrite the pages of the cache (booking info, open times): the drafts live on other pages.
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('PRAGMA wal_checkpoint(TRUNCATE)');"
            "print(' '.join(str(r[0]) for r in c.execute(\"SELECT pageno FROM dbstat WHERE name='cache'\")))",
            str(_database(profile)),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode != 0 or not probe.stdout.strip():
        pytest.skip(f"this sqlite has no dbstat table to find the cache's pages: {probe.stderr.strip()[-200:]}")
    pages = [int(p) for p in probe.stdout.split()]
    data = bytearray(_database(profile).read_bytes())
    rng = random.Random(13)
    for page in pages:
        start = (page - 1) * 4096
        data[start : start + 4096] = rng.randbytes(4096)
    _database(profile).write_bytes(bytes(data))

    result = run(profile, OFFLINE, "outbox", "list", "--json")
    assert result.returncode == ExitCode.OK, result.stderr
    assert "was damaged" in result.stderr and "3 outbox draft(s)" in result.stderr
    assert sorted(d["id"] for d in json.loads(result.stdout)["results"]) == sorted(ids)


# --- read-only and full: a real filesystem of their own ------------------------------------------------------


def _mount(target: Path, options: str) -> bool:
    return subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], check=False).returncode == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB tmpfs (root only; elsewhere the case is skipped: a size limit needs a filesystem of its own)."""
    target = tmp_path / "disk"
    target.mkdir()
    if os.geteuid() != 0 or not _mount(target, "size=3m,mode=0700"):
        pytest.skip("needs root and `mount -t tmpfs` to make a small or read-only filesystem")
    try:
        yield target
    finally:
        subprocess.run(["umount", "-l", str(target)], check=False)


def _remount(disk: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(disk)], check=True)


def test_a_read_only_profile_names_the_folder_and_keeps_the_drafts(hostile: HostileServer, small_disk: Path) -> None:
    profile = small_disk / "profile"
    ids = _queue(hostile, profile, 1)
    _remount(small_disk, "ro")
    try:
        for argv in (["outbox", "list"], _book(hostile, profile, "--later"), ["history"]):
            result = run(profile, hostile.url, *argv)
            assert result.returncode == ExitCode.STORAGE, result.stderr
            assert "cannot write in" in result.stderr and str(profile) in result.stderr, result.stderr
            assert "Traceback" not in result.stderr and "aside" not in result.stderr
    finally:
        _remount(small_disk, "rw")
    assert [d["id"] for d in outbox(profile)] == ids


def test_a_full_disk_names_the_folder_and_keeps_the_drafts(hostile: HostileServer, small_disk: Path) -> None:
    profile = small_disk / "profile"
    ids = _queue(hostile, profile, 1)
    filler = small_disk / "filler"
    with filler.open("wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass
    try:
        result = run(profile, hostile.url, *_book(hostile, profile, "--later"))
        assert result.returncode == ExitCode.STORAGE, result.stderr
        assert "is full" in result.stderr and str(profile) in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    finally:
        filler.unlink()
    assert [d["id"] for d in outbox(profile)] == ids
