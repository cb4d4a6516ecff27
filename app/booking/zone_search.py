"""Finding a time zone the way a rep types it: a city ("Mumbai", its old name "Bombay", "München"), a country or
territory in English or the UI language ("India", "Indien"), an abbreviation ("IST", "CET") or part of the zone id.

Qt-free: the picker asks `ZoneIndex.search` for its popup and `ZoneIndex.unique_match` when Enter, Tab or leaving
the field should apply what was typed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.booking.zone_search_data import TERRITORY_NAMES, ZONE_LINKS, ZONE_TERRITORY

#: Cities people say that are not the zone's own city (tz names one city per zone), old names still in use,
#: and the usual English/German exonyms. Every zone's own city (from its id) is found without an entry here.
CITY_ALIASES: dict[str, tuple[str, ...]] = {
    "Asia/Kolkata": (
        "Mumbai",
        "Bombay",
        "Calcutta",
        "Kalkutta",
        "Delhi",
        "New Delhi",
        "Neu-Delhi",
        "Bangalore",
        "Bengaluru",
        "Chennai",
        "Madras",
        "Hyderabad",
        "Pune",
        "Ahmedabad",
    ),
    "Asia/Shanghai": ("Beijing", "Peking", "Shenzhen", "Guangzhou", "Chengdu", "Hangzhou", "Wuhan"),
    "Asia/Ho_Chi_Minh": ("Saigon", "Hanoi"),
    "Asia/Kathmandu": ("Katmandu",),
    "Asia/Yangon": ("Rangoon",),
    "Asia/Dubai": ("Abu Dhabi",),
    "Asia/Riyadh": ("Riad", "Jeddah", "Mecca", "Mekka"),
    "Asia/Jerusalem": ("Tel Aviv", "Haifa"),
    "Asia/Tokyo": ("Osaka", "Kyoto", "Yokohama"),
    "Asia/Seoul": ("Busan",),
    "Asia/Singapore": ("Singapur",),
    "Asia/Tehran": ("Teheran",),
    "Asia/Karachi": ("Lahore", "Islamabad"),
    "Asia/Dhaka": ("Dacca",),
    "Asia/Jakarta": ("Djakarta", "Bandung", "Surabaya"),
    "Asia/Manila": ("Cebu",),
    "Europe/Kyiv": ("Kiev", "Kiew", "Lviv", "Odesa", "Odessa"),
    "Europe/Berlin": (
        "Munich",
        "München",
        "Hamburg",
        "Frankfurt",
        "Cologne",
        "Köln",
        "Stuttgart",
        "Düsseldorf",
        "Dresden",
        "Leipzig",
        "Hannover",
        "Nuremberg",
        "Nürnberg",
        "Bremen",
    ),
    "Europe/Vienna": ("Wien", "Graz", "Linz", "Salzburg", "Innsbruck"),
    "Europe/Zurich": ("Zürich", "Geneva", "Genf", "Basel", "Bern", "Lausanne"),
    "Europe/Rome": ("Rom", "Milan", "Mailand", "Naples", "Neapel", "Florence", "Florenz", "Turin", "Venice", "Venedig"),
    "Europe/Madrid": ("Barcelona", "Valencia", "Seville", "Sevilla", "Bilbao"),
    "Europe/Paris": ("Lyon", "Marseille", "Toulouse", "Nice", "Nizza", "Strasbourg", "Straßburg"),
    "Europe/London": (
        "Manchester",
        "Birmingham",
        "Edinburgh",
        "Glasgow",
        "Liverpool",
        "Leeds",
        "Bristol",
        "Cardiff",
        "Belfast",
        "London",
    ),
    "Europe/Amsterdam": ("Rotterdam", "The Hague", "Den Haag", "Utrecht", "Eindhoven"),
    "Europe/Brussels": ("Brüssel", "Antwerp", "Antwerpen", "Ghent", "Gent"),
    "Europe/Prague": ("Prag", "Brno", "Brünn"),
    "Europe/Warsaw": ("Warschau", "Krakow", "Kraków", "Krakau", "Wrocław", "Breslau", "Gdańsk", "Danzig"),
    "Europe/Moscow": ("Moskau", "Saint Petersburg", "St. Petersburg", "Sankt Petersburg"),
    "Europe/Lisbon": ("Lissabon", "Porto"),
    "Europe/Copenhagen": ("Kopenhagen", "Aarhus"),
    "Europe/Athens": ("Athen", "Thessaloniki"),
    "Europe/Bucharest": ("Bukarest",),
    "Europe/Belgrade": ("Belgrad",),
    "Europe/Stockholm": ("Gothenburg", "Göteborg", "Malmö"),
    "Europe/Istanbul": ("Ankara", "Izmir"),
    "Europe/Dublin": ("Cork",),
    "Africa/Cairo": ("Kairo", "Alexandria"),
    "Africa/Johannesburg": ("Cape Town", "Kapstadt", "Pretoria", "Durban"),
    "Africa/Lagos": ("Abuja",),
    "America/New_York": (
        "Washington",
        "Washington DC",
        "Boston",
        "Philadelphia",
        "Miami",
        "Atlanta",
        "Pittsburgh",
        "Charlotte",
        "Orlando",
        "Baltimore",
        "Cleveland",
        "NYC",
    ),
    "America/Chicago": (
        "Dallas",
        "Houston",
        "Austin",
        "San Antonio",
        "Minneapolis",
        "St. Louis",
        "Kansas City",
        "New Orleans",
        "Nashville",
        "Milwaukee",
    ),
    "America/Denver": ("Salt Lake City", "Albuquerque", "Boulder"),
    "America/Phoenix": ("Tucson", "Arizona"),
    "America/Los_Angeles": (
        "San Francisco",
        "Seattle",
        "San Diego",
        "San Jose",
        "Portland",
        "Las Vegas",
        "Sacramento",
        "Silicon Valley",
    ),
    "America/Toronto": ("Montreal", "Montréal", "Ottawa", "Quebec", "Québec"),
    "America/Vancouver": ("Victoria",),
    "America/Edmonton": ("Calgary",),
    "America/Mexico_City": ("Mexiko-Stadt", "Guadalajara", "Monterrey", "Ciudad de México"),
    "America/Sao_Paulo": ("Rio de Janeiro", "Rio", "Brasília", "Brasilia", "Belo Horizonte", "Curitiba"),
    "America/Argentina/Buenos_Aires": ("Córdoba", "Rosario"),
    "America/Bogota": ("Bogotá", "Medellín", "Cali"),
    "America/Santiago": ("Santiago de Chile", "Valparaíso"),
    "Australia/Sydney": ("Canberra", "Newcastle"),
    "Australia/Brisbane": ("Gold Coast",),
    "Pacific/Auckland": ("Wellington", "Christchurch"),
}

#: Names for a territory or region that ISO 3166 does not spell this way.
TERRITORY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("USA", "America", "Amerika", "US"),
    "GB": ("UK", "Britain", "Great Britain", "England", "Scotland", "Wales", "Großbritannien", "England"),
    "AE": ("UAE", "VAE", "Emirates"),
    "KR": ("Korea",),
    "NL": ("Holland",),
    "CZ": ("Czech Republic", "Tschechien"),
}

#: A zone's own city is found through its id; these ids are no city (Etc/GMT+5, UTC) and need no alias.
_NOT_A_CITY = ("Etc/", "SystemV/")


def fold(text: str) -> str:
    """Case- and accent-blind form, so "sao paulo" finds "São Paulo" and "zurich" finds "Zürich"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("_", " ").replace("-", " ").split())


