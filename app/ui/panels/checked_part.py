"""What the attendee form and the consent panel share: each checks its own share of the draft's problems."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.booking.messages import Problem


class CheckedPart(QWidget):
    """A part of the booking form that knows its problems, whether they stop the booking, and when to show them.

    A subclass says which problems are its own (`_own_problems`) and how to show them (`_refresh_messages`).
    """

    changed = Signal()
    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, valid: bool) -> None:
        super().__init__(parent)
        self._problems: dict[str, Problem] = {}
        self._show_all = False
        self._valid = valid

    def is_valid(self) -> bool:
        """True when nothing in this part stops the booking."""
        return self._valid

    def problems(self) -> dict[str, Problem]:
        """The current problems of this part, keyed as `find_problems` keys them."""
        return dict(self._problems)

    def show_problems(self) -> None:
        """Show every message, touched or not (the user tried to book)."""
        self._show_all = True
        self._refresh_messages()

    def _own_problems(self) -> dict[str, Problem]:
        raise NotImplementedError

    def _refresh_messages(self) -> None:
        raise NotImplementedError

    def _recheck(self) -> None:
        self._problems = self._own_problems()
        self._refresh_messages()
        valid = not self._problems
        if valid != self._valid:
            self._valid = valid
            self.validity_changed.emit(valid)
