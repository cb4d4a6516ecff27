"""What a screen reader meets, read over the real accessibility bus from outside the process.

The app runs as `python -m app --demo` on its own Xvfb with its own AT-SPI bus; `atspi_client.py` (Debian's
python3-pyatspi) reads the tree, Tabs through the window with real key events (xdotool), books a meeting by
keyboard, reads the confirmation and listens for the outcome announcement, then enters text the way dictation
does (AT-SPI EditableText). Once per language: the same walk in English and German.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.a11y.desktop_session import missing_tools, walk_app

#: The AT-SPI client's JSON report (tests/a11y/atspi_client.py).
Report = dict[str, Any]

ROOT = Path(__file__).resolve().parents[2]
LINK = "sales-team/intro-call"  # a short form (company, phone, one required box): the walk is about the window

EXPECT = {
    "en": {
        "book": "Book",
        "open_day": "open times available",
        "today": ", today",  # the calendar's name for today's cell: "<date>, today"
        "missing_hint": "Choose a time",
        "missing_time": "Choose a time",
        "missing_email": "Enter the email",
        "link_label": "Meeting link",
        "link_key": "alt+m",
        "first_name": "First name",
        "last_name": "Last name",
        "email": "Email",
        "company": "Company name",  # the link's own question: HubSpot's label, not translated
        "time_sep": ":",
        "chosen": "Chosen:",
        "required": "required",
        "booked": "Meeting booked",
        "confirmation": "Booking confirmation",
        "book_another": "Book another meeting",
        "subject_caption": "Subject",
        "contact_caption": "Contact",
        "connection": "Connection: Online",
        "outbox": "Outbox: 0 queued",
    },
    "de": {
        "book": "Buchen",
        "open_day": "freie Zeiten verfügbar",
        "today": ", heute",
        "missing_hint": "Wählen Sie eine Uhrzeit",
        "missing_time": "Wählen Sie eine Uhrzeit",
        "missing_email": "Geben Sie die E-Mail-Adresse ein",
        "link_label": "Meeting-Link",
        "link_key": "alt+m",
        "first_name": "Vorname",
        "last_name": "Nachname",
        "email": "E-Mail",
        "company": "Company name",
        "time_sep": ":",
        "chosen": "Gewählt:",
        "required": "erforderlich",
        "booked": "Termin gebucht",
        "confirmation": "Buchungsbestätigung",
        "book_another": "Einen weiteren Termin buchen",
        "subject_caption": "Betreff",
        "contact_caption": "Kontakt",
        "connection": "Verbindung: Online",
        "outbox": "Postausgang: 0 warten",
    },
}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(bool(missing_tools()), reason=f"needs {', '.join(missing_tools())} (tools/debian-deps.sh)"),
]


def _catalogues_built() -> None:
    """The app loads app/resources/translations/*.qm (`make translations`); build them when missing or stale."""
    from tools.i18n.compile import compile_catalogues

    folder = ROOT / "app" / "resources" / "translations"
    if any(
        not ts.with_suffix(".qm").exists() or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
        for ts in folder.glob("*.ts")
    ):
        compile_catalogues(folder)


@pytest.fixture(scope="module", params=["en", "de"])
def walk(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Report]:
    language = request.param
    _catalogues_built()
    profile = tmp_path_factory.mktemp(f"a11y-{language}")
    settings = {"version": 1, "language": language, "default_link": LINK}
    (profile / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    report, log = walk_app(profile, EXPECT[language])
    # The report is the evidence: what the screen reader met, printed with -s or on failure.
    print(f"--- AT-SPI walk ({language}) ---\n{json.dumps(report, indent=1, ensure_ascii=False)}")
    assert not report["errors"], f"{report['errors']}\n{log[-4000:]}"
    return report, EXPECT[language]


def test_every_interactive_object_is_named(walk: tuple[Report, Report]) -> None:
    report, _ = walk
    assert report["unnamed"] == []


def test_status_bar_speaks_its_values(walk: tuple[Report, Report]) -> None:
    report, expect = walk
    spoken = " / ".join(report["status_bar"])
    assert expect["connection"] in spoken
    assert expect["outbox"] in spoken


def test_a_disabled_book_says_what_is_missing(walk: tuple[Report, Report]) -> None:
    report, expect = walk
    assert expect["missing_time"] in report["book_disabled_says"]
    assert expect["missing_hint"] in report["visible_hint"]


def test_tab_reaches_book_from_the_link_picker_in_fewer_than_20_stops(walk: tuple[Report, Report]) -> None:
    report, expect = walk
    stops = report["tab_stops"]
    assert report["reached_book"], stops
    assert len(stops) < 20, stops
    assert sum(expect["open_day"] in stop for stop in stops) == 1, "the calendar is one Tab stop"


def test_a_booking_by_keyboard_is_announced_and_its_values_read(walk: tuple[Report, Report]) -> None:
    report, expect = walk
    assert report.get("booked"), report["tab_stops"]
    assert any(expect["booked"] in text for text in report["announcements"]), report["announcements"]
    heard = report["heard_at_confirmation"]
    assert any(line.startswith(f"{expect['subject_caption']} | Northwind intro call") for line in heard), heard
    assert any(line.startswith(f"{expect['contact_caption']} | Grace Hopper") for line in heard), heard


def test_toggle_chooses_a_day_and_a_time(walk: tuple[Report, Report]) -> None:
    report, _ = walk
    assert report["toggle_day_chose"] and report["toggle_time_chose"]


def test_text_entered_through_the_accessibility_api_counts(walk: tuple[Report, Report]) -> None:
    report, expect = walk
    assert expect["missing_email"] in report["book_says_before_email"]
    assert report["book_enabled_after_editable_text"]
