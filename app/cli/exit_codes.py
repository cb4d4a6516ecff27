"""The CLI's exit codes: a stable surface for scripts (README "Exit codes"), so the numbers never change."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    #: Booked, or the command did what it was asked.
    OK = 0
    #: A bug: the details are in the log.
    BUG = 1
    #: Invalid input (or not signed in); nothing was sent.
    INVALID = 2
    #: HubSpot refused (the time is taken, a field is wrong, a scope is missing…).
    REFUSED = 3
    #: HubSpot unreachable; nothing was booked (a booking stays queued in the outbox).
    UNREACHABLE = 4
    #: The outcome is unknown: it may have been booked. Never retry blindly.
    UNKNOWN = 5
    #: Booked, but the organiser's calendar is disconnected: no calendar event.
    NO_CALENDAR_EVENT = 6
    #: The profile's files cannot be used (read-only, full disk, I/O error).
    STORAGE = 7
    #: Ctrl+C (128 + SIGINT, as shells report it).
    INTERRUPTED = 130
