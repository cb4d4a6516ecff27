"""README screenshots of the booking window, from the demo: drives the window through its public objects.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tools.window_screenshots [--out docs/screenshots]

Writes booking.png (a time picked, the form filled), confirmation.png (booked) and outbox.png (a booking saved
offline); then the looks to check by eye: window-1024.png (a 1024x768 screen, light, a form error showing),
booking-dark.png (the dark theme, the same form error) and window-de.png (German on a 1024x768 screen, through
the app itself).
The ready window itself comes from the app: `python -m app --demo --smoke --screenshot FILE`.
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
    from app.ui.style import app_icon, apply_style, apply_theme

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

        # The looks a rep sees on a small screen and in the dark: the Book tab, a time picked, an email error.
        window.tabs.setCurrentIndex(0)
        window.set_network_online(True)
        window.open_times.time_buttons()[min(2, len(window.open_times.time_buttons()) - 1)].click()
        _fill(window, "Ada", "Lovelace")
        _show_email_error(window)
        window.resize(1024, 768)
        save_screenshot(window, out / "window-1024.png")
        apply_theme(app, "dark")
        window.resize(*SIZE)
        save_screenshot(window, out / "booking-dark.png")
        apply_theme(app, "system")
        await session.services.sender.stop()
    finally:
        window.close()
        await session.aclose()
    _german_window(out / "window-de.png")
    for name in ("booking", "confirmation", "outbox", "window-1024", "booking-dark", "window-de"):
        print(out / f"{name}.png")
    return 0


def _show_email_error(window: object) -> None:
    """An address without its domain, then leaving the field: the form's own check shows its message."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    from app.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    field = window.book.form.input_for_key("email").findChild(QLineEdit)
    assert field is not None
    field.selectAll()
    QTest.keyClicks(field, "ada@")  # typed, as the form listens to edits
    window.book.form.focus_first_problem()  # what pressing Book with a problem does: every message shows
    window.book.banner.clear()


def _german_window(target: Path) -> None:
    """The ready window in German: the language is chosen before any widget exists, so in its own process."""
    import subprocess

    from app.paths import Paths
    from app.settings import Settings, save_settings

    with tempfile.TemporaryDirectory(prefix="screenshots-de-") as profile:
        paths = Paths.for_profile(Path(profile))
        paths.ensure()
        save_settings(
            paths.settings_file,
            Settings(language="de", timezone="Europe/Berlin", use_24h=True, default_link="alex-morgan"),
        )
        # A 1024x768 screen (Qt's offscreen platform reads its screens from a JSON file): the window sizes itself
        # to fit it, as on a small laptop.
        screen = Path(profile) / "screen.json"
        screen.write_text(
            '{"screens": [{"name": "small", "x": 0, "y": 0, "width": 1024, "height": 768, "logicalDpi": 96,'
            ' "logicalBaseDpi": 96, "dpr": 1}]}',
            encoding="utf-8",
        )
        env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}"}
        command = [sys.executable, "-m", "app", "--demo", "--smoke", "--profile", profile, "--screenshot", str(target)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)


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
