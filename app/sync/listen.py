"""Wake-up of a station when the central database changed: PostgreSQL LISTEN/NOTIFY.

The capture triggers (app.sync.capture) send ``NOTIFY quai_changes`` when a transaction
that changed replicated rows commits. A notification carries nothing the station relies
on: it is only a wake-up, the station then pulls (app.sync.pull), and the pull is right
whether or not a notification arrived. So a lost notification costs latency, not data,
and polling stays the fallback (the sync loop pulls every few seconds anyway).

psycopg 3 before 3.2.4 could lose notifications that arrived while ``notifies()`` was
not being iterated; pyproject requires at least 3.2.4.

Threading: ``ChangeListener`` runs its own daemon thread with its own connection (in
autocommit: LISTEN takes effect at once and no transaction stays open to hold back the
pull's horizon). On every notification it calls ``wake()`` (from that thread: give it
something thread-safe, e.g. ``threading.Event.set`` or a Qt signal's ``emit``). A lost
connection is retried with backoff; ``connected`` says whether it listens right now.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import psycopg
from sqlalchemy.engine import make_url

from app.sync.backoff import Backoff
from app.sync.capture import NOTIFY_CHANNEL

log = logging.getLogger(__name__)


def libpq_url(url: str) -> str:
    """A SQLAlchemy PostgreSQL URL as libpq reads it (driver suffix dropped, options kept)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class ChangeListener:
    def __init__(
        self,
        url: str,
        wake: Callable[[], None],
        *,
        on_notify: Callable[[str], None] | None = None,
        backoff: Backoff | None = None,
        poll_seconds: float = 1.0,
    ) -> None:
        self._conninfo = libpq_url(url)
        self._wake = wake
        self._on_notify = on_notify  # given: called with each payload, before ``wake``
        self._backoff = backoff or Backoff()
        self._poll = poll_seconds  # how often the thread looks at its stop flag
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.connected = threading.Event()
        self.notifications = 0  # received so far (for the status display and the bench)

    def start(self) -> ChangeListener:
        self._thread = threading.Thread(target=self._run, name="quai-listen", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _call_wake(self) -> None:
        self._call(self._wake)

    @staticmethod
    def _call(callback, *args) -> None:
        try:
            callback(*args)
        except Exception:  # a receiver gone (a window closing): never kill the listener for it
            log.exception("change listener: a callback failed")

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                with psycopg.connect(
                    self._conninfo, autocommit=True, connect_timeout=5,
                    keepalives=1, keepalives_idle=30, keepalives_interval=10, keepalives_count=3,
                ) as connection:
                    connection.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    self.connected.set()
                    self._backoff.reset()
                    # Changes committed while we were not listening: one wake-up covers them.
                    self._call_wake()
                    while not self._stop.is_set():
                        for notify in connection.notifies(timeout=self._poll):
                            self.notifications += 1
                            if self._on_notify is not None:
                                self._call(self._on_notify, notify.payload)
                            self._call_wake()
            except psycopg.Error as exc:
                # The message never holds the password (libpq does not echo it).
                log.info("change listener disconnected: %s", str(exc).splitlines()[0] if str(exc) else exc)
            finally:
                self.connected.clear()
            if not self._stop.is_set():
                self._stop.wait(self._backoff.next_delay())
