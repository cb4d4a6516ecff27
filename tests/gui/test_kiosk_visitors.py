"""The kiosk for every visitor and against the next one: keyboards per language, the field in view at 1366×768,
nothing clipped in portrait or full HD, no clipboard between visitors, a counting PIN lockout, the staff corner."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QClipboard, QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.kiosk.attempts import PinAttempts
from app.kiosk.keyboard_layouts import AZERTY, QWERTZ, layout_for
from app.store.outbox import Outbox, State
from app.ui.kiosk.keyboard import OnScreenKeyboard
from app.ui.kiosk.style import MIN_TARGET_PX
from app.ui.kiosk.visit import VisitorFlow
from app.ui.kiosk.window import KioskWindow
from tests.gui.test_kiosk_window import PIN, Kiosk, begin_visit, open_kiosk
from tests.unit.test_outbox_fakes import enqueue, slot_ms

pytestmark = pytest.mark.gui

#: Set KIOSK_SCREENSHOTS=docs/screenshots to refresh the screenshots in the docs from the layout tests.
SHOTS = os.environ.get("KIOSK_SCREENSHOTS", "")


@pytest_asyncio.fixture
async def kiosk(qtbot: QtBot) -> AsyncIterator[Kiosk]:
    async for opened in open_kiosk(qtbot):
        yield opened


async def details(k: Kiosk) -> VisitorFlow:
    visit = await begin_visit(k)
    visit.days.buttons[0].click()
    visit.times.buttons[0].click()
    assert visit.current() is visit.details
    return visit


def keyboard_of(visit: VisitorFlow) -> OnScreenKeyboard:
    return visit.details.findChildren(OnScreenKeyboard)[0]


def in_view(visit: VisitorFlow, widget: QWidget) -> bool:
    """The whole widget lies inside the form's visible part (the scroll area's viewport)."""
    viewport = visit.details.area.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(top_left) and viewport.rect().contains(
        top_left + QPoint(widget.width() - 1, widget.height() - 1)
    )


# --- the keyboard ---------------------------------------------------------------------------------------------


def test_each_language_gets_its_own_letters() -> None:
    assert layout_for("de_DE") is QWERTZ and layout_for("fr-CH") is AZERTY and layout_for("pt_BR").language == "en"
    assert QWERTZ.rows[0].startswith("qwertz") and AZERTY.rows[0].startswith("azerty")
    assert QWERTZ.domains[0] == ".de"


@pytest.mark.asyncio
async def test_the_keyboard_types_a_german_address_with_accents_and_a_plus(kiosk: Kiosk, qtbot: QtBot) -> None:
    visit = await details(kiosk)
    keys = OnScreenKeyboard(visit.details, layout=QWERTZ)
    email = visit.form.input_for_key("email").focus_chain()[0]
    assert isinstance(email, QLineEdit)
    email.setFocus()
    for key in ("shift", "m", "ü", "l", "l", "e", "r", "+", "t", "e", "s", "t", "@", "e", "x", "ä", "m", "p", "l"):
        keys.keys[key].click()
    keys.keys["e"].click()
    keys.keys[".de"].click()
    assert email.text() == "Müller+test@exämple.de"
    assert keys.keys["shift"].text() and not keys.shifted  # one capital, then back to small letters
    assert all(key.focusPolicy() == Qt.FocusPolicy.NoFocus for key in keys.keys.values())
    assert all(key.accessibleName() for key in keys.keys.values())


# --- 1366×768 with the keyboard up ------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_the_field_being_typed_in_and_the_first_problem_stay_in_view(kiosk: Kiosk, qtbot: QtBot) -> None:
    kiosk.window.resize(1366, 768)
    visit = await details(kiosk)
    QApplication.processEvents()
    assert keyboard_of(visit).isVisible()
    company = visit.form.input_for_key("field:company").focus_chain()[0]
    company.setFocus()
    QApplication.processEvents()
    assert in_view(visit, company)  # the last field: only reachable by scrolling
    visit.details.next.click()  # every required field is empty
    QApplication.processEvents()
    first = visit.form.input_for_key("first_name").focus_chain()[0]
    assert QApplication.focusWidget() is first and in_view(visit, first)
    assert visit.details.notice.isVisible() and "check" in visit.details.notice.text()
    assert visit.form.message_for_key("first_name") == "Enter your first name."  # spoken to the visitor
    email = visit.form.input_for_key("email").focus_chain()[0]
    email.setFocus()
    QApplication.processEvents()
    assert in_view(visit, email)
    assert visit.form.message_for_key("email") == "Enter your email address."


# --- nothing clipped ------------------------------------------------------------------------------------------


def clipped(window: QWidget) -> list[str]:
    """Visible texts that do not fit: a button's unelided text wider than it, a one-line label wider than it,
    or a widget reaching past the window's edges."""
    found = []
    bounds = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.width() == 0:
            continue
        corner = widget.mapTo(window, QPoint(0, 0))
        if isinstance(widget, QAbstractButton | QLabel) and widget.text():
            outside = corner.x() < 0 or corner.x() + widget.width() > bounds.width()
            if outside and not _inside_scroll(widget, window):
                found.append(f"outside the window: {widget.text()!r}")
        if isinstance(widget, QAbstractButton) and not isinstance(widget, QCheckBox) and widget.text():
            room = widget.contentsRect().width() - 12  # the style sheet's border and smallest padding
            if widget.fontMetrics().horizontalAdvance(widget.text()) > room:
                found.append(f"button text cut: {widget.text()!r}")
        elif isinstance(widget, QLabel) and widget.text() and not widget.wordWrap() and _too_wide(widget):
            found.append(f"label cut: {widget.text()!r}")
    buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window) and b.width()]
    for index, button in enumerate(buttons):  # a row too wide for the screen squeezes its keys over each other
        for other in buttons[index + 1 :]:
            if other.parentWidget() is button.parentWidget() and button.geometry().intersects(other.geometry()):
                found.append(f"overlapping: {button.text()!r} and {other.text()!r}")
    return found


