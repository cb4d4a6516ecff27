"""The one style sheet and the app icon, read from resources/ (SVG masters stay crisp at any scaling)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


def is_dark(app: QGuiApplication) -> bool:
    """Whether the system (or platform theme) uses a dark scheme; the palette's window colour decides."""
    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


def apply_style(app: QApplication, resources: Path) -> None:
    """Load styles/app.qss. Colours come from the palette (`palette(...)`) so light and dark both follow the system."""
    sheet = resources / "styles" / "app.qss"
    try:
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))
    except OSError:
        log.warning("Style sheet %s missing; using the platform style", sheet)


def app_icon(resources: Path) -> QIcon:
    return QIcon(str(resources / "icons" / "booking-assistant.svg"))
