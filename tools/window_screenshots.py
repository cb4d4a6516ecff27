"""README screenshots of the booking window, from the demo: drives the window through its public objects.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tools.window_screenshots [--out docs/screenshots]

Writes booking.png (a time picked, the form filled), confirmation.png (booked) and outbox.png (a booking saved
offline). The ready window itself comes from the app: `python -m app --demo --smoke --screenshot FILE`.
The demo's data is relative to today, so dates differ between runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_API", "pyside6")

SIZE = (1100, 720)
ANSWERS = {"company": "Analytical Engines Ltd", "agenda": "A first look at scheduling for the front desk."}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from app.ui import async_bridge

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as profile:
        return async_bridge.run(_shoot(app, args.out, Path(profile)))


async def _shoot(app: object, out: Path, profile: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from app.paths import Paths
    from app.settings import Settings, load_settings, save_settings
    from app.ui.main import RESOURCES, save_screenshot
    from app.ui.main_window import MainWindow
    from app.ui.session import Session
    from app.ui.style import app_icon, apply_style

    assert isinstance(app, QApplication)
    apply_style(app, RESOURCES)
    paths = Paths.for_profile(profile)
    paths.ensure()
    save_settings(paths.settings_file, Settings(timezone="Europe/Berlin", use_24h=True, default_link="alex-morgan"))
    window = MainWindow(on_close=lambda: None, icon=app_icon(RESOURCES))
    window.resize(*SIZE)
    demo = argparse.Namespace(demo=True, smoke=False, screenshot=None, api_base=None, kiosk=False)
    session = Session(window, demo, paths, load_settings(paths.settings_file))
    window.show()
    try:
        await session.start()
        await session.ready()

        times = window.open_times.time_buttons()
        times[min(3, len(times) - 1)].click()
        _fill(window, "Ada", "Lovelace")
        save_screenshot(window, out / "booking.png")

        window.book.book_button.click()
        await window.tasks.idle()
        save_screenshot(window, out / "confirmation.png")

        window.book.confirmation.another_button.click()
        window.set_network_online(False)
        window.open_times.time_buttons()[0].click()
        _fill(window, "Grace", "Hopper")
        window.book.book_button.click()
        await window.tasks.idle()
        window.tabs.setCurrentIndex(1)
        window.outbox_panel.table.selectRow(0)  # its actions show as available
        save_screenshot(window, out / "outbox.png")
        await session.services.sender.stop()
    finally:
        window.close()
        await session.aclose()
    for name in ("booking", "confirmation", "outbox"):
        print(out / f"{name}.png")
    return 0


def _fill(window: object, first: str, last: str) -> None:
    """The attendee's answers, as reopening a draft shows them; then the consent box ticked."""
    from app.booking.draft import BookingDraft
    from app.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    email = f"{first.lower()}@northwind.test"
    draft = BookingDraft(slug="", first_name=first, last_name=last, email=email, answers=dict(ANSWERS))
    window.book.form.set_from_draft(draft)
    consent = window.book.consent.processing_box
    if consent is not None and not consent.isChecked():
        consent.click()
    if not window.book.book_button.isEnabled():
        raise SystemExit("the demo link's form changed: Book stays disabled; update tools/window_screenshots.py")


if __name__ == "__main__":
    raise SystemExit(main())
