"""Times to propose: the attendee's zone and language, both zones when they differ, DST changes between times."""

from __future__ import annotations

from datetime import UTC, datetime
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest

from app.booking.proposal import ProposalError, build_proposal, format_slot, language_of, next_open
from app.booking.timefmt import to_ms
from app.hubspot.models import Slot

BERLIN, NEW_YORK, TOKYO = ZoneInfo("Europe/Berlin"), ZoneInfo("America/New_York"), ZoneInfo("Asia/Tokyo")
URL = "https://meetings.hubspot.com/alex-morgan"


def slot(iso: str, minutes: int = 30) -> Slot:
    start = to_ms(datetime.fromisoformat(iso))
    return Slot(start_millis_utc=start, end_millis_utc=start + minutes * 60_000)


def test_a_line_reads_like_the_issue_says() -> None:
    assert format_slot(slot("2026-12-08T09:00:00Z"), BERLIN).text == "Tue 8 Dec, 10:00–10:30 (Berlin)"


def test_english_message_with_the_booking_url() -> None:
    proposal = build_proposal(
        [slot("2026-12-09T09:00:00Z"), slot("2026-12-08T09:00:00Z")],
        attendee_zone=BERLIN,
        rep_zone=BERLIN,
        language="en-us",
        title="Intro meeting",
        booking_url=URL,
    )
    assert proposal.plain == (
        "Would one of these times suit you for “Intro meeting” (30 min)?\n\n"
        "• Tue 8 Dec, 10:00–10:30 (Berlin)\n"
        "• Wed 9 Dec, 10:00–10:30 (Berlin)\n\n"
        "Pick one (or another open time) here:\n"
        f"{URL}\n"
    )


def test_times_across_a_dst_change_keep_their_local_hour() -> None:
    # Berlin leaves summer time on Sunday 25 October 2026: 10:00 is 08:00 UTC before, 09:00 UTC after.
    times = [slot("2026-10-23T08:00:00Z"), slot("2026-10-26T09:00:00Z")]
    proposal = build_proposal(times, attendee_zone=BERLIN, rep_zone=None, language="en", title="Demo", booking_url=URL)
    assert [t.text for t in proposal.times] == ["Fri 23 Oct, 10:00–10:30 (Berlin)", "Mon 26 Oct, 10:00–10:30 (Berlin)"]


def test_two_zones_when_the_rep_is_elsewhere_even_when_only_one_side_changed_clocks() -> None:
    # Between Berlin's change (25 Oct) and New York's (1 Nov) the two are 5 hours apart instead of 6.
    times = [slot("2026-10-23T08:00:00Z"), slot("2026-10-27T09:00:00Z"), slot("2026-11-03T09:00:00Z")]
    proposal = build_proposal(
        times, attendee_zone=BERLIN, rep_zone=NEW_YORK, language="en", title="Demo", booking_url=URL
    )
    assert [t.text for t in proposal.times] == [
        "Fri 23 Oct, 10:00–10:30 (Berlin) · 04:00–04:30 (New York)",
        "Tue 27 Oct, 10:00–10:30 (Berlin) · 05:00–05:30 (New York)",
        "Tue 3 Nov, 10:00–10:30 (Berlin) · 04:00–04:30 (New York)",
    ]


def test_the_second_zone_names_its_own_day_when_it_is_another() -> None:
    line = format_slot(slot("2026-12-08T09:00:00Z"), NEW_YORK, second_zone=TOKYO).text
    assert line == "Tue 8 Dec, 04:00–04:30 (New York) · 18:00–18:30 (Tokyo)"
    late = format_slot(slot("2026-12-08T22:00:00Z"), NEW_YORK, second_zone=TOKYO).text
    assert late == "Tue 8 Dec, 17:00–17:30 (New York) · Wed 9 Dec, 07:00–07:30 (Tokyo)"


