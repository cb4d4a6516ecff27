"""Every user-facing text of the booking domain, in one place so the UI can pass the templates through tr().

Templates use `str.format` names; `Problem` keeps the template and its values apart so a translator's
version of the template can be filled with the same values.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One validation problem: an English template and the values that fill it."""

    template: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The English message with its values filled in."""
        return self.template.format(**self.params) if self.params else self.template


# --- attendee ---------------------------------------------------------------------------------------------
FIRST_NAME_MISSING = "Enter the attendee's first name."
LAST_NAME_MISSING = "Enter the attendee's last name; HubSpot does not accept an empty one."
EMAIL_MISSING = "Enter the attendee's email address."

# --- email syntax (each names the problem) ------------------------------------------------------------------
EMAIL_HAS_SPACES = "An email address cannot contain spaces."
EMAIL_NO_AT = "An email address needs an @, like name@example.com."
EMAIL_MANY_AT = "An email address can contain only one @."
EMAIL_NO_LOCAL = "Add the name before the @, like name@example.com."
EMAIL_NO_DOMAIN = "Add the domain after the @, like name@example.com."
EMAIL_DOMAIN_NO_DOT = "The domain after the @ needs a dot, like example.com."
EMAIL_BAD_DOTS = "An email address cannot start or end with a dot or have two dots in a row."
EMAIL_BAD_LOCAL_CHARS = "The part before the @ contains a character that is not allowed: {chars}"
EMAIL_BAD_DOMAIN = "The domain after the @ is not valid: use letters, digits, dots and hyphens only."
EMAIL_BAD_TLD = "The domain must end in a name of at least two letters, like .com or .de."
EMAIL_TOO_LONG = "This email address is too long."

# --- guests -------------------------------------------------------------------------------------------------
GUESTS_NOT_ALLOWED = "This meeting link does not allow guests."
GUESTS_TOO_MANY = "This meeting link allows at most {max} guests."
GUEST_EMPTY = "Enter the guest's email address, or remove the guest."
GUEST_DUPLICATE = "This guest is already on the list."
GUEST_IS_ATTENDEE = "This is the attendee's own email address; a guest must be someone else."

# --- questions ----------------------------------------------------------------------------------------------
FIELD_REQUIRED = "Please answer “{label}”."
FIELD_MUST_TICK = "Tick “{label}” to continue."
FIELD_NOT_AN_OPTION = "Choose one of the options offered for “{label}”."
FIELD_NOT_OPTIONS = "Choose only options offered for “{label}”."
FIELD_NOT_A_NUMBER = "Enter a number for “{label}”, like 42 or 3.5."
FIELD_NOT_A_DATE = "Enter a date for “{label}” as YYYY-MM-DD, like 2026-09-08."
FIELD_NOT_A_PHONE = "Enter a phone number for “{label}” using digits, spaces and an optional leading +."
FIELD_WRONG_KIND = "The answer to “{label}” has the wrong kind of value."
FIELD_UNKNOWN = "This meeting link has no question named “{name}”."

# --- consent ------------------------------------------------------------------------------------------------
PROCESSING_CONSENT_REQUIRED = "Tick the box agreeing to the processing of personal data; it is required to book."
CONSENT_REQUIRED = "Tick “{label}”; it is required to book."

# --- time and length ----------------------------------------------------------------------------------------
DURATION_MISSING = "Choose how long the meeting should be."
DURATION_NOT_OFFERED = "Choose one of the meeting lengths this link offers: {choices}."
START_MISSING = "Choose a time for the meeting."
START_IN_PAST = "This time has already passed. Choose a later time."
START_NOT_OFFERED = "This time is not open any more. Choose another time."

# --- parsing a start time -----------------------------------------------------------------------------------
START_UNREADABLE = "Could not read “{text}” as a date and time; use e.g. 2026-09-08T14:00 or 2026-09-08T18:00:00Z."
START_NEEDS_TIME = "“{text}” has no time of day; add one, e.g. {text}T14:00."
START_IN_DST_GAP = (
    "{local} does not exist in {zone}: the clocks jump forward at that hour. Choose a time outside the change."
)

# --- confirmation -------------------------------------------------------------------------------------------
NO_CALENDAR_EVENT_WARNING = (
    "Warning: HubSpot created the contact but no meeting or calendar event (the organiser's calendar is "
    "disconnected). Arrange the meeting another way."
)
