"""The window's other dialogs: settings, propose times, questions before an outbox action."""
