"""The `compiled` catalogues (built once per module) and the `german` fixture: the UI in German for one test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tools.i18n.compile import compile_catalogues, ui_language


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("qm")
    compile_catalogues(folder)
    return folder


@pytest.fixture
def german(qapp: QApplication, compiled: Path) -> Iterator[None]:
    # As main() does with language "de": installed before any widget exists.
    with ui_language(qapp, "de", compiled):
        yield
