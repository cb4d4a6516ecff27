"""Logging to a rotating file in the log folder, with attendee emails masked and secrets never written."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

_EMAIL = re.compile(r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-])[A-Za-z0-9.-]*\.([A-Za-z]{2,})")
_BEARER = re.compile(r"(Bearer\s+)[^\s'\"]+", re.IGNORECASE)
_TOKENLIKE = re.compile(r"\b(pat-[a-z0-9]+-)[A-Za-z0-9-]+")


def mask_personal_data(text: str) -> str:
    """`jane.doe@acme.com` → `j***@a***.com`; bearer tokens and pat- keys are cut off."""
    text = _EMAIL.sub(r"\1***@\2***.\3", text)
    text = _BEARER.sub(r"\1[hidden]", text)
    return _TOKENLIKE.sub(r"\1[hidden]", text)


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
        log_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
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
