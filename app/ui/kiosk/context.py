"""What the kiosk's screens share: the client and store, the admin's settings, the visitor's zone and clock."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from app.hubspot.client import SchedulerClient
from app.kiosk.config import KioskSettings
from app.outbox.lock import SenderLock
from app.store.cache import Cache
from app.store.database import Database


@dataclass
class KioskContext:
    client: SchedulerClient
    db: Database
    cache: Cache
    kiosk: KioskSettings
    timezone: str
    use_24h: bool
    links: list[tuple[str, str]] = field(default_factory=list)  # (slug, name) offered to visitors
    locale: str = "en-us"
    #: One send at a time: a visitor's booking and the background flush of queued requests never overlap.
    send_lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    #: The profile's sender lock (shared with the background sender), so other processes can't send meanwhile.
    sender_lock: SenderLock | None = None
