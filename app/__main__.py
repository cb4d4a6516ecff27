"""`python -m app`: the same entry point as the `booking-assistant` command."""

from app.cli import console_main

console_main()
