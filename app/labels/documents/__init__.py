"""The documents Quai prints, each a pure function from plain data (``app.labels.label_data``)
to ``app.labels.layout.Label`` pages; ZPL, raster and PDF are made from those.

- ``shipping.shipping_label(data)``: the 100x150 mm parcel label;
- ``logistic.logistic_label(data)``: the GS1 logistic label of a B2B carton or pallet;
- ``packing_slip.packing_slip_pages(data, paper)`` (A5/A4) and ``packing_slip_thermal(data)``;
- ``small.location_label``, ``small.tote_label``, ``small.badge_card``.

This module holds the geometry they share: how wide a Code 128 symbol is at the printer's
resolution (so it is placed with its quiet zones inside the label), how big a QR code is,
how tall a wrapped text block is, and each element's extent (used by the tests too).
Sizes are computed at every resolution in ``DPIS`` and the largest is kept: a barcode's
module is a whole number of dots, so 0.5 mm is 4 dots (0.500 mm) at 203 dpi but 6 dots
(0.508 mm) at 300 dpi, and the label must fit both.

No Qt, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from app.labels import symbols, zpl
from app.labels.layout import DPIS, MM_PER_INCH, Box, Code128, DataMatrix, Element, QrCode, Text, gs1_elements, module_dots
from app.labels.wrap import wrap

CODE128_QUIET = 10  # modules each side (ISO/IEC 15417)
QR_QUIET = 4  # modules each side (ISO/IEC 18004)
DM_QUIET = 1  # modules each side (ISO/IEC 16022)
ECI_BYTES = 2


def module_mm(module: float, dpi: int) -> float:
    """A module of ``module`` mm as actually printed at ``dpi`` (whole dots)."""
    return module_dots(module, dpi) * MM_PER_INCH / dpi


def widest_module_mm(module: float) -> float:
    return max(module_mm(module, dpi) for dpi in DPIS)


def code128_modules(data: str, gs1: bool = False) -> int:
    """Modules in the symbol (quiet zones excluded) as the widest of the outputs encodes it:
    the raster encoder (``app.labels.symbols``, minimal) and the ZPL one (``app.labels.zpl``,
    which may take a character or two more to stay clear of a renderer's quirks). Placing
    with the widest keeps every output's quiet zones inside the label."""
    return max(len(symbols.code128_modules(data, gs1)), zpl.code128_field(data, gs1)[2])


def code128_width_mm(code: Code128, dpi: int | None = None) -> float:
    """The symbol's width without its quiet zones, at ``dpi`` or the widest over ``DPIS``."""
    modules = code128_modules(code.data, code.gs1)
    if dpi is not None:
        return modules * module_mm(code.module_mm, dpi)
    return modules * widest_module_mm(code.module_mm)


# Byte-mode capacity of QR versions 1-10 per error-correction level (ISO/IEC 18004, table 7).
# Byte mode is the least dense: any encoder's symbol for the same data is this size or smaller.
_QR_BYTES = {
    "L": (17, 32, 53, 78, 106, 134, 154, 192, 230, 271),
    "M": (14, 26, 42, 62, 84, 106, 122, 152, 180, 213),
    "Q": (11, 20, 32, 46, 60, 74, 86, 108, 130, 151),
    "H": (7, 14, 24, 34, 44, 58, 64, 84, 98, 119),
}


@lru_cache(maxsize=256)
def qr_modules(data: str, error_level: str = "M") -> int:
    """Modules on a side of the largest QR symbol an encoder makes for ``data``: the
    version byte mode (UTF-8) needs. From the capacity table, not by encoding (a label is
    laid out in well under a millisecond); past version 10, by the ``qrcode`` package."""
    # Two bytes more than the data: room for an ECI header (12 bits) that a printer may add
    # to say "UTF-8", so the symbol it prints is never larger than the one laid out.
    size = len(data.encode("utf-8")) + ECI_BYTES
    for version, capacity in enumerate(_QR_BYTES[error_level], start=1):
        if size <= capacity:
            return 17 + 4 * version
    import qrcode  # noqa: PLC0415 - only data too long for version 10 gets here
    from qrcode import constants  # noqa: PLC0415

    levels = {"L": constants.ERROR_CORRECT_L, "M": constants.ERROR_CORRECT_M,
              "Q": constants.ERROR_CORRECT_Q, "H": constants.ERROR_CORRECT_H}
    qr = qrcode.QRCode(error_correction=levels[error_level], border=0)
    qr.add_data(qrcode.util.QRData(data.encode("utf-8") + b"  ", mode=qrcode.util.MODE_8BIT_BYTE))
    qr.make(fit=True)
    return 17 + 4 * int(qr.version)


def text_height_mm(text: Text) -> float:
    """Height of the block ``text`` takes once wrapped: line pitch times lines (the last
    line's extra spacing counted too, erring tall)."""
    lines = len(wrap(text.text, text.width_mm, text.size_mm, text.max_lines)) or 1
    return lines * text.size_mm * text.line_spacing


@dataclass(frozen=True)
class Extent:
    """Where an element may put ink or needs white, in mm: its quiet zones included for
    barcodes."""

    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Extent) -> bool:
        eps = 1e-6
        return (self.left < other.right - eps and other.left < self.right - eps
                and self.top < other.bottom - eps and other.top < self.bottom - eps)


