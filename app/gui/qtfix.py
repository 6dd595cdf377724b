"""Work-arounds for bugs of the PySide6 version in use, each probed at import, so they
switch themselves off once PySide6 is fixed.

``emit(signal, *args)``: PySide6 6.12.0's ``SignalInstance.emit`` returns ``True`` without
taking a reference to it. Every emission from Python thus drops one reference to ``True``;
after a few thousand (a day of scans, or the GUI test suite) CPython 3.11 aborts with
"Fatal Python error: bool_dealloc: deallocating True or False". Emitting through this
function gives the reference back. Thread-safe (runs under the GIL, from any thread).
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()


def _emit_drops_true() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.ping.emit()
    probe.ping.emit()
    leaked = before - sys.getrefcount(True)
    # Give back what the probe itself took.
    for _ in range(max(leaked, 0)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return leaked == 2


EMIT_DROPS_TRUE = _emit_drops_true()


def emit(signal, *args) -> None:
    """``signal.emit(*args)``, minus the reference leak described in the module docstring."""
    signal.emit(*args)
    if EMIT_DROPS_TRUE:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
