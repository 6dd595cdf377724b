"""A serial scanner configured by its USB ids, found again after a replug under another path.

The ports are real pseudo-terminals; only the system's list of USB serial ports (what
pyserial reads from sysfs) is made up, as a scanner with those ids would show in it.
"""

from __future__ import annotations

import queue
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

import app.devices.serial_source as serial_source
from app.devices.scanner_url import parse_serial_url
from app.devices.serial_source import CONNECTED, MISSING, UNPLUGGED, SerialScanner
from tests.support.serial_pty import Pty

VID, PID = 0x0C2E, 0x0B61


class PortList:
    """What list_ports.comports() answers: the scanners plugged in now."""

    def __init__(self) -> None:
        self.ports: list[SimpleNamespace] = []

    def plug(self, pty: Pty, serial_number: str) -> None:
        self.ports.append(SimpleNamespace(device=pty.path, vid=VID, pid=PID, serial_number=serial_number))

    def unplug(self, pty: Pty) -> None:
        self.ports = [p for p in self.ports if p.device != pty.path]
        pty.unplug()

    def comports(self) -> list[SimpleNamespace]:
        return list(self.ports)


@pytest.fixture
def ports(monkeypatch: pytest.MonkeyPatch) -> PortList:
    listed = PortList()
    monkeypatch.setattr(serial_source.list_ports, "comports", listed.comports)
    return listed


def take(q: queue.Queue, n: int = 1, timeout: float = 5.0) -> list:
    return [q.get(timeout=timeout) for _ in range(n)]


def test_unplugged_stays_unplugged_and_the_same_scanner_is_found_under_a_new_path(
        ports: PortList, tmp_path: Path) -> None:
    first = Pty(tmp_path / "first")
    ports.plug(first, "21012B")
    scans: queue.Queue[str] = queue.Queue()
    states: queue.Queue[tuple[str, str]] = queue.Queue()
    scanner = SerialScanner(parse_serial_url(f"serial://?vid={VID:04x}&pid={PID:04x}&serial_number=21012B"),
                            scans.put, lambda s, d: states.put((s, d)), retry_s=0.05).start()
    try:
        assert take(states)[0] == (CONNECTED, first.path)
        first.write(b"BDG0001\r")
        assert take(scans) == ["BDG0001"]
        ports.unplug(first)
        assert take(states)[0][0] == UNPLUGGED
        time.sleep(0.3)  # retried several times, not listed: still unplugged, never "missing"
        assert states.empty() and scanner.state == UNPLUGGED
        # Another scanner of the same make (another serial number) is plugged in: not taken.
        other = Pty(tmp_path / "other")
        ports.plug(other, "99999Z")
        time.sleep(0.3)
        assert states.empty() and scanner.state == UNPLUGGED
        # Ours comes back, listed after the other one, under a new path.
        again = Pty(tmp_path / "again")
        ports.plug(again, "21012B")
        assert again.path != first.path
        assert take(states)[0] == (CONNECTED, again.path)
        other.write(b"NOT0001\r")
        again.write(b"BDG0002\r")
        assert take(scans) == ["BDG0002"]
        time.sleep(0.1)
        assert scans.empty()  # what the other scanner sent was not read
        ports.unplug(again)
        ports.unplug(other)
    finally:
        scanner.stop()


def test_by_usb_ids_a_scanner_absent_at_start_is_missing(ports: PortList, tmp_path: Path) -> None:
    states: queue.Queue[tuple[str, str]] = queue.Queue()
    scanner = SerialScanner(parse_serial_url(f"serial://?vid={VID:04x}&pid={PID:04x}"), lambda _: None,
                            lambda s, d: states.put((s, d)), retry_s=0.05).start()
    try:
        assert take(states)[0] == (MISSING, "USB 0c2e:0b61: not plugged in")
        pty = Pty(tmp_path / "ttyACM0")
        ports.plug(pty, "anything")  # no serial number asked: any scanner with these ids
        assert take(states)[0] == (CONNECTED, pty.path)
        ports.unplug(pty)
    finally:
        scanner.stop()
