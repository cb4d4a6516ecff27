"""Settings dialog: language, light/dark theme, time zone, 12/24-hour clock, default meeting link, history retention.

The theme applies as soon as it is picked (a preview); Cancel puts the one in effect back.
"""

from __future__ import annotations

import msgspec
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.booking.zones import system_timezone_name
from app.hubspot.models import MeetingLink
from app.settings import MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, Settings
from app.ui.runtime.style import apply_theme
from app.ui.widgets.timezone_picker import ZONE_ROLE, TimeZonePicker

SYSTEM_ZONE = "system"


class SettingsDialog(QDialog):
    """Edits a copy of the settings; `value()` is the result once accepted."""

    def __init__(self, settings: Settings, links: list[MeetingLink], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = settings
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.windowTitle())

        self.language = QComboBox()
        for code, text in (("system", self.tr("As the system")), ("en", "English"), ("de", "Deutsch")):
            self.language.addItem(text, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.setAccessibleName(self.tr("Language"))
        self.language.setAccessibleDescription(self.tr("Takes effect the next time the app starts"))

        self.theme = QComboBox()
        for code, text in (
            ("system", self.tr("As the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme.addItem(text, code)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        self.theme.setAccessibleName(self.tr("Appearance"))
        self.theme.setAccessibleDescription(self.tr("Light or dark; takes effect at once"))
        self.theme.currentIndexChanged.connect(lambda _index: self._preview_theme(self.theme.currentData()))

        self.zone = TimeZonePicker()
        self.zone.insertItem(0, self.tr("As the system (%1)").replace("%1", system_timezone_name()), SYSTEM_ZONE)
        self.zone.setItemData(0, SYSTEM_ZONE, ZONE_ROLE)
        self.zone.populate()
        if settings.timezone == SYSTEM_ZONE:
            self.zone.setCurrentIndex(0)
        else:
            self.zone.set_zone(settings.timezone)

        self.clock = QComboBox()
        for value, text in ((None, self.tr("As the locale")), (True, self.tr("24-hour")), (False, self.tr("12-hour"))):
            self.clock.addItem(text, value)
        self.clock.setCurrentIndex({None: 0, True: 1, False: 2}[settings.use_24h])
        self.clock.setAccessibleName(self.tr("Clock"))

        self.default_link = QComboBox()
        self.default_link.addItem(self.tr("The one used last"), "")
        for link in links:
            self.default_link.addItem(link.name or link.slug, link.slug)
        self.default_link.setCurrentIndex(max(0, self.default_link.findData(settings.default_link)))
        self.default_link.setAccessibleName(self.tr("Default meeting link"))

        self.retention = QSpinBox()
        self.retention.setRange(MIN_RETENTION_DAYS, MAX_RETENTION_DAYS)
        self.retention.setValue(settings.history_retention_days)
        self.retention.setSuffix(self.tr(" days"))
        self.retention.setAccessibleName(self.tr("Keep history for"))
        self.retention.setAccessibleDescription(self.tr("Older bookings are removed from the history"))

        form = QFormLayout()
        for label, widget in (
            (self.tr("&Language:"), self.language),
            (self.tr("&Appearance:"), self.theme),
            (self.tr("&Time zone:"), self.zone),
            (self.tr("&Clock:"), self.clock),
            (self.tr("Default &meeting link:"), self.default_link),
            (self.tr("Keep &history for:"), self.retention),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def value(self) -> Settings:
        """The settings as edited (fields this dialog does not show are kept)."""
        zone = self.zone.currentData(ZONE_ROLE) or SYSTEM_ZONE
        return msgspec.structs.replace(
            self._original,
            language=self.language.currentData(),
            theme=self.theme.currentData(),
            timezone=str(zone),
            use_24h=self.clock.currentData(),
            default_link=str(self.default_link.currentData() or ""),
            history_retention_days=self.retention.value(),
        )

    def _preview_theme(self, theme: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication) and theme in ("system", "light", "dark"):
            apply_theme(app, theme)  # type: ignore[arg-type]  # checked just above

    def reject(self) -> None:
        """Cancel: the theme in effect before the dialog opened comes back."""
        self._preview_theme(self._original.theme)
        super().reject()
