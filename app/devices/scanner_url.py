"""Scanner URLs from a station's configuration, read into plain settings (no Qt, no I/O).

    serial:///dev/ttyACM0?baudrate=9600&terminator=CR|LF|CRLF|ETX&partial_ms=200
    serial:///dev/serial/by-id/usb-Honeywell_…?terminator=CR      (a stable path: reopened by it)
    serial://?vid=0c2e&pid=0b61&serial_number=21012B4F5A          (found by USB ids when replugged)

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
    try:
        partial_ms = int(query.get("partial_ms", "200"))
    except ValueError:
        raise ScannerUrlError(f"{url}: partial_ms must be a number of milliseconds") from None
    if not 10 <= partial_ms <= 10_000:
        raise ScannerUrlError(f"{url}: partial_ms must be between 10 and 10000")
    vid = _hex_id(url, query, "vid")
    pid = _hex_id(url, query, "pid")
    if (vid is None) != (pid is None):
        raise ScannerUrlError(f"{url}: give both vid and pid (hexadecimal, e.g. vid=0c2e&pid=0b61)")
    if path is None and vid is None:
        raise ScannerUrlError(f"{url}: name the port (serial:///dev/ttyACM0) or its USB ids (?vid=…&pid=…)")
    return SerialSpec(path, baudrate, TERMINATORS[name], partial_ms, vid, pid, query.get("serial_number") or None)


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
