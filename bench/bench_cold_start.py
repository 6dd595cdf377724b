"""Cold start of a station to its login screen, against a bare PySide6 QMainWindow.

Each start is a fresh ``python`` subprocess that prints ``QUAI_SHOWN <wall time> <uptime>``
at the window's first paint, then quits. The time counted is from just before the parent
spawns the child to that first paint (wall clock, same machine). Both kinds run interleaved,
``--runs`` times each (default 7), under offscreen and, if ``xvfb-run`` exists, under Xvfb.
The station is started exactly as the ``quai`` console script runs ``quai station --config
FILE``; it shows its window first and migrates/fills its replica afterwards in a worker.
Prints medians and the ratio (goal: station <= 1.5 x bare).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

BARE = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
class Shown(QObject):
    done = False
    def eventFilter(self, obj, event):
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            print(f"QUAI_SHOWN {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
window = QMainWindow()
window.setWindowTitle("bare")
shown = Shown(app)
window.installEventFilter(shown)
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
"""

# Exactly what the `quai` console script runs for `quai station --config FILE`.
STATION = r"""
import sys
from app.cli import main
sys.exit(main(["station", "--config", sys.argv[1]]))
"""


def prepare(tmp: Path) -> tuple[str]:
    sys.path.insert(0, str(REPO))
    # An installed Quai has its bytecode compiled (pip does it at install time). This
    # machine sets PYTHONDONTWRITEBYTECODE, which would make every start recompile the
    # app's modules; compile them once, as an install would. (.pyc files are still read.)
    import compileall

    compileall.compile_dir(str(REPO / "app"), quiet=1)
    from app.store.db import make_engine, sqlite_url
    from app.store.migrate import upgrade

    urls = []
    for name in ("station.db", "central.db"):
        url = sqlite_url(tmp / name)
        engine = make_engine(url)
        upgrade(engine)
        engine.dispose()
        urls.append(url)
    config = tmp / "station.toml"
    config.write_text(
        f'[station]\nname = "BENCH-01"\nlanguage = "fr"\nlocal_url = "{urls[0]}"\n\n[central]\nurl = "{urls[1]}"\n',
        encoding="utf-8",
    )
    return (str(config),)


def one_start(code: str, args: list[str], env: dict[str, str], wrapper: list[str]) -> float:
    t0 = time.time()
    out = subprocess.run(
        [*wrapper, sys.executable, "-c", code, *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=60
    )
    stamps = {line.split()[0]: float(line.split()[1]) for line in out.stdout.splitlines() if line.startswith("QUAI_")}
    if "QUAI_SHOWN" in stamps:
        return stamps["QUAI_SHOWN"] - t0
    raise RuntimeError(f"no QUAI_SHOWN line (exit {out.returncode}):\n{out.stdout}\n{out.stderr[-2000:]}")


def measure(label: str, wrapper: list[str], platform: str | None, runs: int, urls: tuple[str], tmp: Path) -> None:
    env = dict(os.environ, QUAI_EXIT_WHEN_SHOWN="1", QUAI_SILENT="1", QUAI_DATA_DIR=str(tmp / "data"))
    if platform:
        env["QT_QPA_PLATFORM"] = platform
    else:
        env.pop("QT_QPA_PLATFORM", None)
    one_start(BARE, [], env, wrapper)  # warm the OS file cache: "cold" means a new process, not a cold disk
    one_start(STATION, list(urls), env, wrapper)
    bare, station = [], []
    for _ in range(runs):
        bare.append(one_start(BARE, [], env, wrapper))
        station.append(one_start(STATION, list(urls), env, wrapper))
    mb, ms = statistics.median(bare), statistics.median(station)
    print(f"[{label}] runs={runs}")
    print(f"  bare QMainWindow : median {mb * 1000:7.1f} ms  (min {min(bare) * 1000:.1f}, max {max(bare) * 1000:.1f})")
    print(f"  station login    : median {ms * 1000:7.1f} ms  (min {min(station) * 1000:.1f}, max {max(station) * 1000:.1f})")
    print(f"  ratio station/bare: {ms / mb:.2f}x  (goal <= 1.5x)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        urls = prepare(tmp)
        measure("offscreen", [], "offscreen", args.runs, urls, tmp)
        xvfb = shutil.which("xvfb-run")
        if xvfb:
            # One Xvfb server per start would time the server too; the wrapper is the same for both kinds.
            measure("xvfb", [xvfb, "-a", "-s", "-screen 0 1280x800x24"], "xcb", args.runs, urls, tmp)
        else:
            print("[xvfb] skipped: xvfb-run not found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
