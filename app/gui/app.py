"""Start a station: ``run_station(config)`` is what ``quai station`` calls.

The CLI has already created, migrated and filled the replica (``config.replica_url``);
this module only opens the window. Start-up is kept lean: Qt widgets and the window
first, SQLAlchemy and every database later, in the workers, after the first paint.

``QUAI_EXIT_WHEN_SHOWN=1`` (used by bench/bench_cold_start.py) prints
``QUAI_SHOWN <wall time> <seconds since process start>`` at the first paint of the
window and quits.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from app.gui.virtual_keyboard import (
    default_locale_before_application,
    exit_skipping_keyboard_teardown,
    virtual_keyboard_environment,
)

ENV_EXIT_WHEN_SHOWN = "QUAI_EXIT_WHEN_SHOWN"


def process_uptime() -> float:
    """Seconds since this process started (Linux /proc; falls back to the time since import)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as f:
            uptime = float(f.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.monotonic() - _IMPORTED_AT


_IMPORTED_AT = time.monotonic()


class ExitWhenShown(QObject):
    """Event filter: at the window's first paint, print the timestamps and quit (benchmarks)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            print(f"QUAI_SHOWN {time.time():.6f} {process_uptime():.6f}", flush=True)
            QTimer.singleShot(0, self._app.quit)
        return False


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1] if argv is None else argv)
        app.setApplicationName("Quai")
        app.setOrganizationName("Quai")
        app.setDesktopFileName("quai")
    return app  # type: ignore[return-value]


def run_station(config, argv: list[str] | None = None, *, prepare: Callable[[], None] | None = None) -> int:
    """Open the station window for ``config`` (a StationConfig) and run until it closes.

    Creates the QApplication if there is none, installs the translator for
    ``config.language`` (``system``: the locale's language if French or English, else
    French), applies the high-contrast theme, shows the window, runs the event loop and
    returns its exit code. GUI thread (the main thread) only.

    ``prepare`` (migrate and fill the replica, as ``quai station`` passes it) runs as
    the replica worker's first job, after the window is shown; every later replica
    job (a badge lookup) queues behind it, so none sees a half-prepared replica.
    """
    from app.gui import assets
    from app.gui.i18n import resolve_language
    from app.gui.main_window import MainWindow
    from app.gui.services import StationServices

    if QApplication.instance() is None:
        # Qt shows the keyboard on a tap into a text field, not when a field takes the focus:
        # the login's scan field (always focused) stays clear for the scanner.
        virtual_keyboard_environment(config, os.environ)
        default_locale_before_application(resolve_language(config.language))
    app = application(argv)
    app.setStyleSheet(assets.theme())
    services = StationServices.create(config, sounds=None, with_scanners=True, with_printers=True)
    services.language.switch(resolve_language(config.language))
    window = MainWindow(config, services)
    if os.environ.get(ENV_EXIT_WHEN_SHOWN) == "1":
        window.installEventFilter(ExitWhenShown(app))
    else:
        # Sound after the window: QtMultimedia is slow to load and optional.
        QTimer.singleShot(0, lambda: setattr(services, "sounds", assets.sounds()))
    if config.extra.get("kiosk", {}).get("fullscreen") if isinstance(config.extra.get("kiosk"), dict) else False:
        window.showFullScreen()
    else:
        window.resize(1280, 800)
        window.show()
    window.startup_job = prepare
    restore_sigterm = close_on_sigterm(window)
    try:
        code = app.exec()
    finally:
        window.close()  # logs out (once) if the loop ended otherwise than by closing the window
        services.shutdown()
        restore_sigterm()
    exit_skipping_keyboard_teardown(code)  # returns unless the on-screen keyboard was loaded
    return code


SIGNAL_POLL_MS = 250


def close_on_sigterm(window) -> Callable[[], None]:
    """SIGTERM (systemd stopping the kiosk) closes the window, as a person would: the logout is written.

    Python runs signal handlers between bytecodes of the main thread, never while Qt's event
    loop waits in C++: a periodic no-op timer lets it in. Returns what undoes this.
    Main thread only (elsewhere there is nothing to install, and nothing is done).
    """
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    previous = signal.signal(signal.SIGTERM, lambda _signum, _frame: window.close())
    poll = QTimer(window)
    poll.setInterval(SIGNAL_POLL_MS)
    poll.timeout.connect(lambda: None)
    poll.start()

    def restore() -> None:
        poll.stop()
        signal.signal(signal.SIGTERM, previous)

    return restore


def main(argv: list[str] | None = None) -> int:
    """``python -m app.gui.app [NAME]``: a station over the default replica, for development."""
    from app.config import StationConfig

    args = sys.argv[1:] if argv is None else argv
    return run_station(StationConfig(name=args[0] if args else "DEMO-01"))


if __name__ == "__main__":
    sys.exit(main())
