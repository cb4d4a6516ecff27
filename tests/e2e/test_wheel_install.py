"""`pip install .` gives the same app: the wheel carries the style sheet, the icons and the compiled catalogues.

The wheel is built from a copy of the sources (the checkout stays clean) without build isolation, so nothing is
downloaded; it is installed into a fresh virtual environment whose only other packages are the dev venv's
dependencies (a path entry, so the dev venv's editable install of `app` is *not* visible), and the installed app
is asked, from a folder outside the checkout, what it loads.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import json, sys
from pathlib import Path
import app
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from app.ui.runtime.qt_app import RESOURCES
from app.ui.runtime.style import app_icon, apply_style

qt = QApplication([])
apply_style(qt, RESOURCES)
translator = QTranslator()
print(json.dumps({
    "app": app.__file__,
    "style_chars": len(qt.styleSheet()),
    "icon": not app_icon(RESOURCES).isNull(),
    "de": translator.load(str(RESOURCES / "translations" / "booking_assistant_de.qm")),
    "de_text": translator.translate("MainWindow", "Outbox"),
}))
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel built from this checkout installed in it; returns its python."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "app", source / "app", ignore=shutil.ignore_patterns("__pycache__"))
    dist = work / "dist"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(dist), "."],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    [wheel] = dist.glob("booking_assistant-*.whl")

    env_dir = work / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(
        subprocess.check_output(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    # The dependencies (PySide6, httpx, …) come from the dev venv as a plain path: its .pth files (the editable
    # install of this checkout among them) are not run, so `import app` can only find the wheel's copy.
    (site / "dev-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    target = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site), str(wheel)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert target.returncode == 0, target.stdout + target.stderr
    return python


def test_the_installed_wheel_loads_its_style_icon_and_german_catalogue(installed: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOOKING_ASSISTANT_", "PYTHONPATH"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    probe = subprocess.run(
        [installed, "-c", PROBE], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert probe.returncode == 0, probe.stderr
    loaded = json.loads(probe.stdout.strip().splitlines()[-1])
    assert str(installed.parents[1]) in loaded["app"]  # the wheel's copy, not this checkout
    assert loaded["style_chars"] > 1000
    assert loaded["icon"]
    assert loaded["de"] and loaded["de_text"] == "Postausgang"


def test_the_installed_app_starts_in_the_demo(installed: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOOKING_ASSISTANT_", "PYTHONPATH"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    smoke = subprocess.run(
        [installed, "-m", "app", "--demo", "--smoke", "--profile", str(tmp_path / "profile")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert smoke.returncode == 0, smoke.stderr
    assert "ready_ms" in json.loads(smoke.stdout.strip().splitlines()[-1])
