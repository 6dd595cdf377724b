"""Bytes to a printer: tcp, serial, usb, cups and a spool folder. Blocking calls, for a worker thread.

``send`` either returns (every byte went out) or raises one of:

- ``PrinterOffline``: nothing was sent (cannot connect, open, or the device refused the first byte);
  sending again is safe.
- ``SendInterrupted(bytes_sent)``: the link broke after ``bytes_sent`` bytes; what the printer did
  with them is unknown (the queue decides whether a resend is safe: it is for ZPL).
- ``PrinterFault``: the printer or its spooler refused the job (e.g. ``lp`` failed); nothing printed.

Once every byte is handed over, a failing shutdown or close no longer counts: the job is sent. A
resend there would risk a second label, and a missing label is seen by the packer, a double is not.

Threading: each call is independent and blocks up to the URL's timeout (per step, not per job: a
slow printer that keeps reading is not cut off). Call from a worker thread, never from the GUI thread.
"""

from __future__ import annotations

import os
import select
import shutil
import socket
import struct
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.devices.printers.printer_url import PrinterUrl, parse_printer_url

CHUNK = 16 * 1024


class PrinterError(Exception):
    """Base of the printer errors; the message names the printer and what to do."""


class PrinterOffline(PrinterError):
    """The printer could not be reached; nothing was sent."""


class PrinterFault(PrinterError):
    """The printer or its spooler refused the job; nothing was printed."""


class SendInterrupted(PrinterError):
    def __init__(self, message: str, bytes_sent: int) -> None:
        super().__init__(message)
        self.bytes_sent = bytes_sent


@dataclass(frozen=True)
class Sent:
    bytes_sent: int
    where: str  # the printer as shown, or the spool file written


def send(url: str | PrinterUrl, data: bytes, *, job_id: str, timeout: float | None = None) -> Sent:
    """Send one job; ``job_id`` names the spool file (file://) and the CUPS job title."""
    printer = parse_printer_url(url)
    wait = printer.timeout if timeout is None else timeout
    senders: dict[str, Callable[[PrinterUrl, bytes, str, float], Sent]] = {
        "tcp": _send_tcp, "serial": _send_serial, "usb": _send_usb, "cups": _send_cups, "file": _send_file,
    }
    return senders[printer.scheme](printer, data, job_id, wait)


def query(url: str | PrinterUrl, command: bytes, *, timeout: float | None = None,
          complete: Callable[[bytes], bool] = lambda answer: False) -> bytes:
    """Send ``command`` (tcp or serial) and gather the answer until ``complete(answer)`` or ``timeout``.

    Returns what came (possibly b"" when the printer stayed silent); ``PrinterOffline`` when it
    cannot be reached at all.
    """
    printer = parse_printer_url(url)
    wait = printer.timeout if timeout is None else timeout
    if printer.scheme == "tcp":
        return _query_tcp(printer, command, wait, complete)
    if printer.scheme == "serial":
        return _query_serial(printer, command, wait, complete)
    raise ValueError(f"{printer.url}: status questions need a two-way link (tcp:// or serial://)")


# --- tcp ---------------------------------------------------------------------------------------------

def _connect(printer: PrinterUrl, timeout: float) -> socket.socket:
    try:
        sock = socket.create_connection((printer.host, printer.port), timeout=timeout)
    except ConnectionRefusedError:
        raise PrinterOffline(f"{printer.shown}: connection refused; is the printer on and is this its "
                             "address and raw port (usually 9100)?") from None
    except TimeoutError:
        raise PrinterOffline(f"{printer.shown}: no answer within {timeout:g} s; check the printer is on "
                             "and on the network") from None
    except OSError as exc:
        raise PrinterOffline(f"{printer.shown}: cannot connect ({exc.strerror or exc}); check the address "
                             "and the network") from None
    sock.settimeout(timeout)  # per send/recv step: a slow printer that keeps reading is not cut off
    return sock


