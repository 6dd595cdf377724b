"""A keyboard-mode scanner read as a Linux input device (evdev), on a thread of its own.

``EvdevScanner(spec, on_scan, on_state).start()`` opens ``spec.path`` (best a
``/dev/input/by-id/usb-…-event-kbd`` link: it follows the device when replugged), takes it
for Quai alone (EVIOCGRAB: the scans do not also type into the desktop's focused window)
and calls, from its thread (give it thread-safe callbacks: a Qt signal's ``emit``, a
queue's ``put``):

- ``on_scan(text)`` for every complete scan (keys up to Enter, decoded as a US-layout
  scanner means them, whatever the system's layout: app.devices.evdev_keys);
- ``on_state(state, detail)`` when the device changes, as the serial source does:
  ``connected``, ``unplugged`` (it went away: reads failed), ``missing`` (not there at
  start, or not back yet), plus ``refused``: the path is there but Quai cannot use it, the
  detail says why and what to do (no permission: the user is not in the ``input`` group;
  another program holds the scanner; not an input event device at all).

Every state but ``connected`` is retried every ``retry_s`` seconds: a replug, a udev rule
or the other program closing fixes it without restarting Quai. Keys without Enter left
for ``partial_ms`` are dropped (``discarded``), never glued to the next scan, and so are the
keys after them up to the next Enter: most likely the rest of that scan, read late (see
app.devices.framing: one good scan may be lost, and scanned again; a truncated code never
passes for a scan).
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import select
import struct
import time
from collections import deque
from collections.abc import Callable

from app.devices.evdev_keys import END_OF_SCAN, KeyDecoder
from app.devices.reader import (  # noqa: F401 - the states are this module's API too
    CONNECTED, KEEP_DISCARDED, MISSING, REFUSED, UNPLUGGED, ScannerReader, permission_advice,
)
from app.devices.scanner_url import EvdevSpec

log = logging.getLogger(__name__)


# struct input_event on 64-bit Linux: struct timeval (two longs), u16 type, u16 code, s32 value.
INPUT_EVENT = struct.Struct("llHHi")
EV_SYN, EV_KEY = 0, 1
SYN_DROPPED = 3  # the kernel's buffer overflowed: events were lost
EVIOCGRAB = 0x40044590  # _IOW('E', 0x90, int)
READ_SIZE = INPUT_EVENT.size * 64


class DeviceUnavailable(Exception):
    """The device cannot be read now: ``state`` (missing or refused) and a ``detail`` to show."""

    def __init__(self, state: str, detail: str) -> None:
        super().__init__(detail)
        self.state = state
        self.detail = detail


def open_device(path: str, grab: bool = True) -> int:
    """A non-blocking descriptor on the input device, grabbed for Quai alone if ``grab``."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise DeviceUnavailable(*why_open_failed(path, exc)) from None
    if grab:
        try:
            fcntl.ioctl(fd, EVIOCGRAB, 1)
        except OSError as exc:
            os.close(fd)
            raise DeviceUnavailable(*why_grab_failed(path, exc)) from None
    return fd


def close_device(fd: int, grabbed: bool) -> None:
    if grabbed:
        try:
            fcntl.ioctl(fd, EVIOCGRAB, 0)  # closing releases it too; this says so at once
        except OSError:
            pass  # the device is gone: nothing to release
    os.close(fd)


def why_open_failed(path: str, exc: OSError) -> tuple[str, str]:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return REFUSED, permission_advice(path)
    if exc.errno in (errno.ENOENT, errno.ENODEV, errno.ENXIO):  # no path, or a node without a device
        return MISSING, f"{path}: not plugged in"
    return MISSING, f"{path}: {exc.strerror or exc}"


def why_grab_failed(path: str, exc: OSError) -> tuple[str, str]:
    if exc.errno in (errno.ENOTTY, errno.EINVAL):
        return REFUSED, (f"{path} is not an input event device: give the scanner's "
                         "/dev/input/by-id/…-event-kbd link (or /dev/input/eventN)")
    if exc.errno == errno.EBUSY:
        return REFUSED, (f"{path}: another program holds the scanner (it grabbed it: another Quai station "
                         "or quai scanner-test?); close it and Quai takes the scanner back")
    if exc.errno == errno.ENODEV:
        return MISSING, f"{path}: not plugged in"
    return REFUSED, f"{path}: cannot take the scanner for Quai alone: {exc.strerror or exc}"


