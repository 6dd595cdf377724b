"""The KPI page's work off the GUI thread, and where its files go.

``kpis_job`` reads the figures through the console's central sessions
(app.gui.console.live.central_sessions: never an engine of its own, see kpi_panel);
``export_job`` writes them as CSV. Both run on the worker the panel is given.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from app.gui.console.live import central_sessions
from app.store.kpis import PARIS, Kpis


def kpis_job(day: date, with_previous: bool = False) -> Callable[[Any], tuple[Kpis, Kpis | None]]:
    """The day's figures, and the day before's when asked (the tiles' trend; asked once a day:
    a closed day hardly changes, so the trend costs one more computation a day, not a minute)."""
    def job(context: Any) -> tuple[Kpis, Kpis | None]:
        from app.store.kpis import kpis

        with central_sessions(context)() as session:
            figures = kpis(session, day, PARIS)
            previous = kpis(session, day - timedelta(days=1), PARIS) if with_previous else None
            return figures, previous

    return job


def export_job(figures: Kpis, folder: Path) -> Callable[[Any], list[Path]]:
    def job(_context: Any) -> list[Path]:
        from app.store.kpis_csv import write_csv

        return write_csv(figures, folder)

    return job


def today() -> date:
    return datetime.now(PARIS).date()


def default_export_folder() -> Path:
    from app.paths import data_dir

    return data_dir() / "kpis"