def _send_tcp(printer: PrinterUrl, data: bytes, job_id: str, timeout: float) -> Sent:
    sock = _connect(printer, timeout)
    sent = 0
    try:
        view = memoryview(data)
        while sent < len(data):
            try:
                sent += sock.send(view[sent:sent + CHUNK])
            except TimeoutError:
                _abort(sock)
                raise SendInterrupted(f"{printer.shown}: the printer took nothing for {timeout:g} s after "
                                      f"{sent} of {len(data)} bytes", sent) from None
            except OSError as exc:
                _abort(sock)
                raise SendInterrupted(f"{printer.shown}: the connection broke after {sent} of {len(data)} "
                                      f"bytes ({exc.strerror or exc})", sent) from None
        try:  # all handed over: an orderly end (FIN after the data), failures here do not unsend it
            sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass
    finally:
        sock.close()
    return Sent(sent, printer.shown)


def _abort(sock: socket.socket) -> None:
    """Close with a reset: bytes still in our buffers are dropped, not delivered after we gave up.

    An interrupted job is judged on ``bytes_sent``; a plain close would let the kernel go on
    delivering the rest later, behind the queue's back.
    """
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass


def _query_tcp(printer: PrinterUrl, command: bytes, timeout: float, complete: Callable[[bytes], bool]) -> bytes:
    deadline = time.monotonic() + timeout
    sock = _connect(printer, timeout)
    answer = b""
    try:
        sock.sendall(command)
        while not complete(answer):
            left = deadline - time.monotonic()
            if left <= 0:
                break
            sock.settimeout(left)
            try:
                chunk = sock.recv(4096)
            except TimeoutError:
                break
            except OSError:
                break  # reset while answering: what came is judged by the parser
            if not chunk:
                break
            answer += chunk
    except OSError as exc:
        raise PrinterOffline(f"{printer.shown}: the connection broke before the question was sent "
                             f"({exc.strerror or exc})") from None
    finally:
        sock.close()
    return answer


# --- serial ------------------------------------------------------------------------------------------

def _open_serial(printer: PrinterUrl, timeout: float):
    import serial  # pyserial: imported here so tcp-only stations need not load it

    try:
        return serial.Serial(printer.path, printer.baudrate, timeout=timeout, write_timeout=timeout)
    except (serial.SerialException, OSError) as exc:
        raise PrinterOffline(f"{printer.shown}: cannot open the serial port ({exc}); is the printer "
                             "plugged in and is this its port?") from None


def _send_serial(printer: PrinterUrl, data: bytes, job_id: str, timeout: float) -> Sent:
    import serial

    port = _open_serial(printer, timeout)
    sent = 0
    try:
        while sent < len(data):
            try:
                written = port.write(data[sent:sent + CHUNK]) or 0
            except serial.SerialTimeoutException:
                raise SendInterrupted(f"{printer.shown}: the printer took nothing for {timeout:g} s after "
                                      f"{sent} of {len(data)} bytes (flow control held?)", sent) from None
            except (serial.SerialException, OSError) as exc:
                raise SendInterrupted(f"{printer.shown}: the port failed after {sent} of {len(data)} bytes "
                                      f"({exc})", sent) from None
            sent += written
        try:
            port.flush()
        except (serial.SerialException, OSError):
            pass  # everything was written: sent
    finally:
        try:
            port.close()
        except (serial.SerialException, OSError):
            pass
    return Sent(sent, printer.shown)


def _query_serial(printer: PrinterUrl, command: bytes, timeout: float, complete: Callable[[bytes], bool]) -> bytes:
    import serial

    deadline = time.monotonic() + timeout
    port = _open_serial(printer, timeout)
    answer = b""
    try:
        port.reset_input_buffer()  # an old answer left in the port would be read as this one's
        port.write(command)
        port.flush()
        while not complete(answer):
            left = deadline - time.monotonic()
            if left <= 0:
                break
            port.timeout = min(left, 0.1)
            answer += port.read(4096)
    except (serial.SerialException, OSError) as exc:
        raise PrinterOffline(f"{printer.shown}: the serial port failed ({exc})") from None
    finally:
        port.close()
    return answer


