"""A serial (or USB-CDC) scanner read by pyserial on a thread of its own, never the GUI thread.

``SerialScanner(spec, on_scan, on_state).start()`` opens the port and calls, from its
thread (give it thread-safe callbacks: a Qt signal's ``emit``, a queue's ``put``):

- ``on_scan(text)`` for every complete scan (bytes read as Latin-1, so no byte sequence
  is lost or refused here: GS and AIM prefixes go through; app.scanning judges the text);
- ``on_state(state, detail)`` when the port changes: ``connected``, ``unplugged`` (the
  device went away: reads failed; it stays so until the device is back), ``missing`` (not
  there at start), ``refused`` (there, but Quai may not open it: the user is not in the
  ``dialout`` group, or another program holds the port; the detail says what to do).

The port is opened for Quai alone (an exclusive lock, as the evdev source grabs its
device): two readers of one port would each get some of its bytes and cut scans apart.
Every state but ``connected`` is retried every ``retry_s`` seconds, by the configured path
(a ``/dev/serial/by-id/…`` link follows the device) or, when the URL gives USB ids, by
vendor id, product id and serial number among the ports present. A partial line is
dropped after ``partial_ms``, with the rest of it (app.devices.framing).
"""

from __future__ import annotations

import errno
import logging
import time
from collections.abc import Callable

import serial
from serial.tools import list_ports

from app.devices.reader import (  # noqa: F401 - the states are this module's API too
    CONNECTED, KEEP_DISCARDED, MISSING, REFUSED, UNPLUGGED, ScannerReader, permission_advice,
)
from app.devices.framing import LineFramer
from app.devices.scanner_url import SerialSpec

log = logging.getLogger(__name__)



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


class SerialScanner(ScannerReader):
    thread_prefix = "quai-serial"

    def __init__(
        self,
        spec: SerialSpec,
        on_scan: Callable[[str], None],
        on_state: Callable[[str, str], None] = lambda _state, _detail: None,
        *,
        retry_s: float = 0.5,
        read_timeout_s: float = 0.02,
    ) -> None:
        super().__init__(spec, on_scan, on_state, retry_s=retry_s)
        self._read_timeout = read_timeout_s

    def _open(self) -> serial.Serial | None:
        path = find_port(self.spec)
        if path is None:
            self._set_state(MISSING, f"{self.spec.shown}: not plugged in")
            return None
        try:
            port = serial.Serial(path, self.spec.baudrate, timeout=self._read_timeout, exclusive=True)
        except (serial.SerialException, OSError) as exc:
            self._set_state(*why_open_failed(path, exc))
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
                    scans, dropped = framer.feed(data, time.monotonic())
                    for stale in dropped:
                        self.discarded.append(stale)
                        log.info("scanner %s: dropped an unfinished scan %r", self.spec.shown, stale)
                    for scan in scans:
                        self._on_scan(scan.decode("latin-1"))
            except (serial.SerialException, OSError) as exc:
                framer.reset()  # what was half read goes with the device
                self._set_state(UNPLUGGED, f"{self.spec.shown}: {_reason(exc)}")
            finally:
                port.close()
            self._stop.wait(self._retry)


def why_open_failed(path: str, exc: OSError, device: str = "scanner",
                    tool: str = "quai scanner-test") -> tuple[str, str]:
    """The state and what to do when the port at ``path`` cannot be opened.

    pyserial passes the errno of os.open (and of the lock) on in its SerialException."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        # Serial ports are root:dialout 0660 on Debian and Ubuntu.
        return REFUSED, permission_advice(path, "dialout", udev_rule=False)
    if exc.errno in (errno.EBUSY, errno.EWOULDBLOCK):  # TIOCEXCL (EBUSY), or its lock taken (flock)
        return REFUSED, (f"{path}: another program holds the {device} (another Quai station or {tool}?); "
                         f"close it and Quai takes the {device} back")
    if exc.errno in (errno.ENOENT, errno.ENODEV, errno.ENXIO):  # no path, or a node without a device
        return MISSING, f"{path}: not plugged in"
    return MISSING, f"{path}: {_reason(exc)}"


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text
