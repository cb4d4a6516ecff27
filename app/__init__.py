"""Booking Assistant: book meetings on HubSpot meeting links, online or offline."""

import sys as _sys

__version__ = "0.1.0"
APP_NAME = "booking-assistant"
APP_DISPLAY_NAME = "Booking Assistant"

# httpx's package init imports its optional command-line client (click, pygments, rich) whenever those happen to be
# installed: ~90 ms of every start (measured with -X importtime, issue 18) for a tool this app never runs. A None in
# sys.modules makes that one import fail at once, which httpx expects (its `main` then prints an install hint).
_sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]  # None is the documented "not importable"
