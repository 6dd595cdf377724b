"""Labels painted with QPainter: on-screen preview, raster thermal printers, PDF.

Everything is placed in device dots (``layout.dots``), so what a 203 dpi thermal head or a
600 dpi PDF gets is the layout snapped to its own grid:
- a barcode's module is a whole number of dots (``layout.module_dots``) and each bar or cell
  is a filled rectangle painted without antialiasing: no bar is half a dot wider than
  another, which is what makes a thermal-printed symbol decode;
- text takes the lines ``app.labels.wrap.wrap`` decides (the same lines ZPL gets), in a
  condensed bold sans (DejaVu Sans Condensed) sized so that a line (ascent plus descent) is
  ``size_mm`` tall; a line wider than its box is narrowed (``QFont.setStretch``), and the
  painter is clipped to the box, so text never runs over its neighbours or off the label.

A Code 128's human-readable line (``human_readable``) is painted ``HRI_GAP_MM`` under the
bars, ``HRI_SIZE_MM`` tall, centred on the symbol; a layout leaves that room.

Threading: ``paint_label``, ``render_label``, ``write_pdf``, ``packed_rows``, ``escpos_job``
and ``tspl_job`` run on any thread once a QGuiApplication exists (fonts need it); the
caches they use are per thread.
``preview_pixmap`` makes a QPixmap: GUI thread only.
"""

from __future__ import annotations

import math
import threading
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QIODevice, QMarginsF, QPointF, QRect, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPixmap,
)

from app.labels.layout import Box, Code128, DataMatrix, Label, QrCode, Text, dots, module_dots
from app.labels.symbols import Matrix, code128_modules, datamatrix_matrix, qr_matrix
from app.labels.thermal import escpos_raster, tspl_raster
from app.labels.wrap import wrap

FONT_FAMILY = "DejaVu Sans Condensed"  # fonts-dejavu-core; Qt falls back to its sans elsewhere
HRI_SIZE_MM = 2.5
HRI_GAP_MM = 0.5
PREVIEW_DPI = 203
BLACK = QColor(0, 0, 0)
WHITE = QColor(255, 255, 255)


# -- fonts ---------------------------------------------------------------------------------

class _Fonts:
    """Fonts and their metrics per (pixel size, bold, stretch), made once per thread: a
    QFont and QFontMetricsF cost more to build than a label's whole text takes to paint."""

    def __init__(self) -> None:
        self._fonts: dict[tuple[int, bool, int], tuple[QFont, QFontMetricsF]] = {}
        self._line_ratio: dict[bool, float] = {}

    def get(self, pixels: int, bold: bool, stretch: int = 0) -> tuple[QFont, QFontMetricsF]:
        key = (pixels, bold, stretch)
        found = self._fonts.get(key)
        if found is None:
            font = QFont(FONT_FAMILY)
            font.setPixelSize(max(1, pixels))
            font.setBold(bold)
            if stretch:
                font.setStretch(stretch)
            # Full hinting would move stems to whole pixels differently at each size; text
            # is measured with the same metrics it is drawn with either way.
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            found = (font, QFontMetricsF(font))
            self._fonts[key] = found
        return found

    def pixels_for_line(self, line_dots: float, bold: bool) -> int:
        """The pixel size whose ascent plus descent is ``line_dots``."""
        ratio = self._line_ratio.get(bold)
        if ratio is None:
            _, metrics = self.get(1000, bold)
            ratio = self._line_ratio[bold] = (metrics.ascent() + metrics.descent()) / 1000
        return max(1, math.floor(line_dots / ratio))


class _PerThread(threading.local):
    def __init__(self) -> None:
        self.fonts = _Fonts()
        self.canvases: dict[tuple[int, int], QImage] = {}


_local = _PerThread()


# -- elements --------------------------------------------------------------------------------

def text_box(text: Text, dpi: int) -> QRect:
    """The rectangle, in dots, a ``Text`` may paint in: its width by ``max_lines`` line
    pitches (the height ZPL's inverse band and the documents' layout give a block)."""
    height_mm = text.max_lines * text.size_mm * text.line_spacing
    return QRect(dots(text.x_mm, dpi), dots(text.y_mm, dpi), dots(text.width_mm, dpi), dots(height_mm, dpi))


