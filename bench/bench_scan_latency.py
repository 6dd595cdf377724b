"""Scan latency: from the last byte a serial scanner writes to the feedback on screen.

A pseudo-terminal stands in for a USB-CDC scanner: this process writes each scan into the
pty's master end (one write, ending with the CR terminator), and a station's scan path reads
the other end exactly as at a station: app.devices.serial_source.SerialScanner on its
thread (pyserial), app.gui.scanner_hub.ScannerHub carrying it into the GUI thread (a queued
signal), app.gui.scan_router.ScanRouter typing it (app.scanning.classify, GS1 through biip)
and app.gui.feedback.ScanFeedback flashing the window, painted before the router returns.

Timed for each scan, against the moment ``os.write`` returned with the last byte:

- arrived: the scan reaches the GUI thread (the hub's ``scanned`` signal is delivered);
- painted: the feedback flash has been painted (the end of its paintEvent).

The writer waits for each scan's paint and a short random pause before the next, so scans
do not queue behind each other. The scans mix a GTIN-13, a GS1 DataMatrix string with GS
separators and an AIM prefix, a badge, a location and a misread (wrong check digit). The
window is 1280x800 with a station's usual widgets under the flash. Prints p50, p99 and max
of both; goal: p99 of painted at most 16 ms (one frame at 60 Hz).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_scan_latency.py [--scans 1000]
    xvfb-run -a .venv/bin/python bench/bench_scan_latency.py      (a real X server's window)
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QObject, Signal  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget  # noqa: E402

from app.gui import assets  # noqa: E402
from app.gui.feedback import ScanFeedback  # noqa: E402
from app.gui.scan_router import ScanRouter  # noqa: E402
from app.gui.scanner_hub import ScannerHub  # noqa: E402
from app.scanning.classify import ScanKind  # noqa: E402

SCANS = [
    b"3760123456789\r",  # not a valid check digit: a misread, red flash
    b"4006381333931\r",  # GTIN-13
    b"]d2010376012345678410LOT-2291\x1d17271231\x1d21SN000042\r",
    b"BDG0001\r",
    b"A-01-02-3\r",
]


class _Done(QObject):
    finished = Signal()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    if os.environ.get("QUAI_BENCH_TRACE"):
        import faulthandler

        faulthandler.dump_traceback_later(float(os.environ["QUAI_BENCH_TRACE"]), exit=True)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scans", type=int, default=1000)
    args = parser.parse_args()

    app = QApplication(sys.argv[:1])
    app.setStyleSheet(assets.theme())
    window = QWidget()
    window.resize(1280, 800)
    layout = QVBoxLayout(window)
    title = QLabel("Prélèvement — commande #1042")
    title.setProperty("quaiRole", "instruction")
    layout.addWidget(title)
    layout.addWidget(QLineEdit())
    layout.addStretch(1)
    window.show()
    app.processEvents()

    feedback = ScanFeedback(window, assets.SilentSounds())
    painted_at: list[float] = []
    arrived_at: list[float] = []
    painted = threading.Event()

    def on_painted(*_args) -> None:
        # The first paint after each scan arrived is its feedback (the overlay may repaint later too).
        if len(painted_at) < len(arrived_at):
            painted_at.append(time.perf_counter())
            painted.set()

    feedback.painted.connect(on_painted)

    def on_screen(scan, _source: str) -> None:
        if scan.kind == ScanKind.MISREAD:
            feedback.flash_bad()
        else:
            feedback.flash_good()

    router = ScanRouter(window, feedback, on_screen)
    # What the station does just after its first paint, before any scan can come.
    feedback.prepare()
    router.warm_up()
    master, slave = os.openpty()
    tty = os.ttyname(slave)
    os.close(slave)
    link = Path(tempfile.mkdtemp()) / "usb-Bench_Scanner-if00"
    link.symlink_to(tty)
    hub = ScannerHub([f"serial://{link}?terminator=CR"])
    hub.scanned.connect(lambda _text, _label: arrived_at.append(time.perf_counter()))
    hub.scanned.connect(router.route)
    hub.start()

    written_at: list[float] = []
    failed: list[str] = []

    def writer() -> None:
        time.sleep(0.5)  # the reader opens the port
        rng = random.Random(4)
        for i in range(args.scans):
            painted.clear()
            data = SCANS[i % len(SCANS)]
            os.write(master, data)
            written_at.append(time.perf_counter())
            if not painted.wait(2.0):
                failed.append(f"scan {i} was never painted")
                break
            time.sleep(rng.uniform(0.004, 0.012))
        done.finished.emit()  # queued into the GUI thread: quit() itself must not be called from here

    done = _Done()
    done.finished.connect(app.quit)
    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    app.exec()
    thread.join()
    hub.stop()
    os.close(master)
    if failed:
        sys.exit(failed[0])
    n = len(written_at)
    arrive = [1000 * (a - w) for a, w in zip(arrived_at[:n], written_at)]
    paint = [1000 * (p - w) for p, w in zip(painted_at[:n], written_at)]
    print(f"platform: {QApplication.platformName()}, scans: {n}")
    for name, values in (("arrived in GUI thread", arrive), ("feedback painted    ", paint)):
        print(f"{name}: p50 {statistics.median(values):.2f} ms, p99 {percentile(values, 99):.2f} ms, "
              f"max {max(values):.2f} ms")
    worst = sorted(range(n), key=lambda i: paint[i])[-5:]
    print("slowest paints (scan number: arrived / painted ms):",
          ", ".join(f"{i}: {arrive[i]:.1f}/{paint[i]:.1f}" for i in reversed(worst)))
    p99 = percentile(paint, 99)
    print(f"goal p99 painted <= 16 ms: {'met' if p99 <= 16 else 'NOT met'} ({p99:.2f} ms)")


if __name__ == "__main__":
    main()
