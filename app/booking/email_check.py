"""A practical, strict email syntax check that names what is wrong (HubSpot applies its own policy later)."""

from __future__ import annotations

import re

from app.booking import messages
from app.booking.messages import Problem

# RFC 5322 "atext" plus dots: what real mailboxes use; quoted local parts are rejected on purpose.
_LOCAL_CHARS = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]")
_DOMAIN_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?")
_TLD = re.compile(r"[A-Za-z]{2,}|xn--[A-Za-z0-9-]+")


def email_problem(address: str) -> Problem | None:
    """What is wrong with `address` as an email address, or None when it looks deliverable."""
    text = address.strip()
    if not text:
        return Problem(messages.EMAIL_MISSING)
    if any(ch.isspace() for ch in text):
        return Problem(messages.EMAIL_HAS_SPACES)
    if "@" not in text:
        return Problem(messages.EMAIL_NO_AT)
    if text.count("@") > 1:
        return Problem(messages.EMAIL_MANY_AT)
    local, domain = text.split("@")
    if not local:
        return Problem(messages.EMAIL_NO_LOCAL)
    if not domain:
        return Problem(messages.EMAIL_NO_DOMAIN)
    if len(local) > 64 or len(text) > 254:
        return Problem(messages.EMAIL_TOO_LONG)
    bad = sorted({ch for ch in local if not _LOCAL_CHARS.fullmatch(ch)})
    if bad:
        return Problem(messages.EMAIL_BAD_LOCAL_CHARS, {"chars": " ".join(bad)})
    if "." not in domain:
        return Problem(messages.EMAIL_DOMAIN_NO_DOT)
    if local.startswith(".") or local.endswith(".") or ".." in text or domain.startswith(".") or domain.endswith("."):
        return Problem(messages.EMAIL_BAD_DOTS)
    ascii_domain = _ascii_domain(domain)
    if ascii_domain is None:
        return Problem(messages.EMAIL_BAD_DOMAIN)
    labels = ascii_domain.split(".")
    if not all(_DOMAIN_LABEL.fullmatch(label) for label in labels):
        return Problem(messages.EMAIL_BAD_DOMAIN)
    if not _TLD.fullmatch(labels[-1]):
        return Problem(messages.EMAIL_BAD_TLD)
    return None


def _ascii_domain(domain: str) -> str | None:
    """An international domain (`exämple.de`) as the ASCII form mail servers use (`xn--exmple-cua.de`), so it is
    checked by the same label rules; None when it cannot be encoded (an empty or over-long label, stray marks)."""
    if domain.isascii():
        return domain
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        return None
