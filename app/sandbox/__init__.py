"""The simulated HubSpot Scheduler API (ASGI app, seed data, fault injection)."""
