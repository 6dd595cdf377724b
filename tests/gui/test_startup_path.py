"""The station's start-up path stays lean: bench/bench_cold_start.py measures it, this keeps it so.

Checked in a fresh interpreter (this one has imported everything already): up to the window's
``show()``, nothing builds PySide6's ``Qt`` namespace (12-19 ms on its own, see
app.gui.alignment) nor imports what only the later screens and the workers need.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

LATER = ("app.gui.screens.home", "app.gui.screens.role_chooser", "app.gui.data", "app.gui.models", "app.domain", "sqlalchemy")

SHOW_LOGIN = """
import sys
import PySide6.QtCore as QtCore
from app.config import StationConfig
from app.gui import assets
from app.gui.app import application
from app.gui.main_window import MainWindow
from app.gui.services import StationServices

app = application()
app.setStyleSheet(assets.theme())
config = StationConfig(name="T-01", language="fr", central_url=sys.argv[1], local_url=sys.argv[2])
services = StationServices.create(config)
services.language.switch("fr")
window = MainWindow(config, services)
window.resize(1280, 800)
window.show()
print("Qt" in vars(QtCore))
print(sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[3:]))))
print(window.login_screen.ui.instructionLabel.text(), int(window.login_screen.ui.instructionLabel.alignment()))
window.close()
services.shutdown()
"""


def test_login_screen_shows_without_the_qt_namespace_nor_the_later_screens(tmp_path: Path):
    urls = [f"sqlite:///{tmp_path / name}" for name in ("central.db", "station.db")]
    done = subprocess.run(
        [sys.executable, "-c", SHOW_LOGIN, *urls, *LATER], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    qt_built, later, login = done.stdout.splitlines()
    assert qt_built == "False", "the Qt namespace is built before the login screen shows"
    assert later == "[]", f"imported before the login screen shows: {later}"
    assert login == "Scannez votre badge 132"  # translated, and centred (Qt.AlignCenter)
