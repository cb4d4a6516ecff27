"""The staff PIN against a patient attacker: back-off that never switches off, survives restarts; strong PINs."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from app.kiosk.attempts import MAX_WAIT_S, PinAttempts, backoff_s
from app.kiosk.pin import (
    DEFAULT_COST,
    MAX_N,
    MIN_N,
    PinFormatError,
    ScryptCost,
    calibrate,
    check_new_pin,
    cost_of,
    hash_pin,
    is_trivial_pin,
    needs_upgrade,
    verify_pin,
)


class FakeClock:
    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_back_off_keeps_going_past_two_thousand_wrong_pins_and_survives_a_restart(tmp_path: Path) -> None:
    clock, file = FakeClock(), tmp_path / "attempts.json"
    attempts = PinAttempts(clock, path=file)
    waits = []
    for _ in range(2500):
        waits.append(attempts.record_failure())  # attempt 1028 raised OverflowError and unlocked the prompt
        clock.now += waits[-1]  # the attacker waits out each lockout
    assert waits[:3] == [0, 0, 0] and waits[3] == 5
    assert all(wait == MAX_WAIT_S for wait in waits[20:])
    attempts.record_failure()
    assert attempts.wait_s() == MAX_WAIT_S

    restarted = PinAttempts(clock, path=file)  # the kiosk was quit (or crashed) and started again
    assert restarted.failures == 2501
    assert restarted.wait_s() == MAX_WAIT_S
    clock.now += MAX_WAIT_S
    assert restarted.wait_s() == 0
    assert restarted.record_failure() == MAX_WAIT_S  # no fresh free tries after the restart
    assert len(restarted.failure_times) == 50 and restarted.failure_times[-1] == clock.now
    assert stat.S_IMODE(file.stat().st_mode) == 0o600


def test_a_correct_pin_clears_the_count_on_disk(tmp_path: Path) -> None:
    clock, file = FakeClock(), tmp_path / "attempts.json"
    attempts = PinAttempts(clock, path=file)
    for _ in range(5):
        attempts.record_failure()
    clock.now += MAX_WAIT_S
    attempts.record_success()
    assert PinAttempts(clock, path=file).failures == 0


def test_a_damaged_attempts_file_locks_instead_of_resetting(tmp_path: Path) -> None:
    clock, file = FakeClock(), tmp_path / "attempts.json"
    file.write_text("{not json")
    assert PinAttempts(clock, path=file).wait_s() == MAX_WAIT_S


def test_a_clock_set_back_cannot_lock_longer_than_the_longest_wait(tmp_path: Path) -> None:
    clock, file = FakeClock(), tmp_path / "attempts.json"
    attempts = PinAttempts(clock, path=file)
    for _ in range(10):
        attempts.record_failure()
    clock.now -= 86_400
    assert PinAttempts(clock, path=file).wait_s() == MAX_WAIT_S


def test_backoff_is_defined_for_any_count() -> None:
    assert backoff_s(10**9, free=3, first_s=5, max_s=300) == 300
    assert backoff_s(4, free=3, first_s=5, max_s=300) == 5


@pytest.mark.parametrize("pin", ["000000", "123456", "654321", "567890", "121212", "123123", "999999999"])
def test_trivial_pins_are_refused_outside_demo(pin: str) -> None:
    assert is_trivial_pin(pin)
    with pytest.raises(PinFormatError, match="too easy"):
        check_new_pin(pin)
    assert check_new_pin(pin, demo=True) == pin


def test_new_pins_need_six_digits_outside_demo() -> None:
    with pytest.raises(PinFormatError, match="at least 6"):
        check_new_pin("2468")
    assert check_new_pin("0000", demo=True) == "0000"
    assert check_new_pin(" 482916 ") == "482916"
    assert not is_trivial_pin("482916")


def test_calibration_aims_at_a_quarter_second_and_stays_in_bounds() -> None:
    def clock_taking(seconds: float) -> FakeClock:
        class Ticking(FakeClock):
            def __call__(self) -> float:
                self.now += seconds  # read before and after the probe: `seconds` apart
                return self.now

        return Ticking()

    assert calibrate(clock=clock_taking(0.05)) == ScryptCost(n=2**16, r=8, p=1)  # 2**14 took 50 ms
    assert calibrate(clock=clock_taking(1.0)).n == MIN_N  # a slow machine keeps the floor
    fast = calibrate(clock=clock_taking(0.002))  # 2**14 in 2 ms: more than 128 MiB would buy
    assert fast.n == MAX_N and fast.p > 1


def test_old_hashes_verify_and_are_marked_for_upgrade() -> None:
    old = hash_pin("482916", ScryptCost(n=2**14, r=8, p=1))  # what an earlier version wrote
    assert verify_pin("482916", old)
    assert needs_upgrade(old, DEFAULT_COST)
    new = hash_pin("482916", ScryptCost(n=2**16, r=8, p=1))
    assert cost_of(new) == ScryptCost(n=2**16, r=8, p=1)
    assert not needs_upgrade(new, DEFAULT_COST) and verify_pin("482916", new)


def test_a_hash_with_an_absurd_cost_never_matches() -> None:
    assert not verify_pin("482916", "scrypt$1073741824$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA")


def test_after_a_correct_pin_a_weak_hash_is_made_again_with_this_machines_cost(tmp_path: Path) -> None:
    import asyncio

    from app.kiosk.config import KioskSettings
    from app.kiosk.marker import read_marker
    from app.paths import Paths
    from app.settings import Settings, load_settings, save_settings
    from app.ui.kiosk.run import _upgrade_pin_hash

    paths = Paths.for_profile(tmp_path)
    paths.ensure()
    weak = hash_pin("482916", ScryptCost(n=2**10, r=8, p=1))  # far below what any machine affords in 0.25 s
    save_settings(paths.settings_file, Settings(kiosk=KioskSettings(enabled=True, pin_hash=weak)))
    asyncio.run(_upgrade_pin_hash(paths, weak, "482916"))
    stored = load_settings(paths.settings_file).settings.kiosk.pin_hash
    cost = cost_of(stored)
    assert cost is not None and cost.work >= DEFAULT_COST.work
    assert verify_pin("482916", stored) and not verify_pin("482917", stored)
    marked = read_marker(paths.config_dir)
    assert marked is not None and marked.pin_hash == stored  # a broken settings file later still has this PIN
