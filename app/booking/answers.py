"""How each HubSpot form-field type is answered: kinds, normalising raw answers, per-type checks.

Shared by validation and wire conversion, so what we check is exactly what we send.
"""

from __future__ import annotations

import math
import re
from datetime import date
from enum import Enum

from app.booking import messages
from app.booking.messages import Problem
from app.hubspot.models import FormField

Answer = str | list[str] | bool

# Name and email travel as top-level request fields; HubSpot rejects them repeated in formFields.
STANDARD_FIELD_NAMES = frozenset({"firstname", "lastname", "email"})

_TRUE_WORDS = frozenset({"true", "yes", "y", "1", "on", "ja"})
_FALSE_WORDS = frozenset({"false", "no", "n", "0", "off", "nein", ""})
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PHONE_RE = re.compile(r"\+?[0-9 ()./-]+")
_NUMBER_RE = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


class FieldKind(Enum):
    """What a question's answer looks like."""

    TEXT = "text"
    NUMBER = "number"
    DATE = "date"
    PHONE = "phone"
    SINGLE_CHOICE = "single_choice"
    MULTI_CHOICE = "multi_choice"
    YES_NO = "yes_no"
    NOT_ANSWERABLE = "not_answerable"  # html blocks and calculated values


def field_kind(field: FormField) -> FieldKind:
    """The kind of answer `field` takes, from its HubSpot `fieldType`."""
    ft = field.field_type.lower()
    if ft == "html" or ft.startswith("calculation"):
        return FieldKind.NOT_ANSWERABLE
    if ft == "number":
        return FieldKind.NUMBER
    if ft == "date":
        return FieldKind.DATE
    if ft == "phonenumber":
        return FieldKind.PHONE
    if ft in ("select", "radio"):
        return FieldKind.SINGLE_CHOICE
    if ft == "booleancheckbox":
        return FieldKind.YES_NO
    if ft == "checkbox":
        # A checkbox with options is a multi-select; without, a single tick box.
        return FieldKind.MULTI_CHOICE if field.options else FieldKind.YES_NO
    return FieldKind.TEXT


def answerable_fields(fields: list[FormField]) -> list[FormField]:
    """The link's extra questions the attendee answers (not name/email, not html or calculated fields)."""
    return [f for f in fields if f.name.lower() not in STANDARD_FIELD_NAMES and _answerable(f)]


def _answerable(field: FormField) -> bool:
    return field_kind(field) is not FieldKind.NOT_ANSWERABLE


def offered_values(field: FormField) -> list[str]:
    """The values an attendee may pick: the field's options that are not hidden."""
    return [o.value for o in field.options if not o.hidden]


def as_bool(raw: Answer) -> bool | None:
    """A yes/no answer; strings like "true"/"no" (from the CLI) count; None when unreadable."""
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        word = raw.strip().lower()
        if word in _TRUE_WORDS:
            return True
        if word in _FALSE_WORDS:
            return False
    return None


def as_list(raw: Answer) -> list[str] | None:
    """A multi-select answer; a string is read as HubSpot's `;`-joined form. None when unreadable."""
    if isinstance(raw, bool):
        return None
    parts = raw.split(";") if isinstance(raw, str) else raw
    return [p.strip() for p in parts if p.strip()]


def as_text(raw: Answer) -> str | None:
    """A single text answer, stripped; None when the answer is a list or a bool."""
    return raw.strip() if isinstance(raw, str) else None


def is_empty(field: FormField, raw: Answer | None) -> bool:
    """True when the question has effectively not been answered (an unticked box counts as empty)."""
    if raw is None:
        return True
    kind = field_kind(field)
    if kind is FieldKind.YES_NO:
        return as_bool(raw) is False
    if kind is FieldKind.MULTI_CHOICE:
        values = as_list(raw)
        return values is not None and not values
    return isinstance(raw, str) and not raw.strip()


def check_answer(field: FormField, raw: Answer | None) -> Problem | None:
    """The problem with one answer to `field` (required-ness and format), or None when it is fine."""
    label = {"label": field.label or field.name}
    kind = field_kind(field)
    if is_empty(field, raw):
        if not field.is_required:
            return None
        template = messages.FIELD_MUST_TICK if kind is FieldKind.YES_NO else messages.FIELD_REQUIRED
        return Problem(template, label)
    assert raw is not None  # is_empty covers None
    if kind is FieldKind.YES_NO:
        return None if as_bool(raw) is not None else Problem(messages.FIELD_WRONG_KIND, label)
    if kind is FieldKind.MULTI_CHOICE:
        values = as_list(raw)
        if values is None:
            return Problem(messages.FIELD_WRONG_KIND, label)
        allowed = set(offered_values(field))
        return None if all(v in allowed for v in values) else Problem(messages.FIELD_NOT_OPTIONS, label)
    text = as_text(raw)
    if text is None:
        return Problem(messages.FIELD_WRONG_KIND, label)
    if kind is FieldKind.SINGLE_CHOICE and text not in offered_values(field):
        return Problem(messages.FIELD_NOT_AN_OPTION, label)
    if kind is FieldKind.NUMBER and not _is_number(text):
        return Problem(messages.FIELD_NOT_A_NUMBER, label)
    if kind is FieldKind.DATE and not _is_iso_date(text):
        return Problem(messages.FIELD_NOT_A_DATE, label)
    if kind is FieldKind.PHONE and not _is_phone(text):
        return Problem(messages.FIELD_NOT_A_PHONE, label)
    return None


def wire_value(field: FormField, raw: Answer | None) -> str | None:
    """The string HubSpot expects for an answer, or None when there is nothing to send."""
    if raw is None:
        return None
    kind = field_kind(field)
    if kind is FieldKind.YES_NO:
        ticked = as_bool(raw)
        return None if ticked is None else ("true" if ticked else "false")
    if kind is FieldKind.MULTI_CHOICE:
        values = as_list(raw)
        return ";".join(values) if values else None
    text = as_text(raw)
    return text or None


def _is_number(text: str) -> bool:
    return bool(_NUMBER_RE.fullmatch(text)) and math.isfinite(float(text))


def _is_iso_date(text: str) -> bool:
    if not _DATE_RE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _is_phone(text: str) -> bool:
    # Plausible, not proven: an optional leading +, common separators, and 5–15 digits (E.164's maximum).
    digits = sum(ch.isdigit() for ch in text)
    return bool(_PHONE_RE.fullmatch(text)) and "+" not in text[1:] and 5 <= digits <= 15
