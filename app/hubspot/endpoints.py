"""The Scheduler API's paths; the date version lives here and nowhere else."""

from __future__ import annotations

from urllib.parse import quote

API_VERSION = "2026-03"
DEFAULT_API_BASE = "https://api.hubapi.com"

_ROOT = f"/scheduler/{API_VERSION}/meetings/meeting-links"


def encode_slug(slug: str) -> str:
    """Percent-encode a slug as ONE path segment: team slugs contain `/` (reference §1.4)."""
    return quote(slug, safe="")


def links_path() -> str:
    return _ROOT


def booking_info_path(slug: str) -> str:
    return f"{_ROOT}/book/{encode_slug(slug)}"


def availability_path(slug: str) -> str:
    return f"{_ROOT}/book/availability-page/{encode_slug(slug)}"


def book_path() -> str:
    return f"{_ROOT}/book"
