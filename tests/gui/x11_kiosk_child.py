"""Run by test_kiosk_x11_selection.py on an Xvfb display: a kiosk visit with a typed email, then a reset.

Protocol, one line each way: it prints `READY` and waits for a line; prints `AT window x y` (the email field's
centre in its X window) and waits; resets the kiosk, prints `RESET` and waits; then exits. The event loop keeps
running while it waits, so the X11 selection and clipboard owners answer xclip.
"""

from __future__ import annotations

import asyncio
import sys

from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from app.kiosk.config import KioskSettings
from app.kiosk.pin import hash_pin
from app.store.cache import Cache
from app.store.database import Database
from app.ui.kiosk.context import KioskContext
from app.ui.kiosk.window import KioskWindow
from app.ui.runtime import async_bridge
from tests.kiosk_support import SwitchableTransport, sandbox_client


async def main() -> int:
    client = sandbox_client(SwitchableTransport())
    db = Database.in_memory()
    ctx = KioskContext(
        client=client,
        db=db,
        cache=Cache(db),
        kiosk=KioskSettings(),
        timezone="Europe/Berlin",
        use_24h=True,
        links=[("alex-morgan", "Alex Morgan")],
    )
    window = KioskWindow(ctx, pin_hash=hash_pin("2468"), on_close=lambda: None)
    window.setGeometry(0, 0, 1280, 800)
    window.show()
    window.start_button.click()
    await window.tasks.idle()
    visit = window.visit
    assert visit is not None
    visit.days.buttons[0].click()
    visit.times.buttons[0].click()
    email = visit.form.input_for_key("email").focus_chain()[0]
    email.setFocus()
    email.setText("firstvisitor@acme.test")  # type: ignore[attr-defined]
    QGuiApplication.clipboard().setText("copied-by-visitor-1")  # however it got there
    await asyncio.sleep(0.5)  # let the window map (and the form scroll the focused field into view)
    print("READY", flush=True)
    await asyncio.to_thread(sys.stdin.readline)
    # Where it is now (after any scrolling), in the window's own coordinates: without a window manager Qt's idea of
    # the window's place on the screen can differ from the X server's.
    centre = email.mapTo(window, QPoint(40, email.height() // 2))
    print(f"AT {int(window.winId())} {centre.x()} {centre.y()}", flush=True)
    await asyncio.to_thread(sys.stdin.readline)
    window.reset()
    print("RESET", flush=True)
    await asyncio.to_thread(sys.stdin.readline)
    window._may_close = True
    window.close()
    await window.tasks.aclose()
    await client.aclose()
    db.close()
    return 0


if __name__ == "__main__":
    QApplication(sys.argv)
    sys.exit(async_bridge.run(main()))
