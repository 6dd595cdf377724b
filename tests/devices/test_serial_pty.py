"""The serial scanner against real pseudo-terminals: split writes, garbage, unplug and replug,
a port the user may not open or another program holds.

Permission is checked for real, in a child process that became user ``nobody``.
"""

from __future__ import annotations

import fcntl
import os
import queue
import termios
import time
from pathlib import Path

import pytest

from app.devices.scanner_url import parse_serial_url
from app.devices.serial_source import CONNECTED, KEEP_DISCARDED, MISSING, REFUSED, UNPLUGGED, SerialScanner
from tests.support import as_nobody
from tests.support.serial_pty import Pty


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
        time.sleep(0.2)  # retried while it is away (a dangling link): still unplugged, said once
        assert states.empty() and scanner.state == UNPLUGGED
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
        assert take(states)[0] == (MISSING, f"{link}: not plugged in")
        pty = Pty(link)
        assert take(states)[0][0] == CONNECTED
        pty.write(b"TOT0042\r")
        assert take(scans) == ["TOT0042"]
        pty.unplug()
    finally:
        scanner.stop()


def test_only_the_last_dropped_lines_are_kept(link: Path) -> None:
    pty = Pty(link)
    states: queue.Queue[tuple[str, str]] = queue.Queue()
    scanner = SerialScanner(parse_serial_url(f"serial://{link}?partial_ms=10"), lambda _: None,
                            lambda s, d: states.put((s, d))).start()
    try:
        assert take(states)[0][0] == CONNECTED
        sent = [b"P%02d" % i for i in range(KEEP_DISCARDED + 30)]
        for line in sent:  # unfinished lines, each left to go stale (a late read may glue two)
            pty.write(line)
            time.sleep(0.02)
        deadline = time.monotonic() + 2
        while not (scanner.discarded and scanner.discarded[-1].endswith(sent[-1])) and time.monotonic() < deadline:
            time.sleep(0.01)
        kept = b"".join(scanner.discarded)
        assert len(scanner.discarded) == KEEP_DISCARDED and kept.endswith(sent[-1])
        assert sent[0] not in kept  # the oldest are gone
    finally:
        scanner.stop()
        pty.unplug()


def test_a_port_another_program_locked_is_refused_until_it_lets_go(link: Path) -> None:
    pty = Pty(link)
    holder = os.open(link, os.O_RDWR | os.O_NOCTTY)
    fcntl.flock(holder, fcntl.LOCK_EX)  # as another Quai, or quai scanner-test, holds it
    scans: queue.Queue[str] = queue.Queue()
    states: queue.Queue[tuple[str, str]] = queue.Queue()
    scanner = SerialScanner(parse_serial_url(f"serial://{link}"), scans.put, lambda s, d: states.put((s, d)),
                            retry_s=0.05).start()
    try:
        state, detail = take(states)[0]
        assert state == REFUSED and detail.startswith(f"{link}: another program holds the scanner")
        os.close(holder)  # the other program quits
        assert take(states)[0] == (CONNECTED, str(link))
        pty.write(b"BDG0003\r")
        assert take(scans) == ["BDG0003"]
        # Quai holds it now: a second reader is refused rather than left to steal half the bytes.
        again: queue.Queue[tuple[str, str]] = queue.Queue()
        second = SerialScanner(parse_serial_url(f"serial://{link}"), lambda _: None,
                               lambda s, d: again.put((s, d))).start()
        assert take(again)[0][0] == REFUSED
        second.stop()
    finally:
        scanner.stop()
        pty.unplug()


def first_state_as_nobody(path: str) -> list[str]:
    """The first state a reader of ``path`` reports as user nobody (tests.support.as_nobody)."""
    return as_nobody.first_state_as_nobody(
        lambda on_state: SerialScanner(parse_serial_url(f"serial://{path}"), lambda _: None, on_state))


def test_permission_denied_names_the_dialout_group_and_what_to_do(link: Path) -> None:
    pty = Pty(link)  # link is under pytest's 0700 tmp: nobody opens the pty itself
    try:
        os.chmod(pty.path, 0o600)  # root's, as /dev/ttyACM* is root:dialout 0660
        assert os.stat(pty.path).st_uid == 0
        assert first_state_as_nobody(pty.path) == [
            REFUSED, f"{pty.path}: permission denied — nobody is not in the dialout group: "
                     "run `sudo usermod -aG dialout nobody` and log in again"]
        os.chmod(pty.path, 0o666)  # the same port, open to all: the refusal was the permission, nothing else
        assert first_state_as_nobody(pty.path) == [CONNECTED, pty.path]
    finally:
        pty.unplug()


def test_a_port_in_exclusive_use_is_refused(link: Path) -> None:
    pty = Pty(link)
    holder = os.open(pty.path, os.O_RDWR | os.O_NOCTTY)
    try:
        os.chmod(pty.path, 0o666)
        fcntl.ioctl(holder, termios.TIOCEXCL)  # another program's: no one else may open it (but root)
        state, detail = first_state_as_nobody(pty.path)
        assert state == REFUSED and detail.startswith(f"{pty.path}: another program holds the scanner")
        fcntl.ioctl(holder, termios.TIOCNXCL)
        assert first_state_as_nobody(pty.path) == [CONNECTED, pty.path]
    finally:
        os.close(holder)
        pty.unplug()
