"""A small screen-reader stand-in: walks the app over AT-SPI and books a meeting by keyboard alone.

Runs under Debian's own Python (`/usr/bin/python3` with python3-pyatspi), never the project's venv, inside the
D-Bus session `dbus-run-session` made for it. It starts the accessibility bus, the registry and the app itself
(so all three share that session), then writes one JSON report to REPORT_FILE; tests/a11y/test_screen_reader.py
asserts on it. Progress goes to stderr. Every wait polls AT-SPI with a deadline; nothing sleeps to prove anything.

Usage: atspi_client.py REPORT_FILE EXPECT_JSON -- APP_COMMAND...
EXPECT_JSON names the strings the walk looks for in the UI language (Book, field names, the outcome heading).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

INTERACTIVE = {
    "push button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "entry",
    "password text",
    "spin button",
    "toggle button",
    "page tab",
    "slider",
    "menu item",
    "table cell",
    "list item",
}


_T0 = time.monotonic()


def log(*parts: object) -> None:
    print(f"[{time.monotonic() - _T0:6.2f}s]", *parts, file=sys.stderr, flush=True)


def wait_for(what: str, probe, timeout: float = 15.0, interval: float = 0.05):
    """Poll `probe()` until it returns something truthy; fail with `what` at the deadline."""
    log("waiting for", what)
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        time.sleep(interval)


def start_bus() -> list[subprocess.Popen]:
    """The accessibility bus and registry for this D-Bus session (what a desktop session runs)."""
    launcher = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"])
    registry = subprocess.Popen(["/usr/libexec/at-spi2-registryd"], stderr=subprocess.DEVNULL)
    return [launcher, registry]


class Client:
    def __init__(self, expect: dict[str, str]) -> None:
        import pyatspi

        self.pyatspi = pyatspi
        self.expect = expect
        self.app = None
        self.announcements: list[str] = []
        self.window_id = ""

    # --- tree -----------------------------------------------------------------------------------------------

    def find_app(self):
        desktop = self.pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            if app is not None and app.name == "booking-assistant" and app.childCount:
                return app
        return None

    def showing(self, node) -> bool:
        try:
            return node.getState().contains(self.pyatspi.STATE_SHOWING)
        except Exception:
            return False

    def walk(self, node=None):
        """Every showing node below `node` (the app), depth first, in tree (reading) order."""
        root = node if node is not None else self.app
        stack = [root]
        while stack:
            current = stack.pop()
            if current is None or not self.showing(current):
                continue
            yield current
            children = [current.getChildAtIndex(i) for i in range(current.childCount)]
            stack.extend(reversed(children))

    def labelled_by(self, node) -> list[str]:
        names = []
        for relation in node.getRelationSet():
            if relation.getRelationType() == self.pyatspi.RELATION_LABELLED_BY:
                names += [relation.getTarget(i).name for i in range(relation.getNTargets())]
        return names

    def is_caption(self, node) -> bool:
        return any(r.getRelationType() == self.pyatspi.RELATION_LABEL_FOR for r in node.getRelationSet())

    def actions(self, node) -> list[str]:
        try:
            action = node.queryAction()
        except NotImplementedError:
            return []
        return [action.getName(i) for i in range(action.nActions)]

    def state(self, node, name: str) -> bool:
        return node.getState().contains(getattr(self.pyatspi, f"STATE_{name}"))

    def spoken(self, node) -> str:
        """Roughly what a screen reader says on focus: labels (from the relation), name, role, description."""
        role = node.getRoleName()
        name = node.name
        if role == "text" and node.parent is not None and node.parent.getRoleName() == "combo box":
            node, role = node.parent, "combo box"  # an editable combo's line edit: the combo is what is read
        labels = [label for label in self.labelled_by(node) if label and label != node.name]
        parts = [*labels, node.name or name, role]
        if node.description:
            parts.append(node.description)
        if role in ("check box", "radio button") and self.state(node, "CHECKED"):
            parts.append("checked")
        if not self.state(node, "ENABLED"):
            parts.append("unavailable")
        return " | ".join(p for p in parts if p)

    def unnamed_interactive(self) -> list[str]:
        """Showing interactive objects a screen reader can only call by their role."""
        found = []
        for node in self.walk():
            role = node.getRoleName()
            if role not in INTERACTIVE:
                continue
            if node.name or any(self.labelled_by(node)):
                continue
            parent = node.parent
            if role == "text" and parent is not None and parent.getRoleName() == "combo box" and parent.name:
                continue  # an editable combo's line edit is read through its combo
            found.append(f"{role} ({'enabled' if self.state(node, 'ENABLED') else 'disabled'})")
        return found

    def focused(self):
        """The innermost focused interactive node (containers and page tabs carry the state too)."""
        focused = [node for node in self.walk() if self.state(node, "FOCUSED")]
        # A selected page tab keeps the focused state while focus is elsewhere: it counts only when alone.
        inner = [n for n in focused if n.getRoleName() not in ("page tab", "page tab list", "filler", "frame")]
        return (inner or focused or [None])[-1]

    def find(self, role: str, name: str = "", contains: str = ""):
        for node in self.walk():
            if node.getRoleName() != role:
                continue
            if name and node.name != name:
                continue
            if contains and contains not in node.name:
                continue
            return node
        return None

    # --- input ------------------------------------------------------------------------------------------

    def key(self, *keys: str) -> None:
        subprocess.run(["xdotool", "key", "--clearmodifiers", *keys], check=True)

    def type_text(self, text: str) -> None:
        subprocess.run(["xdotool", "type", "--delay", "8", text], check=True)

    def focus_window(self) -> None:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "Booking Assistant"],
            check=True,
            capture_output=True,
            text=True,
        )
        self.window_id = found.stdout.split()[0]
        subprocess.run(["xdotool", "windowfocus", "--sync", self.window_id], check=True)

    def node_key(self, node) -> tuple:
        # Identity across polls: role, name and position on screen (the proxies differ each time).
        try:
            extents = node.queryComponent().getExtents(self.pyatspi.DESKTOP_COORDS)
            where = (extents.x, extents.y)
        except NotImplementedError:
            where = ()
        return (node.getRoleName(), node.name, where)

    def press_and_follow(self, keys: str, before) -> object:
        """Press `keys`; return the node focus moved to (polled; the same node again counts after a deadline)."""
        old = self.node_key(before) if before is not None else None
        self.key(keys)
        try:
            return wait_for(
                f"focus to move on {keys}",
                lambda: (n := self.focused()) is not None and self.node_key(n) != old and n,
                timeout=3.0,
            )
        except TimeoutError:
            return self.focused()

    # --- announcements ----------------------------------------------------------------------------------

    def listen(self) -> None:
        """Collect `object:announcement` events (Qt >= 6.8 QAccessibleAnnouncementEvent)."""

        def on_event(event) -> None:
            text = event.any_data if isinstance(event.any_data, str) else ""
            self.announcements.append(text or str(event.source.name))

        self.pyatspi.Registry.registerEventListener(on_event, "object:announcement")
        self._on_event = on_event

    def pump(self) -> None:
        """Deliver queued D-Bus events to the listener (the client has no main loop running)."""
        from gi.repository import GLib

        context = GLib.MainContext.default()
        while context.pending():
            context.iteration(False)


def describe(client: Client, node) -> str:
    return client.spoken(node) if node is not None else "(nothing focused)"


def run(expect: dict[str, str], app_command: list[str]) -> dict:
    report: dict = {"errors": []}
    bus = start_bus()
    app = None
    try:
        app = subprocess.Popen(app_command)
        client = Client(expect)
        client.listen()
        client.app = wait_for("the app on the accessibility bus", client.find_app, timeout=30)
        # The calendar is ready when a day with open times shows up.
        wait_for(
            "open days in the calendar",
            lambda: any(n.description == expect["open_day"] and client.state(n, "ENABLED") for n in client.walk()),
            timeout=30,
        )
        report["unnamed"] = client.unnamed_interactive()
        book = client.find("push button", name=expect["book"])
        report["book_disabled_says"] = book.description if book is not None else None
        hint = client.find("label", contains=expect["missing_hint"])
        report["visible_hint"] = hint.name if hint is not None else ""
        bar = next((n for n in client.walk() if n.getRoleName() == "status bar"), None)
        report["status_bar"] = [client.spoken(n) for n in client.walk(bar) if n is not bar] if bar else []
        report["day_actions"] = sorted(
            {a for n in client.walk() if n.description == expect["open_day"] for a in client.actions(n)}
        )
        client.focus_window()
        report.update(keyboard_booking(client, expect))
        report.update(read_confirmation(client, expect))
        if report.get("booked"):
            report.update(assistive_text_entry(client, expect))
    except Exception as exc:  # the report says where the walk stopped; the test shows it
        report["errors"].append(f"{type(exc).__name__}: {exc}")
    finally:
        if app is not None:
            app.terminate()
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()
        for process in bus:
            process.terminate()
    return report


def keyboard_booking(client: Client, expect: dict[str, str]) -> dict:
    """From the link picker, Tab through the window, acting on each stop as a keyboard user would."""
    client.key(expect["link_key"])  # the label's mnemonic (Alt+M) puts focus in the picker
    current = wait_for(
        "focus in the link picker",
        lambda: (n := client.focused()) is not None and expect["link_label"] in client.spoken(n) and n,
    )
    stops = [describe(client, current)]
    fields = {expect["first_name"]: "Grace", expect["last_name"]: "Hopper", expect["email"]: "grace@example.test"}
    fields[expect["company"]] = "Northwind"
    reached_book = False
    chose_day = chose_time = False
    for _ in range(60):
        current = client.press_and_follow("Tab", current)
        if current is None:
            break
        stops.append(describe(client, current))
        role, name = current.getRoleName(), current.name
        if role == "push button" and name == expect["book"]:
            reached_book = True
            break
        if not chose_day and current.description == expect["open_day"]:
            client.key("Return")
            chose_day = True
            # The times' heading is the date; today's cell says so after it ("<date>, today").
            day = name.removesuffix(expect["today"])
            wait_for("the day's open times", lambda day=day: client.find("label", contains=day), timeout=10)
        elif chose_day and not chose_time and role in ("check box", "push button") and expect["time_sep"] in name:
            client.key("space")
            chose_time = True
            wait_for("the chosen time", lambda: client.find("label", contains=expect["chosen"]) is not None)
        elif role == "text" and name in fields:
            client.type_text(fields[name])
        elif (
            role == "check box"
            and current.description.startswith(expect["required"])
            and not client.state(current, "CHECKED")
        ):
            client.key("space")
            wait_for("the required box ticked", lambda box=current: client.state(box, "CHECKED"), timeout=5)
    result: dict = {"tab_stops": stops, "reached_book": reached_book}
    if not reached_book:
        return result
    book = current
    wait_for("Book to become available", lambda: client.state(book, "ENABLED"), timeout=10)
    client.key("space")
    heading = wait_for(
        "the outcome heading",
        lambda: client.find("label", contains=expect["booked"]) or client.find("heading", contains=expect["booked"]),
        timeout=20,
    )
    result["booked"] = True
    result["outcome_heading"] = heading.name
    # The announcement arrives as a D-Bus signal; deliver whatever is queued until it is there (bounded).
    try:
        wait_for(
            "the outcome announcement",
            lambda: (client.pump(), any(expect["booked"] in a for a in client.announcements))[1],
            timeout=5,
        )
    except TimeoutError:
        pass
    result["announcements"] = list(client.announcements)
    focus = wait_for("focus after booking", client.focused, timeout=5)
    result["focus_after_book"] = describe(client, focus)
    return result


def read_confirmation(client: Client, expect: dict[str, str]) -> dict:
    """Everything the confirmation exposes, in reading order, as a screen reader's review mode meets it."""
    if not expect.get("confirmation"):
        return {}
    view = next((n for n in client.walk() if n.name == expect["confirmation"] and n.getRoleName() != "label"), None)
    if view is None:
        return {"heard_at_confirmation": []}
    heard = []
    for node in client.walk(view):
        if node is view or node.getRoleName() not in ("label", "push button", "heading", "link", "static"):
            continue
        if client.is_caption(node):
            continue  # read together with the value it labels
        heard.append(client.spoken(node))
    return {"heard_at_confirmation": heard}


