"""Benchmarks run on compiled bytecode, as an installed app does, even where PYTHONDONTWRITEBYTECODE is set.

Without .pyc files every measured process would compile each module it imports again (hundreds of ms of start-up
that no user pays), and with PYTHONDONTWRITEBYTECODE=1 nothing is ever cached.
"""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_NO_BYTECODE = "PYTHONDONTWRITEBYTECODE"


def bench_env(**extra: str) -> dict[str, str]:
    """The environment of a measured process: offscreen Qt by default, bytecode used and written."""
    env = {k: v for k, v in os.environ.items() if k != _NO_BYTECODE}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["QT_API"] = "pyside6"
    env.update(extra)
    return env


def precompile() -> None:
    """Compile the app, the benchmarks and site-packages once, before anything is measured (quiet, in parallel)."""
    folders = {
        str(ROOT / "app"),
        str(ROOT / "tests"),
        sysconfig.get_paths()["purelib"],
        sysconfig.get_paths()["platlib"],
    }
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", "-j", "0", *sorted(folders)],
        cwd=ROOT,
        env=bench_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,  # a file that does not compile (a test fixture, say) must not stop the benchmarks
    )
