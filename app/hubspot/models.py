"""msgspec models for HubSpot's Scheduler API (reference §3–§5), named after the wire shapes.

Unknown fields are ignored (HubSpot adds fields without a version bump); missing required fields and
wrong types raise `msgspec.ValidationError`, which `decode_response` turns into a `MalformedResponse`
naming the JSON path.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

import msgspec

LinkType = Literal["PERSONAL_LINK", "GROUP_CALENDAR", "ROUND_ROBIN_CALENDAR"]
LINK_TYPES: tuple[LinkType, ...] = ("PERSONAL_LINK", "GROUP_CALENDAR", "ROUND_ROBIN_CALENDAR")


#: An instant in epoch milliseconds that a calendar can show: years 1 to 9999 (Python's datetime range). A server
#: sending a time beyond that gets a clear "not in the expected shape" instead of an OverflowError deep in the UI.
EpochMs = Annotated[int, msgspec.Meta(ge=-62_135_596_800_000, le=253_402_300_799_999)]
#: A duration or offset in milliseconds: at most a year (HubSpot's longest meeting is hours).
DurationMs = Annotated[int, msgspec.Meta(ge=0, le=366 * 24 * 3_600_000)]


class Model(msgspec.Struct, rename="camel", kw_only=True):
    """Base for camelCase API objects."""


# --- §3.1 meeting links ---------------------------------------------------------------------------------


class PagingNext(Model, kw_only=True):
    after: str
    link: str | None = None


class PagingPrev(Model, kw_only=True):
    before: str
    link: str | None = None


class Paging(Model, kw_only=True):
    next: PagingNext | None = None
    prev: PagingPrev | None = None


class MeetingLink(Model, kw_only=True):
    """`ExternalLinkMetadata`: one meeting link (scheduling page)."""

    id: str
    slug: str
    link: str
    name: str = ""
    type: LinkType
    organizer_user_id: str
    user_ids_of_link_members: list[str]
    default_link: bool
    # The spec types these as date-time while its text says epoch ms: accept both.
    created_at: str | int
    updated_at: str | int | None = None
    payment_link_id: str | None = None


class MeetingLinkPage(Model, kw_only=True):
    """`CollectionResponseWithTotalExternalLinkMetadata`."""

    results: list[MeetingLink]
    total: int
    paging: Paging | None = None


# --- §4 shared schemas ----------------------------------------------------------------------------------


class TimeRange(Model, kw_only=True):
    start: EpochMs
    end: EpochMs


class FormOption(Model, kw_only=True):
    label: str
    value: str
    description: str = ""
    display_order: int = 0
    hidden: bool = False
    read_only: bool = False
    double_data: float = 0.0


class FormField(Model, kw_only=True):
    """`ExternalLinkFormField`: one question of the link's booking form."""

    name: str
    label: str
    field_type: str
    type: str
    is_required: bool
    is_custom: bool
    options: list[FormOption] = msgspec.field(default_factory=list)


class ConsentCheckbox(Model, kw_only=True):
    communication_type_id: str
    label: str
    required: bool


class LegalConsentOptions(Model, kw_only=True):
    processing_consent_type: Literal["IMPLICIT", "REQUIRED_CHECKBOX"]
    processing_consent_text: str
    processing_consent_checkbox_label: str
    processing_consent_footer_text: str = ""
    communication_consent_text: str
    communication_consent_checkboxes: list[ConsentCheckbox]
    privacy_policy_text: str
    is_legitimate_interest: bool
    legitimate_interest_subscription_types: list[int] = msgspec.field(default_factory=list)
    legitimate_interest_legal_basis: str | None = None


class GuestSettings(Model, kw_only=True):
    can_add_guests: bool
    max_guest_count: int


class DisplayInfo(Model, kw_only=True):
    avatar: str | None = None
    company_avatar: str | None = None
    headline: str | None = None
    public_display_avatar_option: str | None = None


