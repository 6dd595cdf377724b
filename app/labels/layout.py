"""One description of a label (or a document page), from which every output is made.

A ``Label`` is a page of fixed size in millimetres holding elements placed in millimetres
from its top-left corner. Nothing here knows how it is printed: ``app.labels.zpl`` writes
ZPL II for Zebra-language printers at 203 or 300 dpi, ``app.labels.raster`` paints it with
QPainter (on-screen preview, ESC/POS and TSPL raster printers, PDF for office printers).

Two rules every output keeps, so the same label reads the same everywhere:
- a barcode's module (narrowest bar, QR or DataMatrix cell) is a whole number of printer
  dots (``module_dots``): a bar of 1.5 dots would print as 1 or 2 at random and the symbol
  would not decode;
- text is wrapped once, here (``app.labels.wrap``), not by each printer: a long address takes
  the same lines in ZPL, on screen and on paper, and never runs off the label.

No Qt, no I/O: pure data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

MM_PER_INCH = 25.4
DPIS = (203, 300)  # the thermal printers' resolutions: 8 and 12 dots per millimetre

Align = Literal["left", "center", "right"]


def dots(mm: float, dpi: int) -> int:
    """Millimetres to printer dots, rounded to the nearest dot."""
    return round(mm * dpi / MM_PER_INCH)


def module_dots(module_mm: float, dpi: int) -> int:
    """A barcode module of about ``module_mm``, as a whole number of dots (at least 1)."""
    return max(1, round(module_mm * dpi / MM_PER_INCH))


@dataclass(frozen=True)
class Text:
    """Text in a box ``width_mm`` wide; ``size_mm`` is the height of a line (cap height plus
    descent, as ZPL's font height). Wrapped on words into at most ``max_lines`` lines, the
    last one shortened with "…" when the text does not fit."""

    x_mm: float
    y_mm: float
    width_mm: float
    size_mm: float
    text: str
    bold: bool = False
    max_lines: int = 1
    align: Align = "left"
    inverse: bool = False  # white on a black band (the carrier's name, the "RELAIS" mark)
    line_spacing: float = 1.15  # line pitch as a multiple of size_mm


@dataclass(frozen=True)
class Box:
    """A rectangle outline ``thickness_mm`` thick, or filled when ``filled``; a line is a
    thin box."""

    x_mm: float
    y_mm: float
    width_mm: float
    height_mm: float
    thickness_mm: float = 0.4
    filled: bool = False


@dataclass(frozen=True)
class Code128:
    """A Code 128 symbol; ``gs1=True`` makes it GS1-128, ``data`` then being the element
    string in its bracketed form, ``(00)376543210000000018`` or ``(01)…(10)LOT(17)261231``:
    FNC1 starts it and separates a variable-length AI from the next.

    ``height_mm`` is the bars' height; the human-readable line, when ``human_readable``, is
    printed under the bars (the bracketed form for GS1). ``module_mm`` is the wanted
    narrow-bar width, rounded to whole dots by each output."""

    x_mm: float
    y_mm: float
    height_mm: float
    data: str
    gs1: bool = False
    module_mm: float = 0.375  # 3 dots at 203 dpi, 4 at 300 dpi (0.34 mm)
    human_readable: bool = True


@dataclass(frozen=True)
class QrCode:
    x_mm: float
    y_mm: float
    data: str
    module_mm: float = 0.5
    error_level: Literal["L", "M", "Q", "H"] = "M"


@dataclass(frozen=True)
class DataMatrix:
    """ECC 200 DataMatrix; ``gs1=True`` starts it with FNC1 and ``data`` is then a bracketed
    element string, as for ``Code128``."""

    x_mm: float
    y_mm: float
    data: str
    module_mm: float = 0.5
    gs1: bool = False


Element = Text | Box | Code128 | QrCode | DataMatrix


@dataclass(frozen=True)
class Label:
    """A label or one page of a document. ``name`` says what it is (``shipping``,
    ``logistic``, ``slip-a5``…), for file names and the print queue's messages."""

    name: str
    width_mm: float
    height_mm: float
    elements: tuple[Element, ...] = field(default_factory=tuple)

    def width_dots(self, dpi: int) -> int:
        return dots(self.width_mm, dpi)

    def height_dots(self, dpi: int) -> int:
        return dots(self.height_mm, dpi)


def gs1_elements(bracketed: str) -> list[tuple[str, str]]:
    """``(00)123(10)AB`` -> ``[("00", "123"), ("10", "AB")]``; a string not in that form
    is a ValueError (a label is never printed with a barcode it cannot mean)."""
    if not bracketed.startswith("("):
        raise ValueError(f"not a bracketed GS1 element string: {bracketed!r}")
    pairs: list[tuple[str, str]] = []
    rest = bracketed
    while rest:
        if not rest.startswith("("):
            raise ValueError(f"not a bracketed GS1 element string: {bracketed!r}")
        close = rest.find(")")
        if close < 3:
            raise ValueError(f"not a bracketed GS1 element string: {bracketed!r}")
        ai = rest[1:close]
        if not ai.isdigit() or not 2 <= len(ai) <= 4:
            raise ValueError(f"{ai!r} is not a GS1 application identifier in {bracketed!r}")
        following = rest.find("(", close)
        value = rest[close + 1:] if following < 0 else rest[close + 1:following]
        if not value:
            raise ValueError(f"AI ({ai}) has no value in {bracketed!r}")
        pairs.append((ai, value))
        rest = "" if following < 0 else rest[following:]
    return pairs


# AIs whose value has a fixed length (GS1 General Specifications, figure 7.8.5-2): after
# them no FNC1 separator is needed. Every other AI is variable-length here.
# Keyed by the AI's first two digits (31xx-36xx measures and 41x locations included).
FIXED_LENGTH_AIS: dict[str, int] = {
    "00": 18, "01": 14, "02": 14, "03": 14, "04": 16, "11": 6, "12": 6, "13": 6, "14": 6, "15": 6,
    "16": 6, "17": 6, "18": 6, "19": 6, "20": 2, "31": 6, "32": 6, "33": 6, "34": 6, "35": 6,
    "36": 6, "41": 13,
}


def needs_separator(ai: str) -> bool:
    """True when the element after ``ai`` must be preceded by FNC1 (a variable-length AI)."""
    return ai[:2] not in FIXED_LENGTH_AIS
