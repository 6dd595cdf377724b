"""Raster thermal printers' byte streams: ESC/POS (receipt printers) and TSPL (TSC labels).

The input is a packed 1-bit image: ``height`` rows of ``width_bytes`` bytes, most
significant bit the leftmost dot, 1 = black (``app.labels.raster.packed_rows`` makes it
from a rendered label). No Qt, no I/O: the transports (``app.devices``) send the bytes.

ESC/POS, ``GS v 0`` (print raster bit image, Epson TM series and their clones):
``1D 76 30 m xL xH yL yH d1…dk``, x = bytes per row, y = rows, 1 bit = a printed dot.
Epson's reference bounds the height to 2303 rows (yH ≤ 8) and some clones' input buffers
are far smaller, so a tall image (a 150 mm label is 1200 rows, an 80 mm packing slip
several thousand) is sent as consecutive bands of at most ``ESC_POS_BAND_ROWS`` rows,
which the printer feeds through without a gap. ``ESC @`` resets the printer first, so a
previous job's modes (double width, upside-down…) cannot leak into this one; ``GS V`` then
feeds the image past the cutter and cuts.

TSPL (TSC and the many "TSPL" label printers): ``SIZE``, ``GAP``, ``DIRECTION``, ``CLS``,
``BITMAP x,y,width_bytes,height,mode,<binary data>``, ``PRINT 1,1``. TSC's TSPL/TSPL2
manual draws a dot for a 0 bit in BITMAP data (1 leaves the paper white: its examples'
0xFF bytes are blank), the opposite of ESC/POS, so the rows are inverted here;
``ones_print=True`` is for the clones that follow ESC/POS's convention instead.

Thread safety: pure functions.
"""

from __future__ import annotations

from typing import Literal

ESC_POS_MAX_BAND_ROWS = 2303  # Epson's bound on GS v 0's height (yL + yH * 256, yH <= 8)
ESC_POS_BAND_ROWS = 256  # what we send per GS v 0: small enough for clones' buffers
ESC_POS_MAX_WIDTH_BYTES = 65535

ESC_INIT = b"\x1b@"
GS_V0 = b"\x1dv0"
# GS V m n, "function B": feed to the cutting position plus n motion units, then cut.
CUTS: dict[str, bytes] = {"full": b"\x1dVA", "partial": b"\x1dVB"}

Cut = Literal["full", "partial"]
_INVERTED = bytes(255 - value for value in range(256))  # a translate table: every bit flipped


def _check(width_bytes: int, height: int, rows: bytes) -> None:
    if width_bytes < 1 or height < 1:
        raise ValueError(f"an empty image ({width_bytes} bytes x {height} rows) cannot be printed")
    if len(rows) != width_bytes * height:
        raise ValueError(f"{len(rows)} bytes of image data for {height} rows of {width_bytes} bytes "
                         f"(expected {width_bytes * height})")


def escpos_raster(width_bytes: int, height: int, rows: bytes, *, band_rows: int = ESC_POS_BAND_ROWS,
                  cut: Cut | None = "partial", feed: int = 0) -> bytes:
    """An ESC/POS job printing the image: ``ESC @``, one ``GS v 0`` (normal density, m = 0)
    per band of at most ``band_rows`` rows, then ``GS V`` with ``cut`` (``None``: no cut,
    for printers without a cutter), feeding ``feed`` motion units past the cutting position."""
    _check(width_bytes, height, rows)
    if not 1 <= band_rows <= ESC_POS_MAX_BAND_ROWS:
        raise ValueError(f"band of {band_rows} rows: GS v 0 takes 1 to {ESC_POS_MAX_BAND_ROWS}")
    if width_bytes > ESC_POS_MAX_WIDTH_BYTES:
        raise ValueError(f"an image {width_bytes} bytes wide is beyond GS v 0 ({ESC_POS_MAX_WIDTH_BYTES})")
    if not 0 <= feed <= 255:
        raise ValueError(f"feed {feed}: GS V takes 0 to 255 motion units")
    out = bytearray(ESC_INIT)
    for top in range(0, height, band_rows):
        band = min(band_rows, height - top)
        out += GS_V0 + bytes((0,)) + width_bytes.to_bytes(2, "little") + band.to_bytes(2, "little")
        out += rows[top * width_bytes:(top + band) * width_bytes]
    if cut is not None:
        if cut not in CUTS:
            raise ValueError(f"cut {cut!r}: use 'full', 'partial' or None")
        out += CUTS[cut] + bytes((feed,))
    return bytes(out)


def _mm(value: float) -> str:
    return f"{value:g}"


def tspl_raster(width_bytes: int, height: int, rows: bytes, *, width_mm: float, height_mm: float,
                gap_mm: float = 2.0, gap_offset_mm: float = 0.0, direction: int = 1, copies: int = 1,
                ones_print: bool = False) -> bytes:
    """A TSPL job printing the image at the label's top-left corner, ``copies`` times.

    ``width_mm`` × ``height_mm`` is the label stock (``SIZE``), ``gap_mm`` the gap between
    labels (``GAP``; 0 for continuous stock), ``direction`` the feed direction (0 or 1:
    1 prints the image's top edge first with the printer's usual orientation)."""
    _check(width_bytes, height, rows)
    if direction not in (0, 1):
        raise ValueError(f"DIRECTION {direction}: TSPL takes 0 or 1")
    if copies < 1:
        raise ValueError(f"{copies} copies: print at least one")
    data = rows if ones_print else rows.translate(_INVERTED)
    head = (
        f"SIZE {_mm(width_mm)} mm,{_mm(height_mm)} mm\r\n"
        f"GAP {_mm(gap_mm)} mm,{_mm(gap_offset_mm)} mm\r\n"
        f"DIRECTION {direction}\r\n"
        "CLS\r\n"
        f"BITMAP 0,0,{width_bytes},{height},0,"
    ).encode("ascii")
    return head + data + f"\r\nPRINT 1,{copies}\r\n".encode("ascii")
