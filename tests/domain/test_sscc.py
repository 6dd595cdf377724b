"""SSCCs built, checked and read back (pure: app.domain.sscc)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.sscc import (
    Block,
    InvalidSscc,
    SsccSettings,
    build_sscc,
    check_digit,
    is_valid_sscc,
    normalise_sscc,
    parse_sscc,
)

# Published examples: GS1 General Specifications ((00) 1 0614141 192837465 7 and
# (00) 0 0614141 123456789 0) and GS1 France's logistic label guide.
KNOWN = ("376104250021234569", "106141411928374657", "006141411234567890")


@pytest.mark.parametrize("sscc", KNOWN)
def test_published_ssccs_are_valid(sscc: str) -> None:
    assert is_valid_sscc(sscc)
    assert check_digit(sscc[:17]) == sscc[17]


def test_build_gives_the_published_sscc() -> None:
    assert build_sscc(SsccSettings(3, "7610425"), 2_123_456) == "376104250021234569"
    assert build_sscc(SsccSettings(1, "0614141"), 192_837_465) == "106141411928374657"


@pytest.mark.parametrize("sscc", KNOWN)
def test_any_single_digit_changed_is_caught(sscc: str) -> None:
    """Mod 10 with weights 3 and 1 catches every single wrong digit."""
    for i in range(18):
        for d in "0123456789":
            if d != sscc[i]:
                assert not is_valid_sscc(sscc[:i] + d + sscc[i + 1 :]), (i, d)


def test_scanned_forms_are_read() -> None:
    assert normalise_sscc("(00)376104250021234569") == "376104250021234569"
    assert normalise_sscc("00376104250021234569") == "376104250021234569"  # GS1-128 element string
    assert normalise_sscc(" 3 7610425 002123456 9 ") == "376104250021234569"
    assert parse_sscc("(00)376104250021234569", "7610425") == (3, 2_123_456)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("376104250021234568", "expected 9, found 8"),
        ("37610425002123456", "17 digits"),
        ("3761042500212345X9", "not digits"),
        ("", "empty"), ("(00)", "empty"),
    ],
)
def test_bad_ssccs_are_refused_with_a_reason(text: str, fragment: str) -> None:
    assert not is_valid_sscc(text)
    with pytest.raises(InvalidSscc, match=fragment):
        normalise_sscc(text)


def test_parse_refuses_another_prefix() -> None:
    with pytest.raises(InvalidSscc, match="not numbered under company prefix 3760123"):
        parse_sscc("376104250021234569", "3760123")


@pytest.mark.parametrize(
    ("prefix", "serial_digits", "max_serial"),
    [("3760123", 9, 999_999_999), ("37601234", 8, 99_999_999), ("3760123456", 6, 999_999)],
)
def test_serial_length_follows_the_prefix(prefix: str, serial_digits: int, max_serial: int) -> None:
    settings = SsccSettings(0, prefix)
    assert (settings.serial_length, settings.max_serial) == (serial_digits, max_serial)
    assert build_sscc(settings, max_serial)[1 + len(prefix) : -1] == "9" * serial_digits
    with pytest.raises(InvalidSscc, match=f"does not fit the {serial_digits} digits"):
        build_sscc(settings, max_serial + 1)
    with pytest.raises(InvalidSscc, match="does not fit"):
        build_sscc(settings, -1)


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"extension_digit": 10, "company_prefix": "3760123"}, "extension digit 10"),
        ({"extension_digit": -1, "company_prefix": "3760123"}, "extension digit -1"),
        ({"extension_digit": True, "company_prefix": "3760123"}, "extension digit True"),
        ({"extension_digit": 3, "company_prefix": "376012"}, "7 to 10 digits"),
        ({"extension_digit": 3, "company_prefix": "37601234567"}, "7 to 10 digits"),
        ({"extension_digit": 3, "company_prefix": "376012A"}, "7 to 10 digits"),
        ({"extension_digit": 3, "company_prefix": 3760123}, "7 to 10 digits"),
        ({"extension_digit": 3, "company_prefix": "3760123", "block_size": 0}, "block size 0"),
        ({"extension_digit": 3, "company_prefix": "3760123", "low_water": -1}, "low water mark -1"),
        ({"extension_digit": 3, "company_prefix": "3760123", "block_size": 10, "low_water": 11}, "block size \\(10\\)"),
    ],
)
def test_settings_are_checked(kwargs: dict, fragment: str) -> None:
    with pytest.raises(InvalidSscc, match=fragment):
        SsccSettings(**kwargs)


def test_settings_from_a_block_size_alone() -> None:
    """[labels] sets only the block size (10 to 100 000): the low water mark follows it."""
    assert SsccSettings.for_block_size(3, "3760123", 200) == SsccSettings(3, "3760123", 200, 50)
    assert SsccSettings.for_block_size(3, "3760123", 10).low_water == 2
    with pytest.raises(InvalidSscc, match="block size 0"):
        SsccSettings.for_block_size(3, "3760123", 0)


def test_block_bounds() -> None:
    block = Block(1, 200, 3, "3760123")
    assert block.size == 200
    assert block.matches(SsccSettings(3, "3760123")) and not block.matches(SsccSettings(4, "3760123"))
    with pytest.raises(InvalidSscc, match="empty"):
        Block(5, 4, 3, "3760123")
    with pytest.raises(InvalidSscc, match="starts below 1"):
        Block(0, 4, 3, "3760123")


@st.composite
def settings_and_serial(draw) -> tuple[SsccSettings, int]:
    prefix = draw(st.text("0123456789", min_size=7, max_size=10))
    settings = SsccSettings(draw(st.integers(0, 9)), prefix)
    return settings, draw(st.integers(0, settings.max_serial))


@given(settings_and_serial())
def test_build_then_parse_round_trips(case: tuple[SsccSettings, int]) -> None:
    settings, serial = case
    sscc = build_sscc(settings, serial)
    assert len(sscc) == 18 and sscc.isdigit()
    assert is_valid_sscc(sscc)
    assert sscc.startswith(f"{settings.extension_digit}{settings.company_prefix}")
    assert parse_sscc(sscc, settings.company_prefix) == (settings.extension_digit, serial)
    assert normalise_sscc(f"(00){sscc}") == sscc


@given(settings_and_serial(), st.integers(1, 10**6))
def test_different_serials_give_different_ssccs(case: tuple[SsccSettings, int], step: int) -> None:
    settings, serial = case
    other = (serial + step) % (settings.max_serial + 1)
    if other != serial:
        assert build_sscc(settings, serial) != build_sscc(settings, other)


@given(st.text("0123456789", min_size=17, max_size=17))
def test_exactly_one_check_digit_completes_any_body(body: str) -> None:
    assert [d for d in "0123456789" if is_valid_sscc(body + d)] == [check_digit(body)]
