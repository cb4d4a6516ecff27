"""Guards against the PySide6 6.12.0 refcount bug that aborts Python 3.11 after a few hundred signal emits."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal(object, tuple)  # the shape qasync uses for call_soon


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True/None are immortal from Python 3.12")
def test_signal_emits_do_not_leak_references_to_singletons() -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.fired.connect(lambda callback, args: received.append(callback))
    before_true, before_none = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(200):
        emitter.fired.emit(print, ())
    assert len(received) == 200
    # A drift here means the installed PySide6 corrupts refcounts: the app would crash after a while.
    assert abs(sys.getrefcount(True) - before_true) < 20
    assert abs(sys.getrefcount(None) - before_none) < 20
