"""Seed data for the sandbox, built relative to an injected "now" so open times always lie ahead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from app.hubspot.models import (
    BrandingMetadata,
    ConsentCheckbox,
    FormField,
    FormOption,
    GuestSettings,
    LegalConsentOptions,
    LinkSettings,
    MeetingsUser,
    TimeRange,
    UserProfile,
    WelcomeScreenInfo,
)
from app.sandbox.links import WEEKDAY_KEYS, BusyBlock, SandboxLink, SandboxUser

MINUTE_MS = 60_000
WEEKDAYS = range(5)

ALEX, JORDAN, PRIYA, CASEY, SAM = "7010001", "7010002", "7010003", "7010004", "7010005"


@dataclass
class Seed:
    users: dict[str, SandboxUser]
    links: list[SandboxLink]


def _user(
    user_id: str, meetings_id: str, first: str, last: str, provider: str, *, offline: bool = False
) -> SandboxUser:
    profile = UserProfile(
        email=f"{first.lower()}.{last.lower()}@northwind.test",
        first_name=first,
        last_name=last,
        full_name=f"{first} {last}",
    )
    user = MeetingsUser(id=meetings_id, user_id=user_id, calendar_provider=provider, user_profile=profile)
    return SandboxUser(meetings_user=user, is_offline=offline)


def _business_day(now: datetime, zone: str, n: int) -> date:
    """The n-th weekday strictly after today in `zone` (n=1 is the next working day)."""
    day = now.astimezone(ZoneInfo(zone)).date()
    while n > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def _block(day: date, zone: str, start: str, end: str) -> BusyBlock:
    tz = ZoneInfo(zone)

    def at(hhmm: str) -> datetime:
        hour, minute = (int(p) for p in hhmm.split(":"))
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz).astimezone(UTC)

    return at(start), at(end)


def _hours(days: range, start: str, end: str) -> dict[int, tuple[int, int]]:
    def minutes(hhmm: str) -> int:
        hour, minute = (int(p) for p in hhmm.split(":"))
        return hour * 60 + minute

    return {d: (minutes(start), minutes(end)) for d in days}


def _availability(hours: dict[int, tuple[int, int]]) -> dict[str, TimeRange | list[TimeRange]]:
    return {WEEKDAY_KEYS[d]: TimeRange(start=s, end=e) for d, (s, e) in sorted(hours.items())}


def _options(*pairs: tuple[str, str]) -> list[FormOption]:
    return [FormOption(label=label, value=value, display_order=i) for i, (label, value) in enumerate(pairs)]


def _field(
    name: str,
    label: str,
    field_type: str,
    data_type: str,
    *,
    required: bool = False,
    custom: bool = True,
    options: list[FormOption] | None = None,
) -> FormField:
    return FormField(
        name=name,
        label=label,
        field_type=field_type,
        type=data_type,
        is_required=required,
        is_custom=custom,
        options=options or [],
    )


def every_field_type() -> list[FormField]:
    """One question of each HubSpot field type, as a personal link's form might ask."""
    return [
        _field("company", "Company name", "text", "string", required=True, custom=False),
        _field("agenda", "What would you like to discuss?", "textarea", "string"),
        _field("team_size", "How many people are on your team?", "number", "number"),
        _field(
            "industry",
            "Industry",
            "select",
            "enumeration",
            custom=False,
            options=_options(
                ("Software", "SOFTWARE"), ("Retail", "RETAIL"), ("Healthcare", "HEALTHCARE"), ("Other", "OTHER")
            ),
        ),
        _field(
            "preferred_contact_method",
            "Preferred contact method",
            "radio",
            "enumeration",
            options=_options(("Email", "email"), ("Phone", "phone"), ("Video call", "video")),
        ),
        _field(
            "interests",
            "Which topics interest you?",
            "checkbox",
            "enumeration",
            options=_options(
                ("Scheduling", "scheduling"), ("Reporting", "reporting"), ("Integrations", "integrations")
            ),
        ),
        _field(
            "existing_customer",
            "I am already a Northwind customer",
            "booleancheckbox",
            "bool",
            options=_options(("Yes", "true"), ("No", "false")),
        ),
        _field("phone", "Phone number", "phonenumber", "phone_number", custom=False),
        _field("preferred_start_date", "When would you like to start?", "date", "date"),
    ]