# --- usb (a character device written as a file) ------------------------------------------------------

def _send_usb(printer: PrinterUrl, data: bytes, job_id: str, timeout: float) -> Sent:
    assert printer.path is not None
    try:
        # O_NONBLOCK: a printer that takes nothing (or a FIFO nobody reads) must not hang the worker.
        fd = os.open(printer.path, os.O_WRONLY | os.O_APPEND | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise PrinterOffline(f"{printer.shown}: cannot open the printer device ({exc.strerror}); is it "
                             "plugged in and switched on, and may this user write to it (group lp)?") from None
    sent = 0
    try:
        while sent < len(data):
            _, writable, _ = select.select([], [fd], [], timeout)
            if not writable:
                raise SendInterrupted(f"{printer.shown}: the printer took nothing for {timeout:g} s after "
                                      f"{sent} of {len(data)} bytes", sent)
            try:
                sent += os.write(fd, data[sent:sent + CHUNK])
            except BlockingIOError:
                continue
            except OSError as exc:
                raise SendInterrupted(f"{printer.shown}: the device failed after {sent} of {len(data)} bytes "
                                      f"({exc.strerror})", sent) from None
    finally:
        try:
            os.close(fd)
        except OSError:
            pass
    return Sent(sent, printer.shown)


# --- cups --------------------------------------------------------------------------------------------

def _send_cups(printer: PrinterUrl, data: bytes, job_id: str, timeout: float) -> Sent:
    lp = shutil.which("lp")
    if lp is None:
        raise PrinterOffline(f"{printer.shown}: the lp command is not installed; install the CUPS client "
                             "(apt install cups-client) or use a tcp:// or usb:// printer URL")
    # Raw for printer languages (CUPS must not filter ZPL or ESC/POS); PDF goes through CUPS' filters.
    command = [lp, "-d", printer.queue or "", "-t", job_id]
    if printer.language != "pdf":
        command += ["-o", "raw"]
    try:
        done = subprocess.run(command, input=data, capture_output=True, timeout=max(timeout, 10.0))
    except subprocess.TimeoutExpired:
        raise SendInterrupted(f"{printer.shown}: lp did not finish within {max(timeout, 10.0):g} s", len(data)) from None
    except OSError as exc:
        raise PrinterOffline(f"{printer.shown}: cannot run lp ({exc})") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip() or f"exit status {done.returncode}"
        raise PrinterFault(f"{printer.shown}: lp refused the job: {message}")
    return Sent(len(data), done.stdout.decode("utf-8", "replace").strip() or printer.shown)


# --- file (a spool folder) ---------------------------------------------------------------------------

def spool_file(folder: Path, job_id: str, extension: str) -> Path | None:
    """The spool file already written for ``job_id``, if any."""
    for existing in folder.glob(f"*-{_safe(job_id)}.{extension}"):
        return existing
    return None


def _send_file(printer: PrinterUrl, data: bytes, job_id: str, timeout: float) -> Sent:
    folder = Path(printer.path or ".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PrinterOffline(f"{folder}: cannot create the spool folder ({exc.strerror}); choose a folder "
                             "this user may write to") from None
    existing = spool_file(folder, job_id, printer.extension)
    if existing is not None:  # the same job again: it is already there, never a second copy
        return Sent(existing.stat().st_size, str(existing))
    final = folder / f"{time.strftime('%Y%m%d-%H%M%S')}-{_safe(job_id)}.{printer.extension}"
    temporary = folder / f".{_safe(job_id)}.{printer.extension}.part"
    try:
        with open(temporary, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        # A reader of the folder sees a whole job or none: the name appears only once the bytes are in.
        os.replace(temporary, final)
        _fsync_dir(folder)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise PrinterOffline(f"{folder}: cannot write the job ({exc.strerror}); is the disk full or the "
                             "folder read-only?") from None
    return Sent(len(data), str(final))


def _safe(job_id: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in job_id)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