def assistive_text_entry(client: Client, expect: dict[str, str]) -> dict:
    """Book another, then fill the fields the way dictation does (EditableText), and choose with Toggle."""
    result: dict = {}
    another = client.find("push button", name=expect["book_another"])
    another.queryAction().doAction(client.actions(another).index("Press"))
    book = wait_for("the form again", lambda: client.find("push button", name=expect["book"]))
    day = wait_for(
        "an open day",
        lambda: next(
            (n for n in client.walk() if n.description == expect["open_day"] and client.state(n, "ENABLED")), None
        ),
    )
    # Another day than the one still chosen: Toggle (a check box's default action) must choose it too.
    day = next(
        (
            n
            for n in client.walk()
            if n.description == expect["open_day"] and client.state(n, "ENABLED") and not client.state(n, "CHECKED")
        ),
        day,
    )
    actions = client.actions(day)
    day_name = day.name

    def time_of_day():
        return next(
            (
                n
                for n in client.walk()
                if n.getRoleName() in ("check box", "push button")
                and n.name.startswith(day_name)
                and n.name != day_name
            ),
            None,
        )

    if "Toggle" in actions:
        day.queryAction().doAction(actions.index("Toggle"))
    result["toggle_day_chose"] = bool(_poll(time_of_day))
    time_button = time_of_day()
    if time_button is None:  # Toggle did not choose the day: Press does (so the rest can be checked)
        day.queryAction().doAction(actions.index("Press"))
        time_button = _poll(time_of_day)
    if time_button is not None and "Toggle" in client.actions(time_button):
        time_button.queryAction().doAction(client.actions(time_button).index("Toggle"))
        result["toggle_time_chose"] = bool(_poll(lambda: client.find("label", contains=expect["chosen"])))
    if not client.find("label", contains=expect["chosen"]) and time_button is not None:
        time_button.queryAction().doAction(client.actions(time_button).index("Press"))
    for field, text in ((expect["first_name"], "Ada"), (expect["last_name"], "Lovelace"), (expect["company"], "X")):
        node = client.find("text", name=field)
        node.queryEditableText().setTextContents(text)
    consent = next(
        (n for n in client.walk() if n.getRoleName() == "check box" and n.description.startswith(expect["required"])),
        None,
    )
    if consent is not None and not client.state(consent, "CHECKED"):
        consent.queryAction().doAction(client.actions(consent).index("Toggle"))
    book = client.find("push button", name=expect["book"])
    result["book_says_before_email"] = book.description
    client.find("text", name=expect["email"]).queryEditableText().setTextContents("ada@example.test")
    result["book_enabled_after_editable_text"] = bool(
        _poll(lambda: (b := client.find("push button", name=expect["book"])) is not None and client.state(b, "ENABLED"))
    )
    return result


def _poll(probe, timeout: float = 5.0):
    try:
        return wait_for("a state", probe, timeout=timeout)
    except TimeoutError:
        return None


def main() -> int:
    separator = sys.argv.index("--")
    report_file, expect = sys.argv[1], json.loads(sys.argv[2])
    command = sys.argv[separator + 1 :]
    os.environ.setdefault("QT_ACCESSIBILITY", "1")
    report = run(expect, command)
    with open(report_file, "w", encoding="utf-8") as handle:
        json.dump(report, handle, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
