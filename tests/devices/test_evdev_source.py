"""The evdev scanner against real file descriptors.

This machine has no /dev/input and no /dev/uinput, so a FIFO stands in for the input
device: the test writes real 24-byte ``struct input_event`` records into it, the scanner
opens it by path with ``grab=0`` (a FIFO refuses the grab ioctl, which is tested too).
Permission is checked for real, in a child process that became user ``nobody``.
"""

from __future__ import annotations

import errno
import os
import queue
import shutil
import stat
import tempfile
import threading
import time
from collections import deque
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.devices.evdev_source import (
    CONNECTED, EV_KEY, EV_SYN, INPUT_EVENT, KEEP_DISCARDED, MISSING, REFUSED, SYN_DROPPED, UNPLUGGED,
    EvdevScanner, ScanAssembler, why_grab_failed, why_open_failed,
)
from app.devices.scanner_url import ScannerUrlError, parse_evdev_url
from tests.support import as_nobody

# Key codes from linux/input-event-codes.h, written out here rather than taken from the decoder.
CODES = {"1": 2, "2": 3, "3": 4, "4": 5, "5": 6, "6": 7, "7": 8, "8": 9, "9": 10, "0": 11, "-": 12,
         "q": 16, "t": 20, "o": 24, "a": 30, "d": 32, "g": 34, "l": 38, "c": 46, "b": 48}
KEY_LEFTSHIFT, KEY_LEFTCTRL, KEY_RIGHTBRACE, KEY_ENTER, MSC_SCAN = 42, 29, 27, 28, 4
PRESS, RELEASE = 1, 0


def event(type_: int, code: int, value: int) -> bytes:
    return INPUT_EVENT.pack(1_700_000_000, 250_000, type_, code, value)


def key(code: int, value: int) -> bytes:
    # As a real keyboard reports it: the scan code (EV_MSC), the key, then a report marker.
    return event(4, MSC_SCAN, 0x70000 + code) + event(EV_KEY, code, value) + event(EV_SYN, 0, 0)


def tap(code: int) -> bytes:
    return key(code, PRESS) + key(code, RELEASE)


def typed(text: str, enter: bool = True) -> bytes:
    out = b""
    for ch in text:
        if ch == "\x1d":
            out += key(KEY_LEFTCTRL, PRESS) + tap(KEY_RIGHTBRACE) + key(KEY_LEFTCTRL, RELEASE)
        elif ch.isupper():
            out += key(KEY_LEFTSHIFT, PRESS) + tap(CODES[ch.lower()]) + key(KEY_LEFTSHIFT, RELEASE)
        else:
            out += tap(CODES[ch])
    return out + (tap(KEY_ENTER) if enter else b"")


class FakeDevice:
    """A FIFO at ``path`` standing in for /dev/input/eventN; unplug removes it.

    With ``node``, the FIFO is there and ``path`` a link to it, as udev's
    /dev/input/by-id/…-event-kbd links point to whichever eventN the scanner got.
    """

    def __init__(self, path: Path, node: Path | None = None) -> None:
        self.paths = [path] if node is None else [node, path]
        os.mkfifo(self.paths[0])
        if node is not None:
            path.symlink_to(node)
        # Read and write: opening never blocks, and the scanner sees end of file once this closes.
        self.fd = os.open(path, os.O_RDWR)

    def write(self, data: bytes) -> None:
        os.write(self.fd, data)

    def unplug(self) -> None:
        for path in self.paths:
            path.unlink()
        os.close(self.fd)


class Run:
    """A started scanner, its scans and states in queues."""

    def __init__(self, url: str, retry_s: float = 0.05) -> None:
        self.scans: queue.Queue[str] = queue.Queue()
        self.states: queue.Queue[tuple[str, str]] = queue.Queue()
        self.scanner = EvdevScanner(parse_evdev_url(url), self.scans.put, lambda s, d: self.states.put((s, d)),
                                    retry_s=retry_s).start()

    def state(self) -> tuple[str, str]:
        return self.states.get(timeout=5)

    def take(self, n: int = 1) -> list[str]:
        return [self.scans.get(timeout=5) for _ in range(n)]


@pytest.fixture
def run() -> Iterator:
    runs: list[Run] = []

    def start(url: str, retry_s: float = 0.05) -> Run:
        runs.append(Run(url, retry_s))
        return runs[-1]

    yield start
    for r in runs:
        began = time.monotonic()
        r.scanner.stop()
        assert time.monotonic() - began < 0.5  # stop() is prompt: reads wait in poll, not forever
    assert not [t for t in threading.enumerate() if t.name.startswith("quai-evdev")]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "usb-Honeywell_Scanner-event-kbd"


