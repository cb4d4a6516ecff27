"""README screenshots of the booking window, from the demo: drives the window through its public objects.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tools.window_screenshots [--out docs/screenshots]

Writes booking.png (a time picked, the form filled), confirmation.png (booked) and outbox.png (a booking saved
offline); then the looks to check by eye: window-1024.png (a 1024x768 screen, light, a form error showing),
booking-dark.png (the dark theme, the same form error) and window-de.png (German on a 1024x768 screen, through
the app itself). Issue 17's: suggestions.png (typing an attendee: people already known), propose.png (the Propose
times… dialog, attendee in New York), two-zones.png (its open times in both zones) and pasted-link.png (a foreign
URL pasted into the link picker).
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
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from app.ui.runtime import async_bridge

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setQuitOnLastWindowClosed(False)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as profile:
        return async_bridge.run(_shoot(app, args.out, Path(profile)))


async def _shoot(app: object, out: Path, profile: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from app.paths import Paths
    from app.settings import Settings, load_settings, save_settings
    from app.ui.runtime.launch import RESOURCES, save_screenshot
    from app.ui.runtime.style import app_icon, apply_style, apply_theme
    from app.ui.window.main_window import MainWindow
    from app.ui.window.window_controller import WindowController

    assert isinstance(app, QApplication)
    apply_style(app, RESOURCES)
    paths = Paths.for_profile(profile)
    paths.ensure()
    save_settings(paths.settings_file, Settings(timezone="Europe/Berlin", use_24h=True, default_link="alex-morgan"))
    window = MainWindow(on_close=lambda: None, icon=app_icon(RESOURCES))
    window.resize(*SIZE)
    window.open_times.set_second_zone("Europe/Berlin")  # the rep's zone, whatever this machine's is
    demo = argparse.Namespace(demo=True, smoke=False, screenshot=None, api_base=None, kiosk=False)
    session = WindowController(window, demo, paths, load_settings(paths.settings_file))
    window.show()
    try:
        await session.start()
        await session.ready()

        await _rep_tools(window, out)

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
    shots = ("booking", "confirmation", "outbox", "window-1024", "booking-dark", "window-de")
    for name in (*shots, "suggestions", "propose", "pasted-link", "two-zones"):
        print(out / f"{name}.png")
    return 0


def _show_email_error(window: object) -> None:
    """An address without its domain, then leaving the field: the form's own check shows its message."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    from app.ui.window.main_window import MainWindow

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


async def _rep_tools(window: object, out: Path) -> None:
    """Issue 17's features, each driven as a rep would: typing, pasting, the Propose times… button."""
    import asyncio

    from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
    from PySide6.QtGui import QGuiApplication, QPainter
    from PySide6.QtTest import QTest

    from app.ui.runtime.launch import save_screenshot
    from app.ui.window.main_window import MainWindow

    assert isinstance(window, MainWindow)
    form = window.book.form
    suggester = form.suggester
    assert suggester is not None
    first = form.input_for_key("first_name").focus_chain()[0]
    first.setFocus()
    shown: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def arrived() -> None:
        if not shown.done():
            shown.set_result(None)

    suggester.crm_shown.connect(arrived)
    QTest.keyClicks(first, "jan")
    await asyncio.wait_for(shown, 10)
    # The popup is a window of its own: paint it onto the window's picture where it shows.
    picture = window.grab()
    popup = suggester.popup
    if popup.isVisible():
        painter = QPainter(picture)
        painter.drawPixmap(first.mapTo(window, QPoint(0, first.height())), popup.grab())
        painter.end()
    if not picture.save(str(out / "suggestions.png"), "PNG"):  # main() made `out`
        raise OSError(f"could not write {out / 'suggestions.png'}")
    suggester.close()
    form.clear_personal()

    edit = window.link_picker.combo.lineEdit()
    assert edit is not None
    QGuiApplication.clipboard().setText("https://calendly.com/alex-morgan")
    edit.setFocus()
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    save_screenshot(window.link_picker, out / "pasted-link.png")
    QGuiApplication.clipboard().setText("https://meetings.hubspot.com/alex-morgan?embed=true")
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    await window.tasks.idle()

    import app.ui.window.main_window as main_window

    own_zone = main_window.system_timezone_name
    main_window.system_timezone_name = lambda: "Europe/Berlin"  # the rep in Berlin, the attendee in New York
    try:
        if window.controller is not None:
            await window.controller.set_timezone("America/New_York")
        window.propose_button.click()
    finally:
        main_window.system_timezone_name = own_zone
    # The old zone's buttons are deleted later, by the loop; a picture taken now would show them underneath.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    save_screenshot(window.open_times, out / "two-zones.png")
    dialog = window.propose_dialog
    assert dialog is not None
    save_screenshot(dialog, out / "propose.png")
    dialog.reject()
    if window.controller is not None:
        await window.controller.set_timezone("Europe/Berlin")


def _fill(window: object, first: str, last: str) -> None:
    """The attendee's answers, as reopening a draft shows them; then the consent box ticked."""
    from app.booking.draft import BookingDraft
    from app.ui.window.main_window import MainWindow

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
