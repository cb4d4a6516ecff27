"""Tell assistive technology about an outcome without moving the user's focus ("Meeting booked").

Qt >= 6.8 sends QAccessibleAnnouncementEvent (AT-SPI `object:announcement`, UIA notification). On an older Qt
the caller's fallback applies: move focus to the widget that states the outcome (e.g. the result heading).
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

try:
    from PySide6.QtGui import QAccessibleAnnouncementEvent
except ImportError:  # Qt < 6.8
    QAccessibleAnnouncementEvent = None  # type: ignore[assignment,misc]


def announce(source: QWidget, text: str, *, assertive: bool = False) -> bool:
    """Have screen readers speak `text` (from `source`'s window); False when this Qt cannot (focus instead)."""
    if QAccessibleAnnouncementEvent is None or not text:
        return False
    event = QAccessibleAnnouncementEvent(source, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
    return True
