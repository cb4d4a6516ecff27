"""The compiled catalogues are committed (a wheel built from a clean checkout must ship them): never stale."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

TRANSLATIONS = Path(__file__).resolve().parents[2] / "app" / "resources" / "translations"
LRELEASE = Path(sys.executable).with_name("pyside6-lrelease")


@pytest.mark.parametrize("source", sorted(TRANSLATIONS.glob("*.ts")), ids=lambda p: p.name)
def test_each_committed_catalogue_is_what_its_ts_compiles_to(source: Path, tmp_path: Path) -> None:
    lrelease = str(LRELEASE) if LRELEASE.exists() else shutil.which("pyside6-lrelease")
    assert lrelease, "pyside6-lrelease comes with PySide6"
    fresh = tmp_path / source.with_suffix(".qm").name
    subprocess.run([lrelease, "-silent", str(source), "-qm", str(fresh)], check=True, timeout=60)
    committed = source.with_suffix(".qm")
    assert committed.exists(), f"{committed.name} is missing: run `make translations` and commit it"
    assert committed.read_bytes() == fresh.read_bytes(), f"{committed.name} is stale: run `make translations`"
