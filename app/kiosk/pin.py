"""Staff PIN: stored only as a slow salted scrypt hash (its cost parameters alongside); checked in constant time.

The cost is calibrated on the machine that sets the PIN (about a quarter of a second per guess), and a hash made
with a lower cost than this machine can afford is replaced after the next correct PIN (`needs_upgrade`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import math
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

SCHEME = "scrypt"
SALT_BYTES = 16
KEY_BYTES = 32
MIN_DIGITS, MAX_DIGITS = 4, 12
#: New PINs outside --demo: six digits are a million guesses, four only ten thousand.
NEW_PIN_MIN_DIGITS = 6
TARGET_S = 0.25
#: scrypt needs 128·n·r bytes: n=2**17 with r=8 is 128 MiB, the most a kiosk PC should spend; past it, more p.
MIN_N, MAX_N = 2**15, 2**17


@dataclass(frozen=True, slots=True)
class ScryptCost:
    n: int = MIN_N
    r: int = 8
    p: int = 1

    @property
    def work(self) -> int:
        return self.n * self.r * self.p


#: The floor (n=2**15, r=8: ~32 MiB and ~0.1 s on a 2024 laptop); `calibrate` finds what this machine affords.
DEFAULT_COST = ScryptCost()


class PinFormatError(ValueError):
    """The PIN is not 4–12 digits, or too easy to guess for a new PIN."""


def check_pin_format(pin: str) -> str:
    """The PIN without surrounding whitespace; raises PinFormatError unless it is 4–12 digits."""
    pin = pin.strip()
    if not (pin.isascii() and pin.isdigit() and MIN_DIGITS <= len(pin) <= MAX_DIGITS):
        raise PinFormatError(f"The PIN must be {MIN_DIGITS} to {MAX_DIGITS} digits.")
    return pin


def is_trivial_pin(pin: str) -> bool:
    """One digit repeated (0000), a run up or down (1234, 9876, 7890) or a short block repeated (1212, 123123)."""
    digits = [int(c) for c in pin]
    steps = {(b - a) % 10 for a, b in itertools.pairwise(digits)}
    if len(steps) <= 1 and steps <= {0, 1, 9}:
        return True
    return any(len(pin) % size == 0 and pin == pin[:size] * (len(pin) // size) for size in range(1, len(pin) // 2 + 1))


def check_new_pin(pin: str, *, demo: bool = False) -> str:
    """`check_pin_format`, and outside --demo at least six digits that are not a trivial pattern."""
    pin = check_pin_format(pin)
    if demo:
        return pin
    if len(pin) < NEW_PIN_MIN_DIGITS:
        raise PinFormatError(f"Choose a PIN of at least {NEW_PIN_MIN_DIGITS} digits.")
    if is_trivial_pin(pin):
        raise PinFormatError("This PIN is too easy to guess (repeated or consecutive digits); choose another one.")
    return pin


def _maxmem(cost: ScryptCost) -> int:
    return 2 * 128 * cost.n * cost.r + 1024 * 1024


def _derive(pin: str, salt: bytes, cost: ScryptCost) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=cost.n, r=cost.r, p=cost.p, maxmem=_maxmem(cost), dklen=KEY_BYTES)


def calibrate(target_s: float = TARGET_S, clock: Callable[[], float] = time.perf_counter) -> ScryptCost:
    """The scrypt cost one guess takes about `target_s` for on this machine (slow: call it off the UI thread)."""
    probe = ScryptCost(n=2**14)
    started = clock()
    _derive("0", b"\0" * SALT_BYTES, probe)
    elapsed = max(clock() - started, 1e-4)
    ratio = target_s / elapsed  # scrypt's time grows linearly with n (and with p)
    n = 2 ** max(0, math.floor(math.log2(ratio) + 0.2)) * probe.n  # +0.2: 2**16 at 0.23 s beats 2**15 at 0.12 s
    n = max(MIN_N, n)
    p = 1
    if n > MAX_N:
        p = max(1, round(n / MAX_N))
        n = MAX_N
    return ScryptCost(n=n, r=probe.r, p=p)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str, cost: ScryptCost = DEFAULT_COST) -> str:
    """`scrypt$n$r$p$salt$key` for a valid PIN (a fresh random salt each time)."""
    pin = check_pin_format(pin)
    salt = secrets.token_bytes(SALT_BYTES)
    return f"{SCHEME}${cost.n}${cost.r}${cost.p}${_b64(salt)}${_b64(_derive(pin, salt, cost))}"


def is_pin_hash(stored: str) -> bool:
    """Whether `stored` looks like a hash written by `hash_pin`."""
    parts = stored.split("$")
    return len(parts) == 6 and parts[0] == SCHEME and all(part.isdigit() for part in parts[1:4])


def cost_of(stored: str) -> ScryptCost | None:
    """The parameters a stored hash was made with (None when it is not one)."""
    if not is_pin_hash(stored):
        return None
    _, n, r, p, _salt, _key = stored.split("$")
    return ScryptCost(int(n), int(r), int(p))


def needs_upgrade(stored: str, wanted: ScryptCost) -> bool:
    """True when `stored` was made with less work than `wanted` (re-hash it after the next correct PIN)."""
    cost = cost_of(stored)
    return cost is not None and cost.work < wanted.work


def verify_pin(pin: str, stored: str) -> bool:
    """True when `pin` matches `stored`; malformed hashes never match. The comparison is constant-time."""
    cost = cost_of(stored)
    # A hash from elsewhere with an absurd cost must not exhaust memory: such a hash never matches.
    if (
        cost is None
        or not (2 <= cost.n <= 2**20)
        or cost.n & (cost.n - 1)
        or not (1 <= cost.r <= 64 and 1 <= cost.p <= 64)
    ):
        return False
    _, _, _, _, salt_b64, key_b64 = stored.split("$")
    try:
        salt, expected = base64.b64decode(salt_b64, validate=True), base64.b64decode(key_b64, validate=True)
        candidate = _derive(pin.strip(), salt, cost)
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(candidate, expected)
