"""The async outbox sender: exactly-once sending, pacing, backoff, reconciliation of unknown outcomes."""
