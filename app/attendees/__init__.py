"""Attendees you already know: suggestions from history and HubSpot CRM contacts (Qt-free)."""
