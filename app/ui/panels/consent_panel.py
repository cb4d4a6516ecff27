"""HubSpot's legal consent as the link defines it: texts verbatim, a blocking processing box, optional opt-ins."""

from __future__ import annotations

import html

import msgspec
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from app.booking.draft import BookingDraft, find_problems
from app.booking.messages import Problem
from app.hubspot.models import BookingInfo, LegalConsentOptions
from app.ui.panels.checked_part import CheckedPart
from app.ui.panels.problem_text import problem_text
from app.ui.panels.rich_text import plain_text, sanitize_html
from app.ui.panels.wrapping_check_box import WrappingCheckBox


def rich_text(text: str) -> str:
    """HubSpot's text as safe rich text: sanitized HTML, or plain text with its line breaks kept."""
    if "<" in text and ">" in text:
        return sanitize_html(text)
    return html.escape(text).replace("\n", "<br>")


def _text_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(rich_text(text), parent)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    # Links open in the browser and are reachable with Tab, like any other control.
    label.setOpenExternalLinks(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    has_links = "<a " in label.text()
    label.setProperty("hasLinks", has_links)
    if not has_links:
        # Only texts with links are tab stops; the rest would be stops with nothing to do.
        label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    label.setVisible(bool(text.strip()))
    return label


class ConsentPanel(CheckedPart):
    """Value: `processing_consent` and `communication_consents`; invalid while a required box is unticked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, valid=True)
        self.setAccessibleName(self.tr("Consent"))
        self._info: BookingInfo | None = None
        self._options: LegalConsentOptions | None = None
        self._touched: set[str] = set()
        self.processing_box: QCheckBox | None = None
        self.communication_boxes: dict[str, QCheckBox] = {}
        self._problem_labels: dict[str, QLabel] = {}
        self._box_texts: dict[str, QLabel] = {}
        self._content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setVisible(False)

    def set_booking_info(self, info: BookingInfo) -> None:
        """Render the link's consent texts and boxes (nothing when the link asks for no consent)."""
        self._info = info
        params = info.custom_params
        self._options = params.legal_consent_options if params.legal_consent_enabled else None
        self._touched.clear()
        self._show_all = False
        self._build()
        self._recheck()

    # --- value --------------------------------------------------------------------------------------------

    @property
    def processing_consent(self) -> bool:
        """True when the attendee agreed to processing (implicit consent counts as agreed)."""
        if self._options is None:
            return False
        if self.processing_box is None:
            return self._options.processing_consent_type == "IMPLICIT"
        return self.processing_box.isChecked()

    @property
    def communication_consents(self) -> dict[str, bool]:
        """Each communication type's tick, keyed by communicationTypeId."""
        return {type_id: box.isChecked() for type_id, box in self.communication_boxes.items()}

    def fill_draft(self, draft: BookingDraft) -> BookingDraft:
        """`draft` with this panel's consents."""
        return msgspec.structs.replace(
            draft, processing_consent=self.processing_consent, communication_consents=self.communication_consents
        )

    def set_from_draft(self, draft: BookingDraft) -> None:
        """Show a draft's consents (boxes the draft does not mention stay unticked)."""
        if self.processing_box is not None:
            _set_quietly(self.processing_box, draft.processing_consent)
        for type_id, box in self.communication_boxes.items():
            _set_quietly(box, draft.communication_consents.get(type_id, False))
        self._recheck()
        self.changed.emit()

    def clear_personal(self) -> None:
        """Untick everything and hide messages (consent is personal: never carried to the next attendee)."""
        for box in self._boxes():
            _set_quietly(box, False)
        self._touched.clear()
        self._show_all = False
        self._recheck()
        self.changed.emit()

    # --- validity -----------------------------------------------------------------------------------------

    def focus_first_problem(self) -> bool:
        """Show messages and focus the first unticked required box; False when there is none."""
        self.show_problems()
        for key, box in self._keyed_boxes():
            if key in self._problems:
                box.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def message_for_key(self, key: str) -> str:
        """The message shown under a box ("" when none)."""
        label = self._problem_labels.get(key)
        return "" if label is None or label.isHidden() else label.text()

    # --- internals ----------------------------------------------------------------------------------------

    def _boxes(self) -> list[QCheckBox]:
        return [box for _, box in self._keyed_boxes()]

    def _keyed_boxes(self) -> list[tuple[str, QCheckBox]]:
        boxes = [("processing_consent", self.processing_box)] if self.processing_box is not None else []
        return boxes + [(f"consent:{type_id}", box) for type_id, box in self.communication_boxes.items()]

    def _build(self) -> None:
        if self._content is not None:
            self._layout.removeWidget(self._content)
            self._content.deleteLater()
        self._content = None
        self.processing_box = None
        self.communication_boxes = {}
        self._problem_labels = {}
        self._box_texts = {}
        options = self._options
        if options is None:
            self.setVisible(False)
            return
        content = QWidget(self)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        # HubSpot's order: processing text (+ box), communication text and boxes, then the privacy policy.
        column.addWidget(_text_label(options.processing_consent_text, content))
        if options.processing_consent_type == "REQUIRED_CHECKBOX":
            label = options.processing_consent_checkbox_label or self.tr("I agree.")
            self.processing_box = self._add_box(column, content, "processing_consent", label, required=True)
        if options.processing_consent_footer_text:
            column.addWidget(_text_label(options.processing_consent_footer_text, content))
        column.addWidget(_text_label(options.communication_consent_text, content))
        for checkbox in options.communication_consent_checkboxes:
            key = f"consent:{checkbox.communication_type_id}"
            box = self._add_box(column, content, key, checkbox.label, required=checkbox.required)
            self.communication_boxes[checkbox.communication_type_id] = box
        column.addWidget(_text_label(options.privacy_policy_text, content))
        self._layout.addWidget(content)
        content.show()
        self._content = content
        self.setVisible(True)

    def _add_box(self, column: QVBoxLayout, parent: QWidget, key: str, text: str, *, required: bool) -> QCheckBox:
        plain = plain_text(text)
        # Long HubSpot texts wrap beside the box instead of being cut off (a QCheckBox's own text never wraps).
        row = WrappingCheckBox(f"{plain} *" if required else plain, parent)
        box = row.box
        box.setChecked(False)  # never pre-ticked: consent must be given, not assumed
        box.setAccessibleName(plain)
        box.setAccessibleDescription(self.tr("required") if required else "")
        box.setProperty("required", required)
        # toggled, not clicked: the accessibility action Toggle (switch access, screen readers) calls toggle().
        box.toggled.connect(lambda _=False, k=key: self._on_clicked(k))
        problem = QLabel(parent)
        problem.setObjectName("fieldProblem")
        problem.setWordWrap(True)
        problem.hide()
        self._problem_labels[key] = problem
        self._box_texts[key] = row.label
        column.addWidget(row)
        column.addWidget(problem)
        return box

    def focus_chain(self) -> list[QWidget]:
        """Tick boxes and texts with links, in the order shown."""
        if self._content is None:
            return []
        return [
            widget
            for widget in self._content.findChildren(QWidget)
            if isinstance(widget, QCheckBox) or (isinstance(widget, QLabel) and widget.property("hasLinks"))
        ]

    def text_of(self, box: QCheckBox) -> str:
        """The text shown beside a box (it is a separate, wrapping label)."""
        for key, candidate in self._keyed_boxes():
            if candidate is box:
                return self._box_texts[key].text()
        raise KeyError("not a box of this panel")

    def _on_clicked(self, key: str) -> None:
        self._touched.add(key)
        self._recheck()
        self.changed.emit()

    def _own_problems(self) -> dict[str, Problem]:
        # Keyed processing_consent and consent:<id>; a link asking for no consent has none.
        if self._info is None or self._options is None:
            return {}
        found = find_problems(self.fill_draft(BookingDraft(slug="")), self._info)
        return {k: p for k, p in found.items() if k == "processing_consent" or k.startswith("consent:")}

    def _refresh_messages(self) -> None:
        for key, box in self._keyed_boxes():
            label = self._problem_labels[key]
            problem = self._problems.get(key)
            text = problem_text(problem) if problem and (key in self._touched or self._show_all) else ""
            label.setText(text)
            label.setVisible(bool(text))
            required = self.tr("required") if box.property("required") else ""
            box.setAccessibleDescription("; ".join(part for part in (required, text) if part))


def _set_quietly(box: QCheckBox, checked: bool) -> None:
    """Tick or untick without it counting as the user's change (`toggled` feeds the touched state)."""
    box.blockSignals(True)
    try:
        box.setChecked(checked)
    finally:
        box.blockSignals(False)
