"""Transports against real endpoints: the fake Zebra (tcp), a spool folder, a pty (serial), a FIFO (usb)."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from app.devices.printers.transports import PrinterFault, PrinterOffline, SendInterrupted, query, send
from app.devices.printers.zpl_status import hs_complete, parse_hs
from tests.support.fake_printer import FakePrinter, hs_answer
from tests.support.serial_pty import Pty

WAIT_LONG = 60.0
LABEL = "^XA^CI28^FO50,50^A0N,40,40^FDCommande #1042 — Hélène^FS^XZ".encode()


def big_label(size: int) -> bytes:
    """One format large enough not to fit in the kernel's socket buffers (a ^GF graphic, as a logo is)."""
    hexdata = b"F0" * (size // 2)
    return b"^XA^FO0,0^GFA,%d,%d,100,%s^FS^XZ" % (len(hexdata) // 2, len(hexdata) // 2, hexdata)


# --- tcp ---

def test_tcp_job_arrives_whole(zebra: FakePrinter) -> None:
    sent = send(zebra.url, LABEL, job_id="j1")
    assert sent.bytes_sent == len(LABEL)
    assert zebra.wait_for(lambda z: z.jobs == [LABEL], timeout=30)
    assert zebra.labels == [LABEL]


def test_tcp_refused_is_offline_nothing_sent(zebra: FakePrinter) -> None:
    zebra.refuse()
    with pytest.raises(PrinterOffline, match="connection refused"):
        send(zebra.url, LABEL, job_id="j1")
    assert zebra.jobs == [] and zebra.broken == []


def test_tcp_reset_mid_job_is_interrupted(zebra: FakePrinter) -> None:
    data = big_label(16 * 1024 * 1024)
    zebra.reset_next_job_after(100_000)
    with pytest.raises(SendInterrupted) as caught:
        send(zebra.url, data, job_id="j1", timeout=30)
    assert 100_000 <= caught.value.bytes_sent < len(data)
    assert zebra.wait_for(lambda z: len(z.broken) == 1, timeout=30)
    assert zebra.jobs == [] and zebra.labels == []  # the cut format never printed


def test_tcp_slow_reader_gets_everything(zebra: FakePrinter) -> None:
    zebra.slow = 256
    data = LABEL * 8
    send(zebra.url, data, job_id="j1", timeout=10)
    assert zebra.wait_for(lambda z: z.jobs == [data], timeout=60)


def test_tcp_query(zebra: FakePrinter) -> None:
    zebra.status = "paused"
    answer = query(zebra.url, b"~HS", timeout=5, complete=hs_complete)
    assert answer == hs_answer("paused") and parse_hs(answer).paused


def test_tcp_query_silence_returns_nothing(zebra: FakePrinter) -> None:
    zebra.silent = True
    assert query(zebra.url, b"~HS", timeout=0.3, complete=hs_complete) == b""


# --- file (spool folder) ---

def test_file_spool_one_file_per_job_and_no_duplicate(tmp_path: Path) -> None:
    url = f"file://{tmp_path}/spool"
    first = send(url, LABEL, job_id="job-1")
    again = send(url, LABEL + b"changed", job_id="job-1")  # same job id: the same file, untouched
    other = send(url, LABEL, job_id="job-2")
    files = sorted(p.name for p in (tmp_path / "spool").iterdir())
    assert len(files) == 2 and first.where == again.where != other.where
    assert files[0].endswith("-job-1.zpl") and files[1].endswith("-job-2.zpl")
    assert Path(first.where).read_bytes() == LABEL


def test_file_spool_never_shows_a_half_written_job(tmp_path: Path) -> None:
    # A folder watcher sees names only: while a job is written, only the hidden temporary exists.
    spool = tmp_path / "spool"
    spool.mkdir()
    data = os.urandom(8 * 1024 * 1024)
    seen: list[list[str]] = []
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            seen.append([p.name for p in spool.iterdir() if not p.name.startswith(".")])

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        sent = send(f"file://{spool}?language=escpos", data, job_id="big")
    finally:
        done.set()
        watcher.join()
    for names in seen:
        for name in names:  # any visible job file is the whole job
            assert (spool / name).stat().st_size == len(data)
    assert Path(sent.where).suffix == ".escpos" and [p.name for p in spool.iterdir()] == [Path(sent.where).name]


def test_file_spool_unwritable_is_offline(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    with pytest.raises(PrinterOffline, match="cannot create the spool folder"):
        send(f"file://{tmp_path}/afile/spool", LABEL, job_id="j")


# --- serial over a real pty ---

def test_serial_send_and_query(tmp_path: Path) -> None:
    pty = Pty(tmp_path / "ttyPrinter")
    url = f"serial://{pty.link}?baudrate=9600"
    send(url, LABEL, job_id="j1", timeout=5)
    received = b""
    while len(received) < len(LABEL):
        received += os.read(pty.master, 4096)
    assert received == LABEL

    # Hold the pty's far end open: with no one on it, the printer side would read EIO between opens.
    keep_open = os.open(pty.path, os.O_RDWR | os.O_NOCTTY)

    def printer_side() -> None:
        question = b""
        while b"~HS" not in question:
            question += os.read(pty.master, 64)
        os.write(pty.master, hs_answer("ribbon_out"))

    answering = threading.Thread(target=printer_side)
    answering.start()
    answer = query(url, b"~HS", timeout=10, complete=hs_complete)
    answering.join(timeout=10)
    assert parse_hs(answer).ribbon_out
    os.close(keep_open)
    pty.unplug()


def test_serial_missing_port_is_offline(tmp_path: Path) -> None:
    with pytest.raises(PrinterOffline, match="cannot open the serial port"):
        send(f"serial://{tmp_path}/ttyNothing", LABEL, job_id="j1", timeout=1)


# --- usb (a device file: a FIFO stands for /dev/usb/lp0) ---

def test_usb_to_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "lp0"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        send(f"usb://{fifo}", LABEL, job_id="j1", timeout=5)
        assert os.read(reader, 65536) == LABEL
    finally:
        os.close(reader)


def test_usb_nobody_reading_is_offline(tmp_path: Path) -> None:
    fifo = tmp_path / "lp0"
    os.mkfifo(fifo)  # a FIFO without a reader: like a printer switched off, opening fails at once
    with pytest.raises(PrinterOffline, match="cannot open the printer device"):
        send(f"usb://{fifo}", LABEL, job_id="j1", timeout=1)


def test_usb_printer_stops_taking_bytes_is_interrupted(tmp_path: Path) -> None:
    fifo = tmp_path / "lp0"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # opened, never read: the pipe fills up
    try:
        with pytest.raises(SendInterrupted) as caught:
            send(f"usb://{fifo}", b"x" * (4 * 1024 * 1024), job_id="j1", timeout=0.5)
        assert 0 < caught.value.bytes_sent < 4 * 1024 * 1024
    finally:
        os.close(reader)


def test_usb_plain_file(tmp_path: Path) -> None:
    device = tmp_path / "lp0"
    device.write_bytes(b"")
    send(f"usb://{device}", LABEL, job_id="j1")
    send(f"usb://{device}", LABEL, job_id="j2")
    assert device.read_bytes() == LABEL * 2


# --- cups through lp ---

def _fake_lp(folder: Path, exit_code: int = 0) -> None:
    """An ``lp`` on PATH that records its arguments and standard input, as CUPS' would take them."""
    folder.mkdir()
    script = folder / "lp"
    script.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$@\" > {folder}/args\n/bin/cat > {folder}/stdin\n"
                      f"[ {exit_code} -eq 0 ] && echo 'request id is Zebra-7 (1 file(s))' || "
                      "echo 'lp: The printer or class does not exist.' >&2\nexit " + str(exit_code) + "\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)


def test_cups_raw_for_zpl_and_filtered_for_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_lp(tmp_path / "bin")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    sent = send("cups://Zebra", LABEL, job_id="job-1")
    assert (tmp_path / "bin" / "args").read_text().split() == ["-d", "Zebra", "-t", "job-1", "-o", "raw"]
    assert (tmp_path / "bin" / "stdin").read_bytes() == LABEL and "Zebra-7" in sent.where
    send("cups://Office?language=pdf", b"%PDF-1.7", job_id="job-2")
    assert (tmp_path / "bin" / "args").read_text().split() == ["-d", "Office", "-t", "job-2"]


def test_cups_refusal_is_a_fault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_lp(tmp_path / "bin", exit_code=1)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    with pytest.raises(PrinterFault, match="does not exist"):
        send("cups://Nowhere", LABEL, job_id="j")


def test_cups_without_lp_says_what_to_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PrinterOffline, match="cups-client"):
        send("cups://Zebra", LABEL, job_id="j")


def test_tcp_printer_that_stops_reading_is_interrupted_and_the_rest_dropped(zebra: FakePrinter) -> None:
    zebra.slow = 1  # one byte per 100 ms: the buffers fill and the send makes no progress
    data = big_label(16 * 1024 * 1024)
    with pytest.raises(SendInterrupted) as caught:
        send(zebra.url, data, job_id="j1", timeout=0.5)
    assert 0 < caught.value.bytes_sent < len(data)
    zebra.slow = None  # the printer reads again: what reached it so far, then the reset
    # the sender reset the connection: the fake sees it broken, never a complete job
    assert zebra.wait_for(lambda z: len(z.broken) == 1, WAIT_LONG) and zebra.jobs == [] and zebra.labels == []
