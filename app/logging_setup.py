"""Logging to a rotating file in the log folder, with attendee emails masked and secrets never written."""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import sys
from pathlib import Path

# Every valid address, not just the common ones: RFC 5322 local parts may hold `{}#!$&'*/=?^`|~`, quoted
# strings, and (SMTPUTF8) any letter; domains may be international. Over-masking a log line costs nothing.
_ATOM = r"[^\s@<>()\[\]\",;:\\]"
_EMAIL = re.compile(rf"(\"[^\"\r\n]*\"|{_ATOM}+)@({_ATOM}+)")
_BEARER = re.compile(r"(Bearer\s+)[^\s'\"]+", re.IGNORECASE)
_TOKENLIKE = re.compile(r"\b(pat-[a-z0-9]+-)[A-Za-z0-9-]+")
# OAuth tokens and codes named as such (`access_token=…`, `"refresh_token": "…"`).
_NAMED_SECRET = re.compile(
    r"((?:access_token|refresh_token|id_token|client_secret|code|token)[\"']?\s*[:=]\s*[\"']?)[^\s\"'&,;]+",
    re.IGNORECASE,
)
# HubSpot refresh tokens (`na1-1a2b-…`) and long opaque tokens: letters of both cases and digits, 30+ characters.
_REFRESH = re.compile(r"\b(?:na|eu|ap)\d-[0-9a-f]{4}-[0-9a-f-]{20,}\b", re.IGNORECASE)
_OPAQUE = re.compile(r"(?<![\w-])(?=[\w-]*[a-z])(?=[\w-]*[A-Z])(?=[\w-]*\d)[\w-]{30,}(?![\w-])")


def _mask_email(match: re.Match[str]) -> str:
    local, domain = match.group(1), match.group(2).rstrip(".")
    tail = match.group(2)[len(domain) :]
    _head, dot, tld = domain.rpartition(".")
    shown_tld = f".{tld}" if dot and tld.isalpha() and len(tld) >= 2 else ""
    return f"{local.strip(chr(34))[:1] or '*'}***@{domain[:1]}***{shown_tld}{tail}"


def mask_personal_data(text: str) -> str:
    """`jane.doe@acme.com` → `j***@a***.com`; bearer tokens, pat- keys and OAuth-shaped tokens are cut off."""
    text = _EMAIL.sub(_mask_email, text)
    text = _BEARER.sub(r"\1[hidden]", text)
    text = _TOKENLIKE.sub(r"\1[hidden]", text)
    text = _NAMED_SECRET.sub(r"\1[hidden]", text)
    text = _REFRESH.sub("[hidden]", text)
    return _OPAQUE.sub("[hidden]", text)


class MaskingFilter(logging.Filter):
    """Masks the message and any traceback text (an exception's message may quote what the user typed)."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_personal_data(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            # Formatters reuse exc_text when it is set, so the masked traceback is what gets written.
            record.exc_text = mask_personal_data(self._formatter.formatException(record.exc_info))
        return True


def configure_logging(log_file: Path | None, *, verbose: bool = False) -> None:
    """Send app logs to `log_file` (rotating, 1 MB × 3) and warnings to stderr."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    mask = MaskingFilter()
    if log_file is not None:
        handler = _file_handler(log_file)
        if handler is not None:
            handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
            handler.addFilter(mask)
            root.addHandler(handler)
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    console.addFilter(mask)
    root.addHandler(console)
    # httpx logs full URLs at INFO; ours are enough.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    if log_file is not None and not any(isinstance(h, _PrivateRotatingFileHandler) for h in root.handlers):
        logging.getLogger(__name__).info("The log file %s cannot be written; logging to the terminal only.", log_file)


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose files (the current one and each rotated one) are readable by the user only."""

    def _open(self):  # type: ignore[no-untyped-def]  # logging's own signature
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        if sys.platform != "win32":
            os.fchmod(fd, 0o600)  # a log written by an older version (0644) is tightened too
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)


def _file_handler(log_file: Path) -> logging.Handler | None:
    """The file handler, or None when the folder cannot be written (read-only profile, full disk): logging
    must never be what stops the app from telling the user what is wrong."""
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        return _PrivateRotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return None
