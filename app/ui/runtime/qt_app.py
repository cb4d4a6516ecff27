"""The Qt application both front ends run on (window and kiosk): names, Qt's messages to our log, the language.

PySide6 is imported inside the functions: `main.py` imports this module before it starts timing the start-up.
"""

from __future__ import annotations

import importlib.resources
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication


def _resources() -> Path:
    """The package's own styles, icons and translations, found the same way in a checkout, an installed wheel and
    the frozen app (PyInstaller serves `app/resources` beside the frozen package)."""
    return Path(str(importlib.resources.files("app") / "resources"))


RESOURCES = _resources()


def make_application() -> QApplication:
    """The one QApplication, named, with Qt's messages routed to the log; it keeps running when windows close."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from app import APP_DISPLAY_NAME, APP_NAME, __version__
    from app.ui.runtime.qt_messages import route_qt_messages_to_log

    route_qt_messages_to_log()
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationDisplayName(APP_DISPLAY_NAME)
    # Closing the last window must not stop the loop before main has cleaned up (stack notes §1).
    app.setQuitOnLastWindowClosed(False)
    return app


def install_language(app: QApplication, language: str) -> list[QTranslator]:
    """Our and Qt's catalogues for `language` ("system": the system's) and the default QLocale for dates.

    Call before any widget exists, so every tr() and every date uses it; remove the returned translators at exit.
    """
    from app.ui.runtime.i18n import install_translations

    return install_translations(app, language, RESOURCES / "translations")


def remove_language(app: QApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
