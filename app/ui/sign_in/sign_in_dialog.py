"""The sign-in dialog: paste a service key / private-app token, or sign in with HubSpot in the browser (OAuth).

A view only: it asks (`static_requested`, `oauth_requested`, `cancel_requested`) and shows what it is told
(`set_checking`, `set_waiting_for_browser`, `show_problem`, `succeeded`). `SignInFlow` does the work.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.hubspot.errors import READ_SCOPE, RECOMMENDED_WRITE_SCOPE


class SignInDialog(QDialog):
    static_requested = Signal(str)  # the pasted key
    oauth_requested = Signal(str, str)  # client id, client secret ("" when the app has none)
    cancel_requested = Signal()  # stop waiting for the browser

    def __init__(self, client_id: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._busy = False
        self.setWindowTitle(self.tr("Sign in to HubSpot"))
        self.setAccessibleName(self.windowTitle())
        intro = QLabel(self.tr("Connect the HubSpot account whose meeting links you book. Choose one way."))
        intro.setWordWrap(True)

        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setAccessibleName(self.tr("Service key or private-app token"))
        self.key.setPlaceholderText(self.tr("Paste the key here"))
        self.key_button = QPushButton(self.tr("Sign in with &key"))
        self.key_button.setAccessibleName(self.tr("Sign in with the key"))
        self.key_button.setEnabled(False)
        self.key.textChanged.connect(lambda text: self.key_button.setEnabled(bool(text.strip()) and not self._busy))
        self.key.returnPressed.connect(self._ask_static)
        self.key_button.clicked.connect(self._ask_static)
        key_hint = QLabel(
            self.tr("The key needs the scope %1 to read meeting links, and a CRM write scope such as %2 to book.")
            .replace("%1", READ_SCOPE)
            .replace("%2", RECOMMENDED_WRITE_SCOPE)
        )
        key_hint.setObjectName("hint")
        key_hint.setWordWrap(True)
        key_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.key_button)
        key_label = QLabel(self.tr("Service key or private-app &token"))
        key_label.setBuddy(self.key)
        key_box = QGroupBox(self.tr("With a key"))
        key_layout = QVBoxLayout(key_box)
        key_layout.addWidget(key_label)
        key_layout.addLayout(key_row)
        key_layout.addWidget(key_hint)

        self.client_id = QLineEdit(client_id)
        self.client_id.setAccessibleName(self.tr("App client ID"))
        self.client_secret = QLineEdit()
        self.client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.client_secret.setAccessibleName(self.tr("Client secret"))
        self.client_secret.setAccessibleDescription(self.tr("Only if your HubSpot app has one; kept in the keychain"))
        self.client_secret.setPlaceholderText(self.tr("Only if your app has one"))
        self.oauth_button = QPushButton(self.tr("Sign in with &HubSpot"))
        self.oauth_button.setAccessibleName(self.tr("Sign in with HubSpot in the browser"))
        self.oauth_button.setEnabled(bool(client_id.strip()))
        self.client_id.textChanged.connect(
            lambda text: self.oauth_button.setEnabled(bool(text.strip()) and not self._busy)
        )
        self.oauth_button.clicked.connect(self._ask_oauth)
        oauth_form = QFormLayout()
        oauth_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        oauth_form.addRow(self.tr("App &client ID"), self.client_id)
        oauth_form.addRow(self.tr("Client &secret"), self.client_secret)
        oauth_hint = QLabel(self.tr("Opens HubSpot's sign-in page in your browser; come back here when it is done."))
        oauth_hint.setObjectName("hint")
        oauth_hint.setWordWrap(True)
        oauth_box = QGroupBox(self.tr("With your HubSpot login"))
        oauth_layout = QVBoxLayout(oauth_box)
        oauth_layout.addLayout(oauth_form)
        oauth_layout.addWidget(oauth_hint)
        oauth_layout.addWidget(self.oauth_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setAccessibleName(self.tr("Sign-in status"))
        self.status.hide()
        self.cancel_wait = QPushButton(self.tr("Cancel sign-in"))
        self.cancel_wait.setAccessibleName(self.tr("Stop waiting for the browser"))
        self.cancel_wait.clicked.connect(self.cancel_requested)
        self.cancel_wait.hide()
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.cancel_wait, 0, Qt.AlignmentFlag.AlignTop)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # Enter signs in with what was typed in that section; it must never close the dialog instead.
        closing = [b for b in buttons.buttons() if isinstance(b, QPushButton)]
        for button in (self.key_button, self.oauth_button, self.cancel_wait, *closing):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.client_id.returnPressed.connect(self._ask_oauth)
        self.client_secret.returnPressed.connect(self._ask_oauth)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(key_box)
        layout.addWidget(oauth_box)
        layout.addLayout(status_row)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    # --- asked by the user --------------------------------------------------------------------------------

    def _ask_static(self) -> None:
        token = self.key.text().strip()
        if token and not self._busy:
            self.static_requested.emit(token)

    def _ask_oauth(self) -> None:
        client_id = self.client_id.text().strip()
        if client_id and not self._busy:
            self.oauth_requested.emit(client_id, self.client_secret.text().strip())

    # --- told by the flow ---------------------------------------------------------------------------------

    def set_checking(self) -> None:
        self._set_busy(True, self.tr("Checking the key with HubSpot…"), cancellable=False)

    def set_waiting_for_browser(self) -> None:
        self._set_busy(
            True,
            self.tr("Waiting for the browser… Finish signing in on HubSpot's page, then come back here."),
            cancellable=True,
        )
        self.cancel_wait.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_problem(self, text: str) -> None:
        """Back to idle with `text` shown (and announced) in the dialog."""
        self._set_busy(False, text, cancellable=False)
        self.status.setProperty("state", "offline")  # the style sheet's red, bold "something is wrong"
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def succeeded(self) -> None:
        self.key.clear()
        self.client_secret.clear()
        self.accept()

    def _set_busy(self, busy: bool, text: str, *, cancellable: bool) -> None:
        self._busy = busy
        self.status.setProperty("state", "")
        self.status.setText(text)
        self.status.setVisible(bool(text))
        self.status.setAccessibleDescription(text)
        self.cancel_wait.setVisible(busy and cancellable)
        for widget in (self.key, self.client_id, self.client_secret):
            widget.setEnabled(not busy)
        self.key_button.setEnabled(not busy and bool(self.key.text().strip()))
        self.oauth_button.setEnabled(not busy and bool(self.client_id.text().strip()))