class WelcomeScreenInfo(Model, kw_only=True):
    title: str | None = None
    description: str | None = None
    logo_url: str | None = None
    use_company_logo: bool | None = None
    show_welcome_screen: bool | None = None


INCREMENT_MINUTES: dict[str, int | None] = {
    "FIVE": 5,
    "TEN": 10,
    "FIFTEEN": 15,
    "TWENTY": 20,
    "THIRTY": 30,
    "FORTY_FIVE": 45,
    "SIXTY": 60,
    "NINETY": 90,
    "ONE_HUNDRED_TWENTY": 120,
    "MEETING_DURATION": None,
}


class LinkSettings(Model, kw_only=True):
    """`ExternalMeetingsLinkSettings` (`customParams`). Durations and buffer are milliseconds."""

    durations: list[DurationMs]
    # Weekly ranges in minutes from midnight; keys are undocumented, and some portals send lists.
    availability: dict[str, TimeRange | list[TimeRange]] = msgspec.field(default_factory=dict)
    form_fields: list[FormField]
    legal_consent_enabled: bool
    legal_consent_options: LegalConsentOptions | None = None
    meeting_buffer_time: DurationMs = 0
    owner_prioritized: bool = False
    # HubSpot may add increments; an unknown one must not make the link unusable.
    start_time_increment_minutes: str = "MEETING_DURATION"
    weeks_to_advertise: int = 0
    custom_availability_start_date: EpochMs | None = None
    custom_availability_end_date: EpochMs | None = None
    guest_settings: GuestSettings | None = None
    display_info: DisplayInfo | None = None
    welcome_screen_info: WelcomeScreenInfo | None = None
    language: str | None = None
    locale: str | None = None
    location: str | None = None
    redirect_url: str | None = None


class UserProfile(Model, kw_only=True):
    email: str
    first_name: str | None = None
    last_name: str | None = None
    full_name: str | None = None


class MeetingsUser(Model, kw_only=True):
    id: str  # the meetings-user id, *not* the HubSpot user id
    user_id: str
    calendar_provider: str = "UNKNOWN"
    is_sales_starter: bool = False
    user_profile: UserProfile


class UserBusyTimes(Model, kw_only=True):
    meetings_user: MeetingsUser
    busy_times: list[TimeRange]
    is_offline: bool


class BrandingMetadata(Model, kw_only=True):
    logo_alt_text: str
    show_marketing_ad: bool
    show_sales_ad: bool
    accent_color: str | None = None
    accent2_color: str | None = msgspec.field(default=None, name="accent2Color")
    primary_color: str | None = None
    secondary_color: str | None = None
    logo_url: str | None = None
    logo_width: int | None = None
    logo_height: int | None = None
    company_name: str | None = None
    company_domain: str | None = None
    company_avatar: str | None = None
    company_address_line1: str | None = msgspec.field(default=None, name="companyAddressLine1")
    company_address_line2: str | None = msgspec.field(default=None, name="companyAddressLine2")
    company_city: str | None = None
    company_state: str | None = None
    company_zip: str | None = None
    company_country: str | None = None


# --- §3.3 availability ----------------------------------------------------------------------------------


class Slot(Model, kw_only=True):
    """One open time as absolute epoch-millisecond instants."""

    start_millis_utc: EpochMs
    end_millis_utc: EpochMs


class AvailabilityForDuration(Model, kw_only=True):
    meeting_duration_millis: DurationMs
    availabilities: list[Slot] = msgspec.field(default_factory=list)


class LinkAvailability(Model, kw_only=True):
    has_more: bool
    # Keyed by the duration in milliseconds as a string ("1800000").
    link_availability_by_duration: dict[str, AvailabilityForDuration]

    def slots_for(self, duration_ms: int) -> list[Slot]:
        entry = self.link_availability_by_duration.get(str(duration_ms))
        return list(entry.availabilities) if entry else []


