"""Frozen entry point: the same `app.cli:console_main` as the `booking-assistant` command."""

import sys

if __name__ == "__main__":
    # Hidden flag for the packaging smoke test: checks what only a frozen build can get wrong (see selftest.py).
    if sys.argv[1:2] == ["--packaging-selftest"]:
        from packaging_selftest import main as selftest_main

        sys.exit(selftest_main())

    from app.cli import console_main

    console_main()
