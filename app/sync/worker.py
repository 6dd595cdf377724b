"""When the station pushes its outbox: the schedule of the background push, without Qt.

The station's window (app.gui.main_window) owns a timer and the central worker; this object
decides, and is tested without a QApplication or a clock:

* ``begin()`` before submitting a push: False while one is pending (one push at a time;
  the request is remembered and served as soon as the running push ends).
* ``succeeded(now)`` / ``failed()`` when it answers: the delay in seconds until the next
  push. After a success, the regular interval (or 0 when a push was asked for meanwhile,
  e.g. a login written during the push); after a failure, the next ``Backoff`` delay.
  A success resets the backoff.

Not thread-safe: used from one thread (the GUI thread).
"""

from __future__ import annotations

from datetime import datetime

from app.sync.backoff import Backoff


class PushSchedule:
    def __init__(self, interval: float = 5.0, backoff: Backoff | None = None) -> None:
        if interval <= 0:
            raise ValueError("interval must be > 0")
        self.interval = interval
        self.backoff = backoff if backoff is not None else Backoff()
        self.pending = False
        self.requested = False  # a push was asked for while one was pending
        self.last_success: datetime | None = None
        self.last_delay: float | None = None  # the delay returned by the last answer
        self.failures = 0  # consecutive failures

    def begin(self) -> bool:
        """A push may start now (True), or one is pending and this request waits for it (False)."""
        if self.pending:
            self.requested = True
            return False
        self.pending = True
        self.requested = False
        return True

    def succeeded(self, now: datetime) -> float:
        self.pending = False
        self.failures = 0
        self.backoff.reset()
        self.last_success = now
        self.last_delay = 0.0 if self.requested else self.interval
        self.requested = False
        return self.last_delay

    def failed(self) -> float:
        """Delay before the retry. A request made meanwhile does not skip the backoff: the
        central database just failed, and hammering it helps nobody."""
        self.pending = False
        self.requested = False
        self.failures += 1
        self.last_delay = self.backoff.next_delay()
        return self.last_delay
