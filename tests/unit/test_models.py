"""Every API model against the reference's JSON shapes (reference §3–§5, §7)."""

from __future__ import annotations

import json
from typing import Any

import msgspec
import pytest

from app.hubspot import models
from app.hubspot.client import decode_body
from app.hubspot.errors import MalformedResponse

LINKS_PAGE = {
    "results": [
        {
            "id": "1234567",
            "slug": "your-team/ai-booked-call",
            "link": "https://meetings.hubspot.com/your-team/ai-booked-call",
            "name": "AI booked call",
            "type": "ROUND_ROBIN_CALENDAR",
            "organizerUserId": "111",
            "userIdsOfLinkMembers": ["111", "222"],
            "defaultLink": False,
            "createdAt": "2026-03-01T10:00:00Z",
            "updatedAt": 1772359200000,  # the spec's text says epoch ms
            "paymentLinkId": "pl-1",
        }
    ],
    "total": 3,
    "paging": {"next": {"after": "MQ==", "link": "?after=MQ=="}, "prev": {"before": "MA=="}},
}

BOOKING_INFO = {
    "linkId": "1234567",
    "linkType": "PERSONAL_LINK",
    "isOffline": False,
    "customParams": {
        "durations": [900000, 1800000],
        "availability": {"MONDAY": {"start": 540, "end": 1020}},
        "formFields": [
            {
                "name": "company",
                "label": "Company",
                "fieldType": "text",
                "type": "string",
                "isRequired": True,
                "isCustom": False,
                "options": [],
            },
            {
                "name": "interests",
                "label": "Interests",
                "fieldType": "checkbox",
                "type": "enumeration",
                "isRequired": False,
                "isCustom": True,
                "options": [
                    {
                        "label": "Demo",
                        "value": "demo",
                        "description": "",
                        "displayOrder": 0,
                        "hidden": False,
                        "readOnly": False,
                        "doubleData": 0,
                    }
                ],
            },
        ],
        "legalConsentEnabled": True,
        "legalConsentOptions": {
            "processingConsentType": "REQUIRED_CHECKBOX",
            "processingConsentText": "We need to store your data.",
            "processingConsentCheckboxLabel": "I agree",
            "processingConsentFooterText": "",
            "communicationConsentText": "We would like to email you.",
            "communicationConsentCheckboxes": [
                {"communicationTypeId": "4801001", "label": "Marketing", "required": False}
            ],
            "privacyPolicyText": "See our privacy policy.",
            "isLegitimateInterest": False,
            "legitimateInterestSubscriptionTypes": [],
            "legitimateInterestLegalBasis": "CONSENT_WITH_NOTICE",
        },
        "meetingBufferTime": 900000,
        "ownerPrioritized": False,
        "startTimeIncrementMinutes": "FIFTEEN",
        "weeksToAdvertise": 4,
        "guestSettings": {"canAddGuests": True, "maxGuestCount": 3},
        "displayInfo": {"publicDisplayAvatarOption": "PROFILE_IMAGE"},
        "welcomeScreenInfo": {"title": "Hi", "showWelcomeScreen": False},
        "locale": "en-us",
        "location": "Zoom",
        "aFieldHubSpotAddsLater": [1, 2, 3],
    },
    "allUsersBusyTimes": [
        {
            "meetingsUser": {
                "id": "m-9",
                "userId": "111",
                "calendarProvider": "GOOGLE",
                "isSalesStarter": False,
                "userProfile": {"email": "alex@northwind.test", "firstName": "Alex", "fullName": "Alex Morgan"},
            },
            "busyTimes": [{"start": 1772359200000, "end": 1772362800000}],
            "isOffline": False,
        }
    ],
    "brandingMetadata": {
        "logoAltText": "Northwind",
        "showMarketingAd": False,
        "showSalesAd": False,
        "accent2Color": "#ff0000",
        "companyAddressLine1": "1 Main St",
    },
    "linkAvailability": {
        "hasMore": True,
        "linkAvailabilityByDuration": {
            "1800000": {
                "meetingDurationMillis": 1800000,
                "availabilities": [{"startMillisUtc": 1772359200000, "endMillisUtc": 1772361000000}],
            }
        },
    },
}

BOOK_RESPONSE = {
    "calendarEventId": "evt-77",
    "contactId": "c-1",
    "bookingTimezone": "America/New_York",
    "start": "2026-09-08T18:00:00Z",
    "end": "2026-09-08T18:30:00Z",
    "duration": 1800000,
    "subject": "Intro call",
    "formFields": [
        {
            "name": "interests",
            "label": "Interests",
            "value": "demo;pricing",
            "isCustom": True,
            "fieldType": "checkbox",
            "valueLabel": "Demo;Pricing",
        }
    ],
    "guestEmails": ["sam@acme.test"],
    "isOffline": False,
    "legalConsentResponses": [{"communicationTypeId": "4801001", "consented": True}],
    "locale": "en-us",
    "location": "Phone call",
    "webConferenceMeetingId": "123",
    "webConferenceUrl": "https://teams.microsoft.com/l/meetup-join/x",
}


def encode(data: Any) -> bytes:
    return json.dumps(data).encode()


