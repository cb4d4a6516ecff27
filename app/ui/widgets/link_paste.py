"""A meetings URL pasted into the link picker's search box: which of the account's links it names, or why none."""

from __future__ import annotations

from dataclasses import dataclass

from app.booking.link_url import LinkUrlError, LinkUrlProblem, looks_like_url, resolve_link
from app.hubspot.models import MeetingLink
from app.ui.runtime.i18n import translator

_CONTEXT = "LinkPaste"


@dataclass(frozen=True, slots=True)
class PastedLink:
    """`slug` when the text names one of the links; `problem` (translated) when it is a URL that names none."""

    slug: str | None = None
    problem: str = ""


_tr = translator(_CONTEXT)


def _problem_text(error: LinkUrlError) -> str:
    if error.problem is LinkUrlProblem.FOREIGN:
        return _tr("This is not a HubSpot meetings link; those start with https://meetings.hubspot.com/.")
    if error.problem is LinkUrlProblem.NO_SLUG:
        return _tr("This address names no meeting link; copy the whole address of the booking page.")
    if error.problem is LinkUrlProblem.UNKNOWN:
        return _tr("This account has no meeting link “%1”.").replace("%1", error.slug)
    return _tr("This is not a web address.")


def link_for_pasted_text(text: str, links: list[MeetingLink]) -> PastedLink | None:
    """None for ordinary search text (the picker filters by it as before); a PastedLink for anything URL-shaped."""
    if not looks_like_url(text):
        return None
    try:
        return PastedLink(slug=resolve_link(text, links).slug)
    except LinkUrlError as exc:
        return PastedLink(problem=_problem_text(exc))
