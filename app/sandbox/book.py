"""POST meeting-links/book: parsing, validation in HubSpot's order (reference §10.5) and the booking itself."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import msgspec

from app.hubspot.models import ConsentResponse, FormField, ValidatedFormField
from app.sandbox.availability import free_members, open_times
from app.sandbox.envelopes import ApiError, booking_error, slug_not_found, validation_error
from app.sandbox.links import SandboxLink
from app.sandbox.state import Booking, SandboxState

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_PHONE = re.compile(r"^\+?[0-9 ().\-/]{5,}$")
_REQUIRED_KEYS = ("slug", "startTime", "duration", "email", "firstName", "lastName")


@dataclass
class BookPayload:
    """The request body, type-checked but not yet validated against the link."""

    slug: str
    start: datetime
    duration: int
    email: str
    first_name: str
    last_name: str
    form_fields: list[tuple[str, str]] = field(default_factory=list)
    consents: list[tuple[str, bool]] = field(default_factory=list)
    likely_user_ids: list[str] = field(default_factory=list)
    guest_emails: list[str] = field(default_factory=list)
    timezone: str | None = None
    locale: str | None = None


def valid_timezone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def _parse_start(value: object) -> datetime:
    """ISO 8601 (the spec) or epoch milliseconds (what many integrators send); naive ISO is read as UTC."""
    if isinstance(value, int) and not isinstance(value, bool):
        return datetime.fromtimestamp(value / 1000, tz=UTC)
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit():
            return datetime.fromtimestamp(int(text) / 1000, tz=UTC)
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    raise validation_error(f"startTime is not a valid date-time: {str(value)[:40]!r}", param="startTime")


def _str_list(body: Mapping[str, Any], key: str) -> list[str]:
    value = body.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise validation_error(f"{key} must be an array of strings", param=key)
    return list(value)


def _objects(body: Mapping[str, Any], key: str) -> list[dict[str, Any]]:
    value = body.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise validation_error(f"{key} must be an array of objects", param=key)
    return list(value)


def parse_book_body(raw: bytes) -> BookPayload:
    """The JSON body as a `BookPayload`; 400 VALIDATION_ERROR when it cannot be read as the spec's shape."""
    try:
        body = msgspec.json.decode(raw)
    except msgspec.DecodeError:
        raise validation_error("Invalid input JSON: the request body is not valid JSON") from None
    if not isinstance(body, dict):
        raise validation_error("Invalid input JSON: expected an object")
    missing = [key for key in _REQUIRED_KEYS if body.get(key) is None]
    if missing:
        raise validation_error(f"Some required fields were not set: [{', '.join(missing)}]", param=missing[0])
    for key in ("slug", "email", "firstName", "lastName"):
        if not isinstance(body[key], str):
            raise validation_error(f"{key} must be a string", param=key)
    duration = body["duration"]
    if not isinstance(duration, int) or isinstance(duration, bool):
        raise validation_error("duration must be an integer (milliseconds)", param="duration")
    answers: list[tuple[str, str]] = []
    for item in _objects(body, "formFields"):
        name, value = item.get("name"), item.get("value")
        if not isinstance(name, str) or not isinstance(value, str):
            raise validation_error("formFields entries need a string name and a string value", param="formFields")
        answers.append((name, value))
    consents: list[tuple[str, bool]] = []
    for item in _objects(body, "legalConsentResponses"):
        type_id, consented = item.get("communicationTypeId"), item.get("consented")
        if not isinstance(type_id, str) or not isinstance(consented, bool):
            raise validation_error(
                "legalConsentResponses entries need communicationTypeId and a boolean consented",
                param="legalConsentResponses",
            )
        consents.append((type_id, consented))
    for key in ("timezone", "locale"):
        if body.get(key) is not None and not isinstance(body[key], str):
            raise validation_error(f"{key} must be a string", param=key)
    return BookPayload(
        slug=body["slug"],
        start=_parse_start(body["startTime"]),
        duration=duration,
        email=body["email"].strip(),
        first_name=body["firstName"],
        last_name=body["lastName"],
        form_fields=answers,
        consents=consents,
        likely_user_ids=_str_list(body, "likelyAvailableUserIds"),
        guest_emails=_str_list(body, "guestEmails"),
        timezone=body.get("timezone"),
        locale=body.get("locale"),
    )