class ScanAssembler:
    """Input events into whole scans: the characters typed up to Enter.

    An unfinished scan left ``partial_ms`` is dropped, and the keys after it up to the
    next Enter (its tail, if the reader was late); so is a scan the kernel lost events of
    (SYN_DROPPED): its beginning, or the Enter before it, may be gone, and what is left
    must not pass for a scan.
    """

    def __init__(self, partial_ms: int, discarded: deque[str]) -> None:
        self.partial = partial_ms / 1000
        self.discarded = discarded
        self._decoder = KeyDecoder()
        self._chars: list[str] = []
        self._damaged = False
        self._tail = False  # an unfinished scan was dropped: the keys up to the next Enter are its rest
        self._last = 0.0  # when the current scan last grew

    def feed(self, type_: int, code: int, value: int, now: float) -> str | None:
        """The scan this event ends, if it ends one."""
        self.expire(now)
        if type_ == EV_SYN and code == SYN_DROPPED:
            self._damaged, self._last = True, now
            self._decoder = KeyDecoder()  # the modifiers' releases may be among the lost events
            return None
        if type_ != EV_KEY:
            return None
        char = self._decoder.feed(code, value)
        if char is None:
            return None
        if char != END_OF_SCAN:
            self._chars.append(char)
            self._last = now
            return None
        text, damaged, tail = "".join(self._chars), self._damaged, self._tail
        self._chars, self._damaged, self._tail = [], False, False
        if damaged:
            self._drop(text, "a scan with lost events")
            return None
        if tail:
            if text:
                self._drop(text, "the rest of an unfinished scan")
            return None
        return text or None

    def expire(self, now: float) -> None:
        if (self._chars or self._damaged) and now - self._last > self.partial:
            text = "".join(self._chars)
            self._chars, self._damaged, self._tail = [], False, True
            self._drop(text, "an unfinished scan")

    def forget(self) -> None:
        """The device went away: what was half typed goes with it, and the held modifiers;
        the next keys start a new scan."""
        self._chars, self._damaged, self._tail = [], False, False
        self._decoder = KeyDecoder()

    def _drop(self, text: str, why: str) -> None:
        self.discarded.append(text)
        log.info("evdev scanner: dropped %s %r", why, text)


class EvdevScanner(ScannerReader):
    thread_prefix = "quai-evdev"

    def __init__(
        self,
        spec: EvdevSpec,
        on_scan: Callable[[str], None],
        on_state: Callable[[str, str], None] = lambda _state, _detail: None,
        *,
        retry_s: float = 0.5,
        poll_s: float = 0.02,
    ) -> None:
        super().__init__(spec, on_scan, on_state, retry_s=retry_s)
        self._poll_ms = max(1, round(poll_s * 1000))  # how soon stop() and partial_ms are noticed

    def _open(self) -> int | None:
        try:
            fd = open_device(self.spec.path, self.spec.grab)
        except DeviceUnavailable as exc:
            self._set_state(exc.state, exc.detail)  # still "unplugged" if not back yet (ScannerReader)
            return None
        self._set_state(CONNECTED, self.spec.path)
        return fd

    def _run(self) -> None:
        scans = ScanAssembler(self.spec.partial_ms, self.discarded)
        while not self._stop.is_set():
            fd = self._open()
            if fd is None:
                self._stop.wait(self._retry)
                continue
            try:
                gone = self._read(fd, scans)
            finally:
                close_device(fd, self.spec.grab)
            if gone:
                scans.forget()
                self._set_state(UNPLUGGED, f"{self.spec.shown}: {gone}")
                self._stop.wait(self._retry)

    def _read(self, fd: int, scans: ScanAssembler) -> str | None:
        """Read events until stopped (None) or the device goes away (why)."""
        poller = select.poll()
        poller.register(fd, select.POLLIN)
        pending = bytearray()  # a pipe may cut an event in two; a real device never does
        while not self._stop.is_set():
            ready = poller.poll(self._poll_ms)
            now = time.monotonic()
            if ready:
                try:
                    data = os.read(fd, READ_SIZE)
                except BlockingIOError:
                    data = None  # woken for nothing
                except OSError as exc:  # ENODEV: unplugged
                    return "unplugged" if exc.errno == errno.ENODEV else f"unplugged ({exc.strerror or exc})"
                if data == b"":  # an input device never ends; a pipe does when its writer goes
                    return "unplugged (end of file)"
                if data:
                    pending += data
                    whole = len(pending) - len(pending) % INPUT_EVENT.size
                    # The events' own timestamps (wall clock) are not used: partial_ms is
                    # measured on the monotonic clock, as the serial source does.
                    for _sec, _usec, type_, code, value in INPUT_EVENT.iter_unpack(pending[:whole]):
                        scan = scans.feed(type_, code, value, now)
                        if scan is not None:
                            self._on_scan(scan)
                    del pending[:whole]
            scans.expire(now)
        return None
