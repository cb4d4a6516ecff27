"""Questions the window asks before an outbox action that cannot be undone (a discarded booking is gone)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from app.booking.timefmt import from_ms
from app.store.outbox import OutboxEntry
from app.ui.panels.confirmation_view import zone_or_utc
from app.ui.runtime.formatting import spoken_datetime
from app.ui.runtime.i18n import translator

_tr = translator("OutboxQuestions")


def discard_question(parent: QWidget, entry: OutboxEntry, *, use_24h: bool) -> tuple[QMessageBox, QAbstractButton]:
    """ "Discard the booking for Jane Doe on Tue 8 Dec, 10:00?" with *Discard* and *Keep* (the default)."""
    request = entry.request
    who = f"{request.first_name} {request.last_name}".strip() or request.email
    when = spoken_datetime(from_ms(entry.start_ms, zone_or_utc(entry.timezone)), use_24h)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Discard booking?"))
    box.setText(_tr("Discard the booking for %1 on %2?").replace("%1", who).replace("%2", when))
    box.setInformativeText(_tr("It will not be sent, and this cannot be undone."))
    discard = box.addButton(_tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.setAccessibleName(box.windowTitle())
    box.setAccessibleDescription(box.text())
    return box, discard
