"""The UI language: the system's unless the settings say otherwise; Qt translations from app/resources/translations."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

CATALOG = "booking_assistant"


def translator(context: str) -> Callable[[str], str]:
    """`_tr = translator("Context")`: tr() for code that is not a QObject method (models, helpers, plain functions).

    tools/i18n/domain.py finds `_tr("…")` calls through this assignment (lupdate does not follow wrappers), so keep
    it a module-level `NAME = translator("literal or module constant")`.
    """

    def tr(text: str) -> str:
        return QCoreApplication.translate(context, text)

    return tr


def install_translations(app: QCoreApplication, language: str, folder: Path) -> list[QTranslator]:
    """Set the default locale (dates, times) and load our and Qt's own catalogues; returns them to keep alive."""
    locale = QLocale() if language == "system" else QLocale(language)
    QLocale.setDefault(locale)
    installed: list[QTranslator] = []
    for name, where in (
        (CATALOG, str(folder)),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", where):
            app.installTranslator(translator)
            installed.append(translator)
        elif name == CATALOG and locale.language() != QLocale.Language.English:
            log.info("No %s translation for %s in %s", name, locale.name(), where)
    return installed
