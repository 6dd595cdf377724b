"""Scale URLs: the defaults, every option, and errors that name the part to fix."""

from __future__ import annotations

import pytest

from app.devices.scales.url import ManualSpec, ScaleSpec, ScaleUrlError, parse_scale_url


def test_defaults_are_an_mt_sics_scale_at_9600_8n1_in_kg() -> None:
    spec = parse_scale_url("serial:///dev/ttyUSB1")
    assert spec == ScaleSpec("/dev/ttyUSB1", "mt-sics", 9600, 8, "N", 1, "kg", 200, b"\r", 200)
    assert spec.silent_ms == 3000
    assert spec.shown == "/dev/ttyUSB1"


def test_every_option_is_read() -> None:
    spec = parse_scale_url("serial:///dev/ttyS0?protocol=continuous&baudrate=2400&frame=7e1&unit=LB"
                           "&poll_ms=500&terminator=crlf&partial_ms=300&silent_ms=0")
    assert spec == ScaleSpec("/dev/ttyS0", "continuous", 2400, 7, "E", 1, "lb", 500, b"\r\n", 300, silent_ms=0)


def test_usb_ids_and_serial_number_find_the_port() -> None:
    spec = parse_scale_url("serial://?vid=0403&pid=6001&serial=A10K3B2Q")
    assert (spec.path, spec.vid, spec.pid, spec.serial_number) == (None, 0x0403, 0x6001, "A10K3B2Q")
    assert spec.shown == "USB 0403:6001 #A10K3B2Q"
    assert parse_scale_url("serial://?vid=0403&pid=6001&serial_number=X1").serial_number == "X1"


def test_manual_is_no_scale() -> None:
    assert parse_scale_url("manual://") == ManualSpec()
    assert parse_scale_url("  manual:// ").shown == "manual"


@pytest.mark.parametrize(("url", "names"), [
    ("", "empty"),
    ("usb:///dev/ttyUSB1", "'usb'"),
    ("serial://dev/ttyUSB1", "three slashes"),
    ("serial:///dev/ttyUSB1?protocl=mt-sics", "'protocl'"),
    ("serial:///dev/ttyUSB1?protocol=sics", "protocol 'sics'"),
    ("serial:///dev/ttyUSB1?baudrate=fast", "baudrate must be a number"),
    ("serial:///dev/ttyUSB1?baudrate=9601", "baudrate 9601"),
    ("serial:///dev/ttyUSB1?frame=9N1", "frame '9N1'"),
    ("serial:///dev/ttyUSB1?unit=stone", "unit 'stone'"),
    ("serial:///dev/ttyUSB1?poll_ms=10", "poll_ms must be between 50 and 5000"),
    ("serial:///dev/ttyUSB1?poll_ms=often", "poll_ms must be a number"),
    ("serial:///dev/ttyUSB1?terminator=NUL", "terminator 'NUL'"),
    ("serial:///dev/ttyUSB1?partial_ms=5", "partial_ms must be between"),
    ("serial:///dev/ttyUSB1?silent_ms=50", "silent_ms must be 0 (never) or between 100 and 600000"),
    ("serial://?vid=0403", "give both vid and pid"),
    ("serial://?vid=zz&pid=6001", "vid must be 4 hexadecimal digits"),
    ("serial://?vid=0403&pid=10000", "pid must be 4 hexadecimal digits"),
    ("serial://", "name the port"),
    ("serial:///dev/ttyUSB1?serial=A1", "serial= only helps with vid and pid"),
    ("manual://scale", "manual:// takes nothing"),
])
def test_a_bad_url_is_refused_naming_the_part(url: str, names: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_scale_url(url)
    assert isinstance(caught.value, ScaleUrlError)
    assert names in str(caught.value)
    if url:
        assert str(caught.value).startswith(url.strip() + ":")
