"""Signing in from the window: the dialog, its controller, the keychain off the UI thread."""
