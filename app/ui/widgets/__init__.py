"""Reusable input widgets: the calendar, the open times, the zone and link pickers."""
