"""Every BOOKING_ASSISTANT_* environment variable the app reads, in one place (stdlib only: imported on every start).

Each module that reads one takes the name from here, so `grep app/env.py` lists everything a script can set.
Tests-only variables (tests/auth_keyring.py) are not part of the app and stay with the tests.
"""

from __future__ import annotations

#: A folder that holds every file of the run (same as `--profile DIR`).
PROFILE_ENV = "BOOKING_ASSISTANT_PROFILE"
#: A service key or private-app token for scripts and CI; wins over any stored sign-in and never opens the keychain.
TOKEN_ENV = "BOOKING_ASSISTANT_TOKEN"
#: The HubSpot API base URL (same as `--api-base URL`), e.g. a sandbox on loopback.
API_BASE_ENV = "BOOKING_ASSISTANT_API_BASE"
#: The HubSpot app's client id for OAuth sign-in (same as `login --oauth --client-id ID`).
CLIENT_ID_ENV = "BOOKING_ASSISTANT_CLIENT_ID"
#: Seconds one HTTP exchange (connect + headers + body) may take, 0.1–600.
HTTP_DEADLINE_ENV = "BOOKING_ASSISTANT_HTTP_DEADLINE"