def test_a_badge_with_shift_and_a_gs1_string_with_ctrl_bracket(run, path: Path) -> None:
    device = FakeDevice(path)
    r = run(f"evdev://{path}?grab=0")
    assert r.state() == (CONNECTED, str(path))
    device.write(typed("BDG0001") + typed("0104006381333931\x1d10LOT7") + tap(KEY_ENTER) + typed("QA-01"))
    assert r.take(3) == ["BDG0001", "0104006381333931\x1d10LOT7", "QA-01"]  # a lone Enter is no scan
    assert r.scans.empty() and not r.scanner.discarded
    device.unplug()


def test_a_scan_split_across_reads_and_events_cut_in_two(run, path: Path) -> None:
    device = FakeDevice(path)
    r = run(f"evdev://{path}?grab=0&partial_ms=1000")
    r.state()
    data = typed("Ab-42") + typed("CLOT")
    for start in range(0, len(data), 17):  # 17 bytes: records cut anywhere, read piece by piece
        device.write(data[start:start + 17])
        time.sleep(0.002)
    assert r.take(2) == ["Ab-42", "CLOT"]
    device.unplug()


def test_a_partial_scan_is_dropped_after_partial_ms_never_glued(run, path: Path) -> None:
    device = FakeDevice(path)
    r = run(f"evdev://{path}?grab=0&partial_ms=150")
    r.state()
    device.write(typed("0106", enter=False))  # the rest never comes
    deadline = time.monotonic() + 2
    while not r.scanner.discarded and time.monotonic() < deadline:
        time.sleep(0.01)
    assert list(r.scanner.discarded) == ["0106"]  # dropped while nothing else came: the poll timeout saw it
    # Up to the next Enter, keys are taken for the rest of the dropped scan: dropped too.
    device.write(typed("41412"))
    device.write(typed("LOC", enter=False))
    time.sleep(0.02)
    device.write(typed("-01") + typed("BDG0001"))
    assert r.take(2) == ["LOC-01", "BDG0001"]  # pieces within partial_ms stay one scan
    assert list(r.scanner.discarded) == ["0106", "41412"]
    device.unplug()


def test_the_rest_of_a_scan_read_late_never_passes_for_a_scan() -> None:
    # The reader thread was held up mid-scan: the head was read at 10.0, the rest at 10.25.
    # Decoded straight from events, with the times a late reader would give them.
    scans = ScanAssembler(partial_ms=200, discarded=deque())
    events = list(INPUT_EVENT.iter_unpack(typed("400638", enter=False)))
    assert [scans.feed(t, c, v, 10.0) for _, _, t, c, v in events] == [None] * len(events)
    late = [scans.feed(t, c, v, 10.25) for _, _, t, c, v in INPUT_EVENT.iter_unpack(typed("1333931") + typed("BDG1"))]
    assert [text for text in late if text is not None] == ["BDG1"]
    assert list(scans.discarded) == ["400638", "1333931"]
    # Unplugged mid-scan: what comes after the replug is a scan of its own.
    for _, _, t, c, v in INPUT_EVENT.iter_unpack(typed("0106", enter=False)):
        scans.feed(t, c, v, 20.0)
    scans.forget()
    after = [scans.feed(t, c, v, 21.0) for _, _, t, c, v in INPUT_EVENT.iter_unpack(typed("BDG2"))]
    assert [text for text in after if text is not None] == ["BDG2"]


def test_only_the_last_dropped_scans_are_kept(run, path: Path) -> None:
    device = FakeDevice(path)
    r = run(f"evdev://{path}?grab=0")
    r.state()
    for i in range(KEEP_DISCARDED + 10):  # scans the kernel lost events of: each one dropped
        device.write(typed(str(i), enter=False) + event(EV_SYN, SYN_DROPPED, 0) + tap(KEY_ENTER))
    device.write(typed("BDG1"))
    assert r.take() == ["BDG1"]
    assert list(r.scanner.discarded) == [str(i) for i in range(10, KEEP_DISCARDED + 10)]
    device.unplug()


def test_a_scan_with_lost_events_is_dropped_whole(run, path: Path) -> None:
    device = FakeDevice(path)
    r = run(f"evdev://{path}?grab=0")
    r.state()
    device.write(typed("ABC", enter=False) + event(EV_SYN, SYN_DROPPED, 0) + typed("123") + typed("BDG1"))
    assert r.take() == ["BDG1"]
    assert list(r.scanner.discarded) == ["ABC123"]
    device.unplug()


def test_unplugged_then_back_by_its_link(run, path: Path, tmp_path: Path) -> None:
    device = FakeDevice(path, node=tmp_path / "event7")
    r = run(f"evdev://{path}?grab=0&partial_ms=5000")
    assert r.state()[0] == CONNECTED
    device.write(typed("0106141", enter=False))  # half a scan, then the cable is pulled
    time.sleep(0.05)
    device.unplug()
    state, detail = r.state()
    assert state == UNPLUGGED and str(path) in detail
    time.sleep(0.2)  # retried a few times while it is away: still unplugged, said once
    assert r.states.empty() and r.scanner.state == UNPLUGGED
    again = FakeDevice(path, node=tmp_path / "event9")  # replugged: another node, the same link
    assert r.state() == (CONNECTED, str(path))
    again.write(typed("BDG0002"))
    assert r.take() == ["BDG0002"]  # the half scan went with the device, not glued in front
    assert r.scans.empty()
    again.unplug()


