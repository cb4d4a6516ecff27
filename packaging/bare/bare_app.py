"""The size baseline: a bare PySide6-Essentials window, frozen the same way as the app (see packaging/build.py)."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

if __name__ == "__main__":
    app = QApplication(sys.argv)
    label = QLabel("bare")
    label.show()
    QTimer.singleShot(0, app.quit)
    sys.exit(app.exec())
