"""The one style sheet, the light/dark theme (system, or the user's override) and the app icon.

Colours come from the palette (`palette(...)` in app.qss) so light and dark both follow it. Form errors need a
colour no palette role names: `ERROR_COLOURS` holds one per scheme, each meeting WCAG AA (4.5:1) against that
scheme's window and base colours, with a warning icon beside the text so colour is never the only cue.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

Theme = Literal["system", "light", "dark"]

#: Form-error text per scheme (Material's error tones): 6.6:1 on the light window, 9.4:1 on the dark one.
ERROR_COLOURS = {"light": "#b3261e", "dark": "#ffb4ab"}

_state: dict[str, object] = {}


def is_dark(app: QGuiApplication) -> bool:
    """Whether the palette in use is dark; its window colour decides."""
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    """A dark palette for the Fusion style (Qt draws no dark scheme of its own where the platform has none)."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1f1f1f",
        QPalette.ColorRole.AlternateBase: "#2f2f2f",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#4f8fd6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.LinkVisited: "#c58af9",
        QPalette.ColorRole.ToolTipBase: "#3a3a3a",
        QPalette.ColorRole.ToolTipText: "#e8e8e8",
        QPalette.ColorRole.PlaceholderText: "#a8a8a8",
        QPalette.ColorRole.Mid: "#5a5a5a",
        QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Light: "#4a4a4a",
        QPalette.ColorRole.Midlight: "#404040",
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7f7f7f"))
    return palette


def light_palette(app: QApplication) -> QPalette:
    style = app.style()
    return style.standardPalette() if style is not None else QPalette()


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Follow the system (the palette the app started with) or force light or dark; takes effect at once."""
    system = _state.setdefault("system_palette", QPalette(app.palette()))
    assert isinstance(system, QPalette)
    hints = app.styleHints()
    if hasattr(hints, "setColorScheme"):  # Qt >= 6.8: native styles (Windows 11, macOS) switch too
        scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(theme, Qt.ColorScheme.Unknown)
        hints.setColorScheme(scheme)
    if theme == "dark":
        app.setPalette(dark_palette())
    elif theme == "light":
        app.setPalette(light_palette(app) if is_dark_palette(system) else system)
    else:
        app.setPalette(system)
    _state["theme"] = theme
    if "follows_scheme" not in _state and hasattr(hints, "colorSchemeChanged"):
        # The desktop switching light/dark while following the system: the error colour must switch with it.
        _state["follows_scheme"] = True
        hints.colorSchemeChanged.connect(lambda _scheme: _refresh_sheet(app))
    _refresh_sheet(app)


def is_dark_palette(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_colour(app: QGuiApplication) -> str:
    return ERROR_COLOURS["dark" if is_dark(app) else "light"]


def apply_style(app: QApplication, resources: Path) -> None:
    """Load styles/app.qss plus the scheme-dependent part (form errors)."""
    sheet = resources / "styles" / "app.qss"
    try:
        _state["sheet"] = sheet.read_text(encoding="utf-8")
    except OSError:
        log.warning("Style sheet %s missing; using the platform style", sheet)
        _state["sheet"] = ""
    _state["resources"] = resources
    _refresh_sheet(app)


def _refresh_sheet(app: QApplication) -> None:
    base = _state.get("sheet")
    if not isinstance(base, str):
        return  # no style sheet loaded (tests showing a panel alone)
    resources = _state.get("resources")
    scheme = "dark" if is_dark(app) else "light"
    icon = Path(str(resources)) / "icons" / f"problem-{scheme}.svg"
    errors = (
        "QLabel#fieldProblem {\n"
        f"    color: {ERROR_COLOURS[scheme]};\n"
        f'    background-image: url("{icon.as_posix()}");\n'
        "    background-repeat: no-repeat;\n"
        "    background-position: top left;\n"
        "    padding-left: 20px;\n"
        "    min-height: 16px;\n"
        "}\n"
    )
    app.setStyleSheet(f"{base}\n{errors}")


def app_icon(resources: Path) -> QIcon:
    return QIcon(str(resources / "icons" / "booking-assistant.svg"))
