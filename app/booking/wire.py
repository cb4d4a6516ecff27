"""Conversion from a draft to HubSpot's book request, and reading a start time typed by a person."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from app.booking import messages
from app.booking.answers import answerable_fields, wire_value
from app.booking.draft import BookingDraft
from app.booking.messages import Problem
from app.booking.timefmt import to_ms
from app.hubspot.models import BookingInfo, BookRequest, ConsentResponse, FormFieldAnswer, UserBusyTimes


class StartTimeError(ValueError):
    """A start time that cannot be read, or a local time that does not exist in the zone."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.text)
        self.problem = problem


def to_book_request(
    draft: BookingDraft, info: BookingInfo, busy_times: Sequence[UserBusyTimes] | None = None
) -> BookRequest:
    """The request body for a validated draft.

    `busy_times` defaults to the booking info's; pass a fresher availability page's when there is one.
    """
    params = info.custom_params
    form_fields = [
        FormFieldAnswer(name=field.name, value=value)
        for field in answerable_fields(params.form_fields)
        if (value := wire_value(field, draft.answers.get(field.name))) is not None
    ]
    consents: list[ConsentResponse] = []
    if params.legal_consent_enabled and params.legal_consent_options is not None:
        consents = [
            ConsentResponse(
                communication_type_id=box.communication_type_id,
                consented=draft.communication_consents.get(box.communication_type_id, False),
            )
            for box in params.legal_consent_options.communication_consent_checkboxes
        ]
    members = info.all_users_busy_times if busy_times is None else busy_times
    return BookRequest(
        slug=draft.slug,
        start_time=iso_utc(draft.start_ms),
        duration=draft.duration_ms,
        email=draft.email.strip(),
        first_name=draft.first_name.strip(),
        last_name=draft.last_name.strip(),
        form_fields=form_fields,
        legal_consent_responses=consents,
        likely_available_user_ids=likely_available_user_ids(members, draft.start_ms, draft.duration_ms),
        timezone=draft.timezone or None,
        locale=wire_locale(draft.locale),
        guest_emails=[g.strip() for g in draft.guests if g.strip()],
    )


def likely_available_user_ids(members: Sequence[UserBusyTimes], start_ms: int, duration_ms: int) -> list[str]:
    """HubSpot user IDs of members whose calendar is connected and free for the whole meeting."""
    end_ms = start_ms + duration_ms
    ids: list[str] = []
    for member in members:
        # An offline member looks free at all hours; preferring them causes bookings without a calendar event.
        if member.is_offline:
            continue
        if any(b.start < end_ms and start_ms < b.end for b in member.busy_times):
            continue
        user_id = member.meetings_user.user_id
        if user_id not in ids:
            ids.append(user_id)
    return ids


def iso_utc(ms: int) -> str:
    """`2026-09-08T18:00:00Z` (milliseconds appear only when the instant has them)."""
    moment = datetime.fromtimestamp(ms // 1000, UTC)
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    return f"{text}.{ms % 1000:03d}Z" if ms % 1000 else f"{text}Z"


def wire_locale(locale: str) -> str | None:
    """`en_US`/`en-US` → `en-us`, as HubSpot writes it; None when empty."""
    return locale.strip().replace("_", "-").lower() or None


def parse_start(text: str, tz: ZoneInfo) -> int:
    """Epoch ms for ISO 8601 with an offset (`…Z`, `…+02:00`), or a local date-time read in `tz`.

    A local time skipped by a DST change raises StartTimeError. A repeated local time (clocks going back)
    means its first occurrence (fold=0), i.e. the earlier instant.
    """
    cleaned = text.strip()
    try:
        moment = datetime.fromisoformat(cleaned)
    except ValueError:
        raise StartTimeError(Problem(messages.START_UNREADABLE, {"text": cleaned})) from None
    if moment.tzinfo is not None:
        return to_ms(moment)
    if "T" not in cleaned.upper() and " " not in cleaned:
        raise StartTimeError(Problem(messages.START_NEEDS_TIME, {"text": cleaned}))
    local = moment.replace(tzinfo=tz, fold=0)
    # zoneinfo accepts nonexistent wall times silently; a round trip through UTC exposes them.
    if local.astimezone(UTC).astimezone(tz).replace(tzinfo=None) != moment:
        shown = moment.strftime("%Y-%m-%d %H:%M")
        raise StartTimeError(Problem(messages.START_IN_DST_GAP, {"local": shown, "zone": tz.key}))
    return to_ms(local)
