"""The translation catalogues: complete, current with the sources, placeholders intact, and used at run time."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from app.booking import messages
from app.booking.messages import Problem
from app.hubspot.errors import MissingScopes, RequiredFieldMissing, TimeNoLongerAvailable
from app.outbox import sender
from app.ui.panels.problem_text import problem_text
from app.ui.runtime.domain_text import DYNAMIC_TEMPLATES, domain_text
from tests.i18n_fixtures import compiled, german  # noqa: F401 - the fixtures
from tools.i18n.check import catalogue_problems
from tools.i18n.compile import ui_language
from tools.i18n.domain import Entry, fstring_templates, wrapper_entries
from tools.i18n.extract import ROOT, TRANSLATIONS, drift

CATALOGUES = sorted((ROOT / TRANSLATIONS).glob("*.ts"))


def test_german_and_english_catalogues_exist() -> None:
    assert {p.name for p in CATALOGUES} >= {"booking_assistant_de.ts", "booking_assistant_en.ts"}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.name)
def test_catalogue_is_finished_and_keeps_every_placeholder(path: Path) -> None:
    assert catalogue_problems(path) == []


def test_every_string_in_the_sources_is_in_the_catalogues() -> None:
    # A new tr() string (or domain message) that nobody extracted and translated fails here.
    assert drift(ROOT, ROOT / TRANSLATIONS) == []


def test_every_f_string_domain_message_has_a_runtime_template() -> None:
    assert set(fstring_templates(ROOT)) <= set(DYNAMIC_TEMPLATES)


TS_HEAD = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="de_DE">\n<context>\n'


def write_ts(tmp_path: Path, messages_xml: str) -> Path:
    path = tmp_path / "sample_de.ts"
    path.write_text(TS_HEAD + "<name>Ctx</name>\n" + messages_xml + "</context>\n</TS>\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("source", "translation", "complaint"),
    [
        ("Saved: %1", '<translation type="unfinished"></translation>', "not translated"),
        ("Saved: %1", "<translation>Gespeichert</translation>", "placeholders"),
        ("Tick “{label}”.", "<translation>Haken bei „{Label}“.</translation>", "placeholders"),
        ("a &lt;b&gt;bold&lt;/b&gt; word", "<translation>ein fettes Wort</translation>", "placeholders"),
        ("Gone", '<translation type="vanished">Weg</translation>', "vanished"),
        ("Old", '<translation type="obsolete">Alt</translation>', "obsolete"),
    ],
)
def test_checker_catches_unfinished_stale_and_broken_entries(
    tmp_path: Path, source: str, translation: str, complaint: str
) -> None:
    path = write_ts(tmp_path, f"<message><source>{source}</source>{translation}</message>\n")
    problems = catalogue_problems(path)
    assert len(problems) == 1
    assert complaint in problems[0]


def test_checker_accepts_reordered_placeholders_and_plural_forms(tmp_path: Path) -> None:
    path = write_ts(
        tmp_path,
        "<message><source>%1 of %2</source><translation>%2: %1</translation></message>\n"
        '<message numerus="yes"><source>%n guest(s)</source><translation>'
        "<numerusform>ein Gast</numerusform><numerusform>%n Gäste</numerusform></translation></message>\n",
    )
    assert catalogue_problems(path) == []


@pytest.mark.usefixtures("german")
def test_booking_validation_messages_are_german_with_their_values() -> None:
    assert problem_text(Problem(messages.FIELD_REQUIRED, {"label": "Firma"})) == "Bitte beantworten Sie „Firma“."
    assert problem_text(Problem(messages.EMAIL_NO_AT)).startswith("Eine E-Mail-Adresse braucht ein @")


@pytest.mark.usefixtures("german")
def test_hubspot_and_outbox_messages_are_german() -> None:
    taken = domain_text(TimeNoLongerAvailable("That time is no longer available. Pick another open time.").user_message)
    assert taken == "Diese Uhrzeit ist nicht mehr verfügbar. Wählen Sie eine andere freie Zeit."
    assert domain_text(sender.PROBABLY_BOOKED).startswith("Wahrscheinlich gebucht")
    # Messages built with f-strings: the translated template gets the same values.
    scopes = domain_text(MissingScopes(["crm.objects.contacts.write"]).user_message)
    assert scopes.startswith("Dem HubSpot-Token fehlt eine Berechtigung (Scope): crm.objects.contacts.write.")
    field = RequiredFieldMissing("The question “company” needs an answer.", field="company")
    assert domain_text(field.user_message) == "Die Frage „company“ muss beantwortet werden."
    # Text nobody wrote a translation for (HubSpot's own words) is shown as it is.
    assert domain_text("Some text HubSpot sent.") == "Some text HubSpot sent."


def test_messages_stay_english_without_a_german_catalogue() -> None:
    assert domain_text(sender.PROBABLY_BOOKED) == sender.PROBABLY_BOOKED
    assert problem_text(Problem(messages.FIELD_REQUIRED, {"label": "Company"})) == "Please answer “Company”."


def test_english_plurals_come_from_the_english_catalogue(qapp: QApplication, compiled: Path) -> None:  # noqa: F811
    source = "For your privacy, everything you entered will be cleared in %n second(s)."
    with ui_language(qapp, "en", compiled):
        assert QCoreApplication.translate("KioskOverlay", source, "", 1).endswith("cleared in 1 second.")
        assert QCoreApplication.translate("KioskOverlay", source, "", 5).endswith("cleared in 5 seconds.")
    with ui_language(qapp, "de", compiled):
        assert QCoreApplication.translate("KioskOverlay", source, "", 1).endswith("in 1 Sekunde gelöscht.")
        assert QCoreApplication.translate("KioskOverlay", source, "", 5).endswith("in 5 Sekunden gelöscht.")


def test_drift_check_flags_untranslatable_tr_calls(tmp_path: Path) -> None:
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "panel.py").write_text(
        "from PySide6.QtWidgets import QWidget\n\n\n"
        "class Panel(QWidget):\n"
        "    def show_count(self, n: int) -> None:\n"
        '        self.window().setWindowTitle(self.window.tr("Hello"))\n'
        '        self.setToolTip(self.tr(f"{n} items"))\n',
        encoding="utf-8",
    )
    problems = "\n".join(drift(tmp_path, tmp_path / "translations"))
    assert "tr() called on another object" in problems
    assert "f-string inside tr()" in problems
    assert "missing" in problems


def test_translator_helpers_are_seen_by_the_extractor(tmp_path: Path) -> None:
    """`_tr = translator(CONTEXT)` (app/ui/runtime/i18n.py) puts each `_tr("…")` in the catalogue under that context."""
    module = tmp_path / "model.py"
    module.write_text(
        "from app.ui.runtime.i18n import translator\n\n"
        '_CONTEXT = "OutboxPanel"\n'
        "_tr = translator(_CONTEXT)\n\n\n"
        "def title() -> str:\n"
        '    return _tr("Waiting to send")\n',
        encoding="utf-8",
    )
    assert wrapper_entries(module) == [Entry("OutboxPanel", "Waiting to send")]


def test_translator_looks_up_its_own_context(german: None) -> None:  # noqa: F811
    from app.ui.runtime.i18n import translator

    english = "Queued — waiting for the network"
    assert translator("OutboxPanel")(english) not in ("", english)  # German, from the OutboxPanel context
    assert translator("SomeOtherContext")(english) == english
