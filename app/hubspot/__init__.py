"""Qt-free client for HubSpot's Scheduler API: models, errors, client, auth, rate limits."""
