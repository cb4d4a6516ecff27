"""Typed errors for the Scheduler API, each with a user-facing message and HubSpot's correlationId.

Messages never include tokens, request headers or attendee data: they are shown in dialogs, printed by the
CLI and written to logs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypedDict, Unpack

if TYPE_CHECKING:  # keeps msgspec off the start-up path of modules that only need the error types
    from app.hubspot.models import ErrorEnvelope

READ_SCOPE = "scheduler.meetings.meeting-link.read"
#: The longest wait a server may impose (Retry-After, rate-limit windows). HubSpot's own are seconds; its daily
#: limit resets at midnight, and an hour later is soon enough to look again. Anything longer, non-finite or not a
#: number is a broken or hostile server, and must not park a draft (or a process) for ever.
MAX_SERVER_WAIT_S = 3600.0
RECOMMENDED_WRITE_SCOPE = "crm.objects.contacts.write"


class ErrorMeta(TypedDict, total=False):
    """What HubSpot said about a failed request, beyond its message."""

    status: int | None
    correlation_id: str | None
    category: str | None
    sub_category: str | None


class SchedulerError(Exception):
    """Base class: `user_message` says what happened and what to do."""

    #: True when HubSpot may have acted on the request (only ever for the book POST).
    may_have_booked: bool = False
    #: True when retrying later, unchanged, could succeed.
    transient: bool = False

    def __init__(self, user_message: str, **meta: Unpack[ErrorMeta]) -> None:
        super().__init__(user_message)
        self.user_message = user_message
        self.status = meta.get("status")
        self.correlation_id = meta.get("correlation_id")
        self.category = meta.get("category")
        self.sub_category = meta.get("sub_category")

    def __str__(self) -> str:
        if self.correlation_id:
            return f"{self.user_message} (HubSpot correlation ID {self.correlation_id})"
        return self.user_message


class NotSignedIn(SchedulerError):
    def __init__(self) -> None:
        super().__init__(
            "Not signed in to HubSpot. Sign in, or set BOOKING_ASSISTANT_TOKEN to a service key or private-app token."
        )


class MalformedToken(NotSignedIn):
    """The token holds a character no token has (a line break, a control character): it is never sent."""

    def __init__(self) -> None:
        SchedulerError.__init__(
            self,
            "The HubSpot token contains a line break or another character tokens never have. Check "
            "BOOKING_ASSISTANT_TOKEN (or sign in again); nothing was sent.",
        )


class TokenRejected(SchedulerError):
    """401: the token is wrong, expired or revoked."""


class MissingScopes(SchedulerError):
    """403 MISSING_SCOPES."""

    def __init__(self, scopes: Sequence[str], **kw: Unpack[ErrorMeta]) -> None:
        self.scopes = list(scopes)
        names = ", ".join(self.scopes) if self.scopes else f"{READ_SCOPE} and {RECOMMENDED_WRITE_SCOPE}"
        super().__init__(
            f"The HubSpot token is missing a permission (scope): {names}. Add it to the service key or app "
            "in HubSpot (Settings › Integrations), then sign in again.",
            **kw,
        )


class LinkNotFound(SchedulerError):
    """404: no meeting link with that slug."""


class BookingRefused(SchedulerError):
    """A 4xx on book: HubSpot refused the booking and nothing was booked."""

    #: The form field (or request field) the refusal names, when it names one.
    field: str | None = None


class TimeNoLongerAvailable(BookingRefused):
    """MEETING_START_TIME_NOT_VALID: the time was taken or is no longer offered."""


class DurationNotAccepted(BookingRefused):
    """MEETING_DURATION_NOT_VALID."""


class InvalidEmail(BookingRefused):
    """INVALID_EMAIL or BLOCKED_EMAIl."""

    field = "email"


class GuestsNotAllowed(BookingRefused):
    """INVALID_EMAIL_GUESTS: the link takes no guests, too many, or a guest email is invalid."""

    field = "guestEmails"


class RequiredFieldMissing(BookingRefused):
    """A required question (or lastName) has no value."""

    def __init__(self, user_message: str, *, field: str | None = None, **kw: Unpack[ErrorMeta]) -> None:
        super().__init__(user_message, **kw)
        self.field = field


class InvalidRequest(BookingRefused):
    """Any other 400."""


class RateLimited(SchedulerError):
    transient = True

    def __init__(self, user_message: str, *, retry_after: float, policy: str | None, **kw: Unpack[ErrorMeta]) -> None:
        super().__init__(user_message, **kw)
        self.retry_after = clamp_wait(retry_after)
        self.policy = policy

    @property
    def daily(self) -> bool:
        return self.policy == "DAILY"


def clamp_wait(seconds: float | None, default: float = 10.0) -> float:
    """A server-given wait as a finite number of seconds in [0, MAX_SERVER_WAIT_S] (`default` when unusable)."""
    if seconds is None or seconds != seconds or seconds in (float("inf"), float("-inf")):
        return default
    return min(MAX_SERVER_WAIT_S, max(0.0, float(seconds)))


class ServerError(SchedulerError):
    """5xx (and 423/477): HubSpot failed to handle the request."""

    transient = True


class NetworkUnreachable(SchedulerError):
    """No connection could be made: the request provably never reached HubSpot."""

    transient = True


class NoAnswer(NetworkUnreachable):
    """A read got no complete answer within the deadline (a stalled or trickling server). Only for reads: on the
    book POST the same silence is `OutcomeUnknown`."""


class OutcomeUnknown(SchedulerError):
    """The book request may have reached HubSpot but no answer came back."""

    may_have_booked = True


class MalformedResponse(SchedulerError):
    """HubSpot answered with something that is not the documented shape."""


class UnexpectedRedirect(MalformedResponse):
    """A 3xx: HubSpot's API never redirects, so the address (or a proxy, a captive portal) is wrong. Not followed:
    the bearer token must never go to another host."""

    #: Where it pointed (printable, for the log and support), "" when it named nowhere.
    location: str = ""


# --- mapping an HTTP error response to a typed error -----------------------------------------------------

_SUB_TIME = "MEETING_START_TIME_NOT_VALID"
_SUB_DURATION = "MEETING_DURATION_NOT_VALID"


def _sub(envelope: ErrorEnvelope) -> str:
    """All sub-categories (top level and per error), upper-cased, for matching."""
    parts = [envelope.sub_category or ""]
    parts += [e.sub_category or "" for e in envelope.errors]
    parts += [e.code or "" for e in envelope.errors]
    return " ".join(parts).upper()


def _required_field_name(message: str) -> str | None:
    # HubSpot: "required form field X does not have a corresponding value"
    lowered = message.lower()
    marker = "required form field "
    if marker in lowered:
        rest = message[lowered.index(marker) + len(marker) :]
        return rest.split(" does not", 1)[0].strip().strip("'\"") or None
    return None


def error_from_response(
    status: int,
    envelope: ErrorEnvelope,
    *,
    is_book: bool,
    retry_after: float | None = None,
    location: str | None = None,
) -> SchedulerError:
    """The typed error for a non-2xx response."""
    kw: ErrorMeta = {
        "status": status,
        "correlation_id": envelope.correlation_id,
        "category": envelope.category,
        "sub_category": envelope.sub_category,
    }
    said = envelope.message.strip()
    if 300 <= status < 400:
        redirect = UnexpectedRedirect(
            "HubSpot's address answered with a redirect, which is not followed. Check the API address "
            "(--api-base) and any proxy or network login page.",
            **kw,
        )
        redirect.location = _printable(location or "")
        return redirect
    if status == 401:
        return TokenRejected(
            "HubSpot rejected the sign-in (the token is wrong, expired or revoked). Sign in again.", **kw
        )
    if status == 403:
        scopes: list[str] = []
        for source in [envelope.context or {}] + [e.context or {} for e in envelope.errors]:
            for key in ("requiredGranularScopes", "requiredScopes", "scopes"):
                scopes += [s for s in source.get(key, []) if s not in scopes]
        if not scopes and is_book:
            scopes = [RECOMMENDED_WRITE_SCOPE]
        return MissingScopes(scopes, **kw)
    if status == 404:
        return LinkNotFound(
            "That meeting link does not exist in HubSpot (check the slug; team links look like team/name).",
            **kw,
        )
    if status == 429:
        daily = envelope.policy_name == "DAILY" or "daily" in said.lower()
        wait = retry_after if retry_after is not None else (3600.0 if daily else 10.0)
        text = (
            "HubSpot's daily API limit for this account is used up; try again tomorrow."
            if daily
            else "HubSpot is rate limiting requests; waiting a few seconds before trying again."
        )
        return RateLimited(text, retry_after=wait, policy=envelope.policy_name, **kw)
    if status >= 500 or status in (423, 477):
        return ServerError(
            (
                "HubSpot had a server error while booking; the meeting may have been booked. Check HubSpot before "
                "sending it again."
                if is_book
                else "HubSpot had a server error. Try again in a moment."
            ),
            **kw,
        )
    # 400 family: match HubSpot's sub-categories first, then its message text.
    sub = _sub(envelope)
    lowered = said.lower()
    if _SUB_TIME in sub or "start time must be contained" in lowered or status == 409:
        return TimeNoLongerAvailable(
            "That time is no longer available. Pick another open time.",
            **kw,
        )
    if _SUB_DURATION in sub or "duration is not accepted" in lowered:
        return DurationNotAccepted(
            "This meeting link does not offer that duration. Pick one of the link's durations.",
            **kw,
        )
    if "INVALID_EMAIL_GUESTS" in sub:
        return GuestsNotAllowed(
            "HubSpot refused the guests: this link takes no guests, fewer guests, or a guest email is invalid.",
            **kw,
        )
    if "BLOCKED_EMAIL" in sub:
        return InvalidEmail(
            "HubSpot blocks bookings from this email address (portal policy). Use another address.",
            **kw,
        )
    if "INVALID_EMAIL" in sub:
        return InvalidEmail(
            "HubSpot rejected the email address as invalid. Check it, or use another address.",
            **kw,
        )
    field = _required_field_name(said)
    if field is None:
        for detail in envelope.errors:
            field = _required_field_name(detail.message)
            if field:
                break
    if field:
        return RequiredFieldMissing(f"The question “{field}” needs an answer.", field=field, **kw)
    if "lastname" in lowered.replace(" ", "").replace("_", ""):
        return RequiredFieldMissing("The last name needs a value.", field="lastName", **kw)
    if not said:
        return InvalidRequest("HubSpot refused the request without saying why.", **kw)
    detail_text = _printable(said)
    return InvalidRequest(f"HubSpot refused the request: {detail_text}", **kw)


def _printable(text: str, limit: int = 300) -> str:
    """Server text for a message: control characters dropped, length bounded."""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in text).strip()
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"
