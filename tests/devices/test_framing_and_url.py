"""Scanner URLs and the cutting of a byte stream into scans."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from app.devices.framing import LineFramer
from app.devices.scanner_url import ScannerUrlError, parse_serial_url


def test_a_full_serial_url() -> None:
    spec = parse_serial_url("serial:///dev/ttyACM0?baudrate=115200&terminator=crlf&partial_ms=300")
    assert (spec.path, spec.baudrate, spec.terminator, spec.partial_ms) == ("/dev/ttyACM0", 115200, b"\r\n", 300)
    usb = parse_serial_url("serial://?vid=0c2e&pid=0B61&serial_number=21012B")
    assert (usb.path, usb.vid, usb.pid, usb.serial_number, usb.shown) == (None, 0x0C2E, 0x0B61, "21012B", "USB 0c2e:0b61 #21012B")
    assert parse_serial_url("serial:///dev/ttyUSB0").terminator == b"\r"  # the scanners' factory default


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("usb:///dev/ttyACM0", "not a serial scanner URL"),
        ("serial:///dev/ttyACM0?baudrate=fast", "baudrate must be a number"),
        ("serial:///dev/ttyACM0?baudrate=9601", "not one a scanner uses"),
        ("serial:///dev/ttyACM0?terminator=TAB", "use CR, LF, CRLF or ETX"),
        ("serial:///dev/ttyACM0?parity=N", "unknown option 'parity'"),
        ("serial://?vid=0c2e", "give both vid and pid"),
        ("serial://?vid=zz&pid=0b61", "hexadecimal"),
        ("serial://", "name the port"),
        ("serial:///dev/ttyACM0?partial_ms=1", "between 10 and 10000"),
    ],
)
def test_a_bad_url_says_what_to_fix(url: str, says: str) -> None:
    with pytest.raises(ScannerUrlError, match=says) as error:
        parse_serial_url(url)
    assert url in str(error.value)


def test_split_writes_and_two_scans_in_one_piece() -> None:
    framer = LineFramer(b"\r")
    assert framer.feed(b"0106141", 0.0) == ([], b"")
    assert framer.feed(b"41234562\r]C1010", 0.01) == ([b"010614141234562"], b"")
    assert framer.feed(b"3012345678901\x1d10LOT7\rBDG0001\r", 0.02) == (
        [b"]C10103012345678901\x1d10LOT7", b"BDG0001"], b""
    )


def test_a_partial_line_is_dropped_not_glued_to_the_next_scan() -> None:
    framer = LineFramer(b"\r", partial_ms=200)
    framer.feed(b"01061414", 0.0)  # the rest never comes (unplugged mid-scan)
    scans, stale = framer.feed(b"BDG0001\r", 0.5)
    assert scans == [b"BDG0001"] and stale == b"01061414"
    framer.feed(b"LOC-A", 1.0)
    assert framer.feed(b"-01\r", 1.15) == ([b"LOC-A-01"], b"")  # within the timeout: one scan


def test_crlf_scanners_with_a_cr_terminator_and_stx_etx_framing() -> None:
    assert LineFramer(b"\r").feed(b"A1\r\nB2\r\n", 0)[0] == [b"A1", b"B2"]
    assert LineFramer(b"\r\n").feed(b"A1\r\nB2\r\n", 0)[0] == [b"A1", b"B2"]
    assert LineFramer(b"\x03").feed(b"\x02TOT0042\x03\x02#1001\x03", 0)[0] == [b"TOT0042", b"#1001"]


@given(st.lists(st.binary(max_size=40), max_size=30))
def test_any_bytes_in_any_pieces_give_the_same_scans_as_in_one_piece(pieces: list[bytes]) -> None:
    whole = b"".join(pieces)
    in_pieces = LineFramer(b"\r")
    got = [scan for piece in pieces for scan in in_pieces.feed(piece, 0.0)[0]]
    assert got == LineFramer(b"\r").feed(whole, 0.0)[0]
    assert all(b"\r" not in scan and scan for scan in got)
