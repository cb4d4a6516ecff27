"""The three GET endpoints: list links, booking info, availability page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import msgspec

from app.hubspot.models import LINK_TYPES, AvailabilityPage, BookingInfo
from app.sandbox.availability import all_users_busy_times, link_availability, month_window, open_times
from app.sandbox.book import link_for, valid_timezone
from app.sandbox.envelopes import validation_error
from app.sandbox.state import SandboxState

DEFAULT_LIMIT = 10
MAX_LIMIT = 100


def plain(value: Any) -> Any:
    """JSON-ready data without `null`s: HubSpot leaves absent optional fields out."""
    if isinstance(value, msgspec.Struct):
        value = msgspec.to_builtins(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def _int_param(params: Mapping[str, str], name: str, default: int, *, low: int, high: int) -> int:
    raw = params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise validation_error(f"{name} must be an integer", param=name, code="INVALID_INTEGER") from None
    if not low <= value <= high:
        raise validation_error(f"{name} must be between {low} and {high}", param=name, code="OUT_OF_RANGE")
    return value


def required_timezone(params: Mapping[str, str]) -> str:
    """The `timezone` query parameter, which both booking GETs require."""
    name = params.get("timezone")
    if not name:
        raise validation_error("Query parameter timezone is required", param="timezone", code="REQUIRED")
    if not valid_timezone(name):
        raise validation_error(f"Unknown time zone: {name[:60]}", param="timezone", code="INVALID_TIME_ZONE")
    return name


def list_links(state: SandboxState, params: Mapping[str, str], next_link: Any) -> dict[str, Any]:
    """One page of links after filtering; `next_link(after)` builds the `paging.next.link` URL."""
    limit = min(_int_param(params, "limit", DEFAULT_LIMIT, low=1, high=10_000), MAX_LIMIT)
    offset = _int_param(params, "after", 0, low=0, high=10_000_000)
    link_type = params.get("type")
    if link_type and link_type not in LINK_TYPES:
        raise validation_error(f"type must be one of {', '.join(LINK_TYPES)}", param="type", code="INVALID_ENUM")
    name = (params.get("name") or "").lower()
    organizer = params.get("organizerUserId")
    matches = [
        link
        for link in state.links.values()
        if (not link_type or link.type == link_type)
        and (not name or name in link.name.lower())
        and (not organizer or link.organizer_user_id == organizer)
    ]
    page = matches[offset : offset + limit]
    body: dict[str, Any] = {"total": len(matches), "results": [plain(link.metadata()) for link in page]}
    if offset + limit < len(matches):
        after = str(offset + limit)
        body["paging"] = {"next": {"after": after, "link": next_link(after)}}
    return body


def booking_info(state: SandboxState, slug: str, params: Mapping[str, str]) -> dict[str, Any]:
    # Query parameters are checked before the slug is looked up, as request validation comes first.
    timezone = required_timezone(params)
    link = link_for(state, slug)
    now = state.now()
    busy = state.busy_by_user()
    starts = open_times(link, state.users, busy, now)
    info = BookingInfo(
        link_id=link.id,
        link_type=link.type,
        is_offline=link.is_offline,
        custom_params=link.settings,
        all_users_busy_times=all_users_busy_times(link, state.users, busy, now),
        branding_metadata=link.branding,
        link_availability=link_availability(link, starts, month_window(now, timezone, 0)),
    )
    return plain(info)


def availability_page(state: SandboxState, slug: str, params: Mapping[str, str]) -> dict[str, Any]:
    timezone = required_timezone(params)
    offset = _int_param(params, "monthOffset", 0, low=-120, high=120)
    link = link_for(state, slug)
    now = state.now()
    busy = state.busy_by_user()
    page = AvailabilityPage(
        all_users_busy_times=all_users_busy_times(link, state.users, busy, now),
        link_availability=link_availability(
            link, open_times(link, state.users, busy, now), month_window(now, timezone, offset)
        ),
    )
    return plain(page)
