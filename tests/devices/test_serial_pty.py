"""The serial scanner against real pseudo-terminals: split writes, garbage, unplug and replug."""

from __future__ import annotations

import os
import queue
import time
from pathlib import Path

import pytest

from app.devices.scanner_url import parse_serial_url
from app.devices.serial_source import CONNECTED, MISSING, UNPLUGGED, SerialScanner


class Pty:
    """A scanner at the other end of a pty: write to ``master``; the station opens ``link``."""

    def __init__(self, link: Path) -> None:
        self.master, slave = os.openpty()
        self.path = os.ttyname(slave)
        os.close(slave)  # the station opens it by path, as a real device
        if link.is_symlink():
            link.unlink()
        link.symlink_to(self.path)  # like /dev/serial/by-id/…: follows the device

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def unplug(self) -> None:
        os.close(self.master)


@pytest.fixture
def link(tmp_path: Path) -> Path:
    return tmp_path / "usb-Scanner_1234-if00"


def take(q: queue.Queue, n: int = 1, timeout: float = 5.0) -> list:
    return [q.get(timeout=timeout) for _ in range(n)]


def test_scans_arrive_whole_through_split_writes_and_garbage(link: Path) -> None:
    pty = Pty(link)
    scans: queue.Queue[str] = queue.Queue()
    states: queue.Queue[tuple[str, str]] = queue.Queue()
    scanner = SerialScanner(parse_serial_url(f"serial://{link}?terminator=CR"), scans.put,
                            lambda s, d: states.put((s, d))).start()
    try:
        assert take(states)[0][0] == CONNECTED
        pty.write(b"]C1010614141")
        time.sleep(0.03)
        pty.write(b"234562\x1d10LOT7\r")
        pty.write(b"\xff\xfe\x00garbage\rBDG0001\r")
        assert take(scans, 3) == ["]C1010614141234562\x1d10LOT7", "\xff\xfe\x00garbage", "BDG0001"]
    finally:
        scanner.stop()
        pty.unplug()


def test_unplugged_is_shown_and_the_scanner_comes_back_by_its_path(link: Path) -> None:
    pty = Pty(link)
    scans: queue.Queue[str] = queue.Queue()
    states: queue.Queue[tuple[str, str]] = queue.Queue()
    scanner = SerialScanner(parse_serial_url(f"serial://{link}?partial_ms=100"), scans.put,
                            lambda s, d: states.put((s, d)), retry_s=0.05).start()
    try:
        assert take(states)[0][0] == CONNECTED
        pty.write(b"0106141412")  # half a scan, then the cable is pulled
        time.sleep(0.05)
        pty.unplug()
        state, detail = take(states)[0]
        assert state == UNPLUGGED and str(link) in detail
        again = Pty(link)  # plugged back: another pty behind the same by-id link
        assert take(states)[0][0] == CONNECTED
        again.write(b"BDG0002\r")
        assert take(scans) == ["BDG0002"]  # the half scan was not glued in front
        assert scans.empty()
        again.unplug()
    finally:
        scanner.stop()


def test_a_scanner_missing_at_start_is_reported_then_found(link: Path) -> None:
    states: queue.Queue[tuple[str, str]] = queue.Queue()
    scans: queue.Queue[str] = queue.Queue()
    scanner = SerialScanner(parse_serial_url(f"serial://{link}"), scans.put, lambda s, d: states.put((s, d)),
                            retry_s=0.05).start()
    try:
        state, detail = take(states)[0]
        assert state == MISSING and str(link) in detail
        pty = Pty(link)
        assert take(states)[0][0] == CONNECTED
        pty.write(b"TOT0042\r")
        assert take(scans) == ["TOT0042"]
        pty.unplug()
    finally:
        scanner.stop()
