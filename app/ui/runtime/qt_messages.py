"""Qt's own messages go to our log (not the terminal), so `--smoke` output stays one clean JSON line."""

from __future__ import annotations

import logging

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger("qt")

# Messages the offscreen platform prints for every window; harmless, and only seen headless.
_HARMLESS = ("This plugin does not support propagateSizeHints",)

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = logging.DEBUG if message.startswith(_HARMLESS) else _LEVELS.get(kind, logging.WARNING)
    log.log(level, "%s", message)


def route_qt_messages_to_log() -> None:
    """Install the handler (the app's start-up only; tests keep pytest-qt's, which fails on warnings)."""
    qInstallMessageHandler(_handle)
