"""The status bar's summary of a station's scanners, and the scanner URL dispatch."""

from __future__ import annotations

import pytest

from app.devices.scanner_spec import parse_scanner_url
from app.devices.scanner_states import ScannerSummary, SourceState, summarise
from app.devices.scanner_url import ScannerUrlError, SerialSpec


def test_no_scanner_means_on_screen_entry() -> None:
    assert summarise([]) == ScannerSummary("on_screen")


def test_all_working_counts_them() -> None:
    summary = summarise([SourceState("HID", "ready"), SourceState("ttyACM0", "connected")])
    assert summary == ScannerSummary("ready", "", 2, 2) and not summary.bad


def test_the_worst_source_is_named_unplugged_before_missing() -> None:
    summary = summarise([
        SourceState("ttyACM1", "missing", "not plugged in"),
        SourceState("HID", "ready"),
        SourceState("ttyACM0", "unplugged", "device reports readiness to read but returned no data"),
    ])
    assert (summary.state, summary.label, summary.working, summary.total) == ("unplugged", "ttyACM0", 1, 3)
    assert summary.bad


def test_a_reader_not_reported_yet_is_starting() -> None:
    assert summarise([SourceState("HID", "ready"), SourceState("ttyACM0")]).state == "starting"


def test_serial_urls_go_to_the_serial_parser() -> None:
    spec = parse_scanner_url(" serial:///dev/ttyACM0?terminator=LF ")
    assert isinstance(spec, SerialSpec) and spec.terminator == b"\n"


@pytest.mark.parametrize(("url", "fragment"), [("", "empty"), ("usb://x", "unknown kind of scanner 'usb'"),
                                                ("/dev/ttyACM0", "unknown kind of scanner ''")])
def test_an_unknown_kind_of_scanner_is_named(url: str, fragment: str) -> None:
    with pytest.raises(ScannerUrlError, match=fragment):
        parse_scanner_url(url)


def test_a_refused_scanner_comes_before_a_missing_one() -> None:
    summary = summarise([SourceState("ttyACM1", "missing"), SourceState("event-kbd", "refused", "permission denied")])
    assert (summary.state, summary.label, summary.bad) == ("refused", "event-kbd", True)


def test_evdev_urls_go_to_the_evdev_parser() -> None:
    spec = parse_scanner_url("evdev:///dev/input/by-id/usb-Zebra-event-kbd?partial_ms=300")
    assert (spec.path, spec.partial_ms) == ("/dev/input/by-id/usb-Zebra-event-kbd", 300)
