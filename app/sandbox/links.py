"""The sandbox's own view of users and meeting links: what HubSpot knows but does not publish."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from app.hubspot.models import (
    INCREMENT_MINUTES,
    BrandingMetadata,
    LinkSettings,
    LinkType,
    MeetingLink,
    MeetingsUser,
)

BusyBlock = tuple[datetime, datetime]
WEEKDAY_KEYS = ("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")


@dataclass
class SandboxUser:
    """A HubSpot user who can host meetings; busy blocks are shared by every link they belong to."""

    meetings_user: MeetingsUser
    #: Calendar disconnected: HubSpot sees no busy times and books "offline" (200, no calendar event).
    is_offline: bool = False
    busy: list[BusyBlock] = field(default_factory=list)

    @property
    def user_id(self) -> str:
        return self.meetings_user.user_id


@dataclass
class SandboxLink:
    """One meeting link with the settings the public API exposes plus the ones it keeps private."""

    id: str
    slug: str
    name: str
    type: LinkType
    organizer_user_id: str
    member_ids: list[str]
    #: The organiser's IANA zone: weekly hours are wall-clock times there.
    timezone: str
    #: Weekday (0 = Monday) → (start, end) in minutes from local midnight.
    weekly_hours: dict[int, tuple[int, int]]
    settings: LinkSettings
    subject: str
    min_notice: timedelta
    created_at: str
    updated_at: str
    default_link: bool = False
    is_offline: bool = False
    web_conference_url: str | None = None
    web_conference_meeting_id: str | None = None
    branding: BrandingMetadata | None = None

    def metadata(self) -> MeetingLink:
        """`ExternalLinkMetadata` as the list endpoint returns it."""
        return MeetingLink(
            id=self.id,
            slug=self.slug,
            link=f"https://meetings.hubspot.com/{self.slug}",
            name=self.name,
            type=self.type,
            organizer_user_id=self.organizer_user_id,
            user_ids_of_link_members=list(self.member_ids),
            default_link=self.default_link,
            created_at=self.created_at,
            updated_at=self.updated_at,
        )

    def step_for(self, duration_ms: int) -> timedelta:
        """Distance between offered start times for one duration."""
        minutes = INCREMENT_MINUTES.get(self.settings.start_time_increment_minutes)
        return timedelta(minutes=minutes) if minutes else timedelta(milliseconds=duration_ms)

    @property
    def buffer(self) -> timedelta:
        return timedelta(milliseconds=self.settings.meeting_buffer_time)

    def window_end(self, now: datetime) -> datetime:
        """Last instant a meeting may end: the advertised weeks, or the custom end date if sooner."""
        end = now + timedelta(weeks=self.settings.weeks_to_advertise)
        custom = self.settings.custom_availability_end_date
        if custom is not None:
            end = min(end, datetime.fromtimestamp(custom / 1000, tz=now.tzinfo))
        return end
