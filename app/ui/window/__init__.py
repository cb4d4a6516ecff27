"""The rep's booking window: its layout (main_window), its controllers, the book flow, status bar and tray."""
