"""What every scanner reader thread shares (app.devices.serial_source, app.devices.evdev_source).

A reader owns one device: a daemon thread of its own opens it, reads scans and calls
``on_scan(text)``, and calls ``on_state(state, detail)`` once per change of state:

- ``connected``: reading;
- ``unplugged``: the device went away while read (and stays so until it is back);
- ``missing``: not there at start, or never found;
- ``refused``: there, but this user may not open it or another program holds it (the
  detail says what to do; fixing it needs no restart: the reader keeps trying).

No Qt: give thread-safe callbacks (a Qt signal's ``emit``, a queue's ``put``).
"""

from __future__ import annotations

import grp
import logging
import os
import pwd
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

CONNECTED, UNPLUGGED, MISSING, REFUSED = "connected", "unplugged", "missing", "refused"
KEEP_DISCARDED = 50  # the last dropped partial scans, for the scanner test screen; older ones are only logged


class ScannerReader:
    thread_prefix = "quai-reader"
    kind = "scanner"  # what the logs call the device (app.devices.scales.reader reads scales with this too)

    def __init__(
        self,
        spec: Any,
        on_scan: Callable[[str], None],
        on_state: Callable[[str, str], None] = lambda _state, _detail: None,
        *,
        retry_s: float = 0.5,
    ) -> None:
        self.spec = spec
        self._on_scan = on_scan
        self._on_state = on_state
        self._retry = retry_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.state: str | None = None
        # Dropped partial scans, the last few: bounded, a station runs for weeks.
        self.discarded: deque[Any] = deque(maxlen=KEEP_DISCARDED)

    def start(self) -> Any:
        self._thread = threading.Thread(target=self._run, name=f"{self.thread_prefix} {self.spec.shown}", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _set_state(self, state: str, detail: str) -> None:
        if state == MISSING and self.state == UNPLUGGED:
            state = UNPLUGGED  # not back yet after an unplug (by its path or its USB ids alike)
        if state != self.state:
            self.state = state
            log.info("%s %s: %s %s", self.kind, self.spec.shown, state, detail)
            self._on_state(state, detail)

    def _run(self) -> None:
        raise NotImplementedError


def permission_advice(path: str, group: str = "input", *, udev_rule: bool = True) -> str:
    """Why this user may not open ``path``, and what to do about it: join ``group`` (the
    device's group on Debian and Ubuntu: ``input`` for input devices, ``dialout`` for serial ports)."""
    uid = os.geteuid()
    try:
        user = pwd.getpwuid(uid).pw_name
    except KeyError:
        user = str(uid)
    try:
        members = grp.getgrnam(group)
    except KeyError:
        members = None
    if members is not None and user in members.gr_mem and members.gr_gid not in os.getgroups():
        # Added to the group already: a session only gets its groups when it logs in.
        return (f"{path}: permission denied — {user} was added to the {group} group after logging in: "
                "log out and in again")
    advice = (f"{path}: permission denied — {user} is not in the {group} group: run "
              f"`sudo usermod -aG {group} {user}` and log in again")
    return advice + (f", or add a udev rule giving this scanner to {user}" if udev_rule else "")
