"""Guard against a Qt binding that corrupts the interpreter.

PySide6 6.12.0 on CPython 3.11 drops a reference to None on each call of a
method returning void (QPainter.fillRect, setPen…); after a few thousand calls
the process aborts with "Fatal Python error: none_dealloc". pyproject.toml pins
PySide6 below 6.12 for that reason; this test fails if a binding with the bug
comes back (Python 3.12+ is immune: None is immortal there).
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QImage, QPainter


def test_void_qt_calls_do_not_steal_references_to_none(qapp) -> None:
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    black = QColor("black")
    before = sys.getrefcount(None)
    for _ in range(2000):
        painter.fillRect(0, 0, 8, 8, black)
        painter.save()
        painter.restore()
    after = sys.getrefcount(None)
    painter.end()
    # A healthy binding leaves the count where it was (or a little higher); the
    # broken one takes 6000 references away.
    assert after > before - 100


def test_signal_emission_does_not_steal_references_to_true(qapp) -> None:
    """The same 6.12.0 bug on Signal.emit(), which returns True without a reference."""
    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        ping = Signal(int)

    probe = Probe()
    received: list[int] = []
    probe.ping.connect(received.append)
    before = sys.getrefcount(True)
    for i in range(2000):
        probe.ping.emit(i)
    assert len(received) == 2000
    assert sys.getrefcount(True) > before - 100
