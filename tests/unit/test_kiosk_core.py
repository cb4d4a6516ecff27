"""Kiosk core without Qt: PIN hashing, wrong-PIN back-off, the idle clock, kiosk settings."""

from __future__ import annotations

import msgspec
import pytest

from app.kiosk.attempts import PinAttempts
from app.kiosk.config import KioskSettings
from app.kiosk.idle import IdlePhase, IdleWatch
from app.kiosk.pin import PinFormatError, check_pin_format, hash_pin, is_pin_hash, verify_pin


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_pin_hash_is_salted_slow_and_verifies() -> None:
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first != second  # a fresh salt each time
    assert "2468" not in first
    scheme, n, r, _p, _salt, _key = first.split("$")
    assert scheme == "scrypt" and int(n) >= 2**14 and int(r) >= 8
    assert verify_pin("2468", first) and verify_pin("2468", second)
    assert not verify_pin("2469", first)
    assert not verify_pin("", first)


@pytest.mark.parametrize("broken", ["", "2468", "scrypt$x$8$1$AAAA$BBBB", "scrypt$16$8$1$!!$??", "md5$1$1$1$a$b"])
def test_malformed_hashes_never_match(broken: str) -> None:
    assert not verify_pin("2468", broken)


@pytest.mark.parametrize("bad", ["123", "abcd", "12 34", "1234567890123", "١٢٣٤"])
def test_pin_must_be_4_to_12_ascii_digits(bad: str) -> None:
    with pytest.raises(PinFormatError):
        check_pin_format(bad)
    assert check_pin_format(" 0042\n") == "0042"


def test_wrong_pins_back_off_and_doubling_is_capped() -> None:
    clock = FakeClock()
    attempts = PinAttempts(clock, free_attempts=3, first_wait_s=5, max_wait_s=60)
    assert [attempts.record_failure() for _ in range(3)] == [0, 0, 0]
    assert attempts.wait_s() == 0
    assert attempts.record_failure() == 5
    assert attempts.wait_s() == 5
    clock.now += 4
    assert attempts.wait_s() == pytest.approx(1)
    clock.now += 1
    assert attempts.wait_s() == 0
    assert [attempts.record_failure() for _ in range(4)] == [10, 20, 40, 60]
    attempts.record_success()
    assert attempts.wait_s() == 0 and attempts.failures == 0


def test_idle_watch_warns_then_expires_and_a_touch_restarts_it() -> None:
    clock = FakeClock()
    watch = IdleWatch(90, 30, clock)
    clock.now += 89
    assert watch.phase() is IdlePhase.ACTIVE
    clock.now += 1
    assert watch.phase() is IdlePhase.WARNING
    assert watch.seconds_left() == 30
    clock.now += 29.5
    assert watch.seconds_left() == 1
    watch.touch()
    assert watch.phase() is IdlePhase.ACTIVE
    clock.now += 120
    assert watch.phase() is IdlePhase.EXPIRED
    assert watch.seconds_left() == 0


def test_kiosk_settings_defaults_are_safe_and_values_are_checked() -> None:
    settings = KioskSettings()
    assert settings.offline == "refuse" and settings.pin_hash == "" and not settings.enabled
    with pytest.raises(msgspec.ValidationError, match="idle_seconds"):
        msgspec.convert({"idle_seconds": 2}, type=KioskSettings)
    with pytest.raises(msgspec.ValidationError):
        msgspec.convert({"offline": "maybe"}, type=KioskSettings)
    with pytest.raises(msgspec.ValidationError, match="slug"):
        msgspec.convert({"links": ["bad slug!"]}, type=KioskSettings)
    with pytest.raises(msgspec.ValidationError, match="PIN hash"):
        msgspec.convert({"pin_hash": "1234"}, type=KioskSettings)
    stored = hash_pin("1357")
    assert is_pin_hash(msgspec.convert({"pin_hash": stored}, type=KioskSettings).pin_hash)