def test_meeting_link_page() -> None:
    page = decode_body(encode(LINKS_PAGE), models.MeetingLinkPage, "links")
    link = page.results[0]
    assert link.slug == "your-team/ai-booked-call"
    assert link.type == "ROUND_ROBIN_CALENDAR"
    assert link.user_ids_of_link_members == ["111", "222"]
    assert link.created_at == "2026-03-01T10:00:00Z"
    assert link.updated_at == 1772359200000
    assert page.paging is not None
    assert page.paging.next is not None
    assert page.paging.next.after == "MQ=="


def test_booking_info_every_part() -> None:
    info = decode_body(encode(BOOKING_INFO), models.BookingInfo, "info")
    params = info.custom_params
    assert params.durations == [900000, 1800000]
    assert params.form_fields[1].options[0].value == "demo"
    assert params.legal_consent_options is not None
    assert params.legal_consent_options.communication_consent_checkboxes[0].communication_type_id == "4801001"
    assert params.guest_settings == models.GuestSettings(can_add_guests=True, max_guest_count=3)
    assert models.INCREMENT_MINUTES[params.start_time_increment_minutes] == 15
    member = info.all_users_busy_times[0].meetings_user
    assert (member.id, member.user_id) == ("m-9", "111")
    assert info.branding_metadata is not None
    assert info.branding_metadata.accent2_color == "#ff0000"
    assert info.branding_metadata.company_address_line1 == "1 Main St"
    assert info.link_availability is not None
    assert info.link_availability.slots_for(1800000)[0].start_millis_utc == 1772359200000
    assert info.link_availability.slots_for(900000) == []


def test_availability_page() -> None:
    body = {
        "allUsersBusyTimes": BOOKING_INFO["allUsersBusyTimes"],
        "linkAvailability": BOOKING_INFO["linkAvailability"],
    }
    page = decode_body(encode(body), models.AvailabilityPage, "availability")
    assert page.link_availability is not None
    assert page.link_availability.has_more is True


def test_book_request_wire_shape() -> None:
    request = models.BookRequest(
        slug="your-team/ai-booked-call",
        start_time="2026-09-08T18:00:00Z",
        duration=1800000,
        email="jane@acme.test",
        first_name="Jane",
        last_name="Doe",
        form_fields=[models.FormFieldAnswer(name="company", value="Acme")],
        legal_consent_responses=[models.ConsentResponse(communication_type_id="4801001", consented=False)],
        likely_available_user_ids=[],
        timezone="America/New_York",
        locale="en-us",
        guest_emails=["sam@acme.test"],
    )
    wire = json.loads(msgspec.json.encode(request))
    assert wire == {
        "slug": "your-team/ai-booked-call",
        "startTime": "2026-09-08T18:00:00Z",
        "duration": 1800000,
        "email": "jane@acme.test",
        "firstName": "Jane",
        "lastName": "Doe",
        "formFields": [{"name": "company", "value": "Acme"}],
        "legalConsentResponses": [{"communicationTypeId": "4801001", "consented": False}],
        "likelyAvailableUserIds": [],
        "timezone": "America/New_York",
        "locale": "en-us",
        "guestEmails": ["sam@acme.test"],
    }


def test_book_response() -> None:
    response = decode_body(encode(BOOK_RESPONSE), models.BookResponse, "confirmation")
    assert response.has_calendar_event
    assert response.form_fields[0].value_label == "Demo;Pricing"
    offline = decode_body(encode({**BOOK_RESPONSE, "calendarEventId": "", "isOffline": True}), models.BookResponse, "x")
    assert not offline.has_calendar_event


def test_error_envelope_with_details() -> None:
    body = {
        "status": "error",
        "message": "This app hasn't been granted all required scopes to make this call.",
        "correlationId": "a1b2",
        "category": "MISSING_SCOPES",
        "errors": [{"message": "x", "in": "timezone", "context": {"requiredGranularScopes": ["a.b"]}}],
        "links": {"scopes": "https://developers.hubspot.com/scopes"},
    }
    envelope = msgspec.json.decode(encode(body), type=models.ErrorEnvelope)
    assert envelope.errors[0].in_ == "timezone"
    assert envelope.errors[0].context == {"requiredGranularScopes": ["a.b"]}
    rate = msgspec.json.decode(
        encode({"status": "error", "message": "daily", "errorType": "RATE_LIMIT", "policyName": "DAILY"}),
        type=models.ErrorEnvelope,
    )
    assert rate.policy_name == "DAILY"


def test_token_response_snake_case() -> None:
    body = {
        "access_token": "a",
        "refresh_token": "r",
        "expires_in": 1800,
        "token_type": "bearer",
        "hub_id": 42,
        "scopes": ["x"],
    }
    token = msgspec.json.decode(encode(body), type=models.TokenResponse)
    assert (token.expires_in, token.hub_id, token.scopes) == (1800, 42, ["x"])


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["customParams"].pop("durations"), "durations"),
        (lambda d: d["customParams"]["formFields"][0].update(isRequired="yes"), "isRequired"),
        (lambda d: d.update(linkType="SOMETHING_ELSE"), "linkType"),
    ],
)
def test_malformed_booking_info_names_the_field(mutate: Any, expected: str) -> None:
    broken = json.loads(json.dumps(BOOKING_INFO))
    mutate(broken)
    with pytest.raises(MalformedResponse, match=expected):
        decode_body(encode(broken), models.BookingInfo, "booking information")