def _check_email(email: str) -> None:
    domain = email.rsplit("@", 1)[-1].lower()
    if not _EMAIL.match(email) or domain == "example.com" or domain.endswith(".example.com"):
        # HubSpot's spam filter rejects example.com addresses as invalid (reference §9).
        raise booking_error(
            "MeetingsBookingCreatedError.INVALID_EMAIL", "The email address is not valid.", param="email"
        )
    if domain == "blocked.test" or domain.endswith(".blocked.test"):
        raise booking_error(
            # "EMAIl" is HubSpot's own spelling.
            "MeetingsBookingCreatedError.BLOCKED_EMAIl",
            "The email address is blocked by this portal's policy.",
            param="email",
        )


def _value_error(question: FormField, value: str) -> bool:
    """True when `value` is not an acceptable answer for the question's field type."""
    allowed = {o.value for o in question.options}
    if question.field_type in ("select", "radio"):
        return value not in allowed
    if question.field_type == "checkbox" and allowed:
        return any(part not in allowed for part in value.split(";"))
    if question.field_type == "booleancheckbox":
        return value not in ("true", "false")
    if question.field_type == "number":
        try:
            float(value)
        except ValueError:
            return True
        return False
    if question.field_type == "date":
        try:
            date.fromisoformat(value)
        except ValueError:
            return True
        return len(value) != 10
    if question.field_type == "phonenumber":
        return _PHONE.match(value) is None
    return False


def _value_label(question: FormField, value: str) -> str | None:
    labels = {o.value: o.label for o in question.options}
    if not labels:
        return None
    return ";".join(labels.get(part, part) for part in value.split(";"))


def _check_form(link: SandboxLink, answers: list[tuple[str, str]]) -> list[ValidatedFormField]:
    questions = {q.name: q for q in link.settings.form_fields}
    given = {name: value for name, value in answers}
    for question in link.settings.form_fields:
        if question.is_required and not given.get(question.name, "").strip():
            raise validation_error(
                f"required form field {question.name} does not have a corresponding value", param=question.name
            )
    for name in given:
        if name not in questions:
            raise validation_error(f"form field {name} is not part of this meeting link's form", param=name)
    validated: list[ValidatedFormField] = []
    for name, value in answers:
        question = questions[name]
        if value and _value_error(question, value):
            raise validation_error(f"form field {name} has an invalid value for a {question.field_type}", param=name)
        validated.append(
            ValidatedFormField(
                name=name,
                label=question.label,
                value=value,
                is_custom=question.is_custom,
                field_type=question.field_type,
                value_label=_value_label(question, value) if value else None,
            )
        )
    return validated


def _check_consent(link: SandboxLink, consents: list[tuple[str, bool]]) -> None:
    options = link.settings.legal_consent_options
    if not link.settings.legal_consent_enabled or options is None:
        return
    boxes = {box.communication_type_id: box for box in options.communication_consent_checkboxes}
    answered = dict(consents)
    for type_id in answered:
        if type_id not in boxes:
            raise validation_error(
                f"legal consent response for unknown communication type {type_id}", param="legalConsentResponses"
            )
    for box in boxes.values():
        if box.required and not answered.get(box.communication_type_id, False):
            raise validation_error(
                f"required legal consent {box.communication_type_id} was not given", param="legalConsentResponses"
            )


def _check_guests(link: SandboxLink, guests: list[str]) -> None:
    if not guests:
        return
    settings = link.settings.guest_settings
    sub = "MeetingsBookingCreatedError.INVALID_EMAIL_GUESTS"
    if settings is None or not settings.can_add_guests:
        raise booking_error(sub, "This meeting link does not allow guests.", param="guestEmails")
    if len(guests) > settings.max_guest_count:
        raise booking_error(sub, f"At most {settings.max_guest_count} guests are allowed.", param="guestEmails")
    if any(not _EMAIL.match(g) for g in guests):
        raise booking_error(sub, "A guest email address is not valid.", param="guestEmails")


