"""What a printer says of itself, per transport. Blocking (up to the timeout): call from a worker thread.

- tcp, serial (ZPL): ``~HS`` (and ``~HQES`` with ``status=hqes`` in the URL, or ``hqes=True``). No
  answer within the timeout is offline (``error="no answer within 2.0 s"``); a garbled answer is
  offline too, with the answer in ``error``: never "online".
- tcp, serial in another language, or ``status=none``: online when the link opens (a raw ESC/POS or
  TSPL printer has no status command we rely on).
- file: online when the spool folder is (or can be made) writable.
- usb: online when the device node opens for writing; a usblp device tells nothing more, so paper
  out and the like stay unknown (reported False).
- cups: ``lpstat -p QUEUE``: a missing queue is offline, a disabled queue is paused (CUPS holds the
  jobs); the printer's own paper and head are CUPS' business and stay unknown (False).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from app.devices.printers.printer_url import PrinterUrl, parse_printer_url
from app.devices.printers.transports import PrinterOffline, query
from app.devices.printers.zpl_status import (
    PrinterStatus, StatusAnswerError, hqes_complete, hs_complete, merge, parse_hqes, parse_hs,
)


def printer_status(url: str | PrinterUrl, *, timeout: float = 2.0, hqes: bool | None = None) -> PrinterStatus:
    """The printer's status now; never raises for a printer that is off or garbled (it is offline)."""
    printer = parse_printer_url(url)
    if printer.scheme in ("tcp", "serial"):
        if not printer.answers_status:
            return _link_opens(printer, timeout)
        return _zpl_status(printer, timeout, printer.status == "hqes" if hqes is None else hqes)
    if printer.scheme == "file":
        return _folder_status(Path(printer.path or "."))
    if printer.scheme == "usb":
        return _device_status(printer)
    return _cups_status(printer, timeout)


def _zpl_status(printer: PrinterUrl, timeout: float, hqes: bool) -> PrinterStatus:
    try:
        answer = query(printer, b"~HS", timeout=timeout, complete=hs_complete)
    except PrinterOffline as exc:
        return PrinterStatus(online=False, error=str(exc))
    if not answer:
        if hqes:  # some firmwares stay silent to ~HS while in fault but still answer ~HQES
            return _hqes_only(printer, timeout)
        return PrinterStatus(online=False, error=f"no answer within {timeout:g} s")
    try:
        status = parse_hs(answer)
    except StatusAnswerError as exc:
        return PrinterStatus(online=False, error=str(exc))
    if hqes:
        extra = _hqes_only(printer, timeout)
        if extra.online:
            status = merge(status, extra)
    return status


def _hqes_only(printer: PrinterUrl, timeout: float) -> PrinterStatus:
    try:
        answer = query(printer, b"~HQES", timeout=timeout, complete=hqes_complete)
    except PrinterOffline as exc:
        return PrinterStatus(online=False, error=str(exc))
    if not answer:
        return PrinterStatus(online=False, error=f"no answer within {timeout:g} s")
    try:
        return parse_hqes(answer)
    except StatusAnswerError as exc:
        return PrinterStatus(online=False, error=str(exc))


def _link_opens(printer: PrinterUrl, timeout: float) -> PrinterStatus:
    try:
        query(printer, b"", timeout=min(timeout, 0.2), complete=lambda answer: True)
    except PrinterOffline as exc:
        return PrinterStatus(online=False, error=str(exc))
    return PrinterStatus(online=True)


def _folder_status(folder: Path) -> PrinterStatus:
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent  # a folder not made yet is fine when its parent is writable
    if probe.is_dir() and os.access(probe, os.W_OK | os.X_OK):
        return PrinterStatus(online=True)
    return PrinterStatus(online=False, error=f"{folder}: the spool folder is not writable by this user")


def _device_status(printer: PrinterUrl) -> PrinterStatus:
    try:
        fd = os.open(printer.path or "", os.O_WRONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        return PrinterStatus(online=False, error=f"{printer.shown}: cannot open the printer device ({exc.strerror})")
    os.close(fd)
    return PrinterStatus(online=True)


def _cups_status(printer: PrinterUrl, timeout: float) -> PrinterStatus:
    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return PrinterStatus(online=False, error="the lpstat command is not installed (apt install cups-client)")
    try:
        done = subprocess.run([lpstat, "-p", printer.queue or ""], capture_output=True, timeout=max(timeout, 5.0),
                              env={**os.environ, "LC_ALL": "C"})  # lpstat's words are parsed: not translated
    except (subprocess.TimeoutExpired, OSError) as exc:
        return PrinterStatus(online=False, error=f"{printer.shown}: lpstat failed ({exc})")
    text = done.stdout.decode("utf-8", "replace")
    if done.returncode != 0 or f"printer {printer.queue} " not in text:
        message = done.stderr.decode("utf-8", "replace").strip() or "no such queue"
        return PrinterStatus(online=False, error=f"{printer.shown}: {message}")
    if "disabled" in text:
        return PrinterStatus(online=True, paused=True, error=f"{printer.shown} is disabled in CUPS (cupsenable)")
    return PrinterStatus(online=True)
