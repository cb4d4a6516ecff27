"""The Qt-free domain's English messages (errors, outbox notes) in the UI language, looked up by their text.

tools/i18n extracts every such sentence into the "DomainMessages" context; messages the domain builds with
f-strings are matched against DYNAMIC_TEMPLATES below and their translated template is filled with the same values.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

DOMAIN_CONTEXT = "DomainMessages"

#: The f-string messages of app/hubspot/errors.py and app/auth/errors.py as str.format templates (kept in step
#: by tests/unit/test_i18n_catalog.py).
DYNAMIC_TEMPLATES = (
    "HubSpot refused the request: {detail_text}",
    "The HubSpot token is missing a permission (scope): {names}. Add it to the service key or app in HubSpot "
    "(Settings › Integrations), then sign in again.",
    "The question “{field}” needs an answer.",
    "{reason} Sign in again (booking-assistant login --oauth); queued bookings wait until then.",
)


def _pattern(template: str) -> re.Pattern[str]:
    """A regex matching what `template.format(...)` produces, capturing each value by name."""
    parts = re.split(r"\{(\w+)\}", template)
    return re.compile("".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.+?)" for i, p in enumerate(parts)), re.DOTALL)


_PATTERNS = [(template, _pattern(template)) for template in DYNAMIC_TEMPLATES]


def _lookup(text: str) -> str:
    return QCoreApplication.translate(DOMAIN_CONTEXT, text)


def domain_text(text: str) -> str:
    """`text` translated when it is a known domain message (filled templates too); otherwise unchanged."""
    if not text:
        return text
    translated = _lookup(text)
    if translated != text:
        return translated
    for template, pattern in _PATTERNS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        # A value can itself be a domain sentence (SignInRequired's reason).
        values = {name: _lookup(value) for name, value in match.groupdict().items()}
        try:
            return _lookup(template).format(**values)
        except (KeyError, IndexError, ValueError):
            return text
    return text
