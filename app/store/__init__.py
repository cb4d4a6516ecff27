"""sqlite3 storage: schema and migrations, outbox, history, offline caches."""