def extent(element: Element) -> Extent:
    if isinstance(element, Text):
        return Extent(element.x_mm, element.y_mm, element.x_mm + element.width_mm,
                      element.y_mm + text_height_mm(element))
    if isinstance(element, Box):
        return Extent(element.x_mm, element.y_mm, element.x_mm + element.width_mm, element.y_mm + element.height_mm)
    if isinstance(element, Code128):
        quiet = CODE128_QUIET * widest_module_mm(element.module_mm)
        return Extent(element.x_mm - quiet, element.y_mm, element.x_mm + code128_width_mm(element) + quiet,
                      element.y_mm + element.height_mm)
    if isinstance(element, QrCode):
        module = widest_module_mm(element.module_mm)
        size = qr_modules(element.data, element.error_level) * module
        quiet = QR_QUIET * module
        return Extent(element.x_mm - quiet, element.y_mm - quiet, element.x_mm + size + quiet, element.y_mm + size + quiet)
    if isinstance(element, DataMatrix):
        module = widest_module_mm(element.module_mm)
        size = len(symbols.datamatrix_matrix(element.data, element.gs1)) * module
        quiet = DM_QUIET * module
        return Extent(element.x_mm - quiet, element.y_mm - quiet, element.x_mm + size + quiet, element.y_mm + size + quiet)
    raise TypeError(f"unknown element {element!r}")


def centred_code128(data: str, *, left: float, right: float, y: float, height: float, gs1: bool = False,
                    modules: tuple[float, ...] = (0.5, 0.45, 0.42, 0.375, 0.33)) -> Code128:
    """A Code 128 centred between ``left`` and ``right`` with its quiet zones inside them,
    at the widest module of ``modules`` that fits at every resolution. Refuses (ValueError)
    when even the narrowest does not fit: an unscannable label must not be printed."""
    for module in modules:
        code = Code128(x_mm=0.0, y_mm=y, height_mm=height, data=data, gs1=gs1, module_mm=module, human_readable=False)
        width = code128_width_mm(code)
        quiet = CODE128_QUIET * widest_module_mm(module)
        if width + 2 * quiet <= right - left:
            return replace(code, x_mm=round(left + (right - left - width) / 2, 2))
    raise ValueError(f"the barcode {data!r} does not fit in {right - left:.1f} mm with its quiet zones: "
                     "shorten the data or use a wider label")


def human_readable_gs1(bracketed: str) -> str:
    """The line printed under a GS1-128 symbol: "(00) 376543210000000018 (10) LOT"."""
    return " ".join(f"({ai}) {value}" for ai, value in gs1_elements(bracketed))


class Column:
    """Places wrapped text blocks one under the other in a column, never past ``bottom``:
    a block that does not fit whole is cut to the lines that do (the last ending in "…"),
    so nothing ever overprints what is below the column."""

    def __init__(self, x: float, y: float, width: float, bottom: float) -> None:
        self.x, self.y, self.width, self.bottom = x, y, width, bottom
        self.elements: list[Element] = []

    def room_lines(self, size: float, spacing: float = 1.15) -> int:
        return max(0, int((self.bottom - self.y + 1e-6) // (size * spacing)))

    def text(self, text: str, size: float, *, bold: bool = False, max_lines: int = 1, gap: float = 0.0,
             align: str = "left", inverse: bool = False) -> Text | None:
        """Adds ``text`` (nothing when empty or no line fits); returns the element."""
        if not text.strip():
            return None
        lines = min(max_lines, self.room_lines(size))
        if lines < 1:
            return None
        element = Text(self.x, self.y, self.width, size, text, bold=bold, max_lines=lines, align=align,  # type: ignore[arg-type]
                       inverse=inverse)
        self.elements.append(element)
        self.y += text_height_mm(element) + gap
        return element

    def skip(self, mm: float) -> None:
        self.y = min(self.bottom, self.y + mm)