class AvailabilityPage(Model, kw_only=True):
    """`ExternalLinkAvailabilityAndBusyTimes`."""

    all_users_busy_times: list[UserBusyTimes]
    link_availability: LinkAvailability | None = None


class BookingInfo(Model, kw_only=True):
    """`ExternalBookingInfo`."""

    link_id: str
    link_type: LinkType
    is_offline: bool
    custom_params: LinkSettings
    all_users_busy_times: list[UserBusyTimes]
    branding_metadata: BrandingMetadata | None = None
    link_availability: LinkAvailability | None = None


# --- §3.4 book -------------------------------------------------------------------------------------------


class FormFieldAnswer(Model, kw_only=True):
    name: str
    value: str


class ConsentResponse(Model, kw_only=True):
    communication_type_id: str
    consented: bool


class BookRequest(Model, kw_only=True, omit_defaults=True):
    """`ExternalMeetingBooking`. `duration` is milliseconds; `startTime` is ISO 8601 UTC."""

    slug: str
    start_time: str
    duration: int
    email: str
    first_name: str
    last_name: str
    form_fields: list[FormFieldAnswer]
    legal_consent_responses: list[ConsentResponse]
    likely_available_user_ids: list[str]
    timezone: str | None = None
    locale: str | None = None
    # Undocumented but accepted; omitted when empty because links without guests reject the key.
    guest_emails: list[str] = msgspec.field(default_factory=list)


class ValidatedFormField(Model, kw_only=True):
    name: str
    label: str
    value: str
    is_custom: bool
    field_type: str | None = None
    translated_label: str | None = None
    value_label: str | None = None


class BookResponse(Model, kw_only=True):
    """`ExternalMeetingBookingResponse`."""

    calendar_event_id: str
    contact_id: str
    booking_timezone: str
    start: str
    end: str
    duration: int
    subject: str
    form_fields: list[ValidatedFormField]
    guest_emails: list[str]
    is_offline: bool
    legal_consent_responses: list[ConsentResponse]
    locale: str | None = None
    location: str | None = None
    web_conference_meeting_id: str | None = None
    web_conference_url: str | None = None

    @property
    def has_calendar_event(self) -> bool:
        """An offline booking (200, empty calendarEventId) created no meeting at all."""
        return bool(self.calendar_event_id) and not self.is_offline


# --- §5 errors --------------------------------------------------------------------------------------------


class ErrorDetail(Model, kw_only=True):
    message: str
    code: str | None = None
    in_: str | None = msgspec.field(default=None, name="in")
    sub_category: str | None = None
    context: dict[str, list[str]] | None = None


class ErrorEnvelope(Model, kw_only=True):
    """HubSpot's error body; every field optional so a partial body still yields what it has."""

    status: str | None = None
    message: str = ""
    correlation_id: str | None = None
    category: str | None = None
    sub_category: str | None = None
    context: dict[str, list[str]] | None = None
    links: dict[str, str] | None = None
    errors: list[ErrorDetail] = msgspec.field(default_factory=list)
    policy_name: str | None = None
    error_type: str | None = None
    request_id: str | None = None


# --- §7 OAuth ---------------------------------------------------------------------------------------------


class TokenResponse(msgspec.Struct, kw_only=True):
    """OAuth token response (snake_case on the wire)."""

    access_token: str
    refresh_token: str | None = None
    expires_in: int
    token_type: str = "bearer"
    token_use: str | None = None
    hub_id: int | None = None
    user_id: int | None = None
    scopes: list[str] = msgspec.field(default_factory=list)
    id_token: str | None = None


class OAuthErrorBody(msgspec.Struct, kw_only=True):
    error: str = ""
    error_description: str = ""
    status: str | None = None
    message: str | None = None


def to_builtins(obj: Any) -> Any:
    """Plain JSON-ready data (dicts with wire names) for a model."""
    return msgspec.to_builtins(obj)
