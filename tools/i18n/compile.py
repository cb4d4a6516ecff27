"""Compile the .ts catalogues to .qm (what `make translations` does), and switch a running app's language in tests."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale

from app.ui.runtime.i18n import install_translations
from tools.i18n.extract import ROOT, TRANSLATIONS, tool


def compile_catalogues(out_dir: Path, ts_dir: Path = ROOT / TRANSLATIONS) -> list[Path]:
    """Every <ts_dir>/*.ts compiled with pyside6-lrelease into out_dir; returns the .qm files."""
    out_dir.mkdir(parents=True, exist_ok=True)
    compiled: list[Path] = []
    for ts in sorted(ts_dir.glob("*.ts")):
        qm = out_dir / ts.with_suffix(".qm").name
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        compiled.append(qm)
    return compiled


@contextmanager
def ui_language(app: QCoreApplication, language: str, folder: Path) -> Iterator[None]:
    """The app in `language` (catalogues from folder, QLocale default) until the block ends; then as before."""
    previous = QLocale()
    translators = install_translations(app, language, folder)
    try:
        yield
    finally:
        for translator in translators:
            app.removeTranslator(translator)
            translator.deleteLater()
        QLocale.setDefault(previous)
