"""Booking Assistant: book meetings on HubSpot meeting links, online or offline."""

__version__ = "0.1.0"
APP_NAME = "booking-assistant"
APP_DISPLAY_NAME = "Booking Assistant"
