"""How the program ends: run the entry point, then leave without the interpreter's teardown.

By the time `main` returns, everything the app owns is closed: the window's services, the store (committed, WAL
checkpointed by sqlite), the sender's lock. What is left is CPython freeing ~1,000 modules and PySide6 deleting
every Qt object one by one: ~65 ms after the window has gone (measured for issue 18), which the user waits through
for nothing. So the program's entry runs the atexit handlers (logging's flush and any library's), flushes stdio and
ends the process with `os._exit`. Tests call `main` itself, which returns normally.
"""

from __future__ import annotations

import atexit
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

Main = Callable[[Sequence[str] | None], int]


def run_and_exit(main: Main, argv: Sequence[str] | None = None) -> NoReturn:
    """`sys.exit(main(argv))`, minus the teardown; an exception other than SystemExit propagates as usual."""
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse's --help, --version and usage errors
        code = _exit_code(exc.code)
    exit_now(code)


def exit_now(code: int) -> NoReturn:
    atexit._run_exitfuncs()  # what interpreter shutdown would run first (logging.shutdown flushes the log file)
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # a windowed build on Windows has no console streams at all
            continue
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`| head`) or a closed stream: nothing left to deliver
            pass
    os._exit(code)


def _exit_code(code: object) -> int:
    """What SystemExit(code) would make the exit status: None is 0, an int itself, anything else printed and 1."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1