def test_german_message() -> None:
    proposal = build_proposal(
        [slot("2026-03-27T09:00:00Z", 45), slot("2026-03-30T08:00:00Z", 45)],
        attendee_zone=ZoneInfo("Europe/Vienna"),
        rep_zone=NEW_YORK,
        language="de-DE",
        title="Produktdemo",
        booking_url=URL,
    )
    assert proposal.plain.splitlines() == [
        "Passt Ihnen einer dieser Termine für „Produktdemo“ (45 Min.)?",
        "",
        # Vienna moves to summer time on 29 March, New York already did on 8 March.
        "• Fr. 27. März, 10:00–10:45 (Wien) · 05:00–05:45 (New York)",
        "• Mo. 30. März, 10:00–10:45 (Wien) · 04:00–04:45 (New York)",
        "",
        "Hier können Sie einen davon (oder eine andere freie Zeit) buchen:",
        URL,
    ]


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.items: list[str] = []
        self.hrefs: list[str] = []
        self._in_li = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_li = tag == "li"
        if tag == "a":
            self.hrefs.append(dict(attrs)["href"] or "")

    def handle_data(self, data: str) -> None:
        if self._in_li:
            self.items.append(data)


def test_html_is_escaped_and_carries_the_same_times_and_link() -> None:
    proposal = build_proposal(
        [slot("2026-12-08T09:00:00Z")],
        attendee_zone=BERLIN,
        rep_zone=None,
        language="en",
        title="<b>Q&A</b>",
        booking_url=URL + "?a=1&b=2",
    )
    assert "<b>" not in proposal.html and "&lt;b&gt;Q&amp;A&lt;/b&gt;" in proposal.html
    reader = _Reader()
    reader.feed(proposal.html)
    assert reader.items == ["Tue 8 Dec, 10:00–10:30 (Berlin)"]
    assert reader.hrefs == [URL + "?a=1&b=2"]


def test_next_open_skips_the_past_and_offers_one_time_a_day_first() -> None:
    now = to_ms(datetime(2026, 12, 8, 9, 0, tzinfo=UTC))
    slots = [slot(f"2026-12-08T{h}:00Z") for h in ("08:30", "09:00", "12:00", "12:15", "12:30")]
    slots += [slot("2026-12-09T09:00:00Z"), slot("2026-12-09T09:15:00Z")]
    assert next_open(slots, 2, now_ms=now, zone=BERLIN) == [slot("2026-12-08T12:00:00Z"), slot("2026-12-09T09:00:00Z")]
    # Three wanted, two open days: the third is the next time on those days that overlaps neither.
    assert next_open(slots, 3, now_ms=now, zone=BERLIN) == [
        slot("2026-12-08T12:00:00Z"),
        slot("2026-12-08T12:30:00Z"),
        slot("2026-12-09T09:00:00Z"),
    ]
    with pytest.raises(ProposalError):
        next_open(slots, 0, now_ms=now, zone=BERLIN)


def test_days_are_the_attendees_days() -> None:
    # 23:30 UTC on the 8th is already the 9th in Berlin.
    late, after_midnight, morning = (
        slot("2026-12-08T22:00:00Z"),
        slot("2026-12-08T23:30:00Z"),
        slot("2026-12-09T08:00Z"),
    )
    slots = [late, after_midnight, morning]
    assert next_open(slots, 2, now_ms=0, zone=BERLIN) == [late, after_midnight]
    assert next_open(slots, 2, now_ms=0, zone=ZoneInfo("UTC")) == [late, morning]


def test_nothing_to_propose_is_an_error() -> None:
    with pytest.raises(ProposalError, match="no open times"):
        build_proposal([], attendee_zone=BERLIN, rep_zone=None, language="en", title="x", booking_url=URL)


@pytest.mark.parametrize(("locale", "code"), [("de", "de"), ("de-AT", "de"), ("de_CH", "de"), ("fr-fr", "en")])
def test_language_of(locale: str, code: str) -> None:
    assert language_of(locale) == code
