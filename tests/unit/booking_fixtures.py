"""BookingInfo fixtures decoded from JSON shaped like reference §3.2, as HubSpot sends it."""

from __future__ import annotations

import json
from typing import Any

import msgspec

from app.booking.draft import BookingDraft
from app.hubspot.models import BookingInfo, BookResponse

MINUTE_MS = 60_000
# 2026-09-08T18:00:00Z, a Tuesday; 20:00 in Berlin, 14:00 in New York.
START_MS = 1_788_890_400_000
NOW_MS = START_MS - 24 * 60 * MINUTE_MS


def option(value: str, label: str | None = None, *, hidden: bool = False) -> dict[str, Any]:
    return {
        "label": label or value.title(),
        "value": value,
        "description": "",
        "displayOrder": 0,
        "hidden": hidden,
        "readOnly": False,
        "doubleData": 0,
    }


def form_field(
    name: str, field_type: str, *, required: bool = False, options: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    data_type = {
        "number": "number",
        "date": "date",
        "select": "enumeration",
        "radio": "enumeration",
        "checkbox": "enumeration",
        "booleancheckbox": "bool",
        "phonenumber": "phone_number",
    }.get(field_type, "string")
    return {
        "name": name,
        "label": name.replace("_", " ").title(),
        "fieldType": field_type,
        "type": data_type,
        "isRequired": required,
        "isCustom": name not in ("firstname", "lastname", "email"),
        "options": options or [],
    }


def standard_fields() -> list[dict[str, Any]]:
    """HubSpot lists name and email among the form fields too."""
    return [
        form_field("firstname", "text", required=True),
        form_field("lastname", "text", required=True),
        form_field("email", "text", required=True),
    ]


def every_type_fields(*, required: bool = True) -> list[dict[str, Any]]:
    """One question of each answerable HubSpot field type (all required unless told)."""
    return [
        form_field("company", "text", required=required),
        form_field("notes", "textarea", required=required),
        form_field("team_size", "number", required=required),
        form_field(
            "plan", "select", required=required, options=[option("basic"), option("pro"), option("old", hidden=True)]
        ),
        form_field("contact_by", "radio", required=required, options=[option("phone"), option("email")]),
        form_field(
            "topics",
            "checkbox",
            required=required,
            options=[option("pricing"), option("support"), option("legacy", hidden=True)],
        ),
        form_field("accept_terms", "booleancheckbox", required=required),
        form_field("phone", "phonenumber", required=required),
        form_field("start_date", "date", required=required),
    ]


def every_type_answers() -> dict[str, str | list[str] | bool]:
    """Valid answers to `every_type_fields`."""
    return {
        "company": "Analytical Engines, Ltd.",
        "notes": "Line one\nline two",
        "team_size": "12",
        "plan": "pro",
        "contact_by": "email",
        "topics": ["pricing", "support"],
        "accept_terms": True,
        "phone": "+49 30 1234567",
        "start_date": "2026-10-01",
    }


def legal_consent(*, processing: str = "REQUIRED_CHECKBOX", required_ids: tuple[str, ...] = ()) -> dict[str, Any]:
    """Consent with a processing checkbox and two communication checkboxes (ids "101" and "102")."""
    return {
        "processingConsentType": processing,
        "processingConsentText": "We store your data to arrange the meeting.",
        "processingConsentCheckboxLabel": "I agree to the processing of my data.",
        "processingConsentFooterText": "",
        "communicationConsentText": "We would like to stay in touch.",
        "communicationConsentCheckboxes": [
            {"communicationTypeId": "101", "label": "Newsletter", "required": "101" in required_ids},
            {"communicationTypeId": "102", "label": "Product updates", "required": "102" in required_ids},
        ],
        "privacyPolicyText": "See our privacy policy.",
        "isLegitimateInterest": False,
        "legitimateInterestSubscriptionTypes": [],
    }


def member(user_id: str, *, busy: list[tuple[int, int]] | None = None, offline: bool = False) -> dict[str, Any]:
    return {
        "meetingsUser": {
            "id": f"mu-{user_id}",
            "userId": user_id,
            "calendarProvider": "GOOGLE",
            "isSalesStarter": False,
            "userProfile": {"email": f"rep{user_id}@example.org", "firstName": "Rep", "lastName": user_id},
        },
        "busyTimes": [{"start": s, "end": e} for s, e in (busy or [])],
        "isOffline": offline,
    }


def booking_info_json(
    *,
    durations: tuple[int, ...] = (30 * MINUTE_MS, 60 * MINUTE_MS),
    fields: list[dict[str, Any]] | None = None,
    consent: dict[str, Any] | None = None,
    guests: tuple[bool, int] | None = (True, 3),
    members: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A `GET …/book/{slug}` response body; every argument shapes one part of the link's rules."""
    custom_params: dict[str, Any] = {
        "durations": list(durations),
        "availability": {"MONDAY": {"start": 540, "end": 1020}},
        "formFields": standard_fields() + (fields or []),
        "legalConsentEnabled": consent is not None,
        "meetingBufferTime": 0,
        "ownerPrioritized": False,
        "startTimeIncrementMinutes": "FIFTEEN",
        "weeksToAdvertise": 4,
        "location": "Zoom",
    }
    if consent is not None:
        custom_params["legalConsentOptions"] = consent
    if guests is not None:
        custom_params["guestSettings"] = {"canAddGuests": guests[0], "maxGuestCount": guests[1]}
    return {
        "linkId": "12345",
        "linkType": "ROUND_ROBIN_CALENDAR",
        "isOffline": False,
        "customParams": custom_params,
        "allUsersBusyTimes": members if members is not None else [member("1001")],
    }


def booking_info(**kwargs: Any) -> BookingInfo:
    """`booking_info_json(...)` decoded with msgspec, exactly as the client would."""
    return msgspec.json.decode(json.dumps(booking_info_json(**kwargs)), type=BookingInfo)


def valid_draft(**overrides: Any) -> BookingDraft:
    """A draft that passes validation against `booking_info()` with no extra questions or consent."""
    values: dict[str, Any] = {
        "slug": "sales-team/discovery",
        "start_ms": START_MS,
        "duration_ms": 30 * MINUTE_MS,
        "timezone": "Europe/Berlin",
        "locale": "en-US",
        "first_name": "Ada",
        "last_name": "Lovelace",
        "email": "ada@analytical.example.org",
    }
    values.update(overrides)
    return BookingDraft(**values)


def book_response(**overrides: Any) -> BookResponse:
    """A successful book response body, decoded."""
    body: dict[str, Any] = {
        "calendarEventId": "evt-789",
        "contactId": "c-42",
        "bookingTimezone": "Europe/Berlin",
        "start": "2026-09-08T18:00:00Z",
        "end": "2026-09-08T18:30:00Z",
        "duration": 30 * MINUTE_MS,
        "subject": "Discovery call",
        "formFields": [],
        "guestEmails": [],
        "isOffline": False,
        "legalConsentResponses": [],
        "location": "Zoom",
        "webConferenceUrl": "https://zoom.example.org/j/123?pwd=a,b;c",
    }
    body.update(overrides)
    return msgspec.json.decode(json.dumps(body), type=BookResponse)
