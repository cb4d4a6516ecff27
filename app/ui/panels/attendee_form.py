"""The attendee's details: name, email, the link's own questions and guests, validated as the user types."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import msgspec
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCompleter, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.booking.answers import Answer, answerable_fields
from app.booking.draft import BookingDraft, find_problems
from app.booking.messages import Problem
from app.hubspot.models import BookingInfo, LinkSettings
from app.ui.panels.checked_part import CheckedPart
from app.ui.panels.field_inputs import FieldInput, TextInput, YesNoInput, input_for
from app.ui.panels.guests_editor import GuestsEditor
from app.ui.panels.problem_text import problem_text

if TYPE_CHECKING:
    from app.attendees.suggestions import Suggestion
    from app.ui.panels.attendee_suggestions import AttendeeSuggester, SuggestionSource

# Problem keys of find_problems that belong to this form (consent and time are other panels' business).
_OWN_PREFIXES = ("first_name", "last_name", "email", "guests", "guest:", "field:")


def _empty_info() -> BookingInfo:
    """Rules of a link with no extra questions and no guests, used before a link is chosen."""
    settings = LinkSettings(durations=[], form_fields=[], legal_consent_enabled=False)
    return BookingInfo(
        link_id="", link_type="PERSONAL_LINK", is_offline=False, custom_params=settings, all_users_busy_times=[]
    )


@dataclass
class _Row:
    """One question on screen: its label, input and the message shown next to it."""

    key: str  # the find_problems key: first_name, email, field:<name>, …
    label_text: str
    required: bool
    caption: QLabel
    holder: QWidget
    input: FieldInput
    problem: QLabel
    touched: bool = False


class AttendeeForm(CheckedPart):
    """Name, email, the link's questions and guests; value in and out as the parts of a `BookingDraft`."""

    # Inputs were added or removed (questions of a new link, a guest row): whoever holds the form re-links its
    # tab order, because widgets made later join the window's focus chain at the wrong place.
    focus_chain_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, allow_suggestions: bool = True) -> None:
        super().__init__(parent, valid=False)
        # A kiosk passes False: nothing typed by one visitor may be suggested to the next.
        self._allow_suggestions = allow_suggestions
        self._info = _empty_info()
        self._rows: dict[str, _Row] = {}
        self._external: dict[str, str] = {}
        self.suggester: AttendeeSuggester | None = None  # enable_suggestions(); never in the kiosk
        self.setAccessibleName(self.tr("Attendee details"))

        self._layout = QFormLayout()
        # Captions above their inputs: the column is narrow and HubSpot questions are often long sentences.
        self._layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.required_note = QLabel(self.tr("Fields marked * are required."), self)
        self.guests_caption = QLabel(self.tr("Guests"), self)
        self.guests = GuestsEditor(self)
        self.guests.setAccessibleName(self.tr("Guests"))
        self.guests.changed.connect(self._on_guests_changed)
        self.guests.touched.connect(self._refresh_messages)
        column = QVBoxLayout(self)
        column.addWidget(self.required_note)
        column.addLayout(self._layout)
        column.addWidget(self.guests_caption)
        column.addWidget(self.guests)
        column.addStretch(1)

        self._add_row("first_name", self.tr("First name"), True, TextInput(self))
        self._add_row("last_name", self.tr("Last name"), True, TextInput(self))
        email_hints = Qt.InputMethodHint.ImhEmailCharactersOnly
        email = TextInput(self, hints=email_hints, placeholder=self.tr("name@example.com"))
        self._add_row("email", self.tr("Email"), True, email)
        self._apply_guest_settings()
        self._set_private()
        self._recheck()

    # --- the link ---------------------------------------------------------------------------------------------

    def set_booking_info(self, info: BookingInfo) -> None:
        """Build the link's questions and guest rules; answers to questions of the same name are kept."""
        kept = {key: row.input.value() for key, row in self._rows.items() if key.startswith("field:")}
        for key in [k for k in self._rows if k.startswith("field:")]:
            self._remove_row(key)
        self._info = info
        for field in answerable_fields(info.custom_params.form_fields):
            widget = input_for(field, self)
            key = f"field:{field.name}"
            self._add_row(key, field.label or field.name, field.is_required, widget)
            widget.set_value(kept.get(key))
        self._apply_guest_settings()
        self._set_private()
        self._order_tabs()
        self._recheck()

    # --- value in and out -------------------------------------------------------------------------------------

    def fill_draft(self, draft: BookingDraft) -> BookingDraft:
        """`draft` with the attendee's name, email, guests and answers as currently entered."""
        answers: dict[str, Answer] = {}
        for key, row in self._rows.items():
            value = row.input.value()
            if key.startswith("field:") and value is not None:
                answers[key.removeprefix("field:")] = value
        return msgspec.structs.replace(
            draft,
            first_name=self._text("first_name"),
            last_name=self._text("last_name"),
            email=self._text("email"),
            guests=self.guests.emails() if self._guests_allowed() else [],
            answers=answers,
        )

    def set_from_draft(self, draft: BookingDraft) -> None:
        """Show a draft's name, email, guests and answers (e.g. reopening an outbox draft)."""
        self._rows["first_name"].input.set_value(draft.first_name)
        self._rows["last_name"].input.set_value(draft.last_name)
        self._rows["email"].input.set_value(draft.email)
        for key, row in self._rows.items():
            if key.startswith("field:"):
                row.input.set_value(draft.answers.get(key.removeprefix("field:")))
        self.guests.set_emails(list(draft.guests))
        self._order_tabs()
        self._recheck()
        self.changed.emit()

    def clear_personal(self) -> None:
        """Empty every field and forget which were touched ("book another", kiosk reset)."""
        for row in self._rows.values():
            row.input.set_value(None)
            row.touched = False
        self.guests.set_emails([])
        self._external.clear()
        if self.suggester is not None:
            self.suggester.close()
        self._show_all = False
        self._order_tabs()
        self._recheck()
        self.changed.emit()

    def set_suggestions(self, names: Sequence[str], emails: Sequence[str]) -> None:
        """Offer earlier attendees' names and emails while typing; ignored when suggestions are off."""
        if not self._allow_suggestions:
            return
        for key, words in (("first_name", names), ("last_name", names), ("email", emails)):
            widget = self._rows[key].input
            assert isinstance(widget, TextInput)
            completer = QCompleter(list(words), widget.line)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            widget.line.setCompleter(completer)

    def enable_suggestions(self, source: SuggestionSource | None) -> AttendeeSuggester | None:
        """Offer people already known (history, HubSpot contacts) while typing; None when suggestions are off."""
        if not self._allow_suggestions:
            return None
        if self.suggester is None:
            from app.ui.panels.attendee_suggestions import AttendeeSuggester

            self.suggester = AttendeeSuggester(self._suggestion_lines, self)
            self.suggester.picked.connect(self.fill_person)
            self.focus_chain_changed.connect(self.suggester.watch)  # a new link may add a company question
        self.suggester.set_source(source)
        return self.suggester

    def fill_person(self, person: Suggestion) -> None:
        """A picked suggestion: first and last name, email and (when the link asks) company; nothing is sent."""
        values = (
            ("first_name", person.first_name),
            ("last_name", person.last_name),
            ("email", person.email),
            ("field:company", person.company),
        )
        for key, value in values:
            row = self._rows.get(key)
            if row is None or not value or value == "-":
                continue
            row.input.set_value(value)
            row.touched = True
            self._external.pop(key, None)
        self._on_input_changed()

    def _suggestion_lines(self) -> dict[str, QLineEdit]:
        lines: dict[str, QLineEdit] = {}
        for key in ("first_name", "last_name", "email", "field:company"):
            row = self._rows.get(key)
            if row is not None and isinstance(row.input, TextInput):
                lines[key] = row.input.line
        return lines

    # --- validity ---------------------------------------------------------------------------------------------

    def set_external_problem(self, key: str, text: str) -> None:
        """Show a message from HubSpot next to a field (e.g. "email": rejected address) until it is edited."""
        self._external[key] = text
        self._refresh_messages()

    def focus_first_problem(self) -> bool:
        """Show all messages and move focus to the first field with a problem; False when there is none."""
        self.show_problems()
        for key, row in self._rows.items():
            if key in self._problems or key in self._external:
                row.input.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        guest_keys = [k for k in self._problems if k.startswith("guest:")]
        if guest_keys:
            index = min(int(k.split(":", 1)[1]) for k in guest_keys)
            self.guests.rows[index].email.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if "guests" in self._problems:
            self.guests.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False

    def first_missing(self) -> tuple[str, str, bool] | None:
        """The first question (in screen order) that stops the booking: (key, its label, whether it is empty)."""
        for key, row in self._rows.items():
            if key in self._problems:
                return key, row.label_text, row.input.value() in (None, "", [])
        first = next(iter(self._problems), None)
        return (first, "", False) if first is not None else None

    def input_for_key(self, key: str) -> FieldInput:
        """The input of one question (keys as `find_problems`: first_name, email, field:<name>)."""
        return self._rows[key].input

    def message_for_key(self, key: str) -> str:
        """The message currently shown next to a question ("" when none)."""
        label = self._rows[key].problem
        return "" if label.isHidden() else label.text()

    # --- internals --------------------------------------------------------------------------------------------

    def _text(self, key: str) -> str:
        value = self._rows[key].input.value()
        return value.strip() if isinstance(value, str) else ""

    def _add_row(self, key: str, text: str, required: bool, widget: FieldInput) -> None:
        caption = QLabel(f"{text} *" if required else text, self)
        problem = QLabel(self)
        problem.setObjectName("fieldProblem")
        problem.setWordWrap(True)
        problem.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        problem.hide()
        holder = QWidget(self)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(widget)
        box.addWidget(problem)
        if isinstance(widget, YesNoInput):
            # The tick box carries the question as its own text; a caption would say it twice.
            caption.setParent(holder)
            caption.hide()
            if required:
                widget.box.setText(f"{text} *")
            self._layout.addRow(holder)
        else:
            caption.setBuddy(widget.focus_chain()[0] if widget.focus_chain() else widget)
            self._layout.addRow(caption, holder)
            caption.show()
        # Children made after the form is on screen stay hidden until shown; the layout only queues a show,
        # which a screenshot (or a test) taken in the same turn of the loop would miss.
        holder.show()
        row = _Row(key, text, required, caption, holder, widget, problem)
        self._rows[key] = row
        widget.edited.connect(lambda r=row: self._on_edited(r))
        widget.focus_left.connect(lambda r=row: self._on_left(r))
        self._describe(row, "")

    def _remove_row(self, key: str) -> None:
        row = self._rows.pop(key)
        self._layout.removeRow(row.holder)  # deletes caption, holder and the input inside

    def _describe(self, row: _Row, message: str) -> None:
        required = self.tr("required") if row.required else ""
        row.input.describe(row.label_text, "; ".join(part for part in (required, message) if part))

    def _apply_guest_settings(self) -> None:
        settings = self._info.custom_params.guest_settings
        allowed = self._guests_allowed()
        self.guests.set_limit(settings.max_guest_count if settings and allowed else 0)
        self.guests.setVisible(allowed)
        self.guests_caption.setVisible(allowed)

    def _guests_allowed(self) -> bool:
        settings = self._info.custom_params.guest_settings
        return bool(settings and settings.can_add_guests and settings.max_guest_count > 0)

    def _set_private(self) -> None:
        for row in self._rows.values():
            row.input.set_private(not self._allow_suggestions)

    def focus_chain(self) -> list[QWidget]:
        """The focusable widgets of the form in tab order: every question, then the guests."""
        chain: list[QWidget] = []
        for row in self._rows.values():
            chain += row.input.focus_chain()
        if self._guests_allowed():
            chain += self.guests.focus_chain()
        return chain

    def _order_tabs(self) -> None:
        for first, second in itertools.pairwise(self.focus_chain()):
            QWidget.setTabOrder(first, second)
        self.focus_chain_changed.emit()

    def _on_edited(self, row: _Row) -> None:
        self._external.pop(row.key, None)
        if row.input.touched_on_edit:
            row.touched = True
        self._on_input_changed()

    def _on_left(self, row: _Row) -> None:
        # Leaving an untouched, still empty field is not "touching" it: tabbing through shows no errors.
        if not row.touched and row.input.value() is not None:
            row.touched = True
            self._refresh_messages()

    def _on_guests_changed(self) -> None:
        self._external = {k: v for k, v in self._external.items() if not k.startswith("guest")}
        self._order_tabs()
        self._on_input_changed()

    def _on_input_changed(self) -> None:
        self._recheck()
        self.changed.emit()

    def _own_problems(self) -> dict[str, Problem]:
        found = find_problems(self.fill_draft(BookingDraft(slug="")), self._info)
        return {k: p for k, p in found.items() if k.startswith(_OWN_PREFIXES)}

    def _refresh_messages(self) -> None:
        for key, row in self._rows.items():
            message = self._external.get(key, "")
            if not message and key in self._problems and (row.touched or self._show_all):
                message = problem_text(self._problems[key])
            row.problem.setText(message)
            row.problem.setVisible(bool(message))
            self._describe(row, message)
        per_row: dict[int, str] = {}
        for index, guest in enumerate(self.guests.rows):
            key = f"guest:{index}"
            text = self._external.get(key, "")
            if not text and key in self._problems and (guest.touched or self._show_all):
                text = problem_text(self._problems[key])
            per_row[index] = text
        general = self._problems.get("guests")
        self.guests.show_problems(per_row, problem_text(general) if general else self._external.get("guests", ""))
