"""Keeping the console's live views fresh without polling: one read at a time, re-run if the data moved.

``LiveQuery(worker, job)`` runs ``job`` (a function of the worker's context, executed in the
worker's thread) when asked with ``request()``. Requests that arrive while a read is under
way are folded into one more read after it: a burst of changes (an import, a wave of
scans) costs two reads, never a queue of them, and the last read always starts after the
last change. Results come back by the ``ready`` signal, errors by ``failed``.

What asks: the station's window emits ``replica_changed`` after a sync cycle that pulled
rows (app.gui.main_window), and a PostgreSQL NOTIFY starts that cycle at once
(app.sync.listen), so a change anywhere on the floor reaches the console's replica and its
overview within a second. Nothing reads whole tables on a timer: the overview reads again
by the clock only when it goes stale by the clock (``FloorOverview.next_change_at``: a
cutoff passes, the day ends). The packing mismatches are events, which no pull announces
(they reach the central database, not the replicas): the window's periodic refresh asks
for them (``OverviewPanel.poll``).

The jobs (``overview_job``, ``mismatches_job``) are plain functions, no Qt, run in the
worker's thread: ``overview_job`` over the replica (the replica worker's context has
``sessions``), ``mismatches_job`` over the central database (verification mismatches are
events, which reach the central database but not the other replicas).

Threading: ``LiveQuery`` lives in the GUI thread; its callbacks come back there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class LiveQuery(QObject):
    ready = Signal(object)  # the job's result
    failed = Signal(str)  # the error's first line

    def __init__(self, worker: Any, job: Callable[[Any], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = worker
        self._job = job
        self._running = False
        self._again = False
        self.reads = 0  # reads started (tests and the bench count them)

    @property
    def running(self) -> bool:
        return self._running

    def request(self) -> None:
        """Read again: now, or right after the read under way."""
        if self._running:
            self._again = True
            return
        self._running = True
        self._again = False
        self.reads += 1
        try:
            self._worker.submit(self._job, self._done, self._failed)
        except RuntimeError as exc:  # the worker stopped (the window is closing)
            self._running = False
            log.info("live read not started: %s", exc)

    def _done(self, result: Any) -> None:
        self._running = False
        if self._again:
            self.request()  # the data moved while we read: this result is already old
        self.ready.emit(result)

    def _failed(self, error: Exception) -> None:
        self._running = False
        text = str(error).splitlines()[0] if str(error) else type(error).__name__
        log.warning("console overview not read: %s", text)
        self.failed.emit(text)
        if self._again:
            self.request()


# --- the jobs (worker threads) ------------------------------------------------------------------


def overview_job(rules: Any = None, limit: int = 100, clock: Callable[[], datetime] | None = None):
    """A job for the replica worker: app.store.overview.floor_overview at the time it runs.
    ``rules``: the site's app.store.overview.CutoffRules (from the station file's
    ``[carriers]``); None: Quai's default table and the French holidays."""

    def job(context: Any):
        from app.store.overview import floor_overview

        now = clock() if clock is not None else datetime.now(UTC)
        with context.sessions() as session:
            return floor_overview(session, now, rules=rules, limit=limit)

    return job


def mismatches_job(hours: float = 12.0, limit: int = 50, clock: Callable[[], datetime] | None = None):
    """A job for the central worker: the verification mismatches of the last ``hours``
    (app.store.overview.recent_mismatches)."""

    def job(context: Any):
        from app.store.overview import recent_mismatches

        now = clock() if clock is not None else datetime.now(UTC)
        with central_sessions(context)() as session:
            return recent_mismatches(session, now - timedelta(hours=hours), limit=limit)

    return job


def central_sessions(context: Any):
    """A sessionmaker over the central database for a worker's context: its own ``sessions``
    (a context over a store, as tests give), or one over the central worker's engine
    (app.gui.queries.CentralContext: made once, disposed of with the context)."""
    sessions = getattr(context, "sessions", None)
    if sessions is not None:
        return sessions
    factory = getattr(context, "_overview_sessions", None)
    if factory is None:
        from app.store.db import make_engine, session_factory

        if getattr(context, "_engine", None) is None:  # CentralContext disposes of it at close
            embedded = getattr(context, "embedded", False)
            path = getattr(context, "_sqlite_path", None)
            if embedded and (not path or not Path(path).exists()):
                # Never create an empty central file by connecting to it.
                raise FileNotFoundError(f"central database file not found: {path}")
            context._engine = make_engine(context.url, **({} if embedded else {"connect_args": {"connect_timeout": 3}}))
        factory = session_factory(context._engine)
        context._overview_sessions = factory
    return factory
