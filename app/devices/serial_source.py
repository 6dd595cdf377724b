"""A serial (or USB-CDC) scanner read by pyserial on a thread of its own, never the GUI thread.

``SerialScanner(spec, on_scan, on_state).start()`` opens the port and calls, from its
thread (give it thread-safe callbacks: a Qt signal's ``emit``, a queue's ``put``):

- ``on_scan(text)`` for every complete scan (bytes read as Latin-1, so no byte sequence
  is lost or refused here: GS and AIM prefixes go through; app.scanning judges the text);
- ``on_state(state, detail)`` when the port changes: ``connected``, ``unplugged`` (the
  device went away: reads failed), ``missing`` (not there at start, or not back yet).

Unplugged, it tries again every ``retry_s`` seconds, by the configured path (a
``/dev/serial/by-id/…`` link follows the device) or, when the URL gives USB ids, by
vendor id, product id and serial number among the ports present. A partial line is
dropped after ``partial_ms`` (app.devices.framing).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

import serial
from serial.tools import list_ports

from app.devices.framing import LineFramer
from app.devices.scanner_url import SerialSpec

log = logging.getLogger(__name__)

CONNECTED, UNPLUGGED, MISSING = "connected", "unplugged", "missing"


def find_port(spec: SerialSpec) -> str | None:
    """The device path for ``spec`` right now: its path, or the port with its USB ids."""
    if spec.vid is None:
        return spec.path
    for port in list_ports.comports():
        if port.vid == spec.vid and port.pid == spec.pid and (
            spec.serial_number is None or port.serial_number == spec.serial_number
        ):
            return port.device
    return None


class SerialScanner:
    def __init__(
        self,
        spec: SerialSpec,
        on_scan: Callable[[str], None],
        on_state: Callable[[str, str], None] = lambda _state, _detail: None,
        *,
        retry_s: float = 0.5,
        read_timeout_s: float = 0.02,
    ) -> None:
        self.spec = spec
        self._on_scan = on_scan
        self._on_state = on_state
        self._retry = retry_s
        self._read_timeout = read_timeout_s
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.state: str | None = None
        self.discarded: list[bytes] = []  # stale partial lines (kept for the scanner test screen)

    def start(self) -> SerialScanner:
        self._thread = threading.Thread(target=self._run, name=f"quai-serial {self.spec.shown}", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 2.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _set_state(self, state: str, detail: str) -> None:
        if state != self.state:
            self.state = state
            log.info("scanner %s: %s %s", self.spec.shown, state, detail)
            self._on_state(state, detail)

    def _open(self) -> serial.Serial | None:
        path = find_port(self.spec)
        if path is None:
            self._set_state(MISSING, f"{self.spec.shown}: not plugged in")
            return None
        try:
            port = serial.Serial(path, self.spec.baudrate, timeout=self._read_timeout)
        except (serial.SerialException, OSError) as exc:
            self._set_state(MISSING if self.state != UNPLUGGED else UNPLUGGED, f"{path}: {_reason(exc)}")
            return None
        self._set_state(CONNECTED, path)
        return port

    def _run(self) -> None:
        framer = LineFramer(self.spec.terminator, self.spec.partial_ms)
        while not self._stop.is_set():
            port = self._open()
            if port is None:
                self._stop.wait(self._retry)
                continue
            try:
                while not self._stop.is_set():
                    data = port.read(port.in_waiting or 1)
                    scans, stale = framer.feed(data, time.monotonic())
                    if stale:
                        self.discarded.append(stale)
                        log.info("scanner %s: dropped an unfinished scan %r", self.spec.shown, stale)
                    for scan in scans:
                        self._on_scan(scan.decode("latin-1"))
            except (serial.SerialException, OSError) as exc:
                framer.feed(b"", float("inf"))  # what was half read goes with the device
                self._set_state(UNPLUGGED, f"{self.spec.shown}: {_reason(exc)}")
            finally:
                port.close()
            self._stop.wait(self._retry)


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text
