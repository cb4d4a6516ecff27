"""The loopback listener takes the code only with the right `state`, and tells the browser what happened."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from app.auth.errors import SignInCancelled
from app.auth.loopback import LoopbackListener


@pytest.mark.asyncio
async def test_the_code_arrives_and_the_browser_is_told_to_close_the_tab() -> None:
    async with LoopbackListener("state-1") as listener, httpx.AsyncClient() as browser:
        assert listener.redirect_uri == f"http://localhost:{listener.port}/oauth-callback"
        response = await browser.get(f"http://127.0.0.1:{listener.port}/oauth-callback?code=abc&state=state-1")
        code = await listener.wait_for_code(5)

    assert code == "abc"
    assert response.status_code == 200
    assert "close this tab" in response.text
    assert "abc" not in response.text
    assert response.headers["cache-control"] == "no-store"


@pytest.mark.asyncio
async def test_a_wrong_state_is_rejected_and_the_listener_keeps_waiting() -> None:
    async with LoopbackListener("state-1") as listener, httpx.AsyncClient() as browser:
        base = f"http://127.0.0.1:{listener.port}/oauth-callback"
        forged = await browser.get(f"{base}?code=evil&state=other")
        missing = await browser.get(f"{base}?code=evil")
        assert forged.status_code == 400 and missing.status_code == 400
        assert "does not belong" in forged.text
        real = await browser.get(f"{base}?code=good&state=state-1")
        assert real.status_code == 200
        assert await listener.wait_for_code(5) == "good"


@pytest.mark.asyncio
async def test_declining_in_the_browser_cancels_the_sign_in() -> None:
    async with LoopbackListener("s") as listener, httpx.AsyncClient() as browser:
        page = await browser.get(f"http://127.0.0.1:{listener.port}/oauth-callback?error=access_denied&state=s")
        with pytest.raises(SignInCancelled):
            await listener.wait_for_code(5)
    assert "cancelled" in page.text


@pytest.mark.asyncio
async def test_other_paths_are_not_found_and_nothing_arriving_times_out() -> None:
    async with LoopbackListener("s") as listener, httpx.AsyncClient() as browser:
        other = await browser.get(f"http://127.0.0.1:{listener.port}/favicon.ico")
        assert other.status_code == 404
        with pytest.raises(SignInCancelled, match="in time"):
            await listener.wait_for_code(0.05)


@pytest.mark.asyncio
async def test_closing_stops_listening() -> None:
    listener = LoopbackListener("s")
    await listener.start()
    port = listener.port
    await listener.close()
    with pytest.raises(OSError):
        await asyncio.open_connection("127.0.0.1", port)
