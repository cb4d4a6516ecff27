"""Runs `booking-assistant ARGS` unchanged, adding one JSON line with monotonic instants the parent can compare.

The app's `--smoke` line times from inside `run_window`; this wrapper notes when `run_window` was entered and
when the smoke line was printed (with the live widget count), so start-up can be timed from process spawn.
With BENCH_FIRST_PAINT_MARK=1 it writes a marker to stderr when the first post-paint module is imported, which
splits a `python -X importtime` log at first paint.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

#: Imported by app/ui/runtime/launch.py right after the first paint (the cached page and the event loop follow).
AFTER_PAINT_MODULE = "app.ui.window.cached_paint"
MARK = "BENCH-FIRST-PAINT"


class _FirstPaintMarker:
    """A meta-path finder that finds nothing; it only notices the first post-paint import."""

    def __init__(self) -> None:
        self.seen = False

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name == AFTER_PAINT_MODULE and not self.seen:
            self.seen = True
            print(MARK, file=sys.stderr, flush=True)
        return None


def main() -> int:
    if os.environ.get("BENCH_FIRST_PAINT_MARK") == "1":
        sys.meta_path.insert(0, _FirstPaintMarker())
    import app.ui.runtime.launch as window_main

    marks: dict[str, float] = {}
    original = window_main.run_window

    def run_window(args: Any, paths: Any) -> int:
        marks["started"] = time.perf_counter()
        return original(args, paths)

    def smoke_print(*values: object, **kwargs: Any) -> None:
        marks["ready"] = time.perf_counter()
        from PySide6.QtWidgets import QApplication

        marks["widgets"] = len(QApplication.allWidgets())
        print(*values, **kwargs)

    window_main.run_window = run_window
    # A module global shadows the builtin for code in that module only.
    vars(window_main)["print"] = smoke_print
    from app.cli import main as cli_main

    code = cli_main(sys.argv[1:])
    print(json.dumps({"probe": marks}), flush=True)
    return code


if __name__ == "__main__":
    from app.cli.process_exit import exit_now

    exit_now(main())  # as the `booking-assistant` command ends
