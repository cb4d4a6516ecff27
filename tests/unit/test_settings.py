"""Settings: defaults, round trip, validation, migration with a backup, broken and newer files never reset silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.settings import Settings, load_settings, save_settings


def test_missing_file_gives_defaults_without_a_problem(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path / "settings.json")
    assert loaded.settings == Settings()
    assert loaded.problem is None


def test_round_trip_keeps_every_choice_in_readable_json(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    chosen = Settings(
        language="de",
        timezone="Europe/Berlin",
        use_24h=False,
        default_link="sales-demo",
        last_link="team-intro",
        history_retention_days=30,
    )
    save_settings(path, chosen)
    assert load_settings(path).settings == chosen
    text = path.read_text(encoding="utf-8")
    assert '\n  "timezone": "Europe/Berlin"' in text  # indented, one key a line
    assert not list(tmp_path.glob("*.tmp"))  # the temp file was renamed, not left behind


def test_save_replaces_the_old_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_settings(path, Settings(last_link="a" * 500))
    save_settings(path, Settings(last_link="b"))
    assert json.loads(path.read_text(encoding="utf-8"))["last_link"] == "b"


def test_unversioned_file_is_migrated_and_the_old_file_backed_up(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "de", "timezone": "Asia/Tokyo"}), encoding="utf-8")
    loaded = load_settings(path)
    assert loaded.problem is None
    assert loaded.settings.version == 1
    assert (loaded.settings.language, loaded.settings.timezone) == ("de", "Asia/Tokyo")
    assert json.loads((tmp_path / "settings.json.bak-v0").read_text(encoding="utf-8")) == {
        "language": "de",
        "timezone": "Asia/Tokyo",
    }


def test_migrations_run_in_order(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "clock": "12h"}), encoding="utf-8")
    steps = {
        1: lambda raw: {**raw, "version": 2, "use_24h": raw.pop("clock") == "24h"},
        2: lambda raw: {**raw, "version": 3, "last_link": "from-step-2"},
    }
    loaded = load_settings(path, migrations=steps, current_version=3)
    assert loaded.settings.use_24h is False
    assert loaded.settings.last_link == "from-step-2"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{not json", "not JSON"),
        ('{"version": 1, "language": "fr"}', "$.language"),
        ('{"version": 1, "timezone": "Mars/Olympus"}', "Mars/Olympus"),
        ('{"version": 1, "history_retention_days": 0}', "history_retention_days"),
        ("[1, 2]", "JSON object"),
    ],
)
def test_broken_file_is_reported_and_kept_never_silently_reset(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    loaded = load_settings(path, clock=lambda: 0.0)
    assert loaded.settings == Settings()
    assert loaded.problem is not None
    assert str(path) in loaded.problem
    assert expected in loaded.problem
    assert loaded.kept_copy is not None
    assert loaded.kept_copy.read_text(encoding="utf-8") == content
    assert loaded.kept_copy.name in loaded.problem
    assert path.read_text(encoding="utf-8") == content  # the original is not overwritten by loading


def test_file_from_a_newer_version_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 99, "language": "de"}), encoding="utf-8")
    loaded = load_settings(path)
    assert not loaded.writable
    assert loaded.problem is not None and "newer version" in loaded.problem
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 99


def test_invalid_values_are_refused_when_constructed() -> None:
    with pytest.raises(ValueError, match="IANA"):
        Settings(timezone="Nowhere/Town")
    with pytest.raises(ValueError, match="https"):
        Settings(api_base="http://example.com")


def test_oauth_client_id_is_kept_and_old_files_load_without_it(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"version": 1, "timezone": "UTC"}', encoding="utf-8")
    assert load_settings(path).settings.oauth_client_id == ""
    save_settings(path, Settings(oauth_client_id="app-1234"))
    assert load_settings(path).settings.oauth_client_id == "app-1234"
    # Only the public client id: a settings field for the secret would end up in a plain file.
    assert not any("secret" in name for name in Settings.__struct_fields__)
