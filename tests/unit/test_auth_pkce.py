"""PKCE values follow RFC 7636 (S256) and are fresh each time."""

from __future__ import annotations

import re

from app.auth.pkce import challenge_for, make_state, make_verifier


def test_the_challenge_matches_rfc_7636s_worked_example() -> None:
    assert challenge_for("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"


def test_verifiers_are_long_unreserved_and_never_repeat() -> None:
    verifiers = {make_verifier() for _ in range(50)}
    assert len(verifiers) == 50
    assert all(re.fullmatch(r"[A-Za-z0-9\-._~]{43,128}", v) for v in verifiers)
    assert make_state() != make_state()
