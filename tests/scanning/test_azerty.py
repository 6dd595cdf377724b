"""Scanner bursts typed through a French AZERTY layout, recognised and mapped back."""

from __future__ import annotations

import pytest

from app.scanning.azerty import from_azerty, looks_azerty, unscramble

# What a US-layout wedge scanner's keys give on AZERTY, worked out key by key.
GARBLED = {
    "BDG0001": "BDGààà&",
    "4006381333931": "'àà-\"_&\"\"\"ç\"&",
    "A-01-02": "Q)à&)àé",
    "TOT0042": "TOTàà'é",
    "CMD-DONE": "C?D)DONE",
    "#1001": "3&àà&",  # '#' is Shift+3: the AZERTY digit 3
}


@pytest.mark.parametrize(("meant", "typed"), GARBLED.items())
def test_bursts_are_mapped_back(meant: str, typed: str) -> None:
    if meant == "#1001":  # the Shift+3 comes out as a digit: not recognisable as AZERTY
        assert unscramble(typed) == (typed, False)
        return
    assert looks_azerty(typed)
    assert unscramble(typed) == (meant, True)


@pytest.mark.parametrize("clean", ["BDG0001", "A-01-02", "4006381333931", "]C10104006381333931\x1d10LOT7", "CMD-DONE"])
def test_clean_scans_are_left_alone(clean: str) -> None:
    assert unscramble(clean) == (clean, False)


def test_every_digit_of_the_row_maps_back() -> None:
    assert from_azerty('&é"\'(-è_çà') == "1234567890"
