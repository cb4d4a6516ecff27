"""One sender per profile, across processes; a crashed holder frees the lock."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.outbox.lock import SenderBusy, SenderLock

HOLDER = """
import sys, time
from pathlib import Path
from app.outbox.lock import SenderLock
lock = SenderLock(Path(sys.argv[1]))
assert lock.acquire()
print("held", flush=True)
sys.stdin.readline()
"""


def test_a_second_lock_in_the_same_process_is_refused(tmp_path: Path) -> None:
    first = SenderLock(tmp_path / "sender.lock")
    second = SenderLock(tmp_path / "sender.lock")
    assert first.acquire()
    assert not second.acquire()
    with pytest.raises(SenderBusy, match="already sending"), second:
        pass
    first.release()
    assert second.acquire()
    second.release()


def test_another_process_holding_the_lock_blocks_until_it_dies(tmp_path: Path) -> None:
    path = tmp_path / "sender.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "held"
        lock = SenderLock(path)
        assert not lock.acquire()
        holder.kill()  # a crash: no clean release
        holder.wait(timeout=30)
        assert lock.acquire()
        lock.release()
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(timeout=30)
        for stream in (holder.stdin, holder.stdout):
            if stream is not None:
                stream.close()
