from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.gtin import InvalidGtin, gs1_check_digit, has_valid_check_digit, make_gtin13, normalise_gtin
from app.domain.pin import InvalidPin, hash_pin, verify_pin
from app.domain.roles import InvalidRoles, Role, format_roles, parse_roles


def test_known_check_digits() -> None:
    assert make_gtin13("376000000001") == "3760000000017"
    assert has_valid_check_digit("4006381333931")  # a published EAN-13 example
    assert gs1_check_digit("03600029145") == 2  # UPC-A 036000291452


def test_upc_ean_and_gtin14_normalise_to_the_same_key() -> None:
    assert normalise_gtin("036000291452") == normalise_gtin("0036000291452") == normalise_gtin("00036000291452")
    assert normalise_gtin("036000291452") == "00036000291452"


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [("4006381333932", "check digit"), ("40063813339", "11 digits"), ("40063A1333931", "not digits")],
)
def test_bad_barcodes_are_refused_with_a_reason(raw: str, fragment: str) -> None:
    with pytest.raises(InvalidGtin, match=fragment):
        normalise_gtin(raw)


@given(st.text(alphabet="0123456789", min_size=12, max_size=12), st.integers(0, 9))
def test_exactly_one_check_digit_is_valid(body: str, digit: int) -> None:
    code = body + str(digit)
    assert has_valid_check_digit(code) == (digit == gs1_check_digit(body))


def test_pin_is_hashed_and_verified() -> None:
    stored = hash_pin("1234")
    assert "1234" not in stored and stored.startswith("scrypt$")
    assert verify_pin("1234", stored)
    assert not verify_pin("1235", stored)
    assert hash_pin("1234") != stored  # salted
    with pytest.raises(InvalidPin):
        hash_pin("12")


def test_roles_parse_and_refuse_unknown() -> None:
    assert parse_roles("packer, picker") == {Role.PICKER, Role.PACKER}
    assert format_roles(parse_roles("supervisor,picker")) == "picker,supervisor"
    with pytest.raises(InvalidRoles, match="cook"):
        parse_roles("picker,cook")