def _fitting_font(line: str, width: float, pixels: int, bold: bool) -> tuple[QFont, QFontMetricsF, float]:
    """The font for ``line``: the natural one, or narrowed until the line fits ``width``."""
    fonts = _local.fonts
    font, metrics = fonts.get(pixels, bold)
    advance = metrics.horizontalAdvance(line)
    if advance <= width:
        return font, metrics, advance
    # Stretch is absolute (100 = the regular face; DejaVu's condensed face is about 87),
    # so start from the ratio, measured on a stretched font, and tighten until it fits.
    stretch = 100
    probe_font, probe = fonts.get(pixels, bold, stretch)
    probe_advance = probe.horizontalAdvance(line)
    stretch = max(1, math.floor(stretch * width / probe_advance))
    while True:
        font, metrics = fonts.get(pixels, bold, stretch)
        advance = metrics.horizontalAdvance(line)
        if advance <= width or stretch == 1:
            return font, metrics, advance
        stretch = max(1, min(stretch - 1, math.floor(stretch * width / advance)))


def _paint_lines(painter: QPainter, lines: list[str], box: QRect, line_dots: float, pitch_dots: float,
                 bold: bool, align: str, inverse: bool) -> None:
    if not lines:
        return
    pixels = _local.fonts.pixels_for_line(line_dots, bold)
    painter.save()
    painter.setClipRect(box)  # the guarantee: whatever a glyph does, it stays in its box
    if inverse:
        # One pitch per line, as ZPL's band (``app.labels.zpl``): the same black on both.
        band = QRect(box.x(), box.y(), box.width(), min(box.height(), round(len(lines) * pitch_dots)))
        painter.fillRect(band, BLACK)
    painter.setPen(WHITE if inverse else BLACK)
    for index, line in enumerate(lines):
        if not line:
            continue
        font, metrics, advance = _fitting_font(line, box.width(), pixels, bold)
        painter.setFont(font)
        x = float(box.x())
        if align == "center":
            x += (box.width() - advance) / 2
        elif align == "right":
            x += box.width() - advance
        baseline = box.y() + index * pitch_dots + metrics.ascent()
        painter.drawText(QPointF(x, baseline), line)
    painter.restore()


def _paint_text(painter: QPainter, text: Text, dpi: int) -> None:
    lines = wrap(text.text, text.width_mm, text.size_mm, text.max_lines)
    scale = dpi / 25.4
    _paint_lines(painter, lines, text_box(text, dpi), text.size_mm * scale, text.size_mm * text.line_spacing * scale,
                 text.bold, text.align, text.inverse)


