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
    assert framer.feed(b"0106141", 0.0) == ([], [])
    assert framer.feed(b"41234562\r]C1010", 0.01) == ([b"010614141234562"], [])
    assert framer.feed(b"3012345678901\x1d10LOT7\rBDG0001\r", 0.02) == (
        [b"]C10103012345678901\x1d10LOT7", b"BDG0001"], []
    )


def test_a_partial_line_is_dropped_not_glued_to_the_next_scan() -> None:
    framer = LineFramer(b"\r", partial_ms=200)
    assert framer.feed(b"01061414", 0.0) == ([], [])  # the rest never comes (line noise, a glitch)
    # What follows, up to the terminator, is taken for the rest of the dropped line: lost too
    # (the person scans again), never handed on as a scan.
    assert framer.feed(b"BDG0001\rBDG0002\r", 0.5) == ([b"BDG0002"], [b"01061414", b"BDG0001"])
    framer.feed(b"LOC-A", 1.0)
    assert framer.feed(b"-01\r", 1.15) == ([b"LOC-A-01"], [])  # within the timeout: one scan


def test_a_late_reader_never_hands_on_the_tail_of_a_scan_as_a_scan() -> None:
    # The reader thread read the head, then was held up past partial_ms: the tail was
    # waiting in the port when it read again.
    framer = LineFramer(b"\r", partial_ms=200)
    assert framer.feed(b"400638", 10.0) == ([], [])
    assert framer.feed(b"1333931\r4006381333948\r", 10.25) == ([b"4006381333948"], [b"400638", b"1333931"])
    # The tail in pieces, the first of them left stale as well: all of it dropped, up to the terminator.
    framer.feed(b"0104", 20.0)
    assert framer.feed(b"0063", 20.3) == ([], [b"0104"])
    assert framer.feed(b"81\rBDG1\r", 20.6) == ([b"BDG1"], [b"0063", b"81"])
    # The device unplugged mid-scan: what follows its replug is a new scan, not a tail.
    framer.feed(b"0106", 30.0)
    framer.reset()
    assert framer.feed(b"BDG2\r", 31.0) == ([b"BDG2"], [])


def test_with_stx_etx_framing_a_new_frame_after_a_stale_one_is_kept() -> None:
    framer = LineFramer(b"\x03", partial_ms=200)
    framer.feed(b"\x02ABC", 1.0)  # never ended
    assert framer.feed(b"\x02DEF\x03", 2.0) == ([b"DEF"], [b"\x02ABC"])  # the STX says it is a scan of its own
    framer.feed(b"\x02GH", 3.0)
    assert framer.feed(b"I\x03\x02JKL\x03", 3.5) == ([b"JKL"], [b"\x02GH", b"I"])  # no STX: the tail


def test_crlf_scanners_with_a_cr_terminator_and_stx_etx_framing() -> None:
    assert LineFramer(b"\r").feed(b"A1\r\nB2\r\n", 0)[0] == [b"A1", b"B2"]
    assert LineFramer(b"\r\n").feed(b"A1\r\nB2\r\n", 0)[0] == [b"A1", b"B2"]
    assert LineFramer(b"\x03").feed(b"\x02TOT0042\x03\x02#1001\x03", 0)[0] == [b"TOT0042", b"#1001"]


def test_the_crlf_after_a_scan_is_no_unfinished_scan() -> None:
    # A CRLF scanner read with the default terminator CR: the LF is left over after every scan.
    framer = LineFramer(b"\r", partial_ms=200)
    assert framer.feed(b"A1\r\n", 1.0) == ([b"A1"], [])
    assert framer.feed(b"B2\r\n", 2.0) == ([b"B2"], [])  # the LF went stale: not reported, B2 not dropped
    assert framer.feed(b"", 3.0) == ([], []) and framer.pending == b""
    # STX … ETX then CRLF: the CRLF is neither glued to the next scan nor reported.
    framer = LineFramer(b"\x03", partial_ms=200)
    assert framer.feed(b"\x02ABC\x03\r\n", 1.0) == ([b"ABC"], [])
    assert framer.feed(b"\x02DEF\x03\r\n", 1.1) == ([b"DEF"], [])  # within partial_ms
    assert framer.feed(b"\x02GHI\x03\r\n", 2.0) == ([b"GHI"], [])  # after it


@given(st.lists(st.binary(max_size=40), max_size=30))
def test_any_bytes_in_any_pieces_give_the_same_scans_as_in_one_piece(pieces: list[bytes]) -> None:
    whole = b"".join(pieces)
    in_pieces = LineFramer(b"\r")
    got = [scan for piece in pieces for scan in in_pieces.feed(piece, 0.0)[0]]
    assert got == LineFramer(b"\r").feed(whole, 0.0)[0]
    assert all(b"\r" not in scan and scan for scan in got)


SENT = [b"S%03d%s" % (i, b"0123456789"[: i % 11]) for i in range(12)]  # distinct, and a tail never starts with S


@given(st.lists(st.integers(0, 11), min_size=1, max_size=12), st.data())
def test_whatever_the_pauses_a_scan_handed_on_is_a_whole_one(picks: list[int], data: st.DataObject) -> None:
    """The scans cut at any points, each piece read after any pause (the reader may be late):
    every scan handed on was sent whole; with no pause longer than partial_ms, all are."""
    stream = b"".join(SENT[i] + b"\r\n" for i in picks)  # a CRLF scanner, terminator CR
    cuts = sorted(data.draw(st.sets(st.integers(1, len(stream) - 1), max_size=8)))  # no empty piece
    pauses = data.draw(st.lists(st.sampled_from([0.0, 0.05, 0.19, 0.21, 1.0]), min_size=len(cuts) + 1,
                                max_size=len(cuts) + 1))
    framer, now, got = LineFramer(b"\r", partial_ms=200), 0.0, []
    for piece, pause in zip(
            (stream[a:b] for a, b in zip([0, *cuts], [*cuts, len(stream)])), pauses, strict=True):
        now += pause
        got += framer.feed(piece, now)[0]
    assert all(scan in SENT for scan in got)
    if max(pauses[1:], default=0) <= 0.2:
        assert got == [SENT[i] for i in picks]
