"""HubSpot's error bodies (reference §5.1, §6), each with a fresh correlationId."""

from __future__ import annotations

import uuid
from typing import Any

AUTH_MISSING = (
    "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more "
    "details at https://developers.hubspot.com/docs/methods/auth/oauth-overview"
)


class ApiError(Exception):
    """Raised by handlers; the app turns it into a JSON response with this status and body."""

    def __init__(self, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        super().__init__(body.get("message", ""))
        self.status = status
        self.body = body
        self.headers = headers or {}


def envelope(
    message: str,
    *,
    category: str | None = None,
    sub_category: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    context: dict[str, list[str]] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {"status": "error", "message": message, "correlationId": str(uuid.uuid4())}
    if category:
        body["category"] = category
    if sub_category:
        body["subCategory"] = sub_category
    if context:
        body["context"] = context
    if errors:
        body["errors"] = errors
    return body


def validation_error(message: str, *, param: str | None = None, code: str | None = None) -> ApiError:
    """400 VALIDATION_ERROR naming the parameter (`errors[].in`)."""
    detail: dict[str, Any] = {"message": message}
    if code:
        detail["code"] = code
    if param:
        detail["in"] = param
    return ApiError(400, envelope(message, category="VALIDATION_ERROR", errors=[detail]))


def booking_error(sub_category: str, message: str, *, param: str | None = None) -> ApiError:
    """400 from the booking service, with HubSpot's sub-category on the envelope and its detail."""
    detail: dict[str, Any] = {"message": message, "subCategory": sub_category}
    if param:
        detail["in"] = param
    return ApiError(400, envelope(message, category="VALIDATION_ERROR", sub_category=sub_category, errors=[detail]))


def slug_not_found() -> ApiError:
    # HubSpot's category for this response is unknown (reference §11); OBJECT_NOT_FOUND is the closest.
    return ApiError(404, envelope("slug does not exist", category="OBJECT_NOT_FOUND"))


def rate_limit_body(policy: str) -> dict[str, Any]:
    """The 429 body: `policyName` tells the ten-second window from the daily quota."""
    message = "You have reached your daily limit." if policy == "DAILY" else "You have reached your secondly limit."
    return {
        "status": "error",
        "message": message,
        "errorType": "RATE_LIMIT",
        "correlationId": str(uuid.uuid4()),
        "policyName": policy,
        "requestId": str(uuid.uuid4()),
        "category": "RATE_LIMITS",
    }
