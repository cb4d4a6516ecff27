"""Zone search by city, old city name, country (English and German), abbreviation; one zone per typed name."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.booking.zone_search import ZoneIndex, fold
from app.booking.zones import all_timezone_names

WINTER = datetime(2027, 1, 15, 12, tzinfo=UTC)


@pytest.fixture(scope="module")
def german() -> ZoneIndex:
    return ZoneIndex(all_timezone_names(), language="de", now=WINTER)


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Mumbai", "Asia/Kolkata"),
        ("bombay", "Asia/Kolkata"),
        ("Calcutta", "Asia/Kolkata"),  # an old tz id (Asia/Calcutta) folds into the zone it links to
        ("India", "Asia/Kolkata"),  # the country, although "Indian/…" zones contain the word
        ("Indien", "Asia/Kolkata"),  # … in the UI language
        ("Santiago", "America/Santiago"),
        ("sao paulo", "America/Sao_Paulo"),
        ("Kiev", "Europe/Kyiv"),
        ("München", "Europe/Berlin"),
        ("America/Santiago", "America/Santiago"),
    ],
)
def test_a_name_people_use_finds_its_one_zone(german: ZoneIndex, typed: str, zone: str) -> None:
    assert german.unique_match(typed) == zone
    assert german.search(typed)[0] == zone


def test_an_abbreviation_lists_every_zone_using_it_but_applies_none(german: ZoneIndex) -> None:
    found = german.search("IST")
    assert {"Asia/Kolkata", "Asia/Jerusalem", "Europe/Dublin"} <= set(found[:4])
    assert german.unique_match("IST") is None
    assert "Europe/Berlin" in german.search("CET")


def test_english_index_does_not_know_german_country_names() -> None:
    english = ZoneIndex(all_timezone_names(), language="en", now=WINTER)
    assert english.search("Indien") == []
    assert english.unique_match("India") == "Asia/Kolkata"


def test_nothing_or_several_is_no_unique_match(german: ZoneIndex) -> None:
    assert german.unique_match("Atlantis") is None
    assert german.unique_match("") is None
    assert len(german.search("Chile")) > 1
    assert german.unique_match("Chile") is None


def test_folding_ignores_case_accents_and_underscores() -> None:
    assert fold("São_Paulo") == fold("sao paulo") == "sao paulo"
