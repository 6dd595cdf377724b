"""Printer URLs: each scheme read into its settings, each mistake named."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.devices.printers.printer_url import PrinterUrlError, parse_printer_url


def test_tcp_with_and_without_port() -> None:
    printer = parse_printer_url("tcp://192.168.1.40:6101")
    assert (printer.scheme, printer.host, printer.port, printer.language) == ("tcp", "192.168.1.40", 6101, "zpl")
    assert parse_printer_url("tcp://zebra-quai-1").port == 9100
    assert printer.shown == "192.168.1.40:6101" and printer.answers_status


def test_serial_usb_cups() -> None:
    serial = parse_printer_url("serial:///dev/ttyUSB0?baudrate=19200&timeout=3")
    assert (serial.path, serial.baudrate, serial.timeout) == ("/dev/ttyUSB0", 19200, 3.0)
    usb = parse_printer_url("usb:///dev/usb/lp0?language=escpos")
    assert (usb.path, usb.language, usb.answers_status) == ("/dev/usb/lp0", "escpos", False)
    cups = parse_printer_url("cups://Zebra_ZD421?language=pdf")
    assert (cups.queue, cups.language, cups.extension) == ("Zebra_ZD421", "pdf", "pdf")


def test_file_absolute_and_relative(tmp_path: Path) -> None:
    assert parse_printer_url(f"file://{tmp_path}/spool").path == str(tmp_path / "spool")
    assert parse_printer_url("file:spool", base=tmp_path).path == str(tmp_path / "spool")
    assert parse_printer_url("file://spool/labels", base=tmp_path).path == str(tmp_path / "spool" / "labels")


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("lpt://x", "scheme"),
        ("tcp://:9100", "host"),
        ("tcp://printer:99999", "port"),
        ("tcp://printer:9100?baudrate=9600", "unknown option 'baudrate'"),
        ("serial://dev/ttyUSB0", "three slashes"),
        ("serial:///dev/ttyUSB0?baudrate=fast", "baudrate must be a number"),
        ("serial:///dev/ttyUSB0?baudrate=12345", "baudrate 12345"),
        ("usb://", "absolute path"),
        ("cups://", "CUPS queue"),
        ("file://", "spool folder"),
        ("tcp://printer?language=epl", "language 'epl'"),
        ("tcp://printer?timeout=soon", "timeout must be a number"),
        ("tcp://printer?timeout=0", "between 0.1 and 600"),
        ("tcp://printer?status=maybe", "status 'maybe'"),
    ],
)
def test_mistakes_name_the_url_and_the_part(url: str, words: str) -> None:
    with pytest.raises(PrinterUrlError) as caught:
        parse_printer_url(url)
    assert url in str(caught.value) and words in str(caught.value)
    assert isinstance(caught.value, ValueError)
