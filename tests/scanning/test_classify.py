from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.gtin import make_gtin13
from app.scanning.classify import MISREAD_REASONS, ScanKind, classify
from app.scanning.commands import Command


@settings(max_examples=500)
@given(st.binary(max_size=64))
def test_random_bytes_never_crash_and_rejections_explain(data: bytes) -> None:
    scan = classify(data.decode("latin-1"))
    assert isinstance(scan.kind, ScanKind)
    if scan.kind == ScanKind.MISREAD:
        assert scan.error and "scan" in scan.error or "command sheet" in (scan.error or "")
        assert scan.reason in MISREAD_REASONS  # a screen can say it in the person's language


# Text shaped like what scanners send: AIM prefixes, GS separators, digits and brackets,
# the parenthesised form, command and badge prefixes; every way it can go wrong.
scanner_like = st.lists(
    st.sampled_from(["]C1", "]d2", "]Q3", "]e0", "]E0", "\x1d", "(", ")", "01", "10", "17", "21", "00", "37",
                     "CMD-", "BDG", "#", "0", "9", "5", "A", "-", " ", "\r"]),
    max_size=24,
).map("".join)


@settings(max_examples=800)
@given(scanner_like)
def test_scanner_shaped_text_never_crashes_and_every_rejection_says_what_to_do(text: str) -> None:
    scan = classify(text)
    assert isinstance(scan.kind, ScanKind)
    if scan.kind == ScanKind.MISREAD:
        assert scan.reason in MISREAD_REASONS
        assert scan.error and ("scan" in scan.error or "command sheet" in scan.error)
    else:
        assert scan.reason is None and scan.error is None


@settings(max_examples=300)
@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_a_single_wrong_digit_is_never_a_product(body: str) -> None:
    good = make_gtin13(body)
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    assert classify(good).kind == ScanKind.PRODUCT
    assert classify(bad).kind == ScanKind.MISREAD


def test_gs1_element_string_with_gs_separator_and_aim_prefix() -> None:
    scan = classify("]C10103760000000017" + "10LOT-42\x1d" + "17271231" + "3712")
    assert scan.kind == ScanKind.PRODUCT
    assert (scan.gtin, scan.lot, scan.expiry, scan.count) == ("03760000000017", "LOT-42", date(2027, 12, 31), 12)


def test_parenthesised_form() -> None:
    scan = classify("(01)03760000000017(21)SN123")
    assert scan.kind == ScanKind.PRODUCT and scan.serial == "SN123"


def test_impossible_expiry_is_a_misread() -> None:
    scan = classify("(01)03760000000017(17)271399")
    assert scan.kind == ScanKind.MISREAD and "scan it again" in scan.error


@pytest.mark.parametrize("command", list(Command))
def test_every_command_barcode_classifies(command: Command) -> None:
    scan = classify(command.barcode + "\r\n")
    assert scan.kind == ScanKind.COMMAND and scan.command == command


@pytest.mark.parametrize(
    ("raw", "kind"),
    [("BDG0001", ScanKind.BADGE), ("TOT012", ScanKind.TOTE), ("#1001", ScanKind.ORDER), ("A-01-02-3", ScanKind.CODE),
     ("00376000000000000037", ScanKind.PARCEL), ("00376000000000000038", ScanKind.MISREAD)],
)
def test_prefix_and_key_kinds(raw: str, kind: ScanKind) -> None:
    assert classify(raw).kind == kind
