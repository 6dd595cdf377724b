"""A parcel's expected weight and the tolerance a weighing is judged by. Pure functions.

expected = the sum of the parcel's units' catalogue weights + the box's tare. When one unit's
weight is unknown (``PackLine.weight_g`` None) the expected weight is unknown too (None), and
any stable reading is accepted: a guess would hold up right parcels, which the packer cannot fix.

tolerance = max(``tolerance_g``, ``tolerance_pct`` % of expected), rounded to the gram: the fixed
part covers the scale's and the box's own spread on light parcels, the percentage covers the
catalogue's rounding on heavy ones. A reading is within when |grams - expected| <= tolerance.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.packing.model import PackConfig, PackLine


def units_weight(items: Mapping[int, int], lines: Mapping[int, PackLine]) -> int | None:
    """The weight of ``items`` ({line_id: units}) without the box; None when a unit's is unknown."""
    total = 0
    for line_id, units in items.items():
        if units <= 0:
            continue
        weight = lines[int(line_id)].weight_g
        if weight is None:
            return None
        total += weight * units
    return total


def expected_weight(items: Mapping[int, int], lines: Mapping[int, PackLine], tare_g: int | None) -> int | None:
    """Units + tare; None when a unit's weight or the tare (no box known) is unknown."""
    content = units_weight(items, lines)
    if content is None or tare_g is None:
        return None
    return content + tare_g


def tolerance_g(expected_g: int, config: PackConfig) -> int:
    """How far a reading may be from ``expected_g`` and still be accepted."""
    return max(int(config.tolerance_g), round(expected_g * config.tolerance_pct / 100))


@dataclass(frozen=True)
class WeightCheck:
    grams: int
    expected_g: int | None
    tolerance_g: int | None
    within: bool

    @property
    def difference_g(self) -> int | None:
        """Reading minus expected (positive: heavier than expected)."""
        return None if self.expected_g is None else self.grams - self.expected_g


def check_weight(grams: int, expected_g: int | None, config: PackConfig) -> WeightCheck:
    """Judge one reading: an unknown expected weight accepts any reading."""
    if expected_g is None:
        return WeightCheck(grams, None, None, True)
    tolerance = tolerance_g(expected_g, config)
    return WeightCheck(grams, expected_g, tolerance, abs(grams - expected_g) <= tolerance)
