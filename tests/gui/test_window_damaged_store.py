"""A damaged profile database, as the rep meets it in the window: kept aside, a fresh one started, and said so."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from app.paths import Paths
from app.sandbox.state import DEMO_TOKEN
from app.settings import Settings
from tests.gui.window_support import SLUG, Loopback, close_session, open_session

pytestmark = pytest.mark.gui


@pytest.mark.asyncio
async def test_a_damaged_database_is_reported_in_the_window(
    qtbot: QtBot, tmp_path: Path, loopback: Loopback, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BOOKING_ASSISTANT_TOKEN", DEMO_TOKEN)
    profile = tmp_path / "profile"
    paths = Paths.for_profile(profile)
    paths.ensure()
    paths.database_file.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 8)  # a header, then garbage
    settings = Settings(timezone="Europe/Berlin", use_24h=True, default_link=SLUG)
    session = await open_session(qtbot, profile, settings=settings, demo=False, api_base=loopback.base)
    try:
        boxes: list[QMessageBox] = []
        for _ in range(300):
            boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
            if boxes:
                break
            await asyncio.sleep(0.01)
        assert [b.windowTitle() for b in boxes] == ["Database repaired"]
        assert "damaged" in boxes[0].text() and ".damaged-" in boxes[0].text()
        assert any(p.name.startswith(paths.database_file.name + ".damaged-") for p in profile.iterdir())
        boxes[0].close()
    finally:
        await close_session(session)
