"""Printer URLs from a station's configuration, read into plain settings (no Qt, no I/O).

    tcp://192.168.1.40:9100                 raw TCP (port 9100 when omitted), the usual Zebra network port
    serial:///dev/ttyUSB0?baudrate=9600     a serial printer (pyserial), 8N1
    usb:///dev/usb/lp0                      a USB printer class device (usblp), written to as a file
    cups://QUEUE                            a CUPS queue, through ``lp`` (raw for ZPL/ESC-POS/TSPL)
    file:///var/spool/quai-labels           a spool folder, one file per job (the demo's default)
    file:spool   or   file://spool          a spool folder relative to ``base`` (the caller decides:
                                            the station passes its data directory; the CLI the
                                            current directory)

Options common to all: ``language=zpl|escpos|tspl|pdf`` (default zpl), ``timeout=`` seconds (default 5;
no progress for that long breaks a send, no answer for that long makes a status "offline"),
``status=hs|hqes|none`` (tcp and serial ZPL printers: which status command is asked before a job;
``hqes`` adds ``~HQES`` for printers that stay silent to ``~HS`` while in fault).

A URL that cannot be used raises ``PrinterUrlError`` (a ValueError) naming the URL and the part to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

SCHEMES = ("tcp", "serial", "usb", "cups", "file")
LANGUAGES = ("zpl", "escpos", "tspl", "pdf")
STATUS_MODES = ("hs", "hqes", "none")
BAUDRATES = (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400)
EXTENSIONS = {"zpl": "zpl", "escpos": "escpos", "tspl": "tspl", "pdf": "pdf"}
EXAMPLES = ("tcp://192.168.1.40:9100, serial:///dev/ttyUSB0?baudrate=9600, usb:///dev/usb/lp0, "
            "cups://QUEUE, file:///path/to/spool")


class PrinterUrlError(ValueError):
    """The printer URL cannot be used; the message says which part and what would do."""


@dataclass(frozen=True)
class PrinterUrl:
    """One printer, as its URL names it. ``url`` is the text given, for messages."""

    url: str
    scheme: str
    host: str | None = None  # tcp
    port: int | None = None  # tcp
    path: str | None = None  # serial and usb device; file spool folder (absolute)
    queue: str | None = None  # cups
    baudrate: int = 9600  # serial
    language: str = "zpl"
    timeout: float = 5.0
    status: str = "hs"

    @property
    def shown(self) -> str:
        """How messages name the printer: host:port, the device, the queue or the folder."""
        if self.scheme == "tcp":
            return f"{self.host}:{self.port}"
        if self.scheme == "cups":
            return f"CUPS queue {self.queue}"
        return str(self.path)

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.language]

    @property
    def answers_status(self) -> bool:
        """Whether ``~HS`` can be asked: a ZPL printer on a two-way link (tcp, serial)."""
        return self.scheme in ("tcp", "serial") and self.language == "zpl" and self.status != "none"


def parse_printer_url(url: str | PrinterUrl, *, base: Path | None = None) -> PrinterUrl:
    """Read ``url``; a relative ``file:`` folder is taken relative to ``base`` (default: the current directory)."""
    if isinstance(url, PrinterUrl):
        return url
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise PrinterUrlError(f"{url}: {scheme or 'no'} scheme; a printer URL is one of {EXAMPLES}")
    query = {key: values[-1] for key, values in parse_qs(parts.query, keep_blank_values=True).items()}
    known = {"language", "timeout", "status"} | ({"baudrate"} if scheme == "serial" else set())
    unknown = sorted(set(query) - known)
    if unknown:
        raise PrinterUrlError(f"{url}: unknown option {unknown[0]!r} (known here: {', '.join(sorted(known))})")
    language = query.get("language", "zpl").lower()
    if language not in LANGUAGES:
        raise PrinterUrlError(f"{url}: language {language!r} unknown; use one of {', '.join(LANGUAGES)}")
    status = query.get("status", "hs").lower()
    if status not in STATUS_MODES:
        raise PrinterUrlError(f"{url}: status {status!r} unknown; use hs, hqes or none")
    timeout = _timeout(url, query)
    common = {"url": url, "scheme": scheme, "language": language, "timeout": timeout, "status": status}
    if scheme == "tcp":
        return _tcp(url, parts, common)
    if scheme == "serial":
        return PrinterUrl(path=_device(url, parts, "serial:///dev/ttyUSB0?baudrate=9600"),
                          baudrate=_baudrate(url, query), **common)
    if scheme == "usb":
        return PrinterUrl(path=_device(url, parts, "usb:///dev/usb/lp0"), **common)
    if scheme == "cups":
        queue = unquote(parts.netloc or parts.path.strip("/"))
        if not queue or "/" in queue:
            raise PrinterUrlError(f"{url}: name the CUPS queue, e.g. cups://Zebra_ZD421 (see lpstat -p)")
        return PrinterUrl(queue=queue, **common)
    return PrinterUrl(path=_folder(url, parts, base), **common)


def _tcp(url: str, parts, common: dict) -> PrinterUrl:
    try:
        port = parts.port or 9100
    except ValueError:
        raise PrinterUrlError(f"{url}: the port must be a number from 1 to 65535, e.g. tcp://192.168.1.40:9100") from None
    if not parts.hostname:
        raise PrinterUrlError(f"{url}: name the printer's host, e.g. tcp://192.168.1.40:9100")
    if parts.path not in ("", "/"):
        raise PrinterUrlError(f"{url}: a tcp printer URL has no path; use tcp://HOST:PORT")
    return PrinterUrl(host=parts.hostname, port=port, **common)


def _device(url: str, parts, example: str) -> str:
    if parts.netloc:  # serial://dev/ttyUSB0: two slashes, "dev" read as a host
        raise PrinterUrlError(f"{url}: the device path follows three slashes, e.g. {example}")
    if not parts.path.startswith("/"):
        raise PrinterUrlError(f"{url}: name the device by its absolute path, e.g. {example}")
    return unquote(parts.path)


def _folder(url: str, parts, base: Path | None) -> str:
    # file:///abs/dir is absolute; file:spool and file://spool (netloc "spool") are relative to base.
    relative = unquote(parts.netloc + parts.path)
    if not relative:
        raise PrinterUrlError(f"{url}: name the spool folder, e.g. file:///var/spool/quai-labels or file:spool")
    folder = Path(relative)
    if not folder.is_absolute():
        folder = (base or Path.cwd()) / folder
    return str(folder)


def _baudrate(url: str, query: dict[str, str]) -> int:
    try:
        baudrate = int(query.get("baudrate", "9600"))
    except ValueError:
        raise PrinterUrlError(f"{url}: baudrate must be a number, e.g. 9600") from None
    if baudrate not in BAUDRATES:
        raise PrinterUrlError(f"{url}: baudrate {baudrate} is not a printer's ({', '.join(map(str, BAUDRATES))})")
    return baudrate


def _timeout(url: str, query: dict[str, str]) -> float:
    try:
        timeout = float(query.get("timeout", "5"))
    except ValueError:
        raise PrinterUrlError(f"{url}: timeout must be a number of seconds, e.g. timeout=5") from None
    if not 0.1 <= timeout <= 600:
        raise PrinterUrlError(f"{url}: timeout must be between 0.1 and 600 seconds")
    return timeout