def _too_wide(label: QLabel) -> bool:
    first_line = label.text().split("\n")[0]
    return label.pixmap().isNull() and label.fontMetrics().horizontalAdvance(first_line) > label.contentsRect().width()


def _inside_scroll(widget: QWidget, window: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if parent.objectName() == "qt_scrollarea_viewport":
            return True
        parent = parent.parentWidget()
    return False


def shot(window: KioskWindow, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        assert window.grab().save(str(Path(SHOTS) / name), "PNG")


@pytest.mark.asyncio
@pytest.mark.parametrize(("width", "height"), [(800, 1280), (1920, 1080), (1366, 768)])
async def test_no_text_is_clipped_in_portrait_or_landscape(kiosk: Kiosk, width: int, height: int) -> None:
    window = kiosk.window
    window.resize(width, height)
    QApplication.processEvents()
    assert clipped(window) == [], "welcome screen"
    shot(window, f"kiosk-welcome-{width}x{height}.png")
    visit = await begin_visit(kiosk)
    QApplication.processEvents()
    assert clipped(window) == [], "days"
    assert all(b.text() == b.accessibleName() or b.text().endswith("…") for b in visit.days.buttons)
    shot(window, f"kiosk-days-{width}x{height}.png")
    visit.days.buttons[0].click()
    QApplication.processEvents()
    assert clipped(window) == [], "times"
    visit.times.buttons[0].click()
    QApplication.processEvents()
    assert clipped(window) == [], "details"
    shot(window, f"kiosk-details-{width}x{height}.png")
    visit.stack.setCurrentWidget(visit.consent)
    QApplication.processEvents()
    assert clipped(window) == [], "consent"
    shot(window, f"kiosk-consent-{width}x{height}.png")


# --- nothing passes from one visitor to the next -------------------------------------------------------------


@pytest.mark.asyncio
async def test_clipboard_and_selection_are_empty_after_a_reset(kiosk: Kiosk, qtbot: QtBot) -> None:
    visit = await details(kiosk)
    email = visit.form.input_for_key("email").focus_chain()[0]
    assert isinstance(email, QLineEdit)
    qtbot.keyClicks(email, "first.visitor@acme.test")
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("first.visitor@acme.test")  # however it got there
    if clipboard.supportsSelection():
        clipboard.setText("first.visitor@acme.test", QClipboard.Mode.Selection)
    kiosk.window.reset()
    assert clipboard.text() == ""
    assert clipboard.text(QClipboard.Mode.Selection) == ""


@pytest.mark.asyncio
async def test_kiosk_inputs_have_no_context_menu_paste_or_copy(kiosk: Kiosk, qtbot: QtBot) -> None:
    visit = await details(kiosk)
    email = visit.form.input_for_key("email").focus_chain()[0]
    assert isinstance(email, QLineEdit)
    QGuiApplication.clipboard().setText("someone.else@acme.test")
    email.setFocus()
    qtbot.keyClick(email, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(email, Qt.Key.Key_Insert, Qt.KeyboardModifier.ShiftModifier)
    assert email.text() == ""
    qtbot.keyClicks(email, "mine@acme.test")
    email.selectAll()
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(email, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == ""
    menu_event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), email.mapToGlobal(QPoint(5, 5)))
    assert QApplication.instance().notify(email, menu_event) is True  # type: ignore[union-attr]
    assert not any(w.isVisible() for w in QApplication.topLevelWidgets() if w.inherits("QMenu"))
    qtbot.mouseClick(email, Qt.MouseButton.MiddleButton)
    assert email.text() == "mine@acme.test"


@pytest.mark.asyncio
async def test_the_still_there_prompt_hides_what_was_typed(kiosk: Kiosk, qtbot: QtBot) -> None:
    visit = await details(kiosk)
    first = visit.form.input_for_key("first_name").focus_chain()[0]
    assert isinstance(first, QLineEdit)
    qtbot.keyClicks(first, "Zelda")
    kiosk.clock.now += 61
    kiosk.window.tick()
    assert kiosk.window.idle_prompt.isVisible()
    with_name = kiosk.window.grab().toImage()
    first.setText("Someone with a much longer name")
    without = kiosk.window.grab().toImage()
    assert with_name == without  # nothing of the form shows through the prompt, dimmed or not


# --- staff ----------------------------------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_the_pin_lockout_counts_down_and_outlives_the_window(kiosk: Kiosk, qtbot: QtBot, tmp_path: Path) -> None:
    kiosk.window.pin_prompt.attempts = PinAttempts(kiosk.clock, path=tmp_path / "attempts.json")
    prompt = kiosk.window.pin_prompt
    kiosk.window.ask_for_pin()
    for attempt in range(4):
        prompt.field.setText(f"99{attempt}9")
        prompt.submit()
        assert prompt.checking is not None
        await prompt.checking
    assert prompt.message.text() == "Too many wrong PINs. Try again in 5 s."
    kiosk.clock.now += 1.2
    prompt.countdown.timeout.emit()
    assert prompt.message.text() == "Too many wrong PINs. Try again in 4 s."
    kiosk.clock.now += 4
    prompt.countdown.timeout.emit()
    assert "try the PIN again" in prompt.message.text() and not prompt.countdown.isActive()
    prompt.field.setText("1111")
    prompt.submit()
    checking = prompt.checking
    assert checking is not None
    await checking
    # A new kiosk window (a restart) on the same file: still locked, and it says so as the prompt opens.
    again = PinAttempts(kiosk.clock, path=tmp_path / "attempts.json")
    assert again.failures == 5 and again.wait_s() == 10
    prompt.dismiss()
    prompt.attempts = again
    prompt.open_prompt()
    assert prompt.message.text() == "Too many wrong PINs. Try again in 10 s."
    prompt.field.setText(PIN)
    prompt.submit()
    assert kiosk.closed == []


@pytest.mark.asyncio
async def test_the_staff_corner_follows_the_connection_and_counts_what_needs_staff(kiosk: Kiosk) -> None:
    window = kiosk.window
    probes: list[bool] = []
    window._probe_connection = lambda: probes.append(True)
    for _ in range(10):
        window.tick()
    assert probes == []  # online: checked once a minute
    window.set_online(False)
    for _ in range(10):
        window.tick()
    assert probes == [True]  # offline: checked every ten seconds, so "Online" comes back by itself
    assert "Offline" in window.staff_corner.text()
    outbox = Outbox(kiosk.db)
    enqueue(outbox, slot_ms(48))
    for state in (State.REJECTED, State.UNKNOWN):
        draft_id = enqueue(outbox, slot_ms(72))
        outbox.mark_sending(draft_id)
        outbox.mark_failed(draft_id, state, error="refused")
    for _ in range(5):
        window.tick()
    assert "1 queued" in window.staff_corner.text() and "2 need staff" in window.staff_corner.text()


@pytest.mark.asyncio
async def test_consent_boxes_are_big_and_their_text_ticks_them(kiosk: Kiosk) -> None:
    visit = await details(kiosk)
    boxes = visit.consent.findChildren(QCheckBox)
    assert boxes  # the demo link asks for consent to processing
    for box in boxes:
        visit.stack.setCurrentWidget(visit.consent)
        QApplication.processEvents()
        assert box.width() >= MIN_TARGET_PX and box.height() >= MIN_TARGET_PX
        label = box.parentWidget().findChildren(QLabel)[0]  # type: ignore[union-attr]
        before = box.isChecked()
        QApplication.sendEvent(label, _release(label))
        assert box.isChecked() is not before


def _release(label: QLabel) -> QEvent:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QMouseEvent

    centre = QPointF(label.rect().center())
    return QMouseEvent(
        QEvent.Type.MouseButtonRelease,
        centre,
        label.mapToGlobal(centre),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
