"""Barcode symbols as module patterns: data in, bars out, no Qt.

python-barcode computes the patterns ('1' = dark module); this module picks
the symbology for what is printed, adds the quiet zones the standards ask for
and turns the pattern into bars (start, width) in modules. Painting them is
the raster/PDF side's job (``app.labels.sheets``), which scales a module to a
whole number of device dots so every bar has the same width on paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import barcode

from app.domain.gtin import has_valid_check_digit


class Symbology(StrEnum):
    CODE128 = "code128"
    EAN13 = "ean13"
    ITF14 = "itf"


# Quiet zones in modules, from the symbology standards: Code 128 needs 10X on
# each side, EAN-13 11X left / 7X right, ITF-14 10X (without bearer bars).
QUIET_ZONES: dict[Symbology, tuple[int, int]] = {
    Symbology.CODE128: (10, 10),
    Symbology.EAN13: (11, 7),
    Symbology.ITF14: (10, 10),
}


@dataclass(frozen=True)
class BarcodePattern:
    symbology: Symbology
    data: str  # what a scanner reads back
    modules: str  # '1' dark, '0' light, quiet zones excluded
    quiet_left: int
    quiet_right: int

    @property
    def total_modules(self) -> int:
        return self.quiet_left + len(self.modules) + self.quiet_right

    def bars(self) -> list[tuple[int, int]]:
        """Dark bars as (first module, width in modules), counted from the left edge of the quiet zone."""
        bars: list[tuple[int, int]] = []
        start = None
        for index, module in enumerate(self.modules + "0"):
            if module == "1" and start is None:
                start = index
            elif module != "1" and start is not None:
                bars.append((self.quiet_left + start, index - start))
                start = None
        return bars


def code128(data: str) -> BarcodePattern:
    """Code 128 for badges, locations, totes and commands (python-barcode picks code sets A/B/C)."""
    if not data or not data.isascii() or not data.isprintable():
        raise ValueError(f"cannot encode {data!r} in Code 128: printable ASCII only")
    modules = "".join(barcode.get_barcode_class("code128")(data).build())
    left, right = QUIET_ZONES[Symbology.CODE128]
    return BarcodePattern(Symbology.CODE128, data, modules, left, right)


def ean13(code: str) -> BarcodePattern:
    if len(code) != 13 or not has_valid_check_digit(code):
        raise ValueError(f"{code!r} is not a valid EAN-13")
    symbol = barcode.get_barcode_class("ean13")(code[:12])
    modules = "".join(symbol.build())
    if symbol.get_fullcode() != code:  # python-barcode recomputes the check digit; they must agree
        raise ValueError(f"EAN-13 {code}: encoder produced {symbol.get_fullcode()}")
    left, right = QUIET_ZONES[Symbology.EAN13]
    return BarcodePattern(Symbology.EAN13, code, modules, left, right)


def itf14(code: str) -> BarcodePattern:
    if len(code) != 14 or not has_valid_check_digit(code):
        raise ValueError(f"{code!r} is not a valid GTIN-14")
    modules = "".join(barcode.get_barcode_class("itf")(code).build())
    left, right = QUIET_ZONES[Symbology.ITF14]
    return BarcodePattern(Symbology.ITF14, code, modules, left, right)


def for_gtin(gtin14: str) -> BarcodePattern:
    """The symbol a product's GTIN is printed as: the one on the product itself.

    A GTIN-14 with a leading zero is an EAN-13 (and with two, a UPC-A, which is
    an EAN-13 starting with 0), so it prints as EAN-13; a real GTIN-14 (a trade
    case, indicator 1-8) prints as ITF-14, as on the side of a carton.
    """
    if len(gtin14) != 14 or not gtin14.isdigit():
        raise ValueError(f"{gtin14!r} is not a GTIN-14")
    if gtin14.startswith("0"):
        return ean13(gtin14[1:])
    return itf14(gtin14)


def human_readable(pattern: BarcodePattern) -> str:
    """The text printed under the bars; EAN-13 groups its digits as on a retail pack."""
    if pattern.symbology is Symbology.EAN13:
        d = pattern.data
        return f"{d[0]} {d[1:7]} {d[7:]}"
    return pattern.data
