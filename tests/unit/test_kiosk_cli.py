"""`kiosk set-pin` / `kiosk configure` through the real CLI entry point, on a throwaway profile."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from app.cli import main
from app.kiosk.pin import verify_pin
from app.settings import load_settings


def _settings_file(profile: Path) -> Path:
    from app.paths import Paths

    return Paths.for_profile(profile).settings_file


def test_set_pin_from_stdin_stores_only_a_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("482916\n"))
    assert main(["--profile", str(tmp_path), "kiosk", "set-pin"]) == 0
    text = _settings_file(tmp_path).read_text()
    assert "482916" not in text
    stored = load_settings(_settings_file(tmp_path)).settings.kiosk.pin_hash
    assert verify_pin("482916", stored) and not verify_pin("482917", stored)


def test_set_pin_refuses_a_pin_that_is_not_digits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("12\n"))
    assert main(["--profile", str(tmp_path), "kiosk", "set-pin"]) == 2
    assert "4 to 12 digits" in capsys.readouterr().err
    assert not _settings_file(tmp_path).exists()


def test_configure_keeps_other_settings_and_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["--profile", str(tmp_path), "kiosk", "configure"]
    assert main([*base, "--link", "alex-morgan", "--idle-seconds", "120", "--offline", "queue"]) == 0
    kiosk = load_settings(_settings_file(tmp_path)).settings.kiosk
    assert (kiosk.links, kiosk.idle_seconds, kiosk.offline) == (["alex-morgan"], 120, "queue")
    assert main([*base, "--no-keyboard"]) == 0
    kiosk = load_settings(_settings_file(tmp_path)).settings.kiosk
    assert kiosk.links == ["alex-morgan"] and not kiosk.keyboard
    assert "staff PIN: NOT SET" in capsys.readouterr().out
    assert main([*base, "--idle-seconds", "1"]) == 2
    assert "idle_seconds" in capsys.readouterr().err
    assert load_settings(_settings_file(tmp_path)).settings.kiosk.idle_seconds == 120


@pytest.mark.parametrize("pin", ["123456", "000000", "2468"])
def test_set_pin_refuses_guessable_pins_outside_demo(
    pin: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{pin}\n"))
    assert main(["--profile", str(tmp_path), "kiosk", "set-pin"]) == 2
    err = capsys.readouterr().err
    assert "too easy" in err or "at least 6" in err
    assert not _settings_file(tmp_path).exists()


def test_set_pin_in_a_demo_profile_takes_a_simple_pin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("0000\n"))
    assert main(["--profile", str(tmp_path), "--demo", "kiosk", "set-pin"]) == 0
    assert verify_pin("0000", load_settings(_settings_file(tmp_path)).settings.kiosk.pin_hash)


def test_enabling_the_kiosk_marks_the_profile_and_disabling_unmarks_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.kiosk.marker import is_kiosk_profile, read_marker

    monkeypatch.setattr("sys.stdin", io.StringIO("482916\n"))
    assert main(["--profile", str(tmp_path), "kiosk", "set-pin"]) == 0
    assert not is_kiosk_profile(tmp_path)  # a PIN alone does not make a kiosk
    assert main(["--profile", str(tmp_path), "kiosk", "configure", "--enable", "--link", "alex-morgan"]) == 0
    marked = read_marker(tmp_path)
    assert marked is not None and marked.enabled and marked.links == ["alex-morgan"]
    assert verify_pin("482916", marked.pin_hash)
    assert main(["--profile", str(tmp_path), "kiosk", "configure", "--no-enable"]) == 0
    assert not is_kiosk_profile(tmp_path)


def test_configure_takes_pasted_link_urls_and_refuses_foreign_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = ["--profile", str(tmp_path), "kiosk", "configure"]
    team = "https://meetings-eu1.hubspot.com/sales-team/intro-call?embed=true"
    assert main([*base, "--link", "https://meetings.hubspot.com/alex-morgan", "--link", team]) == 0
    assert load_settings(_settings_file(tmp_path)).settings.kiosk.links == ["alex-morgan", "sales-team/intro-call"]
    assert main([*base, "--link", "https://calendly.com/alex"]) == 2
    assert "is not a HubSpot meetings link" in capsys.readouterr().err
    assert load_settings(_settings_file(tmp_path)).settings.kiosk.links == ["alex-morgan", "sales-team/intro-call"]