def gdpr_consent() -> LegalConsentOptions:
    """Required processing checkbox plus two optional communication checkboxes."""
    return LegalConsentOptions(
        processing_consent_type="REQUIRED_CHECKBOX",
        processing_consent_text=(
            "To provide you the content requested, we need to store and process your personal data. "
            "If you consent to us storing your personal data for this purpose, please tick the checkbox below."
        ),
        processing_consent_checkbox_label="I agree to allow Northwind Traders to store and process my personal data.",
        communication_consent_text=(
            "Northwind Traders is committed to protecting and respecting your privacy. From time to time, we would "
            "like to contact you about our products and services, as well as other content that may be of interest "
            "to you. If you consent to us contacting you for this purpose, please tick below:"
        ),
        communication_consent_checkboxes=[
            ConsentCheckbox(
                communication_type_id="4801001",
                label="I agree to receive marketing emails from Northwind Traders.",
                required=False,
            ),
            ConsentCheckbox(
                communication_type_id="4801002",
                label="I agree to receive product update emails from Northwind Traders.",
                required=False,
            ),
        ],
        privacy_policy_text=(
            "You can unsubscribe from these communications at any time. For more information on how to unsubscribe, "
            "our privacy practices, and how we are committed to protecting and respecting your privacy, please "
            "review our Privacy Policy."
        ),
        is_legitimate_interest=False,
    )


def _implicit_consent_with_required_checkbox() -> LegalConsentOptions:
    return LegalConsentOptions(
        processing_consent_type="IMPLICIT",
        processing_consent_text="By booking, you allow Northwind Traders to store and process your personal data.",
        processing_consent_checkbox_label="",
        communication_consent_text="We need your permission to send reminders about this meeting.",
        communication_consent_checkboxes=[
            ConsentCheckbox(
                communication_type_id="4801003",
                label="I agree to receive reminders about this meeting.",
                required=True,
            )
        ],
        privacy_policy_text="See our Privacy Policy for how we handle your data.",
        is_legitimate_interest=False,
    )


_BRANDING = BrandingMetadata(
    logo_alt_text="Northwind Traders",
    show_marketing_ad=False,
    show_sales_ad=False,
    primary_color="#1f6feb",
    company_name="Northwind Traders (sandbox)",
    company_domain="northwind.test",
)
_CREATED = "2025-11-03T09:12:44Z"
_UPDATED = "2026-02-17T15:40:02Z"


def _settings(
    hours: dict[int, tuple[int, int]],
    durations_min: list[int],
    increment: str,
    *,
    fields: list[FormField],
    consent: LegalConsentOptions | None,
    guests: int | None,
    buffer_min: int = 0,
    location: str,
) -> LinkSettings:
    return LinkSettings(
        durations=[m * MINUTE_MS for m in durations_min],
        availability=_availability(hours),
        form_fields=fields,
        legal_consent_enabled=consent is not None,
        legal_consent_options=consent,
        meeting_buffer_time=buffer_min * MINUTE_MS,
        start_time_increment_minutes=increment,
        weeks_to_advertise=8,
        guest_settings=GuestSettings(can_add_guests=bool(guests), max_guest_count=guests or 0),
        language="en",
        locale="en-us",
        location=location,
    )


