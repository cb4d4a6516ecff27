"""Meetings URLs people paste: every HubSpot host form, team links, extras dropped, foreign pages refused."""

from __future__ import annotations

import pytest

from app.booking.link_url import (
    LinkUrlError,
    LinkUrlProblem,
    looks_like_url,
    resolve_link,
    slug_from_reference,
    slug_from_url,
)
from app.hubspot.models import MeetingLink
from app.sandbox.seed import build_seed


@pytest.fixture(scope="module")
def links() -> list[MeetingLink]:
    from datetime import UTC, datetime

    return [link.metadata() for link in build_seed(datetime(2026, 3, 26, 8, tzinfo=UTC)).links]


@pytest.mark.parametrize(
    "url",
    [
        "https://meetings.hubspot.com/alex-morgan",
        "http://meetings.hubspot.com/alex-morgan",
        "https://meetings.hubspot.com/alex-morgan/",
        "https://meetings.hubspot.com/alex-morgan?embed=true",
        "https://meetings.hubspot.com/alex-morgan?uuid=1f2e&embed=true#book",
        "https://MEETINGS.HubSpot.com/alex-morgan",
        "https://meetings-eu1.hubspot.com/alex-morgan",
        "https://meetings.eu1.hubspot.com/alex-morgan",
        "https://meetings-na2.hubspot.com/alex-morgan",
        "meetings.hubspot.com/alex-morgan",
        "meetings-eu1.hubspot.com/alex-morgan?embed=true",
        "  https://meetings.hubspot.com/alex-morgan  ",
    ],
)
def test_every_host_form_names_the_slug(url: str) -> None:
    assert looks_like_url(url)
    assert slug_from_url(url) == "alex-morgan"


@pytest.mark.parametrize(
    "url",
    [
        "https://meetings.hubspot.com/sales-team/intro-call",
        "https://meetings-eu1.hubspot.com/sales-team/intro-call?embed=true",
        "https://meetings.hubspot.com/sales-team%2Fintro-call",
    ],
)
def test_team_links_keep_both_segments(url: str) -> None:
    assert slug_from_url(url) == "sales-team/intro-call"


@pytest.mark.parametrize(
    "url",
    [
        "https://calendly.com/alex-morgan",
        "https://cal.com/alex-morgan/30min",
        "https://meetings.hubspot.com.evil.test/alex-morgan",
        "https://evilmeetings.hubspot.com/alex-morgan",
        "https://app.hubspot.com/meetings/alex-morgan",
        "calendly.com/alex-morgan",
    ],
)
def test_foreign_pages_are_refused_with_a_clear_message(url: str) -> None:
    with pytest.raises(LinkUrlError) as caught:
        slug_from_url(url)
    assert caught.value.problem is LinkUrlProblem.FOREIGN
    assert "is not a HubSpot meetings link" in str(caught.value)
    assert url in str(caught.value)


@pytest.mark.parametrize(
    "url", ["https://meetings.hubspot.com/", "https://meetings.hubspot.com/a/b/c", "https://meetings.hubspot.com/a b"]
)
def test_a_meetings_url_without_a_slug_says_so(url: str) -> None:
    with pytest.raises(LinkUrlError) as caught:
        slug_from_url(url)
    assert caught.value.problem is LinkUrlProblem.NO_SLUG


def test_other_schemes_are_not_web_addresses() -> None:
    with pytest.raises(LinkUrlError) as caught:
        slug_from_url("ftp://meetings.hubspot.com/alex-morgan")
    assert caught.value.problem is LinkUrlProblem.NOT_A_URL


@pytest.mark.parametrize("text", ["alex-morgan", "sales-team/intro-call", "Alex Morgan", ""])
def test_slugs_and_search_text_are_not_urls(text: str) -> None:
    assert not looks_like_url(text)
    assert slug_from_reference(text) == text


def test_the_cli_reference_turns_a_url_into_its_slug() -> None:
    assert slug_from_reference("https://meetings-eu1.hubspot.com/sales-team/intro-call?embed=true") == (
        "sales-team/intro-call"
    )


def test_resolve_finds_the_accounts_link_by_url_or_slug(links: list[MeetingLink]) -> None:
    assert resolve_link("https://meetings.hubspot.com/priya-shah?embed=true", links).slug == "priya-shah"
    assert resolve_link("https://meetings-eu1.hubspot.com/sales-team/intro-call", links).slug == "sales-team/intro-call"
    assert resolve_link("product-demo", links).slug == "product-demo"


def test_resolve_refuses_a_link_the_account_lacks(links: list[MeetingLink]) -> None:
    with pytest.raises(LinkUrlError) as caught:
        resolve_link("https://meetings.hubspot.com/alex-demo", links)
    assert caught.value.problem is LinkUrlProblem.UNKNOWN
    assert str(caught.value) == "This account has no meeting link “alex-demo” (https://meetings.hubspot.com/alex-demo)."


def test_resolve_accepts_the_accounts_own_custom_domain_page(links: list[MeetingLink]) -> None:
    import msgspec

    custom = msgspec.structs.replace(links[0], link="https://book.northwind.test/meetings/alex")
    assert resolve_link("https://book.northwind.test/meetings/alex/?embed=true", [custom]).slug == custom.slug
    with pytest.raises(LinkUrlError) as caught:
        resolve_link("https://book.northwind.test/meetings/someone-else", [custom])
    assert caught.value.problem is LinkUrlProblem.FOREIGN
