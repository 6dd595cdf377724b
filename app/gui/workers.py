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
  in the worker thread (``context.close()`` if it has one) and joins the thread. A thread running
  Python is never terminated (that could cut a SQLite transaction in half): ``stop()`` waits for
  the queue (replica jobs are bounded by SQLite's busy_timeout), or, given ``timeout_ms``, waits
  that long and then leaves the thread behind (see ``Worker.stop``).
"""

from __future__ import annotations

import itertools
import logging
import queue
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot


log = logging.getLogger(__name__)

Job = Callable[[Any], Any]
_STOP = object()


class _Thread(QThread):
    """Runs the jobs one by one in ``run()``; owns the resource's context.

    No QObject lives in this thread: a thread left behind at exit (``Worker.stop``) holds
    no Qt object that PySide could delete under it.
    """

    job_done = Signal(int, object, object)  # job id, result, exception; emitted in this thread

    def __init__(self, name: str, context_factory: Callable[[], Any]) -> None:
        super().__init__()
        self.setObjectName(name)
        self._factory = context_factory
        self.jobs: queue.SimpleQueue[tuple[int, Any]] = queue.SimpleQueue()
        self.abandoned = False  # set by the GUI thread: deliver nothing more, touch no Qt object

    def run(self) -> None:
        context: Any = None
        name = self.objectName()
        while True:
            job_id, job = self.jobs.get()
            if job is _STOP:
                break
            result: Any = None
            error: Exception | None = None
            try:
                if context is None:
                    context = self._factory()
                result = job(context)
            except Exception as exc:  # handed to the GUI, which tells the person
                log.warning("job %s on %s failed: %s", job_id, name, exc)
                error = exc
            if self.abandoned:
                return  # the station is exiting without this thread
            self.job_done.emit(job_id, result, error)
        close = getattr(context, "close", None)
        if close is not None:
            try:
                close()
            except Exception:  # closing must never keep the station from quitting
                log.exception("closing the context of %s", name)


class Worker(QObject):
    """A queue of jobs against one resource, run on a dedicated QThread (see the module docstring)."""

    def __init__(self, name: str, context_factory: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None] | None, Callable[[Exception], None] | None]] = {}
        self._stopped = False
        # No Python reference from the thread back to this worker (no cycle for the garbage
        # collector to break in whatever thread it runs): a Qt connection, queued, as the
        # signal is emitted in the worker thread and this object lives in the GUI thread.
        self._thread = _Thread(name, context_factory)
        self._thread.setParent(self)
        self._thread.job_done.connect(self._deliver)
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
        self._thread.jobs.put((job_id, job))
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

    def stop(self, timeout_ms: int | None = None) -> bool:
        """Run the queued jobs, close the context, join the thread. Never terminates it.

        ``timeout_ms=None`` waits for the whole queue. With a timeout, a thread still busy
        after it is logged and left behind (the process is exiting): it delivers nothing
        more, and it is handed to the main thread's QThread object, so that neither this
        worker's deletion nor PySide's clean-up at exit destroys a running QThread (Qt
        aborts the process then). Returns whether the thread stopped.
        """
        if self._stopped:
            return not self._thread.isRunning()
        self._stopped = True
        self._thread.jobs.put((0, _STOP))
        if timeout_ms is None:
            self._thread.wait()
        elif not self._thread.wait(timeout_ms):
            log.error("worker %s still busy %d ms after stop; left behind as the station exits", self.objectName(), timeout_ms)
            self._thread.abandoned = True
            self._thread.setParent(QThread.currentThread())
            self._callbacks.clear()
            return False
        self._callbacks.clear()
        return True
