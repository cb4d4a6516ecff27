"""The kiosk's look: large type and touch targets of at least 44×44 px; no hover-only cues (touch has no hover)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QPushButton, QSizePolicy, QWidget

from app.ui.panels.wrapping_check_box import WrappingCheckBox

MIN_TARGET_PX = 44

KIOSK_QSS = """
QWidget { font-size: 19pt; }
QPushButton {
    min-height: 64px; min-width: 64px; padding: 8px 22px;
    border: 2px solid palette(mid); border-radius: 12px; background: palette(button);
}
QPushButton:focus { border: 4px solid palette(highlight); }
QPushButton:pressed { background: palette(midlight); }
QPushButton:disabled { color: palette(placeholder-text); border-style: dashed; }
QPushButton#primary, QPushButton#attractAction {
    background: palette(highlight); color: palette(highlighted-text); font-weight: bold;
}
QPushButton#primary { min-width: 220px; }
QPushButton#attractAction { font-size: 34pt; min-height: 150px; min-width: 560px; border-radius: 24px; }
QPushButton[role="choice"] { min-height: 84px; font-size: 22pt; text-align: center; }
QPushButton[role="key"] { min-height: 44px; min-width: 44px; padding: 0 4px; font-size: 18pt; }
QPushButton#staffCorner {
    border: none; background: transparent; font-size: 11pt; color: palette(placeholder-text);
    min-height: 44px; min-width: 44px; padding: 4px 10px;
}
QPushButton#staffCorner:focus { border: 2px solid palette(highlight); }
QLabel#attractTitle { font-size: 46pt; font-weight: bold; }
QLabel#attractSubtitle { font-size: 24pt; color: palette(placeholder-text); }
QLabel#kioskTitle { font-size: 30pt; font-weight: bold; }
QLabel#kioskNotice { font-size: 20pt; border: 2px solid palette(mid); border-radius: 10px; padding: 12px; }
QLabel#resultHeading { font-size: 40pt; font-weight: bold; }
QLabel#fieldProblem { color: #b3261e; font-size: 17pt; }
QLineEdit, QComboBox, QPlainTextEdit, QSpinBox, QDateEdit { min-height: 56px; font-size: 21pt; padding: 4px 10px; }
QCheckBox, QRadioButton { min-height: 52px; spacing: 12px; }
QCheckBox::indicator, QRadioButton::indicator { width: 48px; height: 48px; }
_BoxLabel { padding-top: 8px; }  /* the first line centred on the 48 px box beside it */
QFrame#overlay { background: palette(dark); }  /* opaque: nothing typed shows through */
QFrame#overlayCard { background: palette(window); border: 3px solid palette(highlight); border-radius: 24px; }
QScrollBar:vertical { width: 28px; }
"""


def touch_button(text: str, accessible_name: str = "", *, role: str = "", parent: QWidget | None = None) -> QPushButton:
    """A push button sized for fingers, with an accessible name (the text unless given)."""
    button = QPushButton(text, parent)
    button.setAccessibleName(accessible_name or text.replace("&", ""))
    button.setMinimumSize(MIN_TARGET_PX, MIN_TARGET_PX)
    button.setAutoDefault(False)
    if role:
        button.setProperty("role", role)
    return button


def align_check_rows(panel: QWidget) -> None:
    """Tick boxes with wrapped texts: the text starts at the top, beside its box, not centred far below it."""
    for row in panel.findChildren(WrappingCheckBox):
        row.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


def expand(button: QAbstractButton) -> None:
    """Let the button take the width its grid cell offers."""
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
