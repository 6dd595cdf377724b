"""What the main window needs from the outside, built once per station and passed in.

``StationServices.create(config)`` makes one worker per resource: ``replica`` (the station's
SQLite replica and outbox) and ``central`` (pinged for the status area; the outbox is pushed
from it, over its own connection to the replica). Contexts open lazily in each worker's
thread, on the first job, so nothing touches a database before the window is shown. Tests
build the same object over a temporary replica.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject

from app.gui.i18n import LanguageSwitcher
from app.gui.workers import Worker


def _replica_context(url: str):
    def make() -> Any:
        from app.gui.queries import ReplicaContext  # SQLAlchemy loads here, in the worker thread

        return ReplicaContext(url)

    return make


def _central_context(url: str, replica_url: str):
    def make() -> Any:
        from app.gui.queries import CentralContext

        return CentralContext(url, replica_url)

    return make


@dataclass
class StationServices:
    replica: Worker
    central: Worker
    language: LanguageSwitcher
    sounds: Any  # app.gui.assets.QtSounds or SilentSounds
    scanners: Any = None  # app.gui.scanner_hub.ScannerHub, started by the window after its first paint
    printing: Any = None  # app.gui.print_service.PrintService, started by the window after its first paint

    @classmethod
    def create(
        cls, config, *, sounds: Any = None, parent: QObject | None = None, with_scanners: bool = False,
        with_printers: bool = False,
    ) -> StationServices:
        """Workers for ``config.replica_url`` and ``config.central_url``; with ``with_scanners``,
        the hub over ``config.scanners``; with ``with_printers``, the print queues of
        ``config.labels`` (neither started yet). GUI thread only."""
        from app.gui.assets import SilentSounds
        from app.gui.scanner_hub import ScannerHub

        replica = Worker("quai-replica", _replica_context(config.replica_url), parent)
        printing = None
        if with_printers:
            from app.gui.print_service import PrintService, spool_root

            printing = PrintService(config.name, config.labels, replica, spool_root(config.name), parent)
        return cls(
            replica=replica,
            central=Worker("quai-central", _central_context(config.central_url, config.replica_url), parent),
            language=LanguageSwitcher(parent),
            sounds=sounds if sounds is not None else SilentSounds(),
            scanners=ScannerHub(config.scanners, parent) if with_scanners else None,
            printing=printing,
        )

    # A ping stuck on the network must not hold the exit; a replica job is bounded by
    # SQLite's busy_timeout, and may be writing the logout: always waited for.
    CENTRAL_STOP_MS = 2_000

    def shutdown(self) -> bool:
        """Finish the queued jobs (a logout event is still written), then stop the threads.

        Returns False when the central worker was still busy and left behind (see Worker.stop).
        """
        if self.scanners is not None:
            self.scanners.stop()
        if self.printing is not None:
            self.printing.stop()  # its audit events are queued on the replica worker before it stops
        replica = self.replica.stop()
        central = self.central.stop(timeout_ms=self.CENTRAL_STOP_MS)
        return replica and central
