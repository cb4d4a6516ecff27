"""Wrong-PIN back-off: a few free tries, then waits that double with each wrong PIN, capped.

The count and the lockout are kept in a small file in the profile (written atomically, owner-only), so quitting or
crashing the kiosk does not hand an attacker a fresh set of free tries. Times in the file are wall-clock seconds
(a monotonic clock restarts with the machine); a clock set back can at most make one wait the longest wait again.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from pathlib import Path

from app.atomic_file import write_atomically

log = logging.getLogger(__name__)

FREE_ATTEMPTS = 3
FIRST_WAIT_S = 5.0
MAX_WAIT_S = 300.0
#: How many failure times the file keeps (for staff: "12 wrong PINs since 09:14"); the count itself is not capped.
KEEP_TIMES = 50
ATTEMPTS_FILE = "kiosk-pin-attempts.json"


def backoff_s(failures: int, *, free: int, first_s: float, max_s: float) -> float:
    """The wait after the `failures`-th wrong PIN: 0 within the free tries, then first_s doubling up to max_s.

    The exponent is bounded before it is used: `2 ** over` on a float overflowed at the 1028th wrong PIN.
    """
    over = failures - free
    if over <= 0:
        return 0.0
    doublings = min(over - 1, 64)
    return min(max_s, first_s * 2.0**doublings)


class PinAttempts:
    """Counts wrong PINs and says how long the prompt must refuse new tries; clock and file are injected.

    With `path`, the state is read from it at start and written after every change; without, it lives in memory.
    """

    def __init__(
        self,
        clock: Callable[[], float] = time.time,
        *,
        path: Path | None = None,
        free_attempts: int = FREE_ATTEMPTS,
        first_wait_s: float = FIRST_WAIT_S,
        max_wait_s: float = MAX_WAIT_S,
    ) -> None:
        self._clock = clock
        self._path = path
        self._free = free_attempts
        self._first = first_wait_s
        self._max = max_wait_s
        self.failures = 0
        self.failure_times: list[float] = []
        self._locked_until = 0.0
        if path is not None:
            self._load(path)

    def wait_s(self) -> float:
        """Seconds before another PIN may be tried (0 = now); never more than the longest wait."""
        return min(self._max, max(0.0, self._locked_until - self._clock()))

    def record_failure(self) -> float:
        """A wrong PIN; returns the wait it caused (0 while within the free attempts)."""
        self.failures += 1
        now = self._clock()
        self.failure_times = [*self.failure_times, now][-KEEP_TIMES:]
        wait = backoff_s(self.failures, free=self._free, first_s=self._first, max_s=self._max)
        if wait > 0:
            self._locked_until = now + wait
        self._save()
        return wait

    def record_success(self) -> None:
        self.failures = 0
        self.failure_times = []
        self._locked_until = 0.0
        self._save()

    # --- the file -----------------------------------------------------------------------------------------

    def _load(self, path: Path) -> None:
        try:
            raw = json.loads(path.read_bytes())
            failures = int(raw["failures"])
            locked_until = float(raw["locked_until"])
            times = [float(t) for t in raw.get("failure_times", [])][-KEEP_TIMES:]
        except FileNotFoundError:
            return
        except (OSError, ValueError, TypeError, KeyError) as exc:
            # Fail closed: a damaged file must not reset the count to zero and give free tries again.
            log.warning(
                "PIN attempts file unreadable (%s); locking the prompt for the longest wait", type(exc).__name__
            )
            self.failures = max(self._free, 1)
            self._locked_until = self._clock() + self._max
            return
        self.failures = max(0, failures)
        self.failure_times = times
        self._locked_until = locked_until

    def _save(self) -> None:
        if self._path is None:
            return
        data = {"failures": self.failures, "locked_until": self._locked_until, "failure_times": self.failure_times}
        try:
            write_private(self._path, json.dumps(data).encode())
        except OSError:
            log.exception("Could not save the PIN attempts")


def write_private(path: Path, data: bytes) -> None:
    """Write `data` atomically, readable by the owner only (the temp file is created 0600)."""
    write_atomically(path, data)