def _paint_box(painter: QPainter, box: Box, dpi: int) -> None:
    x, y = dots(box.x_mm, dpi), dots(box.y_mm, dpi)
    width, height = max(1, dots(box.width_mm, dpi)), max(1, dots(box.height_mm, dpi))
    if box.filled:
        painter.fillRect(QRect(x, y, width, height), BLACK)
        return
    # Drawn inwards from the outline, as ZPL's ^GB does, in whole dots.
    t = min(max(1, dots(box.thickness_mm, dpi)), (width + 1) // 2, (height + 1) // 2)
    for rect in (QRect(x, y, width, t), QRect(x, y + height - t, width, t),
                 QRect(x, y, t, height), QRect(x + width - t, y, t, height)):
        painter.fillRect(rect, BLACK)


@lru_cache(maxsize=256)
def _bar_rects(modules: str, module: int, height: int) -> tuple[QRect, ...]:
    """A linear symbol's bars, from its first module at (0, 0)."""
    rects = []
    start = None
    for index, cell in enumerate(modules + "0"):
        if cell == "1" and start is None:
            start = index
        elif cell != "1" and start is not None:
            rects.append(QRect(start * module, 0, (index - start) * module, height))
            start = None
    return tuple(rects)


@lru_cache(maxsize=256)
def _matrix_rects(matrix: Matrix, module: int) -> tuple[QRect, ...]:
    """A matrix symbol's dark cells merged into horizontal runs (fewer rectangles to fill)."""
    rects = []
    for row_index, row in enumerate(matrix):
        start = None
        for index, cell in enumerate((*row, False)):
            if cell and start is None:
                start = index
            elif not cell and start is not None:
                rects.append(QRect(start * module, row_index * module, (index - start) * module, module))
                start = None
    return tuple(rects)


def _fill_rects(painter: QPainter, rects: tuple[QRect, ...], x: int, y: int) -> None:
    painter.save()
    painter.translate(x, y)  # integral: the rectangles stay on whole dots
    painter.setPen(Qt.PenStyle.NoPen)  # a pen would widen every bar by its width
    painter.setBrush(BLACK)
    painter.drawRects(list(rects))
    painter.restore()


def code128_width_dots(symbol: Code128, dpi: int) -> int:
    """The bars' width in dots (no quiet zone), for layouts that centre or right-align one."""
    return len(code128_modules(symbol.data, symbol.gs1)) * module_dots(symbol.module_mm, dpi)


def _paint_code128(painter: QPainter, symbol: Code128, dpi: int) -> None:
    modules = code128_modules(symbol.data, symbol.gs1)
    module = module_dots(symbol.module_mm, dpi)
    x, y, height = dots(symbol.x_mm, dpi), dots(symbol.y_mm, dpi), dots(symbol.height_mm, dpi)
    _fill_rects(painter, _bar_rects(modules, module, height), x, y)
    if symbol.human_readable:
        scale = dpi / 25.4
        box = QRect(x, y + height + dots(HRI_GAP_MM, dpi), len(modules) * module, dots(HRI_SIZE_MM, dpi))
        _paint_lines(painter, [symbol.data], box, HRI_SIZE_MM * scale, HRI_SIZE_MM * scale, False, "center", False)


def _paint_matrix(painter: QPainter, matrix: Matrix, x_mm: float, y_mm: float, module_mm: float, dpi: int) -> None:
    _fill_rects(painter, _matrix_rects(matrix, module_dots(module_mm, dpi)), dots(x_mm, dpi), dots(y_mm, dpi))


def paint_label(painter: QPainter, label: Label, dpi: int) -> None:
    """Paint every element of ``label`` with ``painter``, one unit being one device dot at
    ``dpi``, (0, 0) the label's top-left corner. The background is the caller's."""
    painter.save()
    # Bars and cells land on whole dots only without antialiasing; text keeps its own.
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    for element in label.elements:
        if isinstance(element, Text):
            _paint_text(painter, element, dpi)
        elif isinstance(element, Box):
            _paint_box(painter, element, dpi)
        elif isinstance(element, Code128):
            _paint_code128(painter, element, dpi)
        elif isinstance(element, QrCode):
            _paint_matrix(painter, qr_matrix(element.data, element.error_level), element.x_mm, element.y_mm,
                          element.module_mm, dpi)
        elif isinstance(element, DataMatrix):
            _paint_matrix(painter, datamatrix_matrix(element.data, element.gs1), element.x_mm, element.y_mm,
                          element.module_mm, dpi)
        else:
            raise TypeError(f"label {label.name!r}: cannot paint a {type(element).__name__}")
    painter.restore()


# -- outputs ---------------------------------------------------------------------------------

def _require_gui_application() -> None:
    # Without one, Qt has no font database and aborts the process at the first QFont:
    # better a Python error that says what to do.
    if not isinstance(QGuiApplication.instance(), QGuiApplication):  # a QCoreApplication is not enough
        raise RuntimeError("painting a label needs a QGuiApplication (fonts): create one first, "
                           "with QT_QPA_PLATFORM=offscreen where there is no display")


def _canvas(width: int, height: int) -> QImage:
    """A grey canvas of this size, reused by this thread (allocating 1 MB per label shows)."""
    key = (width, height)
    canvas = _local.canvases.get(key)
    if canvas is None:
        if len(_local.canvases) > 8:  # a spool of many sizes should not keep them all
            _local.canvases.clear()
        canvas = _local.canvases[key] = QImage(width, height, QImage.Format.Format_Grayscale8)
    return canvas


def render_label(label: Label, dpi: int = 203, mono: bool = True) -> QImage:
    """``label`` as an image at ``dpi`` on white: 1-bit (``Format_Mono``, what a thermal head
    prints: text thresholded, no grey) or 8-bit grey (``mono=False``, for screens). The image
    carries its resolution (dots per metre), and is the caller's to keep."""
    _require_gui_application()
    width, height = label.width_dots(dpi), label.height_dots(dpi)
    canvas = _canvas(width, height)
    canvas.fill(WHITE)
    painter = QPainter(canvas)
    try:
        paint_label(painter, label, dpi)
    finally:
        painter.end()
    if mono:
        image = canvas.convertToFormat(QImage.Format.Format_Mono, Qt.ImageConversionFlag.ThresholdDither)
    else:
        image = canvas.copy()
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


def page_layout(label: Label) -> QPageLayout:
    """A page exactly the label's size, without margins: (0, 0) is the label's corner."""
    size = QPageSize(QSizeF(label.width_mm, label.height_mm), QPageSize.Unit.Millimeter, label.name,
                     QPageSize.SizeMatchPolicy.ExactMatch)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def write_pdf(pages: list[Label], path_or_device: str | Path | QIODevice, dpi: int = 600,
              title: str = "Quai") -> None:
    """Write ``pages`` as one PDF, each page the size of its label (A4, A5, 100x150 mm, an
    80 mm slip of any length). Text stays text (vector, fonts embedded); barcodes are
    rectangles on the ``dpi`` grid, so an office printer at that resolution prints whole
    dots. ``path_or_device`` is a file path or an open QIODevice (a QBuffer)."""
    if not pages:
        raise ValueError("a PDF needs at least one page")
    _require_gui_application()
    target = str(path_or_device) if isinstance(path_or_device, (str, Path)) else path_or_device
    writer = QPdfWriter(target)
    writer.setResolution(dpi)
    writer.setTitle(title)
    writer.setCreator("Quai")
    writer.setPageLayout(page_layout(pages[0]))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write the PDF {path_or_device}: check that its folder exists and is writable")
    try:
        for index, page in enumerate(pages):
            if index:
                writer.setPageLayout(page_layout(page))
                writer.newPage()
            paint_label(painter, page, dpi)
    finally:
        painter.end()


def preview_pixmap(label: Label, width_px: int) -> QPixmap:
    """An on-screen preview ``width_px`` wide: rendered in grey at a resolution at least
    that wide (203 dpi, or more for a large preview), then smoothly scaled. GUI thread."""
    dpi = max(PREVIEW_DPI, math.ceil(width_px * 25.4 / label.width_mm))
    image = render_label(label, dpi, mono=False)
    return QPixmap.fromImage(image.scaledToWidth(width_px, Qt.TransformationMode.SmoothTransformation))


def packed_rows(image: QImage) -> tuple[int, int, bytes]:
    """``image`` as a thermal printer takes it: ``(width_bytes, height, data)``, rows of
    ``width_bytes`` bytes, most significant bit first, 1 = black (printed), the padding bits
    of each row's last byte white. Any format: thresholded at half grey."""
    mono = image.convertToFormat(QImage.Format.Format_Mono, Qt.ImageConversionFlag.ThresholdDither)
    table = mono.colorTable()
    # Qt picks the colour table; make index 1 the dark one whatever it chose.
    if len(table) >= 2 and QColor.fromRgb(table[1]).lightness() > QColor.fromRgb(table[0]).lightness():
        mono.invertPixels()
    width, height = mono.width(), mono.height()
    width_bytes = (width + 7) // 8
    stride = mono.bytesPerLine()
    bits = bytes(mono.constBits())[: stride * height]
    spare = width_bytes * 8 - width
    mask = (0xFF << spare) & 0xFF
    out = bytearray()
    for y in range(height):
        row = bytearray(bits[y * stride: y * stride + width_bytes])
        row[-1] &= mask
        out += row
    return width_bytes, height, bytes(out)


def escpos_job(label: Label, dpi: int = 203, **options) -> bytes:
    """``label`` as an ESC/POS job (``app.labels.thermal.escpos_raster``; ``options`` are
    its ``band_rows``, ``cut``, ``feed``). A receipt printer drops what is past its head's
    width (576 dots on 80 mm paper at 203 dpi): the label is laid out for that width."""
    return escpos_raster(*packed_rows(render_label(label, dpi)), **options)


def tspl_job(label: Label, dpi: int = 203, **options) -> bytes:
    """``label`` as a TSPL job on stock of the label's size (``app.labels.thermal.
    tspl_raster``; ``options`` are its ``gap_mm``, ``direction``, ``copies``…)."""
    return tspl_raster(*packed_rows(render_label(label, dpi)), width_mm=label.width_mm,
                       height_mm=label.height_mm, **options)