def city_of_zone(zone_id: str) -> str:
    """`America/Argentina/Buenos_Aires` → `Buenos Aires`."""
    return zone_id.rsplit("/", 1)[-1].replace("_", " ")


def abbreviations(zone_id: str, now: datetime) -> set[str]:
    """Letter abbreviations in use now and half a year on (winter and summer): {"CET", "CEST"}; none for "+05"."""
    try:
        zone = ZoneInfo(zone_id)
    except (ZoneInfoNotFoundError, ValueError):
        return set()
    names = {(now + timedelta(days=days)).astimezone(zone).tzname() or "" for days in (0, 182)}
    return {name for name in names if name.isalpha()}


@dataclass(frozen=True)
class _Entry:
    zone_id: str
    names: frozenset[str]  # folded: city, aliases, territory names, abbreviations (matched whole or by prefix)
    text: str  # folded zone id and everything above, for a match anywhere


class ZoneIndex:
    """Search over `zone_ids` in English and `language` ("de", …); ranked: a whole name, then a name's start,
    then anywhere (zone id included), each group in the given order."""

    def __init__(self, zone_ids: Iterable[str], *, language: str = "en", now: datetime | None = None) -> None:
        moment = now or datetime.now(UTC)
        ids = list(dict.fromkeys(zone_ids))
        # An old id whose zone is listed too (Asia/Calcutta beside Asia/Kolkata) is no zone of its own: its city
        # becomes a name of the zone it links to, so "Calcutta" finds one zone, not two identical ones.
        present = set(ids)
        old_cities: dict[str, set[str]] = {}
        for zone_id in ids:
            target = ZONE_LINKS.get(zone_id)
            if target in present and not zone_id.startswith(_NOT_A_CITY):
                old_cities.setdefault(target, set()).add(city_of_zone(zone_id))
        self.zone_ids = [z for z in ids if ZONE_LINKS.get(z) not in present]
        self._entries = [self._entry(z, language, moment, old_cities.get(z, set())) for z in self.zone_ids]

    @staticmethod
    def _entry(zone_id: str, language: str, now: datetime, old_cities: set[str]) -> _Entry:
        names: set[str] = set(old_cities)
        if not zone_id.startswith(_NOT_A_CITY):
            names.add(city_of_zone(zone_id))
        names.update(CITY_ALIASES.get(zone_id, ()))
        territory = ZONE_TERRITORY.get(ZONE_LINKS.get(zone_id, zone_id))
        if territory:
            per_language = TERRITORY_NAMES.get(territory, {})
            names.update(per_language.get("en", ()))
            names.update(per_language.get(language, ()))
            names.update(TERRITORY_ALIASES.get(territory, ()))
        names.update(abbreviations(zone_id, now))
        folded = frozenset(fold(name) for name in names if name)
        return _Entry(zone_id, folded, " | ".join([fold(zone_id), *sorted(folded)]))

    def search(self, query: str) -> list[str]:
        """Zones matching `query`, best first; every zone for an empty query."""
        key = fold(query)
        if not key:
            return [entry.zone_id for entry in self._entries]
        ranked: list[tuple[int, int, str]] = []
        for order, entry in enumerate(self._entries):
            if key in entry.names:
                rank = 0
            elif any(name.startswith(key) for name in entry.names):
                rank = 1
            elif key in entry.text:
                rank = 2
            else:
                continue
            ranked.append((rank, order, entry.zone_id))
        return [zone_id for _rank, _order, zone_id in sorted(ranked)]

    def unique_match(self, query: str) -> str | None:
        """The one zone `query` means, or None when it means none or several.

        A whole name that only one zone carries wins over partial matches elsewhere ("India" is Asia/Kolkata even
        though "Indian/Maldives" contains it); otherwise exactly one zone may match at all.
        """
        key = fold(query)
        if not key:
            return None
        whole = [entry.zone_id for entry in self._entries if key in entry.names or key == fold(entry.zone_id)]
        if len(whole) == 1:
            return whole[0]
        if whole:
            return None
        found = self.search(query)
        return found[0] if len(found) == 1 else None
