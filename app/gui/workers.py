"""One worker thread per resource (the station replica, the central database).

Threading contract
------------------
* A ``Worker`` is created, used and stopped from the GUI thread.
* ``submit(job, on_done, on_error)`` queues ``job(context)`` for the worker's own thread.
  Jobs run one at a time, in submission order, and must never touch widgets.
* ``context`` is built by ``context_factory()`` *inside* the worker thread, on the first job:
  no connection (and not even the SQLAlchemy import) happens before the window is shown.
* ``on_done(result)`` or ``on_error(exception)`` then runs in the GUI thread, delivered by a
  queued signal. After ``stop()`` no callback runs any more.
* ``stop()`` lets the queued jobs finish (a logout event is still written), closes the context
  in the worker thread (``context.close()`` if it has one) and joins the thread.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot


log = logging.getLogger(__name__)

Job = Callable[[Any], Any]
_STOP = object()


class _Runner(QObject):
    """Lives in the worker thread; owns the resource's context."""

    finished = Signal(int, object, object)  # job id, result, exception

    def __init__(self, context_factory: Callable[[], Any]) -> None:
        super().__init__()
        self._factory = context_factory
        self._context: Any = None

    @Slot(int, object)
    def run(self, job_id: int, job: object) -> None:
        if job is _STOP:
            self._close()
            QThread.currentThread().quit()
            return
        try:
            if self._context is None:
                self._context = self._factory()
            result = job(self._context)  # type: ignore[operator]
        except Exception as exc:  # handed to the GUI, which tells the person
            log.warning("job %s on %s failed: %s", job_id, QThread.currentThread().objectName(), exc)
            self.finished.emit(job_id, None, exc)
        else:
            self.finished.emit(job_id, result, None)

    def _close(self) -> None:
        close = getattr(self._context, "close", None)
        if close is not None:
            try:
                close()
            except Exception:  # closing must never keep the station from quitting
                log.exception("closing the context of %s", QThread.currentThread().objectName())
        self._context = None


class Worker(QObject):
    """A queue of jobs against one resource, run on a dedicated QThread (see the module docstring)."""

    _request = Signal(int, object)

    def __init__(self, name: str, context_factory: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None] | None, Callable[[Exception], None] | None]] = {}
        self._stopped = False
        self._thread = QThread(self)
        self._thread.setObjectName(name)
        self._runner = _Runner(context_factory)
        self._runner.moveToThread(self._thread)
        self._request.connect(self._runner.run)
        self._runner.finished.connect(self._deliver)
        self._thread.start()

    def submit(
        self,
        job: Job,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> int:
        if self._stopped:
            raise RuntimeError(f"worker {self.objectName()} is stopped")
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)
        self._request.emit(job_id, job)
        return job_id

    @property
    def pending(self) -> int:
        """Jobs submitted whose callback has not run yet."""
        return len(self._callbacks)

    @Slot(int, object, object)
    def _deliver(self, job_id: int, result: Any, error: Exception | None) -> None:
        on_done, on_error = self._callbacks.pop(job_id, (None, None))
        if self._stopped:
            return
        if error is not None:
            if on_error is not None:
                on_error(error)
        elif on_done is not None:
            on_done(result)

    def stop(self, timeout_ms: int = 10_000) -> None:
        if self._stopped:
            return
        self._request.emit(0, _STOP)
        self._stopped = True
        if not self._thread.wait(timeout_ms):
            log.error("worker %s did not stop within %d ms", self.objectName(), timeout_ms)
            self._thread.terminate()
            self._thread.wait()
        self._callbacks.clear()
