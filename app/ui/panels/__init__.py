"""Reusable panels of the booking window: each a QWidget with a typed value, `changed` and `validity_changed`."""
