"""An inline banner for errors and notices, with optional action buttons ("Pick a new time", "Retry", …)."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QVBoxLayout, QWidget

from app.ui.runtime.announce import announce


class BannerLevel(enum.StrEnum):
    """How serious the message is; also the `level` property the style sheet keys on."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class BannerAction:
    """A button on the banner: `key` comes back through `action_triggered`, `text` is shown."""

    key: str
    text: str


_ICONS = {
    BannerLevel.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
    BannerLevel.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    BannerLevel.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
}


class ErrorBanner(QFrame):
    """Hidden until `show_message`; level told by icon and words, not colour alone."""

    action_triggered = Signal(str)
    dismissed = Signal()
    actions_rebuilt = Signal()  # new action buttons: the holder puts them into its tab order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._level = BannerLevel.INFO
        self.icon = QLabel(self)
        self.title = QLabel(self)
        self.title.setObjectName("bannerTitle")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.close_button = QPushButton(self.tr("Dismiss"), self)
        self.close_button.setAccessibleName(self.tr("Dismiss message"))
        self.close_button.clicked.connect(self.on_dismiss_clicked)
        self.action_buttons: list[QPushButton] = []
        self._actions_row = QHBoxLayout()
        self._actions_row.setContentsMargins(0, 0, 0, 0)
        self._actions_row.addStretch(1)

        text_column = QVBoxLayout()
        text_column.addWidget(self.title)
        text_column.addWidget(self.message)
        text_column.addLayout(self._actions_row)
        row = QHBoxLayout(self)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text_column, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(
        self,
        level: BannerLevel,
        text: str,
        actions: Sequence[BannerAction] = (),
        *,
        dismissible: bool = True,
    ) -> None:
        """Show `text` with the level's icon and title and one button per action."""
        self._level = level
        titles = {
            BannerLevel.INFO: self.tr("Note"),
            BannerLevel.WARNING: self.tr("Warning"),
            BannerLevel.ERROR: self.tr("Error"),
        }
        self.title.setText(titles[level])
        self.message.setText(text)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.icon.setPixmap(self.style().standardIcon(_ICONS[level]).pixmap(size, size))
        self.setProperty("level", level.value)
        # Re-apply the style sheet so rules keyed on [level="…"] take effect.
        self.style().unpolish(self)
        self.style().polish(self)
        for button in self.action_buttons:
            self._actions_row.removeWidget(button)
            button.deleteLater()
        self.action_buttons = []
        for action in actions:
            button = QPushButton(action.text, self)
            button.setAccessibleName(action.text)
            button.setAccessibleDescription(text)
            button.clicked.connect(lambda _=False, key=action.key: self.action_triggered.emit(key))
            # Before the trailing stretch, so buttons keep their natural width, left-aligned.
            self._actions_row.insertWidget(len(self.action_buttons), button)
            self.action_buttons.append(button)
        self.close_button.setVisible(dismissible)
        self.setAccessibleName(f"{titles[level]}: {text}")
        self.show()
        for button in self.action_buttons:
            button.show()
        self.actions_rebuilt.emit()
        # Screen readers announce the banner without it taking the keyboard focus from the user: an announcement
        # (Qt >= 6.8; errors interrupt, notes wait their turn), and the Alert event older readers listen for.
        announce(self, f"{titles[level]}: {text}", assertive=level is BannerLevel.ERROR)
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def level(self) -> BannerLevel:
        """The level of the message shown last."""
        return self._level

    def focus_first_action(self) -> None:
        """Focus the first action (or Dismiss), for when the banner is the user's next step."""
        target = self.action_buttons[0] if self.action_buttons else self.close_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear(self) -> None:
        """Hide the banner without signalling."""
        self.hide()

    def on_dismiss_clicked(self) -> None:
        self.hide()
        self.dismissed.emit()
