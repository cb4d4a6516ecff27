"""What strangers at one kiosk must not pass to each other: the clipboard, the X11 selection, drags.

The shell filters every event of the application (it is the only window): no context menu (its Paste would
hand visitor 2 what visitor 1 copied), no copy/cut/paste keys, no middle-click paste from the X11 selection, no
drag and drop. On every reset the clipboard and the selection are emptied as well, for anything that got there
anyway (selecting text alone fills the X11 selection).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QKeySequence, QMouseEvent

_CLIPBOARD_KEYS = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Paste,
)
_DRAG = frozenset({QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop})
_MOUSE = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick})


_SHIFT, _CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier
#: Shift+Insert, Ctrl+Insert and Shift+Delete: paste, copy and cut in Qt's line edits on every platform.
_LEGACY_KEYS = frozenset({(Qt.Key.Key_Insert, _SHIFT), (Qt.Key.Key_Insert, _CTRL), (Qt.Key.Key_Delete, _SHIFT)})


def _is_clipboard_key(event: QKeyEvent) -> bool:
    if any(event.matches(key) for key in _CLIPBOARD_KEYS):
        return True
    mods = event.modifiers() & (_SHIFT | _CTRL)
    return (Qt.Key(event.key()), mods) in _LEGACY_KEYS


def blocks(watched: QObject, event: QEvent) -> bool:
    """True for an event that would move text between visitors (the caller swallows it)."""
    kind = event.type()
    if kind == QEvent.Type.ContextMenu or kind in _DRAG:
        return True
    if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and isinstance(event, QKeyEvent):
        return _is_clipboard_key(event)
    if kind in _MOUSE and isinstance(event, QMouseEvent):
        return event.button() == Qt.MouseButton.MiddleButton  # X11's paste-the-selection click
    return False


def clear_clipboard() -> None:
    """Empty the clipboard, the X11 selection and the macOS find buffer (wherever the platform has them)."""
    clipboard = QGuiApplication.clipboard()
    modes = [QClipboard.Mode.Clipboard]
    if clipboard.supportsSelection():
        modes.append(QClipboard.Mode.Selection)
    if clipboard.supportsFindBuffer():
        modes.append(QClipboard.Mode.FindBuffer)
    for mode in modes:
        clipboard.clear(mode)