def test_missing_at_start_then_found(run, path: Path) -> None:
    r = run(f"evdev://{path}?grab=0")
    assert r.state() == (MISSING, f"{path}: not plugged in")
    device = FakeDevice(path)
    assert r.state()[0] == CONNECTED
    device.write(typed("tot0042"))
    assert r.take() == ["tot0042"]
    device.unplug()


def test_with_the_grab_a_fifo_is_refused_as_not_an_input_device(run, path: Path) -> None:
    device = FakeDevice(path)
    r = run(f"evdev://{path}")  # the default: grabbed for Quai alone
    state, detail = r.state()
    assert state == REFUSED and detail.startswith(str(path)) and "is not an input event device" in detail
    device.write(typed("BDG0001"))
    time.sleep(0.2)  # retried meanwhile: nothing read, nothing said again
    assert r.scans.empty() and r.states.empty() and r.scanner.state == REFUSED
    device.unplug()


def test_grab_and_open_errors_say_what_to_do() -> None:
    p = "/dev/input/by-id/usb-X-event-kbd"
    busy = why_grab_failed(p, OSError(errno.EBUSY, os.strerror(errno.EBUSY)))
    assert busy[0] == REFUSED and "another program holds the scanner" in busy[1]
    assert why_grab_failed(p, OSError(errno.EINVAL, "Invalid argument"))[1] == why_grab_failed(
        p, OSError(errno.ENOTTY, "Inappropriate ioctl"))[1]
    assert why_grab_failed(p, OSError(errno.ENODEV, "No such device")) == (MISSING, f"{p}: not plugged in")
    assert why_open_failed(p, OSError(errno.ENOENT, "No such file")) == (MISSING, f"{p}: not plugged in")
    assert why_open_failed(p, OSError(errno.EIO, "Input/output error")) == (MISSING, f"{p}: Input/output error")


def first_state_as_nobody(device: str) -> list[str]:
    """The first state a reader of ``device`` reports as user nobody (tests.support.as_nobody)."""
    return as_nobody.first_state_as_nobody(
        lambda on_state: EvdevScanner(parse_evdev_url(f"evdev://{device}?grab=0"), lambda _: None, on_state))


def test_permission_denied_names_the_input_group_and_what_to_do() -> None:
    folder = tempfile.mkdtemp(prefix="quai-evdev-")  # not under pytest's 0700 tmp: nobody may look in
    try:
        os.chmod(folder, 0o755)
        device = os.path.join(folder, "event7")
        os.mkfifo(device)
        os.chmod(device, 0o600)  # root's, as /dev/input/event* is root:input 0660
        assert stat.S_IMODE(os.stat(device).st_mode) == 0o600 and os.stat(device).st_uid == 0
        state, detail = first_state_as_nobody(device)
        assert state == REFUSED
        assert detail.startswith(f"{device}: permission denied")
        assert "nobody is not in the input group" in detail and "sudo usermod -aG input nobody" in detail
        assert "log in again" in detail and "udev rule" in detail
        os.chmod(device, 0o666)  # the same path, readable: the refusal was the permission, nothing else
        assert first_state_as_nobody(device) == [CONNECTED, device]
    finally:
        shutil.rmtree(folder)


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("serial:///dev/input/event3", "not an evdev scanner URL"),
        ("evdev://dev/input/event3", "three slashes"),
        ("evdev://", "name the device"),
        ("evdev:///dev/input/event3?grab=no", "grab must be 1"),
        ("evdev:///dev/input/event3?baudrate=9600", "unknown option 'baudrate'"),
        ("evdev:///dev/input/event3?partial_ms=5", "between 10 and 10000"),
    ],
)
def test_a_bad_evdev_url_says_what_to_fix(url: str, says: str) -> None:
    with pytest.raises(ScannerUrlError, match=says) as error:
        parse_evdev_url(url)
    assert url in str(error.value)


def test_an_evdev_url_grabs_by_default() -> None:
    spec = parse_evdev_url("evdev:///dev/input/by-id/usb-Honeywell-event-kbd?partial_ms=300")
    assert (spec.path, spec.partial_ms, spec.grab) == ("/dev/input/by-id/usb-Honeywell-event-kbd", 300, True)
    assert parse_evdev_url("evdev:///dev/input/event3?grab=0").grab is False
    assert parse_evdev_url("evdev:///dev/input/event3").partial_ms == 200
