"""The attendee form in the visitor's own voice: at the kiosk the person typing is the attendee.

The rep's window says "Enter the attendee's email address"; a visitor reads "Enter your email address".
"""

from __future__ import annotations

from app.booking import messages
from app.booking.messages import Problem
from app.ui.panels.attendee_form import AttendeeForm
from app.ui.panels.problem_text import problem_text
from app.ui.runtime.i18n import translator

_tr = translator("VisitorForm")


def _visitor_wording() -> dict[str, str]:
    """The rep-facing message (in the UI language) → the visitor-facing one."""
    pairs = (
        (messages.FIRST_NAME_MISSING, _tr("Enter your first name.")),
        (messages.LAST_NAME_MISSING, _tr("Enter your last name.")),
        (messages.EMAIL_MISSING, _tr("Enter your email address.")),
    )
    return {problem_text(Problem(template)): visitor for template, visitor in pairs}


class VisitorForm(AttendeeForm):
    """AttendeeForm without suggestions from earlier visitors, speaking to the visitor."""

    def __init__(self) -> None:
        super().__init__(allow_suggestions=False)
        self.setAccessibleName(_tr("Your details"))

    def _refresh_messages(self) -> None:
        super()._refresh_messages()
        wording = _visitor_wording()
        for row in self._rows.values():
            visitor = wording.get(row.problem.text())
            if visitor is not None and not row.problem.isHidden():
                row.problem.setText(visitor)
                self._describe(row, visitor)
