"""The kiosk against the in-process sandbox: a visitor books, idle reset forgets them, staff exit needs the PIN."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest
import pytest_asyncio
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from app.kiosk.config import KioskSettings
from app.kiosk.pin import hash_pin
from app.store.cache import Cache
from app.store.database import Database
from app.store.outbox import Outbox, State
from app.ui.kiosk.context import KioskContext
from app.ui.kiosk.style import MIN_TARGET_PX
from app.ui.kiosk.visit import VisitorFlow
from app.ui.kiosk.window import KioskWindow
from tests.kiosk_support import SwitchableTransport, sandbox_client

pytestmark = pytest.mark.gui

PIN = "2468"
PIN_HASH = hash_pin(PIN)
NAME, SURNAME, EMAIL, COMPANY = "Zelda", "Quagmire", "zelda.quagmire@acme.test", "Quagmire Widgets"


class FakeClock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class Kiosk:
    window: KioskWindow
    transport: SwitchableTransport
    db: Database
    clock: FakeClock
    closed: list[bool]

    @property
    def visit(self) -> VisitorFlow:
        assert self.window.visit is not None
        return self.window.visit


async def open_kiosk(qtbot: QtBot, policy: str = "refuse", keyboard: bool = True) -> AsyncIterator[Kiosk]:
    transport = SwitchableTransport()
    client = sandbox_client(transport)
    db = Database.in_memory()
    settings = KioskSettings(offline=policy, keyboard=keyboard, idle_seconds=60, warning_seconds=20)  # type: ignore[arg-type]
    ctx = KioskContext(
        client=client,
        db=db,
        cache=Cache(db),
        kiosk=settings,
        timezone="Europe/Berlin",
        use_24h=True,
        links=[("alex-morgan", "Alex Morgan – intro meeting")],
    )
    clock = FakeClock()
    closed: list[bool] = []
    window = KioskWindow(ctx, pin_hash=PIN_HASH, on_close=lambda: closed.append(True), clock=clock)
    window.resize(1280, 800)
    window.show()
    yield Kiosk(window, transport, db, clock, closed)
    window._may_close = True
    window.close()
    window.deleteLater()
    await window.tasks.aclose()
    if window.visit is not None:
        await window.visit.tasks.aclose()
    await client.aclose()
    db.close()


@pytest_asyncio.fixture
async def kiosk(qtbot: QtBot) -> AsyncIterator[Kiosk]:
    async for opened in open_kiosk(qtbot):
        yield opened


@pytest_asyncio.fixture
async def queue_kiosk(qtbot: QtBot) -> AsyncIterator[Kiosk]:
    async for opened in open_kiosk(qtbot, policy="queue"):
        yield opened


async def begin_visit(k: Kiosk) -> VisitorFlow:
    k.window.start_button.click()
    await k.window.tasks.idle()
    return k.visit


async def fill_to_confirm(k: Kiosk, qtbot: QtBot) -> VisitorFlow:
    visit = await begin_visit(k)
    assert visit.current() is visit.days
    visit.days.buttons[0].click()
    assert visit.current() is visit.times
    visit.times.buttons[0].click()
    assert visit.current() is visit.details
    for key, text in (("first_name", NAME), ("last_name", SURNAME), ("email", EMAIL), ("field:company", COMPANY)):
        qtbot.keyClicks(visit.form.input_for_key(key).focus_chain()[0], text)
    visit.details.next.click()
    assert visit.current() is visit.consent
    visit.consent.next.click()
    assert visit.current() is visit.consent  # the required processing consent is not ticked yet
    assert visit.consent_panel.processing_box is not None
    visit.consent_panel.processing_box.click()
    visit.consent.next.click()
    assert visit.current() is visit.confirm
    return visit


def visible_texts(root: QWidget) -> list[str]:
    """Every text a person or a screen reader could get from the widget tree."""
    texts: list[str] = []
    for widget in root.findChildren(QWidget):
        texts += [widget.accessibleName(), widget.accessibleDescription(), widget.toolTip()]
    for line in root.findChildren(QLineEdit):
        texts += [line.text(), line.placeholderText()]
    for label in root.findChildren(QLabel):
        texts.append(label.text())
    for edit in root.findChildren(QPlainTextEdit):
        texts.append(edit.toPlainText())
    for button in root.findChildren(QAbstractButton):
        texts.append(button.text())
    return texts


def mentions_visitor(root: QWidget) -> list[str]:
    needles = (NAME, SURNAME, EMAIL, COMPANY, "zelda", "quagmire")
    return [t for t in visible_texts(root) if any(n.lower() in t.lower() for n in needles)]


@pytest.mark.asyncio
async def test_a_visitor_books_and_the_kiosk_returns_to_the_start(kiosk: Kiosk, qtbot: QtBot) -> None:
    visit = await fill_to_confirm(kiosk, qtbot)
    summary = visit.confirm.summary.text()
    assert f"{NAME} {SURNAME}" in summary and EMAIL in summary and "Alex Morgan" in summary
    visit.confirm.book.click()
    await visit.tasks.idle()
    assert visit.current() is visit.result
    assert "booked" in visit.result.heading.text()
    booked = kiosk.transport.state.bookings
    assert [(b.email, b.first_name, b.last_name) for b in booked] == [(EMAIL, NAME, SURNAME)]
    assert kiosk.transport.book_calls == 1
    kiosk.clock.now += kiosk.window.ctx.kiosk.thank_you_seconds - 1
    kiosk.window.tick()
    still = kiosk.window.visit  # a local, so that mypy does not take window.visit as `visit` from here on
    assert still is visit
    kiosk.clock.now += 1
    kiosk.window.tick()
    assert kiosk.window.visit is None
    assert kiosk.window.stack.currentWidget() is kiosk.window.attract
    assert not mentions_visitor(kiosk.window)


@pytest.mark.asyncio
async def test_a_double_tap_on_book_now_books_once(kiosk: Kiosk, qtbot: QtBot) -> None:
    """A touch screen under load delivers a double tap as two clicks before any task runs (issue 11)."""
    visit = await fill_to_confirm(kiosk, qtbot)
    qtbot.mouseClick(visit.confirm.book, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(visit.confirm.book, Qt.MouseButton.LeftButton)  # no event-loop turn in between
    await visit.tasks.idle()
    assert kiosk.transport.book_calls == 1
    assert len(kiosk.transport.state.bookings) == 1
    assert visit.current() is visit.result and "booked" in visit.result.heading.text()
    assert Outbox(kiosk.db).counts()[State.SENT] == 1


@pytest.mark.asyncio
async def test_a_time_requested_offline_is_not_offered_to_the_next_visitor(queue_kiosk: Kiosk, qtbot: QtBot) -> None:
    k = queue_kiosk
    await begin_visit(k)  # online once: the link's times are cached
    k.window.reset()
    k.transport.offline = True
    first = await fill_to_confirm(k, qtbot)
    requested = first.start_ms
    first.confirm.book.click()
    await first.tasks.idle()
    assert "request" in first.result.heading.text()
    k.window.reset()

    second = await begin_visit(k)
    offered = [s.start_ms for slots in second.offer.days.values() for s in slots] if second.offer else []
    assert offered and requested not in offered  # held by the queued request: never queued twice
    assert Outbox(k.db).counts()[State.QUEUED] == 1


@pytest.mark.asyncio
async def test_idle_asks_then_resets_and_nothing_of_the_visitor_is_left(kiosk: Kiosk, qtbot: QtBot) -> None:
    visit = await fill_to_confirm(kiosk, qtbot)
    assert mentions_visitor(kiosk.window)  # the check below can see the visitor's data when it is there
    window, clock = kiosk.window, kiosk.clock
    clock.now += 60
    window.tick()
    assert window.idle_prompt.isVisible()
    assert "cleared in 20 second" in window.idle_prompt.countdown.text()
    window.idle_prompt.button.click()  # "I'm still here" keeps the visit
    window.tick()
    kept = window.visit  # a local, so that mypy does not take window.visit as `visit` from here on
    assert not window.idle_prompt.isVisible() and kept is visit
    clock.now += 60
    window.tick()
    clock.now += 20
    window.tick()
    assert window.visit is None and not window.idle_prompt.isVisible()
    assert window.stack.currentWidget() is window.attract
    assert mentions_visitor(window) == []
    next_visit = await begin_visit(kiosk)
    for key in ("first_name", "last_name", "email", "field:company"):
        assert next_visit.form.input_for_key(key).value() is None
    assert next_visit.current() is next_visit.days
    assert mentions_visitor(window) == []


@pytest.mark.asyncio
async def test_esc_and_close_do_not_leave_and_the_pin_does(kiosk: Kiosk, qtbot: QtBot) -> None:
    window = kiosk.window
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    event = QCloseEvent()
    QApplication.sendEvent(window, event)  # what Alt+F4 or the window manager's close button sends
    assert not event.isAccepted()
    assert not window.close()
    assert window.isVisible() and kiosk.closed == []
    assert window.pin_prompt.isVisible()
    qtbot.keyClick(window.pin_prompt, Qt.Key.Key_Escape)  # Esc only dismisses the prompt
    assert not window.pin_prompt.isVisible() and window.isVisible()

    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert window.pin_prompt.isVisible()
    qtbot.keyClicks(window.pin_prompt.field, "1111")
    window.pin_prompt.ok_button.click()
    assert window.pin_prompt.checking is not None
    await window.pin_prompt.checking
    assert "not right" in window.pin_prompt.message.text()
    assert window.isVisible() and kiosk.closed == []
    qtbot.keyClicks(window.pin_prompt.field, PIN)
    qtbot.keyClick(window.pin_prompt.field, Qt.Key.Key_Return)
    await window.pin_prompt.checking
    assert kiosk.closed == [True] and not window.isVisible()


@pytest.mark.asyncio
async def test_wrong_pins_back_off_even_for_the_right_pin(kiosk: Kiosk, qtbot: QtBot) -> None:
    window, prompt = kiosk.window, kiosk.window.pin_prompt
    for _ in range(5):
        window.staff_corner.click()
    assert prompt.isVisible()
    for attempt in range(4):
        prompt.field.setText(f"99{attempt}9")
        prompt.submit()
        assert prompt.checking is not None
        await prompt.checking
    assert "Try again in 5 s" in prompt.message.text()
    prompt.field.setText(PIN)
    prompt.submit()
    assert prompt.checking is not None and prompt.checking.done()  # no new check was started
    assert "Try again in 5 s" in prompt.message.text() and kiosk.closed == []
    kiosk.clock.now += 5
    prompt.field.setText(PIN)
    prompt.submit()
    await prompt.checking
    assert kiosk.closed == [True]


def test_five_quick_taps_in_the_corner_open_the_pin_prompt_slow_ones_do_not(kiosk: Kiosk) -> None:
    window = kiosk.window
    for _ in range(4):
        window.staff_corner.click()
        kiosk.clock.now += 1
    window.staff_corner.click()
    assert not window.pin_prompt.isVisible()  # five taps, but spread over more than three seconds
    for _ in range(4):
        window.staff_corner.click()
    assert window.pin_prompt.isVisible()


@pytest.mark.asyncio
async def test_offline_refuse_asks_at_the_desk_and_keeps_nothing(kiosk: Kiosk, qtbot: QtBot) -> None:
    visit = await fill_to_confirm(kiosk, qtbot)
    kiosk.transport.offline = True
    visit.confirm.book.click()
    await visit.tasks.idle()
    assert visit.current() is visit.result
    assert "ask at the desk" in visit.result.text.text()
    assert kiosk.transport.state.bookings == []
    assert "Offline" in kiosk.window.staff_corner.text() and "0 queued" in kiosk.window.staff_corner.text()
    kiosk.window.reset()
    refused = await begin_visit(kiosk)  # still offline: the next visitor is told at once
    assert refused.current() is refused.result and "ask at the desk" in refused.result.text.text()


@pytest.mark.asyncio
async def test_offline_queue_takes_a_request_worded_honestly(queue_kiosk: Kiosk, qtbot: QtBot) -> None:
    k = queue_kiosk
    await begin_visit(k)  # online once: the link's times are cached
    k.window.reset()
    k.transport.offline = True
    visit = await fill_to_confirm(k, qtbot)
    assert "offline" in visit.days.notice.text().lower()
    assert visit.confirm.book.text() == "Send request"
    visit.confirm.book.click()
    await visit.tasks.idle()
    assert visit.current() is visit.result
    assert "request" in visit.result.heading.text()
    assert "email you when it's confirmed" in visit.result.text.text()
    assert k.transport.state.bookings == []
    assert "Offline" in k.window.staff_corner.text() and "1 queued" in k.window.staff_corner.text()


@pytest.mark.asyncio
async def test_on_screen_keyboard_types_into_the_focused_field(kiosk: Kiosk, qtbot: QtBot) -> None:
    visit = await begin_visit(kiosk)
    visit.days.buttons[0].click()
    visit.times.buttons[0].click()
    email = visit.form.input_for_key("email").focus_chain()[0]
    email.setFocus()
    assert isinstance(email, QLineEdit)
    keys = next(w for w in visit.details.findChildren(QWidget) if type(w).__name__ == "OnScreenKeyboard")
    for key in ("shift", "a", "n", "n", "@", "x", ".com", "backspace", "backspace"):
        keys.keys[key].click()  # type: ignore[attr-defined]
    assert email.text() == "Ann@x.c"
    assert all(k.focusPolicy() == Qt.FocusPolicy.NoFocus for k in keys.keys.values())  # type: ignore[attr-defined]


@pytest.mark.asyncio
async def test_touch_targets_are_large_and_every_control_has_a_name(kiosk: Kiosk, qtbot: QtBot) -> None:
    window = kiosk.window
    visit = await begin_visit(kiosk)
    visit.days.buttons[0].click()
    for screen in (visit.times, visit.details):
        visit.stack.setCurrentWidget(screen)
        QApplication.processEvents()
        for button in screen.findChildren(QAbstractButton):
            if button.isVisibleTo(window) and type(button).__name__ == "QPushButton":
                assert button.width() >= MIN_TARGET_PX and button.height() >= MIN_TARGET_PX, button.text()
        for control in screen.findChildren(QAbstractButton) + screen.findChildren(QLineEdit):
            if control.isVisibleTo(window):
                assert control.accessibleName(), type(control).__name__
    assert window.staff_corner.height() >= MIN_TARGET_PX
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint


@pytest.mark.asyncio
async def test_any_touch_on_the_screen_restarts_the_idle_time(kiosk: Kiosk, qtbot: QtBot) -> None:
    visit = await begin_visit(kiosk)
    kiosk.clock.now += 50
    qtbot.mouseClick(visit.days.title, Qt.MouseButton.LeftButton)  # not even a button: any touch counts
    kiosk.clock.now += 50
    kiosk.window.tick()
    assert not kiosk.window.idle_prompt.isVisible() and kiosk.window.visit is visit
