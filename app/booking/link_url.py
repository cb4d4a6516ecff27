"""Meetings URLs people paste (`https://meetings.hubspot.com/alex-demo?embed=true`) turned into link slugs.

HubSpot serves booking pages on `meetings.hubspot.com` and on regional hosts (`meetings-eu1.hubspot.com`, also
written `meetings.eu1.hubspot.com`); team links have two path segments (`sales-team/intro-call`), which is the
slug itself (reference §1.4). Query strings (`?embed=true`, `uuid=…`) and fragments say nothing about the link and
are dropped. Companies can also put meeting pages on their own domain: such a URL is only accepted when it is the
exact `link` of one of the account's meeting links, so a foreign page (Calendly, cal.com …) is never mistaken for
a HubSpot link.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from urllib.parse import unquote, urlsplit

from app.hubspot.models import MeetingLink

# meetings.hubspot.com · meetings-eu1.hubspot.com · meetings.eu1.hubspot.com · eu1 regions like na2, ap1 too.
_HUBSPOT_HOST = re.compile(r"meetings(?:[-.](?:[a-z]{2}\d))?\.hubspot\.com")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
# A slug segment as HubSpot makes them: letters, digits, dots, dashes, underscores.
_SEGMENT = re.compile(r"[A-Za-z0-9._~-]+")


class LinkUrlProblem(enum.Enum):
    NOT_A_URL = "not_a_url"
    FOREIGN = "foreign"  # a web page that is not a HubSpot meetings page
    NO_SLUG = "no_slug"  # meetings.hubspot.com with no link in the path
    UNKNOWN = "unknown"  # a HubSpot meetings URL for a link this account does not have


class LinkUrlError(ValueError):
    """Why a pasted URL names no link; `str()` is the English sentence the CLI prints, `problem` lets the UI
    say it in its own language."""

    def __init__(self, problem: LinkUrlProblem, url: str, slug: str = "") -> None:
        self.problem = problem
        self.url = url
        self.slug = slug
        super().__init__(_MESSAGES[problem].format(url=url, slug=slug))


_MESSAGES = {
    LinkUrlProblem.NOT_A_URL: "“{url}” is not a web address.",
    LinkUrlProblem.FOREIGN: "“{url}” is not a HubSpot meetings link (those start with https://meetings.hubspot.com/).",
    LinkUrlProblem.NO_SLUG: "“{url}” names no meeting link; copy the whole address of the booking page.",
    LinkUrlProblem.UNKNOWN: "This account has no meeting link “{slug}” ({url}).",
}


def looks_like_url(text: str) -> bool:
    """True for what a person would paste from a browser: a scheme, or a host with a dot before a slash."""
    stripped = text.strip()
    if _SCHEME.match(stripped):
        return True
    host = stripped.split("/", 1)[0].lower()
    # `calendly.com/x` is a URL too (refused as foreign); a team slug's first segment has no dot.
    return "/" in stripped and "." in host and " " not in stripped


def _split(url: str) -> tuple[str, list[str]]:
    """Lower-cased host and the decoded, non-empty path segments; query and fragment dropped."""
    text = url.strip()
    if not _SCHEME.match(text):
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise LinkUrlError(LinkUrlProblem.NOT_A_URL, url.strip())
    # Decoded before splitting: an encoded team slug (`sales-team%2Fintro-call`) is the same two segments.
    segments = [s for s in unquote(parts.path).split("/") if s]
    return parts.hostname.lower().rstrip("."), segments


def is_hubspot_meetings_host(host: str) -> bool:
    return _HUBSPOT_HOST.fullmatch(host.lower()) is not None


def slug_from_url(url: str) -> str:
    """The slug a HubSpot meetings URL names (`sales-team/intro-call` for a team link).

    Raises LinkUrlError for anything else; it cannot tell whether the account has that link (see `resolve_link`).
    """
    host, segments = _split(url)
    if not is_hubspot_meetings_host(host):
        raise LinkUrlError(LinkUrlProblem.FOREIGN, url.strip())
    if not segments or len(segments) > 2 or not all(_SEGMENT.fullmatch(s) for s in segments):
        raise LinkUrlError(LinkUrlProblem.NO_SLUG, url.strip())
    return "/".join(segments)


def _same_page(url: str, link_url: str) -> bool:
    """Two addresses of the same booking page: host and path equal, case of the host and a trailing slash aside."""
    try:
        a, b = _split(url), _split(link_url)
    except LinkUrlError:
        return False
    return a == b


def resolve_link(text: str, links: Sequence[MeetingLink]) -> MeetingLink:
    """The account's link that `text` (a slug or a pasted URL) names; LinkUrlError when there is none."""
    stripped = text.strip()
    for link in links:
        if link.slug == stripped:
            return link
    if not looks_like_url(stripped):
        raise LinkUrlError(LinkUrlProblem.UNKNOWN, stripped, stripped)
    # The account's own custom-domain pages first: they are listed with their full address.
    for link in links:
        if link.link and _same_page(stripped, link.link):
            return link
    slug = slug_from_url(stripped)
    for link in links:
        if link.slug.lower() == slug.lower():
            return link
    raise LinkUrlError(LinkUrlProblem.UNKNOWN, stripped, slug)


def slug_from_reference(text: str) -> str:
    """What the CLI takes as SLUG: a slug stays as it is, a HubSpot meetings URL becomes its slug."""
    stripped = text.strip()
    return slug_from_url(stripped) if looks_like_url(stripped) else stripped
