"""The start-up floor: a bare PySide6 window with about as many widgets as the app's, shown, filled, painted.

Prints one JSON line with monotonic (time.perf_counter) instants, comparable with the parent's clock on Linux:
`first_paint` after show + one event pass, `ready` after filling the widgets with in-memory data and painting again.
"""

from __future__ import annotations

import argparse
import json
import sys
import time


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--widgets", type=int, default=60, help="about how many QWidgets to create")
    args = parser.parse_args()

    from PySide6.QtWidgets import (
        QApplication,
        QCalendarWidget,
        QComboBox,
        QFormLayout,
        QHBoxLayout,
        QLabel,
        QLineEdit,
        QListWidget,
        QMainWindow,
        QPushButton,
        QWidget,
    )

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    central = QWidget(window)
    row = QHBoxLayout(central)
    links = QListWidget(central)
    calendar = QCalendarWidget(central)
    times = QListWidget(central)
    form_host = QWidget(central)
    form = QFormLayout(form_host)
    for widget in (links, calendar, times, form_host):
        row.addWidget(widget)
    fields: list[QLineEdit] = []
    while len(QApplication.allWidgets()) < args.widgets - 3:
        edit = QLineEdit(form_host)
        fields.append(edit)
        form.addRow(QLabel(f"Question {len(fields)}", form_host), edit)
    zone = QComboBox(form_host)
    book = QPushButton("Book", form_host)
    form.addRow(zone, book)
    window.setCentralWidget(central)
    window.resize(1100, 720)
    window.show()
    app.processEvents()
    first_paint = time.perf_counter()

    links.addItems([f"Meeting link {n}" for n in range(5)])
    times.addItems([f"{9 + n // 4:02d}:{n % 4 * 15:02d}" for n in range(32)])
    zone.addItems(["Europe/Berlin", "America/New_York", "UTC"])
    for number, edit in enumerate(fields):
        edit.setPlaceholderText(f"Answer {number}")
    app.processEvents()
    ready = time.perf_counter()
    print(json.dumps({"first_paint": first_paint, "ready": ready, "widgets": len(QApplication.allWidgets())}))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
