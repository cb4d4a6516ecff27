"""Turn the booking domain's English `Problem` templates into translated, filled-in text."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.booking.messages import Problem

# The translation context for every template in app/booking/messages.py (they are extracted from there).
MESSAGES_CONTEXT = "BookingMessages"


def translate_template(template: str) -> str:
    """The translator's version of one English template from app/booking/messages.py."""
    return QCoreApplication.translate(MESSAGES_CONTEXT, template)


def problem_text(problem: Problem) -> str:
    """The problem's message in the UI language, filled with its values."""
    template = translate_template(problem.template)
    try:
        return template.format(**problem.params) if problem.params else template
    except (KeyError, IndexError, ValueError):
        # A translation with broken placeholders must not hide the message: fall back to English.
        return problem.text
