"""Staff PIN: stored only as a slow salted scrypt hash; checked in constant time."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

SCHEME = "scrypt"
# n=2**15, r=8 costs ~32 MiB and roughly 0.1 s per guess: slow for a stolen settings file, fine for one prompt.
N, R, P = 2**15, 8, 1
SALT_BYTES = 16
KEY_BYTES = 32
MIN_DIGITS, MAX_DIGITS = 4, 12


class PinFormatError(ValueError):
    """The PIN is not 4–12 digits."""


def check_pin_format(pin: str) -> str:
    """The PIN without surrounding whitespace; raises PinFormatError unless it is 4–12 digits."""
    pin = pin.strip()
    if not (pin.isascii() and pin.isdigit() and MIN_DIGITS <= len(pin) <= MAX_DIGITS):
        raise PinFormatError(f"The PIN must be {MIN_DIGITS} to {MAX_DIGITS} digits.")
    return pin


def _derive(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=128 * 1024 * 1024, dklen=KEY_BYTES)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_pin(pin: str, *, n: int = N, r: int = R, p: int = P) -> str:
    """`scrypt$n$r$p$salt$key` for a valid PIN (a fresh random salt each time)."""
    pin = check_pin_format(pin)
    salt = secrets.token_bytes(SALT_BYTES)
    return f"{SCHEME}${n}${r}${p}${_b64(salt)}${_b64(_derive(pin, salt, n, r, p))}"


def is_pin_hash(stored: str) -> bool:
    """Whether `stored` looks like a hash written by `hash_pin`."""
    parts = stored.split("$")
    return len(parts) == 6 and parts[0] == SCHEME and all(part.isdigit() for part in parts[1:4])


def verify_pin(pin: str, stored: str) -> bool:
    """True when `pin` matches `stored`; malformed hashes never match. The comparison is constant-time."""
    if not is_pin_hash(stored):
        return False
    _, n, r, p, salt_b64, key_b64 = stored.split("$")
    try:
        salt, expected = base64.b64decode(salt_b64, validate=True), base64.b64decode(key_b64, validate=True)
        candidate = _derive(pin.strip(), salt, int(n), int(r), int(p))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(candidate, expected)