def build_seed(now: datetime) -> Seed:
    """Users and links; busy blocks fall on the next few working days after `now`."""
    users = {
        ALEX: _user(ALEX, "92150001", "Alex", "Morgan", "GOOGLE"),
        JORDAN: _user(JORDAN, "92150002", "Jordan", "Lee", "OFFICE365"),
        PRIYA: _user(PRIYA, "92150003", "Priya", "Shah", "GOOGLE"),
        CASEY: _user(CASEY, "92150004", "Casey", "Brooks", "UNKNOWN", offline=True),
        SAM: _user(SAM, "92150005", "Sam", "Rivera", "EXCHANGE"),
    }
    berlin, new_york, london, chicago = "Europe/Berlin", "America/New_York", "Europe/London", "America/Chicago"
    users[ALEX].busy = [
        _block(_business_day(now, berlin, 1), berlin, "10:00", "11:00"),
        _block(_business_day(now, berlin, 2), berlin, "13:00", "14:30"),
        _block(_business_day(now, berlin, 4), berlin, "09:00", "12:00"),
    ]
    # Both connected team members are busy at the same hour, so only the offline member is free then.
    team_day = _business_day(now, new_york, 1)
    users[JORDAN].busy = [_block(team_day, new_york, "10:00", "11:00")]
    users[PRIYA].busy = [_block(team_day, new_york, "10:00", "11:30")]
    users[SAM].busy = [_block(_business_day(now, chicago, 2), chicago, "12:00", "13:00")]

    personal_hours = _hours(WEEKDAYS, "09:00", "17:00")
    links = [
        SandboxLink(
            id="3110001",
            slug="alex-morgan",
            name="Alex Morgan – intro meeting",
            type="PERSONAL_LINK",
            organizer_user_id=ALEX,
            member_ids=[ALEX],
            timezone=berlin,
            weekly_hours=personal_hours,
            settings=_settings(
                personal_hours,
                [30, 60],
                "FIFTEEN",
                fields=every_field_type(),
                consent=gdpr_consent(),
                guests=3,
                buffer_min=15,
                location="Video call (link in the invitation)",
            ),
            subject="Intro meeting with Alex Morgan",
            min_notice=timedelta(hours=2),
            created_at=_CREATED,
            updated_at=_UPDATED,
            default_link=True,
            web_conference_url="https://video.northwind.test/j/4815162342",
            web_conference_meeting_id="4815162342",
            branding=_BRANDING,
        ),
        SandboxLink(
            id="3110002",
            slug="sales-team/intro-call",
            name="Sales team – intro call (round robin)",
            type="ROUND_ROBIN_CALENDAR",
            organizer_user_id=JORDAN,
            member_ids=[JORDAN, PRIYA, CASEY],
            timezone=new_york,
            weekly_hours=personal_hours,
            settings=_settings(
                personal_hours,
                [30],
                "THIRTY",
                fields=[
                    _field("company", "Company name", "text", "string", required=True, custom=False),
                    _field("phone", "Phone number", "phonenumber", "phone_number", custom=False),
                ],
                consent=_implicit_consent_with_required_checkbox(),
                guests=1,
                location="Phone call",
            ),
            subject="Northwind intro call",
            min_notice=timedelta(hours=4),
            created_at=_CREATED,
            updated_at=_UPDATED,
            branding=_BRANDING,
        ),
        SandboxLink(
            id="3110003",
            slug="product-demo",
            name="Product demo (group)",
            type="GROUP_CALENDAR",
            organizer_user_id=ALEX,
            member_ids=[ALEX, SAM],
            timezone=london,
            weekly_hours=_hours(range(4), "10:00", "16:00"),
            settings=_settings(
                _hours(range(4), "10:00", "16:00"),
                [45],
                "MEETING_DURATION",
                fields=[_field("company", "Company name", "text", "string", required=True, custom=False)],
                consent=None,
                guests=None,
                location="Northwind office, 12 Harbour Street, London",
            ),
            subject="Northwind product demo",
            min_notice=timedelta(hours=24),
            created_at=_CREATED,
            updated_at=_UPDATED,
        ),
        SandboxLink(
            id="3110004",
            slug="priya-shah",
            name="Priya Shah – quick questions",
            type="PERSONAL_LINK",
            organizer_user_id=PRIYA,
            member_ids=[PRIYA],
            timezone=new_york,
            weekly_hours=_hours(WEEKDAYS, "08:30", "12:00"),
            settings=_settings(
                _hours(WEEKDAYS, "08:30", "12:00"),
                [15, 30],
                "FIFTEEN",
                fields=[],
                consent=None,
                guests=2,
                location="Phone call",
            ),
            subject="Quick questions with Priya Shah",
            min_notice=timedelta(hours=1),
            created_at=_CREATED,
            updated_at=_UPDATED,
            default_link=True,
        ),
        SandboxLink(
            id="3110005",
            slug="sam-rivera",
            name="Sam Rivera – onboarding",
            type="PERSONAL_LINK",
            organizer_user_id=SAM,
            member_ids=[SAM],
            timezone=chicago,
            weekly_hours=_hours(WEEKDAYS, "09:00", "15:00"),
            settings=_settings(
                _hours(WEEKDAYS, "09:00", "15:00"),
                [45],
                "THIRTY",
                fields=[_field("company", "Company name", "text", "string", required=True, custom=False)],
                consent=None,
                guests=None,
                buffer_min=10,
                location="Video call",
            ),
            subject="Onboarding session with Sam Rivera",
            min_notice=timedelta(hours=12),
            created_at=_CREATED,
            updated_at=_UPDATED,
            default_link=True,
            web_conference_url="https://video.northwind.test/j/2718281828",
        ),
    ]
    links[0].settings.welcome_screen_info = WelcomeScreenInfo(
        title="Book a meeting with Alex", description="Pick a time that suits you."
    )
    return Seed(users=users, links=links)
