"""The one place the CLI turns its SLUG argument into a slug: a slug as typed, or a meetings URL someone pasted."""

from __future__ import annotations

from app.booking.link_url import LinkUrlError, LinkUrlProblem, looks_like_url, resolve_link, slug_from_url
from app.hubspot.client import SchedulerClient


async def resolve_slug_argument(client: SchedulerClient, text: str) -> str:
    """`alex-morgan` stays; `https://meetings.hubspot.com/alex-morgan?embed=true` becomes `alex-morgan`.

    A HubSpot meetings URL is read without a request (HubSpot itself says whether the slug exists). Any other web
    address is only accepted when it is the listed address of one of the account's links (a custom domain), which
    takes one list request; otherwise LinkUrlError says it is not a HubSpot meetings link.
    """
    stripped = text.strip()
    if not looks_like_url(stripped):
        return stripped
    try:
        return slug_from_url(stripped)
    except LinkUrlError as exc:
        if exc.problem is not LinkUrlProblem.FOREIGN:
            raise
    return resolve_link(stripped, await client.list_links()).slug
