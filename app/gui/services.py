"""What the main window needs from the outside, built once per station and passed in.

``StationServices.create(config)`` makes one worker per resource: ``replica`` (the station's
SQLite replica and outbox) and ``central`` (only pinged for the status area). Contexts open
lazily in each worker's thread, on the first job, so nothing touches a database before the
window is shown. Tests build the same object over a temporary replica.
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


def _central_context(url: str):
    def make() -> Any:
        from app.gui.queries import CentralContext

        return CentralContext(url)

    return make


@dataclass
class StationServices:
    replica: Worker
    central: Worker
    language: LanguageSwitcher
    sounds: Any  # app.gui.assets.QtSounds or SilentSounds

    @classmethod
    def create(cls, config, *, sounds: Any = None, parent: QObject | None = None) -> StationServices:
        """Workers for ``config.replica_url`` and ``config.central_url``. GUI thread only."""
        from app.gui.assets import SilentSounds

        return cls(
            replica=Worker("quai-replica", _replica_context(config.replica_url), parent),
            central=Worker("quai-central", _central_context(config.central_url), parent),
            language=LanguageSwitcher(parent),
            sounds=sounds if sounds is not None else SilentSounds(),
        )

    def shutdown(self) -> None:
        """Finish the queued jobs (a logout event is still written), then stop the threads."""
        self.replica.stop()
        self.central.stop()
