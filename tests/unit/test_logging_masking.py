"""Logs never carry attendee emails or tokens, not even inside a traceback."""

from __future__ import annotations

import logging
from pathlib import Path

from app.logging_setup import MaskingFilter, mask_personal_data


def test_emails_and_tokens_are_masked() -> None:
    text = "booked jane.doe@acme.com with Bearer pat-na1-abcdef123 and pat-eu1-zzz999"
    masked = mask_personal_data(text)
    assert "jane.doe@acme.com" not in masked
    assert "j***@a***.com" in masked
    assert "abcdef123" not in masked
    assert "zzz999" not in masked


def test_traceback_text_is_masked_too(tmp_path: Path) -> None:
    log_file = tmp_path / "app.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.addFilter(MaskingFilter())
    logger = logging.getLogger("test.masking")
    logger.addHandler(handler)
    try:
        try:
            raise ValueError("could not book for grace.hopper@navy.mil")
        except ValueError:
            logger.exception("booking failed for %s", "ada@example.org")
    finally:
        logger.removeHandler(handler)
        handler.close()
    written = log_file.read_text(encoding="utf-8")
    assert "ValueError" in written
    assert "grace.hopper@navy.mil" not in written
    assert "ada@example.org" not in written
