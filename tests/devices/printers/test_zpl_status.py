"""~HS and ~HQES answers, written by hand from the ZPL II guide's layout, read into PrinterStatus."""

from __future__ import annotations

import pytest

from app.devices.printers.zpl_status import (
    PrinterStatus, StatusAnswerError, hs_complete, merge, parse_hqes, parse_hs,
)
from tests.support.fake_printer import hs_answer

OK = (b"\x02030,0,0,1218,000,0,0,0,000,0,0,0\x03\r\n"
      b"\x02001,0,0,0,1,2,6,0,00000000,1,000\x03\r\n"
      b"\x021234,0\x03\r\n")


def _hs(first: str, second: str) -> bytes:
    return f"\x02{first}\x03\r\n\x02{second}\x03\r\n\x021234,0\x03\r\n".encode()


def test_a_healthy_printer() -> None:
    status = parse_hs(OK)
    assert status == PrinterStatus(online=True)
    assert status.ready and status.reason() is None
    assert status.to_json() == {"online": True, "paper_out": False, "paused": False, "head_open": False,
                                "ribbon_out": False, "buffer_full": False, "error": None}


@pytest.mark.parametrize(
    ("first", "second", "flag"),
    [
        ("030,1,0,1218,000,0,0,0,000,0,0,0", "001,0,0,0,1,2,6,0,00000000,1,000", "paper_out"),
        ("030,0,1,1218,000,0,0,0,000,0,0,0", "001,0,0,0,1,2,6,0,00000000,1,000", "paused"),
        ("030,0,0,1218,000,1,0,0,000,0,0,0", "001,0,0,0,1,2,6,0,00000000,1,000", "buffer_full"),
        ("030,0,0,1218,000,0,0,0,000,0,0,0", "001,0,1,0,1,2,6,0,00000000,1,000", "head_open"),
        ("030,0,0,1218,000,0,0,0,000,0,0,0", "001,0,0,1,1,2,6,0,00000000,1,000", "ribbon_out"),
    ],
)
def test_each_flag_in_its_field(first: str, second: str, flag: str) -> None:
    status = parse_hs(_hs(first, second))
    flags = {k: v for k, v in status.to_json().items() if k not in ("online", "error")}
    assert flags == {k: k == flag for k in flags}
    assert status.online and status.reason() == (flag, {})


def test_over_temperature_is_an_error_in_words() -> None:
    status = parse_hs(_hs("030,0,0,1218,000,0,0,0,000,0,0,1", "001,0,0,0,1,2,6,0,00000000,1,000"))
    assert status.error == "printhead over temperature" and status.reason() == ("printer_error", {"error": status.error})


def test_the_fake_printers_answers_are_read_as_meant() -> None:
    for flag in ("paper_out", "paused", "buffer_full", "head_open", "ribbon_out"):
        assert getattr(parse_hs(hs_answer(flag)), flag)
    assert parse_hs(hs_answer("ok")).ready


@pytest.mark.parametrize(
    "answer",
    [
        b"",
        b"\x02030,0,0,1218,000,0,0,0,000,0,0,0\x03\r\n",  # one string of three: cut short
        OK.replace(b"030,0,0,1218", b"030,0,0"),  # fields missing
        OK.replace(b"030,0,0,", b"030,0,X,"),  # a flag not 0 or 1
        OK.replace(b"030,", b"ABC,"),  # not a number where one is
        b"HTTP/1.1 400 Bad Request\r\n\r\n",  # another device on the port
        b"\x02\x02\x02\x03\x03\x03",
    ],
)
def test_garbled_answers_are_errors_never_online(answer: bytes) -> None:
    with pytest.raises(StatusAnswerError):
        parse_hs(answer)


def test_completeness_counts_the_three_strings() -> None:
    assert not hs_complete(OK[:-10]) and hs_complete(OK)


HQES = ("\x02\r\nPRINTER STATUS\r\n   ERRORS:         {any} 00000000 {errors}\r\n"
        "   WARNINGS:       0 00000000 00000000\r\n\x03\r\n")


def test_hqes_no_error() -> None:
    assert parse_hqes(HQES.format(any=0, errors="00000000").encode()) == PrinterStatus(online=True)


def test_hqes_media_out_and_head_open() -> None:
    status = parse_hqes(HQES.format(any=1, errors="00000005").encode())
    assert status.paper_out and status.head_open and not status.ribbon_out and status.error is None


def test_hqes_ribbon_out_and_cutter_fault_in_words() -> None:
    status = parse_hqes(HQES.format(any=1, errors="0000000A").encode())
    assert status.ribbon_out and status.error == "cutter fault"


@pytest.mark.parametrize(
    "answer",
    [
        b"\x02\r\nPRINTER STATUS\r\n   ERRORS:  1 0000\r\n",
        HQES.format(any=0, errors="00000001").encode(),  # "no error" with an error bit: contradicts itself
        b"nonsense",
    ],
)
def test_hqes_garbled(answer: bytes) -> None:
    with pytest.raises(StatusAnswerError):
        parse_hqes(answer)


def test_merge_keeps_every_fault() -> None:
    hs = parse_hs(_hs("030,0,1,1218,000,0,0,0,000,0,0,0", "001,0,0,0,1,2,6,0,00000000,1,000"))
    hqes = parse_hqes(HQES.format(any=1, errors="00000009").encode())
    both = merge(hs, hqes)
    assert both.paused and both.paper_out and both.error == "cutter fault"
