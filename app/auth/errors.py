"""Sign-in errors. Messages say what to do and never carry a token, secret or authorization code."""

from __future__ import annotations

from typing import Unpack

from app.hubspot.errors import ErrorMeta, NotSignedIn, SchedulerError


class SignInRequired(NotSignedIn):
    """The stored sign-in no longer works (refresh refused): the user must sign in again; queued work waits."""

    def __init__(self, reason: str = "Your HubSpot sign-in has expired or was revoked.") -> None:
        SchedulerError.__init__(
            self,
            f"{reason} Sign in again (booking-assistant login --oauth); queued bookings wait until then.",
        )


class SignInFailed(SchedulerError):
    """The sign-in did not complete; nothing was stored."""


class SignInCancelled(SignInFailed):
    """The user declined in the browser, or closed it and the wait timed out."""


class OAuthRefused(SignInFailed):
    """HubSpot's token endpoint answered with an OAuth error (`invalid_grant`, `invalid_client` …)."""

    def __init__(self, user_message: str, *, error: str, **meta: Unpack[ErrorMeta]) -> None:
        super().__init__(user_message, **meta)
        self.error = error
