"""The demo's barcode sheets, painted with QPainter on A4: to PDF, or to an image for tests.

One painting function serves both devices: layout is in millimetres, and each
barcode module is converted to a whole number of device dots (1200 dpi for
the PDF, 300 dpi for the decoder test), so every bar of a symbol has the same
width and the test decodes exactly what the printer gets.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from sqlalchemy.orm import Session, sessionmaker

from app.labels.barcodes import BarcodePattern, Symbology
from app.labels.sheet_pages import Cell, Page, build_pages

PDF_DPI = 1200
A4_MM = (210.0, 297.0)
MARGIN_MM = 10.0
HEADER_MM = 30.0
FOOTER_MM = 8.0
FONT_FAMILY = "DejaVu Sans"  # shipped by every Linux desktop; Qt falls back elsewhere
INK = QColor("#000000")
GREY = QColor("#555555")

class _Scale:
    """Millimetres to device dots for one paint device."""

    def __init__(self, dpi: int) -> None:
        self.dpi = dpi

    def __call__(self, mm: float) -> int:
        return round(mm * self.dpi / 25.4)

    def module_dots(self, pattern: BarcodePattern, narrow_300: int) -> int:
        """Dots per module for a narrowest element of ``narrow_300``/300 inch.

        Exact at 300, 600, 1200 dpi; elsewhere rounded up, since a module narrower
        than asked is what scanners miss. ITF's patterns write a narrow bar as two
        modules, hence the halving.
        """
        modules_per_narrow = 2 if pattern.symbology is Symbology.ITF14 else 1
        return max(1, math.ceil(narrow_300 * self.dpi / 300 / modules_per_narrow))


def _font(pt: float, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(pt)
    font.setBold(bold)
    return font


def _text(painter: QPainter, rect: QRect, text: str, font: QFont, colour: QColor = INK,
          align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter) -> int:
    """Draw one line, elided to fit; returns the height used."""
    painter.setFont(font)
    painter.setPen(colour)
    metrics = QFontMetrics(font, painter.device())
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    line = QRect(rect.x(), rect.y(), rect.width(), metrics.height())
    painter.drawText(line, int(align | Qt.AlignmentFlag.AlignTop), shown)
    return metrics.height()


def paint_barcode(painter: QPainter, pattern: BarcodePattern, x: int, y: int, module: int, height: int) -> int:
    """Bars from the left edge of the quiet zone at (x, y), in whole dots; returns the symbol's width."""
    painter.setPen(Qt.PenStyle.NoPen)  # a pen would widen every bar by its width
    painter.setBrush(INK)
    painter.drawRects([QRect(x + start * module, y, width * module, height) for start, width in pattern.bars()])
    painter.setBrush(Qt.BrushStyle.NoBrush)
    return pattern.total_modules * module


def _fitted(text: str, pt: float, bold: bool, width: int, painter: QPainter) -> QFont:
    """The largest font up to ``pt`` (down to 60 %) in which ``text`` fits ``width``.

    Shrinking beats eliding: "Prélèvement incomplet" cut to "Prélèvement inco…"
    is what a person looks for on the command sheet.
    """
    size = pt
    font = _font(size, bold)
    while size > pt * 0.6 and QFontMetrics(font, painter.device()).horizontalAdvance(text) > width:
        size *= 0.93
        font = _font(size, bold)
    return font


