"""Light/dark override in File › Settings…: previewed live by keyboard, kept on Save, undone by Cancel; form errors
in a colour with WCAG AA contrast in both schemes, with an icon beside them."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.settings import Settings, load_settings
from app.ui.dialogs.settings_dialog import SettingsDialog
from app.ui.runtime import style
from app.ui.runtime.launch import RESOURCES
from app.ui.runtime.style import ERROR_COLOURS, apply_style, apply_theme, dark_palette, light_palette
from tests.gui.window_support import close_session, open_session

pytestmark = pytest.mark.gui


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    """The app's style sheet and theme as main() sets them; the test app's own look restored afterwards."""
    palette, sheet, state = QPalette(qapp.palette()), qapp.styleSheet(), dict(style._state)
    apply_style(qapp, RESOURCES)
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    style._state.clear()
    style._state.update(state)


def test_error_colours_meet_wcag_aa_on_window_and_base(qapp: QApplication) -> None:
    for scheme, palette in (("light", light_palette(qapp)), ("dark", dark_palette())):
        error = QColor(ERROR_COLOURS[scheme])
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base):
            assert contrast(error, palette.color(role)) >= 4.5, (scheme, role)


def test_error_label_gets_the_scheme_colour_and_an_icon(styled: QApplication) -> None:
    apply_theme(styled, "dark")
    assert "#ffb4ab" in styled.styleSheet() and "problem-dark.svg" in styled.styleSheet()
    apply_theme(styled, "light")
    assert "#b3261e" in styled.styleSheet() and "problem-light.svg" in styled.styleSheet()
    assert (RESOURCES / "icons" / "problem-light.svg").is_file()


def window_lightness(app: QApplication) -> int:
    return app.palette().color(QPalette.ColorRole.Window).lightness()


@pytest.mark.asyncio
async def test_theme_previews_live_cancel_undoes_and_save_keeps(
    styled: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    session = await open_session(qtbot, tmp_path / "profile", settings=Settings(theme="light"), activate=True)
    window, paths = session.window, session.paths
    try:
        apply_theme(styled, "light")
        assert window_lightness(styled) >= 128

        async def open_dialog() -> SettingsDialog:
            window.settings_requested.emit()
            await asyncio.sleep(0)
            (dialog,) = [d for d in window.findChildren(SettingsDialog) if d.isVisible()]
            dialog.activateWindow()
            qtbot.waitUntil(dialog.isActiveWindow)
            dialog.theme.setFocus(Qt.FocusReason.TabFocusReason)
            return dialog

        dialog = await open_dialog()
        qtbot.keyClick(dialog.theme, Qt.Key.Key_End)  # "Dark", the last choice
        assert window_lightness(styled) < 128  # at once, before saving
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Cancel
        await session.tasks.idle()
        assert window_lightness(styled) >= 128
        assert load_settings(paths.settings_file).settings.theme == "light"

        dialog = await open_dialog()
        qtbot.keyClick(dialog.theme, Qt.Key.Key_End)
        qtbot.keyClick(dialog.theme, Qt.Key.Key_Return)  # Save is the default button
        await session.tasks.idle()
        assert window_lightness(styled) < 128
        assert load_settings(paths.settings_file).settings.theme == "dark"
    finally:
        await close_session(session)