def _assign(state: SandboxState, link: SandboxLink, free: list[str], likely: list[str]) -> list[str]:
    """Who hosts: the organiser, every group member, or one free round-robin member (preferring `likely`)."""
    if link.type == "GROUP_CALENDAR":
        return list(link.member_ids)
    if link.type != "ROUND_ROBIN_CALENDAR":
        return [link.organizer_user_id]
    candidates = [u for u in free if u in likely] or free
    load = {u: sum(1 for b in state.bookings if b.link_id == link.id and u in b.member_user_ids) for u in candidates}
    # Fewest meetings first; ties go by member order, so the rotation is predictable in tests.
    return [min(candidates, key=lambda u: (load[u], link.member_ids.index(u)))]


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def prepare_booking(state: SandboxState, payload: BookPayload, query_timezone: str | None) -> Booking:
    """Validate in HubSpot's order and build (but not record) the booking; raises `ApiError`."""
    link = state.links.get(payload.slug)
    if link is None:
        raise slug_not_found()
    if payload.duration not in link.settings.durations:
        raise booking_error(
            "MeetingsBookingSchedulingError.MEETING_DURATION_NOT_VALID", "Duration is not accepted by link"
        )
    now = state.now()
    busy = state.busy_by_user()
    starts = open_times(link, state.users, busy, now).get(payload.duration, [])
    if payload.start not in starts:
        raise booking_error(
            "MeetingsBookingSchedulingError.MEETING_START_TIME_NOT_VALID",
            "Start time must be contained in availability settings",
        )
    _check_email(payload.email)
    if not payload.last_name.strip():
        raise validation_error("lastName must not be empty", param="lastName")
    validated = _check_form(link, payload.form_fields)
    _check_consent(link, payload.consents)
    _check_guests(link, payload.guest_emails)
    tz_name = payload.timezone or query_timezone or link.timezone
    if not valid_timezone(tz_name):
        raise validation_error(f"Unknown time zone: {tz_name[:60]}", param="timezone")
    end = payload.start + timedelta(milliseconds=payload.duration)
    hosts = _assign(state, link, free_members(link, state.users, busy, payload.start, end), payload.likely_user_ids)
    offline = link.is_offline or any(state.users[u].is_offline for u in hosts)
    return Booking(
        slug=link.slug,
        link_id=link.id,
        start=payload.start,
        end=end,
        duration_ms=payload.duration,
        email=payload.email,
        first_name=payload.first_name,
        last_name=payload.last_name,
        member_user_ids=hosts,
        is_offline=offline,
        contact_id=state.contact_id_for(payload.email),
        calendar_event_id="" if offline else uuid.uuid4().hex,
        booking_timezone=tz_name,
        guest_emails=list(payload.guest_emails),
        form_fields=[msgspec.to_builtins(v) for v in validated],
        legal_consent_responses=[{"communicationTypeId": t, "consented": c} for t, c in payload.consents],
        booked_at=now,
    )


def book_response(link: SandboxLink, booking: Booking, locale: str | None) -> dict[str, Any]:
    """`ExternalMeetingBookingResponse` for a recorded booking (optional fields omitted when empty)."""
    body: dict[str, Any] = {
        "calendarEventId": booking.calendar_event_id,
        "contactId": booking.contact_id,
        "bookingTimezone": booking.booking_timezone,
        "start": _iso(booking.start),
        "end": _iso(booking.end),
        "duration": booking.duration_ms,
        "subject": link.subject,
        "formFields": [{k: v for k, v in f.items() if v is not None} for f in booking.form_fields],
        "guestEmails": list(booking.guest_emails),
        "isOffline": booking.is_offline,
        "legalConsentResponses": [
            msgspec.to_builtins(
                ConsentResponse(communication_type_id=c["communicationTypeId"], consented=c["consented"])
            )
            for c in booking.legal_consent_responses
        ],
    }
    optional = {
        "locale": locale,
        "location": link.settings.location,
        "webConferenceUrl": link.web_conference_url,
        "webConferenceMeetingId": link.web_conference_meeting_id,
    }
    body.update({k: v for k, v in optional.items() if v})
    return body


def link_for(state: SandboxState, slug: str) -> SandboxLink:
    link = state.links.get(slug)
    if link is None:
        raise slug_not_found()
    return link


__all__ = ["ApiError", "BookPayload", "book_response", "link_for", "parse_book_body", "prepare_booking"]