def _paint_cell(painter: QPainter, cell: Cell, box: QRect, page: Page, mm: _Scale) -> None:
    layout = page.layout
    pad = mm(2.5)
    if cell.accent:
        painter.fillRect(QRect(box.x(), box.y() + pad, mm(3), box.height() - 2 * pad), QColor(cell.accent))
    inner = box.adjusted(pad + (mm(4) if cell.accent else 0), pad, -pad, -pad)
    title_font = _fitted(cell.title, layout.title_pt, True, inner.width(), painter)
    small_font = _font(max(7.5, layout.title_pt * 0.55))
    caption_font = _font(max(8.0, layout.title_pt * 0.55))

    def height(font: QFont) -> int:
        return QFontMetrics(font, painter.device()).height()

    text_h = height(title_font) + (height(small_font) if cell.subtitle else 0) + mm(1.5)
    caption_h = height(caption_font) + mm(0.5)
    bar_h = min(mm(layout.bar_height_mm), inner.height() - text_h - caption_h)
    # Centre the block vertically: the cell is also what a person cuts out and sticks on a shelf.
    y = inner.y() + max(0, (inner.height() - text_h - bar_h - caption_h) // 2)
    y += _text(painter, QRect(inner.x(), y, inner.width(), 0), cell.title, title_font)
    if cell.subtitle:
        y += _text(painter, QRect(inner.x(), y, inner.width(), 0), cell.subtitle, small_font, GREY)
    y += mm(1.5)
    module = mm.module_dots(cell.pattern, layout.module_300)
    width = cell.pattern.total_modules * module
    if width > inner.width():
        # Overlapping a neighbour would eat both quiet zones: refuse rather than print unscannable labels.
        raise ValueError(f"barcode {cell.pattern.data!r} is {width} dots wide, its cell {inner.width()}: "
                         "use fewer columns or a shorter code")
    x = inner.x() + max(0, (inner.width() - width) // 2)
    paint_barcode(painter, cell.pattern, x, y, module, bar_h)
    _text(painter, QRect(inner.x(), y + bar_h + mm(0.5), inner.width(), 0), cell.caption, caption_font)


def paint_page(painter: QPainter, page: Page, dpi: int) -> None:
    """Paint one A4 page; the painter's device must be A4 at ``dpi`` with no margins."""
    mm = _Scale(dpi)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # bars land on whole dots
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    left, top = mm(MARGIN_MM), mm(MARGIN_MM)
    width = mm(A4_MM[0] - 2 * MARGIN_MM)
    y = top
    y += _text(painter, QRect(left, y, width, 0), page.title_fr, _font(24, bold=True), align=Qt.AlignmentFlag.AlignLeft)
    y += _text(painter, QRect(left, y, width, 0), page.hint_fr, _font(10), GREY, Qt.AlignmentFlag.AlignLeft)
    _text(painter, QRect(left, y, width, 0), page.hint_en, _font(10), GREY, Qt.AlignmentFlag.AlignLeft)
    _text(painter, QRect(left, top, width, 0), page.title_en, _font(16), GREY, Qt.AlignmentFlag.AlignRight)
    rule_y = top + mm(HEADER_MM - 4)
    painter.setPen(QPen(INK, mm(0.4)))
    painter.drawLine(left, rule_y, left + width, rule_y)

    grid_top = top + mm(HEADER_MM)
    grid_h = mm(A4_MM[1] - 2 * MARGIN_MM - HEADER_MM - FOOTER_MM)
    layout = page.layout
    cell_w, cell_h = width // layout.columns, grid_h // layout.rows
    painter.setPen(QPen(QColor("#bbbbbb"), mm(0.2), Qt.PenStyle.DashLine))  # cut lines
    for index, cell in enumerate(page.cells):
        row, column = divmod(index, layout.columns)
        box = QRect(left + column * cell_w, grid_top + row * cell_h, cell_w, cell_h)
        painter.setPen(QPen(QColor("#bbbbbb"), mm(0.2), Qt.PenStyle.DashLine))
        painter.drawRect(box)
        _paint_cell(painter, cell, box, page, mm)

    footer = f"Quai — entrepôt de démonstration / demo warehouse  ·  page {page.number}/{page.total}"
    _text(painter, QRect(left, mm(A4_MM[1] - MARGIN_MM - FOOTER_MM + 3), width, 0), footer, _font(8), GREY)


def render_page(page: Page, dpi: int = 300) -> QImage:
    """The page as a white greyscale image at ``dpi`` (what the tests decode and people look at)."""
    image = QImage(_Scale(dpi)(A4_MM[0]), _Scale(dpi)(A4_MM[1]), QImage.Format.Format_Grayscale8)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        paint_page(painter, page, dpi)
    finally:
        painter.end()
    return image


def write_pages(path: Path, pages: list[Page]) -> int:
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setTitle("Quai — feuilles de codes-barres de démonstration")
    writer.setCreator("Quai")
    # No printer margins: paint_page keeps its own, and (0, 0) must be the sheet's corner.
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write the PDF {path}: is the folder writable?")
    try:
        for index, page in enumerate(pages):
            if index:
                writer.newPage()
            paint_page(painter, page, PDF_DPI)
    finally:
        painter.end()
    return len(pages)


def write_demo_sheets(path: Path, factory: sessionmaker[Session]) -> int:
    """Print the demo's barcode sheets to ``path`` (PDF, A4); returns the number of pages.

    Needs a QGuiApplication (fonts); the caller creates it.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_pages(path, build_pages(factory))


