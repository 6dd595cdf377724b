"""printer_status over real links: the fake Zebra on a loopback socket (each fault, silence, refusal), a pty, a folder."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from app.devices.printers.status import printer_status
from tests.support.fake_printer import FakePrinter, hs_answer
from tests.support.serial_pty import Pty


def test_ok(zebra: FakePrinter) -> None:
    status = printer_status(zebra.url)
    assert status.online and status.ready and status.error is None
    assert zebra.questions == [b"~HS"]


@pytest.mark.parametrize("fault", ["paper_out", "head_open", "paused", "ribbon_out", "buffer_full"])
def test_each_fault(zebra: FakePrinter, fault: str) -> None:
    zebra.status = fault
    status = printer_status(zebra.url)
    assert status.online and getattr(status, fault) and status.reason() == (fault, {})


def test_status_changes_while_running(zebra: FakePrinter) -> None:
    zebra.status = "paper_out"
    assert printer_status(zebra.url).paper_out
    zebra.status = "ok"
    assert printer_status(zebra.url).ready


def test_silence_is_offline_within_the_timeout(zebra: FakePrinter) -> None:
    zebra.silent = True
    status = printer_status(zebra.url, timeout=0.5)
    assert status == status.__class__(online=False, error="no answer within 0.5 s")
    assert status.reason() == ("offline", {"error": "no answer within 0.5 s"})


def test_refused_is_offline(zebra: FakePrinter) -> None:
    zebra.refuse()
    status = printer_status(zebra.url)
    assert not status.online and "connection refused" in status.error


def test_a_garbled_answer_is_never_online(zebra: FakePrinter) -> None:
    zebra.answer_override = b"\x02030,0,0\x03\r\n"
    status = printer_status(zebra.url, timeout=0.5)
    assert not status.online and "~HS answer" in status.error


def test_hqes_adds_what_hs_does_not_say(zebra: FakePrinter) -> None:
    zebra.status = "head_open"
    status = printer_status(zebra.url + "?status=hqes")
    assert status.head_open and zebra.questions == [b"~HS", b"~HQES"]


def test_hqes_answers_when_hs_is_silent(zebra: FakePrinter) -> None:
    # Newer firmwares keep silent to ~HS in media out; ~HQES still says why.
    zebra.status = "paper_out"
    zebra.answer_override = b""
    status = printer_status(zebra.url + "?status=hqes", timeout=0.5)
    assert status.online and status.paper_out and status.reason() == ("paper_out", {})


def test_a_raw_escpos_printer_is_online_when_it_accepts(zebra: FakePrinter) -> None:
    assert printer_status(zebra.url + "?language=escpos").online
    assert zebra.questions == []
    zebra.refuse()
    assert not printer_status(zebra.url + "?language=escpos").online


def test_a_spool_folder(tmp_path: Path) -> None:
    assert printer_status(f"file://{tmp_path}/labels").online  # made on the first job
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        if os.access(locked, os.W_OK):  # root writes anywhere: the folder must then be a file
            locked.chmod(0o700)
            locked.rmdir()
            locked.write_text("not a folder")
        status = printer_status(f"file://{locked}")
        assert not status.online and "not writable" in status.error
    finally:
        if locked.is_dir():
            locked.chmod(0o700)


def test_a_usb_device_that_is_not_there(tmp_path: Path) -> None:
    status = printer_status(f"usb://{tmp_path}/lp0")
    assert not status.online and "cannot open the printer device" in status.error
    (tmp_path / "lp0").write_bytes(b"")
    assert printer_status(f"usb://{tmp_path}/lp0").online


def _answer_on_pty(pty, answer: bytes | None) -> threading.Thread:
    def printer_side() -> None:
        question = b""
        while b"~HS" not in question:
            question += os.read(pty.master, 64)
        if answer is not None:
            os.write(pty.master, answer)

    thread = threading.Thread(target=printer_side, daemon=True)
    thread.start()
    return thread


def test_status_over_a_serial_line(tmp_path: Path) -> None:
    pty = Pty(tmp_path / "ttyZebra")
    keep_open = os.open(pty.path, os.O_RDWR | os.O_NOCTTY)  # the far end stays open between the port's opens
    try:
        answering = _answer_on_pty(pty, hs_answer("head_open"))
        status = printer_status(f"serial://{pty.link}?baudrate=9600", timeout=10)
        answering.join(timeout=10)
        assert status.online and status.head_open and status.reason() == ("head_open", {})
        answering = _answer_on_pty(pty, None)  # asked, never answers
        status = printer_status(f"serial://{pty.link}", timeout=0.5)
        answering.join(timeout=10)
        assert status == status.__class__(online=False, error="no answer within 0.5 s")
    finally:
        os.close(keep_open)
        pty.unplug()


def test_a_serial_port_that_is_not_there_is_offline(tmp_path: Path) -> None:
    status = printer_status(f"serial://{tmp_path}/ttyNothing", timeout=0.5)
    assert not status.online and "cannot open the serial port" in status.error
