"""PySide6 adapters: windows, panels, dialogs, kiosk shell, tray, the qasync bridge."""
