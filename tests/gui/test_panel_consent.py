"""ConsentPanel: HubSpot's texts shown safely, the processing box blocks booking, opt-ins independent and unticked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.booking import messages
from app.booking.draft import BookingDraft
from app.ui.panels.consent_panel import ConsentPanel, rich_text
from app.ui.panels.rich_text import plain_text, sanitize_html
from tests.gui.window_support import show_active
from tests.unit.booking_fixtures import booking_info, legal_consent, valid_draft

pytestmark = pytest.mark.gui


def make_panel(qtbot: QtBot, **consent_kwargs: object) -> ConsentPanel:
    panel = ConsentPanel()
    qtbot.addWidget(panel)
    panel.set_booking_info(booking_info(consent=legal_consent(**consent_kwargs)))  # type: ignore[arg-type]
    show_active(qtbot, panel)
    return panel


def shown_texts(panel: ConsentPanel) -> list[str]:
    # HubSpot's texts, not the labels beside the boxes (those are the boxes' buddies).
    return [
        label.text()
        for label in panel.findChildren(QLabel)
        if label.isVisible() and label.text() and label.buddy() is None
    ]


def test_texts_are_shown_verbatim_in_hubspots_order(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    assert shown_texts(panel) == [
        "We store your data to arrange the meeting.",
        "We would like to stay in touch.",
        "See our privacy policy.",
    ]
    assert panel.processing_box is not None
    assert panel.text_of(panel.processing_box) == "I agree to the processing of my data. *"
    assert [panel.text_of(box) for box in panel.communication_boxes.values()] == ["Newsletter", "Product updates"]


def test_required_processing_box_blocks_until_ticked(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    assert not panel.is_valid()
    assert panel.focus_first_problem()
    assert panel.message_for_key("processing_consent") == messages.PROCESSING_CONSENT_REQUIRED
    box = panel.processing_box
    assert box is not None
    assert box.hasFocus()
    with qtbot.waitSignal(panel.validity_changed) as blocker:
        qtbot.keyClick(box, Qt.Key.Key_Space)
    assert blocker.args == [True]
    assert panel.message_for_key("processing_consent") == ""
    assert panel.fill_draft(BookingDraft(slug="s")).processing_consent is True


def test_communication_boxes_start_unticked_and_are_independent(qtbot: QtBot) -> None:
    panel = make_panel(qtbot, processing="IMPLICIT")
    assert panel.processing_box is None
    # Implicit processing consent needs no tick, so nothing blocks booking.
    assert panel.is_valid()
    assert panel.processing_consent is True
    assert panel.communication_consents == {"101": False, "102": False}
    qtbot.keyClick(panel.communication_boxes["102"], Qt.Key.Key_Space)
    assert panel.communication_consents == {"101": False, "102": True}


def test_required_communication_box_blocks_with_its_own_message(qtbot: QtBot) -> None:
    panel = make_panel(qtbot, processing="IMPLICIT", required_ids=("101",))
    assert not panel.is_valid()
    panel.show_problems()
    assert panel.message_for_key("consent:101") == "Tick “Newsletter”; it is required to book."
    assert panel.message_for_key("consent:102") == ""
    assert "required" in panel.communication_boxes["101"].accessibleDescription()
    qtbot.keyClick(panel.communication_boxes["101"], Qt.Key.Key_Space)
    assert panel.is_valid()


def test_draft_round_trip_and_clear(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    draft = valid_draft(processing_consent=True, communication_consents={"101": True, "102": False})
    panel.set_from_draft(draft)
    assert panel.fill_draft(valid_draft()) == draft
    panel.clear_personal()
    assert panel.processing_consent is False
    assert panel.communication_consents == {"101": False, "102": False}
    # Cleared for the next attendee: no message shown before they touch anything.
    assert panel.message_for_key("processing_consent") == ""


def test_link_without_consent_shows_nothing_and_blocks_nothing(qtbot: QtBot) -> None:
    panel = ConsentPanel()
    qtbot.addWidget(panel)
    panel.set_booking_info(booking_info())
    assert panel.isHidden()
    assert panel.is_valid()
    assert panel.communication_consents == {}


def test_html_from_hubspot_is_rendered_safely(qtbot: QtBot) -> None:
    consent = legal_consent()
    consent["privacyPolicyText"] = (
        'Read our <a href="https://example.org/privacy" onclick="steal()">privacy policy</a>.'
        "<script>alert(1)</script><img src=https://tracker.example.org/p.gif>"
        '<a href="javascript:alert(2)">click</a>'
    )
    panel = ConsentPanel()
    qtbot.addWidget(panel)
    panel.set_booking_info(booking_info(consent=consent))
    label = next(label for label in panel.findChildren(QLabel) if "privacy policy" in label.text())
    assert label.text() == 'Read our <a href="https://example.org/privacy">privacy policy</a>.<a>click</a>'
    assert label.textFormat() == Qt.TextFormat.RichText
    assert label.openExternalLinks()
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard


def test_sanitizer_drops_unsafe_markup() -> None:
    assert sanitize_html("<b onmouseover=x>bold</b><style>p{}</style><iframe>x</iframe>") == "<b>bold</b>"
    assert sanitize_html("<p>open <em>never closed") == "<p>open <em>never closed</em></p>"
    assert sanitize_html("a &lt;b&gt; &amp; c") == "a &lt;b&gt; &amp; c"
    assert sanitize_html('<a href="mailto:dpo@example.org">DPO</a>') == '<a href="mailto:dpo@example.org">DPO</a>'
    assert plain_text("<p>We <b>care</b></p><script>x()</script>") == "We care"


def test_plain_text_keeps_its_line_breaks() -> None:
    assert rich_text("Terms & conditions\nLine two") == "Terms &amp; conditions<br>Line two"


def test_long_box_texts_wrap_instead_of_being_cut_off(qtbot: QtBot) -> None:
    long_text = " ".join(["I agree to allow Northwind Traders to store and process my personal data."] * 3)
    consent = legal_consent()
    consent["processingConsentCheckboxLabel"] = long_text
    panel = ConsentPanel()
    qtbot.addWidget(panel)
    panel.set_booking_info(booking_info(consent=consent))
    panel.resize(320, 600)
    panel.show()
    qtbot.waitExposed(panel)
    box = panel.processing_box
    assert box is not None
    label = next(label for label in panel.findChildren(QLabel) if label.buddy() is box)
    assert label.text() == f"{long_text} *"
    # The whole text fits the panel's width: several lines, not one line running off the edge.
    assert panel.minimumSizeHint().width() <= 320
    assert label.geometry().right() <= panel.width()
    assert label.height() >= 3 * label.fontMetrics().height()
    assert box.accessibleName() == long_text


def test_clicking_the_text_ticks_the_box(qtbot: QtBot) -> None:
    panel = make_panel(qtbot)
    box = panel.processing_box
    assert box is not None
    label = next(label for label in panel.findChildren(QLabel) if label.buddy() is box)
    with qtbot.waitSignal(panel.changed):
        qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    assert box.isChecked()
    assert panel.is_valid()
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    assert not box.isChecked()
