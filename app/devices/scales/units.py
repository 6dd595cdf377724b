"""Weights as scales write them ("1.234", "kg") into whole grams (no Qt, no I/O)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# Exact factors: 1 lb is 453.59237 g and 1 oz 28.349523125 g by definition (1959 agreement).
GRAMS_PER_UNIT: dict[str, Decimal] = {
    "kg": Decimal(1000),
    "g": Decimal(1),
    "lb": Decimal("453.59237"),
    "oz": Decimal("28.349523125"),
}
ALIASES = {"lbs": "lb", "gr": "g", "kgs": "kg"}


def unit_name(text: str) -> str | None:
    """The unit ``text`` names (kg, g, lb, oz), any case; None if Quai does not convert it."""
    name = text.strip().lower()
    name = ALIASES.get(name, name)
    return name if name in GRAMS_PER_UNIT else None


def to_grams(value: str, unit: str) -> int:
    """``value`` (a decimal with an optional sign, e.g. "-0001.234") in ``unit``, in whole grams,
    halves rounded away from zero. ValueError if ``value`` is not a decimal number."""
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ValueError(f"not a number: {value!r}") from None
    if not number.is_finite():
        raise ValueError(f"not a number: {value!r}")
    try:
        return int((number * GRAMS_PER_UNIT[unit]).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except InvalidOperation:  # more digits than a Decimal context holds: no scale says that
        raise ValueError(f"not a weight: {value!r}") from None
