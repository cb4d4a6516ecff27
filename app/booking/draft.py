"""The booking draft (what the user is about to book) and its validation against the link's own rules."""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime

import msgspec

from app.booking import messages
from app.booking.answers import Answer, answerable_fields, check_answer
from app.booking.email_check import email_problem
from app.booking.messages import Problem
from app.booking.timefmt import to_ms
from app.hubspot.models import BookingInfo


class BookingDraft(msgspec.Struct, kw_only=True):
    """Everything needed to book; stored as JSON in the outbox, so only plain data lives here."""

    slug: str
    start_ms: int = 0  # 0 = no time chosen yet
    duration_ms: int = 0  # 0 = no length chosen yet
    timezone: str = "UTC"  # the attendee's IANA zone
    locale: str = "en-us"
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    guests: list[str] = msgspec.field(default_factory=list)
    # Keyed by the link's form field name: text answers as str, multi-select as list[str], tick boxes as bool.
    answers: dict[str, Answer] = msgspec.field(default_factory=dict)
    processing_consent: bool = False
    # Keyed by communicationTypeId; a missing key means "not ticked".
    communication_consents: dict[str, bool] = msgspec.field(default_factory=dict)

    def to_json(self) -> bytes:
        """JSON for the outbox store."""
        return msgspec.json.encode(self)

    @classmethod
    def from_json(cls, data: bytes | str) -> BookingDraft:
        """Read a draft written by `to_json` (raises msgspec.ValidationError when it is not one)."""
        return msgspec.json.decode(data, type=cls)

    def without_personal_data(self) -> BookingDraft:
        """A fresh draft for the same link, length, zone and locale ("book another")."""
        return BookingDraft(slug=self.slug, duration_ms=self.duration_ms, timezone=self.timezone, locale=self.locale)


def validate_draft(
    draft: BookingDraft,
    info: BookingInfo,
    offered_starts_ms: Collection[int] | None = None,
    *,
    now: datetime | None = None,
) -> dict[str, str]:
    """A user-facing message per problem field key; empty when the draft can be booked."""
    return {key: problem.text for key, problem in find_problems(draft, info, offered_starts_ms, now=now).items()}


def find_problems(
    draft: BookingDraft,
    info: BookingInfo,
    offered_starts_ms: Collection[int] | None = None,
    *,
    now: datetime | None = None,
) -> dict[str, Problem]:
    """Like `validate_draft`, keeping each message's template and values apart for translation.

    Keys: first_name, last_name, email, guests, guest:<i>, field:<name>, processing_consent,
    consent:<communicationTypeId>, duration, start.
    """
    problems: dict[str, Problem] = {}
    _check_attendee(draft, problems)
    _check_guests(draft, info, problems)
    _check_answers(draft, info, problems)
    _check_consents(draft, info, problems)
    _check_time(draft, info, offered_starts_ms, now or datetime.now(UTC), problems)
    return problems


def _check_attendee(draft: BookingDraft, problems: dict[str, Problem]) -> None:
    if not draft.first_name.strip():
        problems["first_name"] = Problem(messages.FIRST_NAME_MISSING)
    if not draft.last_name.strip():
        problems["last_name"] = Problem(messages.LAST_NAME_MISSING)
    if problem := email_problem(draft.email):
        problems["email"] = problem


def _check_guests(draft: BookingDraft, info: BookingInfo, problems: dict[str, Problem]) -> None:
    if not draft.guests:
        return
    settings = info.custom_params.guest_settings
    if settings is None or not settings.can_add_guests:
        problems["guests"] = Problem(messages.GUESTS_NOT_ALLOWED)
        return
    if len(draft.guests) > settings.max_guest_count:
        problems["guests"] = Problem(messages.GUESTS_TOO_MANY, {"max": str(settings.max_guest_count)})
    attendee = draft.email.strip().lower()
    seen: set[str] = set()
    for index, guest in enumerate(draft.guests):
        address = guest.strip().lower()
        problem: Problem | None
        if not address:
            problem = Problem(messages.GUEST_EMPTY)
        elif attendee and address == attendee:
            problem = Problem(messages.GUEST_IS_ATTENDEE)
        elif address in seen:
            problem = Problem(messages.GUEST_DUPLICATE)
        else:
            problem = email_problem(guest)
        seen.add(address)
        if problem:
            problems[f"guest:{index}"] = problem


def _check_answers(draft: BookingDraft, info: BookingInfo, problems: dict[str, Problem]) -> None:
    fields = answerable_fields(info.custom_params.form_fields)
    for field in fields:
        if problem := check_answer(field, draft.answers.get(field.name)):
            problems[f"field:{field.name}"] = problem
    # HubSpot rejects answers to questions the form does not have; catch CLI typos before sending.
    known = {f.name for f in fields}
    for name in draft.answers:
        if name not in known:
            problems[f"field:{name}"] = Problem(messages.FIELD_UNKNOWN, {"name": name})


def _check_consents(draft: BookingDraft, info: BookingInfo, problems: dict[str, Problem]) -> None:
    params = info.custom_params
    options = params.legal_consent_options
    if not params.legal_consent_enabled or options is None:
        return
    if options.processing_consent_type == "REQUIRED_CHECKBOX" and not draft.processing_consent:
        problems["processing_consent"] = Problem(messages.PROCESSING_CONSENT_REQUIRED)
    for box in options.communication_consent_checkboxes:
        if box.required and not draft.communication_consents.get(box.communication_type_id, False):
            problems[f"consent:{box.communication_type_id}"] = Problem(messages.CONSENT_REQUIRED, {"label": box.label})


def _check_time(
    draft: BookingDraft,
    info: BookingInfo,
    offered_starts_ms: Collection[int] | None,
    now: datetime,
    problems: dict[str, Problem],
) -> None:
    durations = info.custom_params.durations
    if draft.duration_ms <= 0:
        problems["duration"] = Problem(messages.DURATION_MISSING)
    elif draft.duration_ms not in durations:
        choices = ", ".join(_minutes_label(d) for d in sorted(durations))
        problems["duration"] = Problem(messages.DURATION_NOT_OFFERED, {"choices": choices})
    if draft.start_ms <= 0:
        problems["start"] = Problem(messages.START_MISSING)
    elif draft.start_ms < to_ms(now):
        problems["start"] = Problem(messages.START_IN_PAST)
    elif offered_starts_ms is not None and draft.start_ms not in offered_starts_ms:
        problems["start"] = Problem(messages.START_NOT_OFFERED)


def _minutes_label(duration_ms: int) -> str:
    minutes = duration_ms / 60_000
    return f"{minutes:g} minutes"
