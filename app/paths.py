"""Where Quai keeps its files. Deliberately light (no SQLAlchemy): the station's
start-up imports it before the window is shown."""

from __future__ import annotations

import os
from pathlib import Path

ENV_DB = "QUAI_DB"
ENV_DATA_DIR = "QUAI_DATA_DIR"


def data_dir() -> Path:
    """Where the embedded databases live (``QUAI_DATA_DIR`` overrides, for tests and kiosks)."""
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        path = Path(override)
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir("quai", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def default_central_url() -> str:
    """The central database: ``QUAI_DB`` if set, else the embedded SQLite file."""
    return os.environ.get(ENV_DB) or sqlite_url(data_dir() / "central.db")


def station_file_name(station_name: str) -> str:
    """``station-<name>.db``, with anything but letters, digits, - and _ replaced (no path tricks)."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in station_name)
    return f"station-{safe}.db"


def default_station_url(station_name: str) -> str:
    """A station's local replica and outbox: always a SQLite file next to the embedded central one."""
    return sqlite_url(data_dir() / station_file_name(station_name))
