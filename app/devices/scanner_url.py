"""Scanner URLs from a station's configuration, read into plain settings (no Qt, no I/O).

    serial:///dev/ttyACM0?baudrate=9600&terminator=CR|LF|CRLF|ETX&partial_ms=200
    serial:///dev/serial/by-id/usb-Honeywell_…?terminator=CR      (a stable path: reopened by it)
    serial://?vid=0c2e&pid=0b61&serial_number=21012B4F5A          (found by USB ids when replugged)
    evdev:///dev/input/by-id/usb-Honeywell_…-event-kbd?partial_ms=200   (a keyboard-mode scanner)
    evdev:///dev/input/by-id/usb-…-event-kbd?grab=0   (diagnostic: its keys also reach the desktop)

A URL that cannot be used raises ``ScannerUrlError`` naming the URL and the part to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

TERMINATORS = {"CR": b"\r", "LF": b"\n", "CRLF": b"\r\n", "ETX": b"\x03"}
BAUDRATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400)


class ScannerUrlError(ValueError):
    """The scanner URL cannot be used; the message says which part and what would do."""


@dataclass(frozen=True)
class SerialSpec:
    path: str | None  # the device path (a /dev/serial/by-id/ link survives replugging)
    baudrate: int = 9600
    terminator: bytes = b"\r"
    partial_ms: int = 200  # a line left unfinished this long is dropped, never glued to the next
    vid: int | None = None  # USB vendor and product id, serial number: find the port again
    pid: int | None = None
    serial_number: str | None = None

    @property
    def shown(self) -> str:
        if self.path:
            return self.path
        return f"USB {self.vid:04x}:{self.pid:04x}" + (f" #{self.serial_number}" if self.serial_number else "")


def parse_serial_url(url: str) -> SerialSpec:
    parts = urlsplit(url)
    if parts.scheme != "serial":
        raise ScannerUrlError(f"{url}: not a serial scanner URL (serial:///dev/ttyACM0?baudrate=9600)")
    query = {key: values[-1] for key, values in parse_qs(parts.query, keep_blank_values=True).items()}
    known = {"baudrate", "terminator", "partial_ms", "vid", "pid", "serial_number"}
    unknown = sorted(set(query) - known)
    if unknown:
        raise ScannerUrlError(f"{url}: unknown option {unknown[0]!r} (known: {', '.join(sorted(known))})")
    path = parts.path or None
    try:
        baudrate = int(query.get("baudrate", "9600"))
    except ValueError:
        raise ScannerUrlError(f"{url}: baudrate must be a number, e.g. 9600") from None
    if baudrate not in BAUDRATES:
        raise ScannerUrlError(f"{url}: baudrate {baudrate} is not one a scanner uses ({', '.join(map(str, BAUDRATES))})")
    name = query.get("terminator", "CR").upper()
    if name not in TERMINATORS:
        raise ScannerUrlError(f"{url}: terminator {name!r} unknown; use CR, LF, CRLF or ETX")
    partial_ms = _partial_ms(url, query)
    vid = _hex_id(url, query, "vid")
    pid = _hex_id(url, query, "pid")
    if (vid is None) != (pid is None):
        raise ScannerUrlError(f"{url}: give both vid and pid (hexadecimal, e.g. vid=0c2e&pid=0b61)")
    if path is None and vid is None:
        raise ScannerUrlError(f"{url}: name the port (serial:///dev/ttyACM0) or its USB ids (?vid=…&pid=…)")
    return SerialSpec(path, baudrate, TERMINATORS[name], partial_ms, vid, pid, query.get("serial_number") or None)


@dataclass(frozen=True)
class EvdevSpec:
    path: str  # the input device; a /dev/input/by-id/…-event-kbd link survives replugging
    partial_ms: int = 200  # keys without Enter left this long are dropped, never glued to the next scan
    # Exclusive (EVIOCGRAB): the scanner's keys go to Quai only, not also into the desktop's
    # focused window. grab=0 is a diagnostic (and what the tests use on a FIFO), not a setting.
    grab: bool = True

    @property
    def shown(self) -> str:
        return self.path


def parse_evdev_url(url: str) -> EvdevSpec:
    parts = urlsplit(url)
    if parts.scheme != "evdev":
        raise ScannerUrlError(f"{url}: not an evdev scanner URL (evdev:///dev/input/by-id/usb-…-event-kbd)")
    if parts.netloc:  # evdev://dev/input/event3: two slashes, "dev" read as a host
        raise ScannerUrlError(f"{url}: the device path follows three slashes, e.g. evdev:///dev/input/event3")
    query = {key: values[-1] for key, values in parse_qs(parts.query, keep_blank_values=True).items()}
    known = {"partial_ms", "grab"}
    unknown = sorted(set(query) - known)
    if unknown:
        raise ScannerUrlError(f"{url}: unknown option {unknown[0]!r} (known: {', '.join(sorted(known))})")
    if not parts.path:
        raise ScannerUrlError(f"{url}: name the device, e.g. evdev:///dev/input/by-id/usb-…-event-kbd")
    grab = query.get("grab", "1")
    if grab not in ("0", "1"):
        raise ScannerUrlError(f"{url}: grab must be 1 (the default: the keys go to Quai only) "
                              "or 0 (diagnostic: the keys also reach the desktop)")
    return EvdevSpec(parts.path, _partial_ms(url, query), grab == "1")


def _partial_ms(url: str, query: dict[str, str]) -> int:
    try:
        partial_ms = int(query.get("partial_ms", "200"))
    except ValueError:
        raise ScannerUrlError(f"{url}: partial_ms must be a number of milliseconds") from None
    if not 10 <= partial_ms <= 10_000:
        raise ScannerUrlError(f"{url}: partial_ms must be between 10 and 10000")
    return partial_ms


def _hex_id(url: str, query: dict[str, str], key: str) -> int | None:
    if key not in query:
        return None
    try:
        value = int(query[key], 16)
    except ValueError:
        raise ScannerUrlError(f"{url}: {key} must be 4 hexadecimal digits, e.g. 0c2e") from None
    if not 0 <= value <= 0xFFFF:
        raise ScannerUrlError(f"{url}: {key} must be 4 hexadecimal digits, e.g. 0c2e")
    return value
