"""Scale URLs from a station's configuration, read into plain settings (no Qt, no I/O).

    serial:///dev/ttyUSB1?protocol=mt-sics                 a Mettler Toledo (MT-SICS) scale, polled with SI
    serial:///dev/serial/by-id/usb-FTDI_…?protocol=continuous&unit=kg   a scale streaming ST,GS lines
    serial://?vid=0403&pid=6001&serial=A10K3B2Q&protocol=mt-sics       found by its USB ids when replugged
    manual://                                              no scale: the packer keys the weight in

Options (defaults in brackets):

- ``protocol`` [mt-sics]: ``mt-sics`` (Quai asks ``SI`` every ``poll_ms``) or ``continuous``
  (the scale sends a line by itself, ``ST,GS,   1.234kg``);
- ``baudrate`` [9600]; ``frame`` [8N1]: data bits, parity (N, E, O), stop bits, e.g. 7E1;
- ``unit`` [kg]: the unit of a line that names none (a line's own unit always wins): kg, g, lb, oz;
- ``poll_ms`` [200]: MT-SICS only, how often the weight is asked for (50–5000);
- ``terminator`` [CR]: what ends a line: CR (also reads CR LF), LF, CRLF or ETX;
- ``partial_ms`` [200]: a line left unfinished this long is dropped, never glued to the next;
- ``silent_ms`` [3000]: continuous only, no line for this long shows the scale as not answering;
  0 never does (for a scale set to send only when the weight changes or settles);
- ``vid``, ``pid`` (hexadecimal), ``serial`` (or ``serial_number``): find the port again by its
  USB ids among those plugged in, whatever path it gets.

A URL that cannot be used raises ``ScaleUrlError`` (a ValueError) naming the URL and the part to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from app.devices.scales.units import GRAMS_PER_UNIT
from app.devices.scanner_url import BAUDRATES, TERMINATORS

PROTOCOLS = ("mt-sics", "continuous")
FRAME_EXAMPLES = "8N1, 7E1, 7O1, 8E1"
KNOWN = ("protocol", "baudrate", "frame", "unit", "poll_ms", "terminator", "partial_ms", "silent_ms", "vid", "pid",
         "serial", "serial_number")


class ScaleUrlError(ValueError):
    """The scale URL cannot be used; the message says which part and what would do."""


@dataclass(frozen=True)
class ScaleSpec:
    path: str | None  # the device path (a /dev/serial/by-id/ link survives replugging)
    protocol: str = "mt-sics"
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: int = 1
    unit: str = "kg"  # the unit of a line that names none
    poll_ms: int = 200
    terminator: bytes = b"\r"
    partial_ms: int = 200
    vid: int | None = None  # USB vendor and product id, serial number: find the port again
    pid: int | None = None
    serial_number: str | None = None
    silent_ms: int = 3000  # continuous: no line this long is "silent"; 0: never

    @property
    def shown(self) -> str:
        if self.path:
            return self.path
        return f"USB {self.vid:04x}:{self.pid:04x}" + (f" #{self.serial_number}" if self.serial_number else "")


@dataclass(frozen=True)
class ManualSpec:
    """No scale: weights are keyed in by hand."""

    @property
    def shown(self) -> str:
        return "manual"


def parse_scale_url(url: str) -> ScaleSpec | ManualSpec:
    if not isinstance(url, str) or not url.strip():
        raise ScaleUrlError("the scale URL is empty; e.g. serial:///dev/ttyUSB1?protocol=mt-sics or manual://")
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme == "manual":
        if parts.netloc or parts.path.strip("/") or parts.query:
            raise ScaleUrlError(f"{url}: manual:// takes nothing after it (the weight is keyed in by hand)")
        return ManualSpec()
    if parts.scheme != "serial":
        raise ScaleUrlError(f"{url}: unknown kind of scale {parts.scheme!r}; "
                            "use serial:///dev/ttyUSB1?protocol=mt-sics or manual://")
    if parts.netloc:  # serial://dev/ttyUSB1: two slashes, "dev" read as a host
        raise ScaleUrlError(f"{url}: the device path follows three slashes, e.g. serial:///dev/ttyUSB1")
    query = {key: values[-1] for key, values in parse_qs(parts.query, keep_blank_values=True).items()}
    unknown = sorted(set(query) - set(KNOWN))
    if unknown:
        raise ScaleUrlError(f"{url}: unknown option {unknown[0]!r} (known: {', '.join(KNOWN)})")
    protocol = query.get("protocol", "mt-sics").lower()
    if protocol not in PROTOCOLS:
        raise ScaleUrlError(f"{url}: protocol {protocol!r} unknown; use mt-sics (Mettler Toledo, polled) or "
                            "continuous (the scale sends ST,GS lines by itself)")
    baudrate = _number(url, query, "baudrate", 9600, "e.g. 9600")
    if baudrate not in BAUDRATES:
        raise ScaleUrlError(f"{url}: baudrate {baudrate} is not one a scale uses ({', '.join(map(str, BAUDRATES))})")
    bytesize, parity, stopbits = _frame(url, query.get("frame", "8N1"))
    unit = query.get("unit", "kg").lower()
    if unit not in GRAMS_PER_UNIT:
        raise ScaleUrlError(f"{url}: unit {unit!r} unknown; use {', '.join(GRAMS_PER_UNIT)}")
    poll_ms = _number(url, query, "poll_ms", 200, "of milliseconds, e.g. 200")
    if not 50 <= poll_ms <= 5000:
        raise ScaleUrlError(f"{url}: poll_ms must be between 50 and 5000 (milliseconds between two weight requests)")
    name = query.get("terminator", "CR").upper()
    if name not in TERMINATORS:
        raise ScaleUrlError(f"{url}: terminator {name!r} unknown; use CR (also reads CR LF), LF, CRLF or ETX")
    partial_ms = _number(url, query, "partial_ms", 200, "of milliseconds, e.g. 200")
    if not 10 <= partial_ms <= 10_000:
        raise ScaleUrlError(f"{url}: partial_ms must be between 10 and 10000")
    silent_ms = _number(url, query, "silent_ms", 3000, "of milliseconds, e.g. 3000 (0: never)")
    if silent_ms != 0 and not 100 <= silent_ms <= 600_000:
        raise ScaleUrlError(f"{url}: silent_ms must be 0 (never) or between 100 and 600000")
    vid, pid = _hex_id(url, query, "vid"), _hex_id(url, query, "pid")
    if (vid is None) != (pid is None):
        raise ScaleUrlError(f"{url}: give both vid and pid (hexadecimal, e.g. vid=0403&pid=6001)")
    path = parts.path or None
    if path is None and vid is None:
        raise ScaleUrlError(f"{url}: name the port (serial:///dev/ttyUSB1) or its USB ids (?vid=…&pid=…)")
    serial_number = query.get("serial") or query.get("serial_number") or None
    if serial_number and vid is None:
        raise ScaleUrlError(f"{url}: serial= only helps with vid and pid (it tells apart two scales of one make)")
    return ScaleSpec(path, protocol, baudrate, bytesize, parity, stopbits, unit, poll_ms, TERMINATORS[name],
                     partial_ms, vid, pid, serial_number, silent_ms)


def _number(url: str, query: dict[str, str], key: str, default: int, example: str) -> int:
    try:
        return int(query.get(key, str(default)))
    except ValueError:
        raise ScaleUrlError(f"{url}: {key} must be a number {example}") from None


def _frame(url: str, text: str) -> tuple[int, str, int]:
    text = text.upper()
    if len(text) != 3 or text[0] not in "78" or text[1] not in "NEO" or text[2] not in "12":
        raise ScaleUrlError(f"{url}: frame {text!r} unknown; data bits, parity, stop bits as the scale's menu "
                            f"says, e.g. {FRAME_EXAMPLES}")
    return int(text[0]), text[1], int(text[2])


def _hex_id(url: str, query: dict[str, str], key: str) -> int | None:
    if key not in query:
        return None
    try:
        value = int(query[key], 16)
    except ValueError:
        value = -1
    if not 0 <= value <= 0xFFFF:
        raise ScaleUrlError(f"{url}: {key} must be 4 hexadecimal digits, e.g. 0403") from None
    return value
