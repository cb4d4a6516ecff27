"""`/_sandbox/...` endpoints that let a test drive a sandbox running in another process."""

from __future__ import annotations

from typing import Any

import msgspec
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from app.sandbox.state import SandboxState

_FAULT_KEYS = {
    "route": "route",
    "status": "status",
    "times": "times",
    "delay": "delay",
    "drop": "drop",
    "drop_after_booking": "drop_after_booking",
    "dropAfterBooking": "drop_after_booking",
    "status_after_booking": "status_after_booking",
    "statusAfterBooking": "status_after_booking",
    "malformed": "malformed",
    "retry_after": "retry_after",
    "retryAfter": "retry_after",
}


def control_routes(state: SandboxState) -> list[Route]:
    """Fault injection, the bookings log, reset and rate-limit settings, none of which need a token."""

    async def add_fault(request: Request) -> Response:
        try:
            body = msgspec.json.decode(await request.body())
            if not isinstance(body, dict):
                raise TypeError("expected a JSON object")
            unknown = sorted(set(body) - set(_FAULT_KEYS))
            if unknown:
                raise ValueError(f"unknown keys: {', '.join(unknown)}")
            options: dict[str, Any] = {_FAULT_KEYS[k]: v for k, v in body.items()}
            route = options.pop("route")
            fault = state.faults.inject(route, **options)
        except (msgspec.DecodeError, TypeError, ValueError, KeyError) as error:
            return JSONResponse({"status": "error", "message": f"bad fault: {error}"}, status_code=400)
        return JSONResponse(fault.to_json(), status_code=201)

    async def clear_faults(request: Request) -> Response:
        state.faults.clear()
        return Response(status_code=204)

    async def list_faults(request: Request) -> Response:
        return JSONResponse({"results": [f.to_json() for f in state.faults.pending()]})

    async def bookings(request: Request) -> Response:
        return JSONResponse({"results": [b.to_json() for b in state.bookings]})

    async def reset(request: Request) -> Response:
        state.reset()
        return Response(status_code=204)

    async def rate_limit(request: Request) -> Response:
        try:
            body = msgspec.json.decode(await request.body())
            limit = (int(body["max"]), int(body.get("intervalMs", 10_000)))
            if limit[0] < 1 or limit[1] < 1:
                raise ValueError("max and intervalMs must be positive")
        except (msgspec.DecodeError, TypeError, ValueError, KeyError) as error:
            return JSONResponse({"status": "error", "message": f"bad rate limit: {error}"}, status_code=400)
        state.rate_limit = limit
        if "daily" in body:
            state.daily_limit = int(body["daily"])
        return JSONResponse({"max": limit[0], "intervalMs": limit[1], "daily": state.daily_limit})

    return [
        Route("/_sandbox/faults", add_fault, methods=["POST"]),
        Route("/_sandbox/faults", clear_faults, methods=["DELETE"]),
        Route("/_sandbox/faults", list_faults, methods=["GET"]),
        Route("/_sandbox/bookings", bookings, methods=["GET"]),
        Route("/_sandbox/reset", reset, methods=["POST"]),
        Route("/_sandbox/rate-limit", rate_limit, methods=["POST"]),
    ]
