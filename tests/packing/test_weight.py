"""The expected weight and the tolerance (app.packing.weight)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.packing.model import PackConfig, PackLine
from app.packing.weight import check_weight, expected_weight, tolerance_g, units_weight

LINES = {
    1: PackLine(1, 1, "MUG", "Mug", 2, weight_g=350),
    2: PackLine(2, 2, "TEA", "Thé", 3, weight_g=100),
    3: PackLine(3, 3, "GIZMO", "Gadget", 1),  # weight unknown
}


def test_expected_weight_is_units_plus_tare() -> None:
    assert units_weight({1: 2, 2: 3}, LINES) == 1000
    assert expected_weight({1: 2, 2: 3}, LINES, 250) == 1250
    assert expected_weight({"1": 1}, LINES, 0) == 350  # keys as a payload carries them


def test_an_unknown_unit_weight_or_tare_makes_it_unknown() -> None:
    assert expected_weight({1: 1, 3: 1}, LINES, 250) is None
    assert expected_weight({1: 1}, LINES, None) is None
    assert expected_weight({1: 1, 3: 0}, LINES, 250) == 600  # no unit of it: it does not matter


def test_tolerance_is_the_larger_of_grams_and_percent() -> None:
    config = PackConfig(tolerance_g=30, tolerance_pct=5.0)
    assert tolerance_g(200, config) == 30
    assert tolerance_g(2000, config) == 100
    assert tolerance_g(600, config) == 30


def test_check_weight_bounds() -> None:
    config = PackConfig(tolerance_g=30, tolerance_pct=5.0)
    assert check_weight(2100, 2000, config).within
    assert check_weight(1900, 2000, config).within
    out = check_weight(2101, 2000, config)
    assert (out.within, out.difference_g, out.tolerance_g) == (False, 101, 100)
    assert not check_weight(1899, 2000, config).within
    unknown = check_weight(5, None, config)
    assert (unknown.within, unknown.expected_g, unknown.difference_g) == (True, None, None)


@given(st.integers(1, 100_000), st.integers(0, 200), st.floats(0, 20), st.integers(-5000, 5000))
def test_within_means_the_difference_is_at_most_the_tolerance(expected, grams_tol, pct, delta) -> None:
    config = PackConfig(tolerance_g=grams_tol, tolerance_pct=pct)
    out = check_weight(expected + delta, expected, config)
    assert out.tolerance_g >= grams_tol and out.tolerance_g >= round(expected * pct / 100)
    assert out.within == (abs(delta) <= out.tolerance_g)
