"""A document (one or more Label pages) as the bytes a printer of a given language takes.

The printer URL's ``language`` (app.devices.printers.printer_url) picks the output: ZPL II for
Zebra-language printers, ESC/POS or TSPL raster for receipt and label printers that only take
pictures, PDF for office printers and the spool folder's preview. ZPL needs no Qt; the raster
languages and PDF paint with QPainter (app.labels.raster), imported only when asked for.

Thread: any. QPainter on a QImage or a QPdfWriter is safe outside the GUI thread (it needs the
QGuiApplication to exist, for the fonts), so the station encodes off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.labels.layout import Label
from app.labels.zpl import to_zpl_many

LANGUAGES = ("zpl", "escpos", "tspl", "pdf", "png")
EXTENSIONS = {"zpl": "zpl", "escpos": "bin", "tspl": "tspl", "pdf": "pdf", "png": "png"}


def encode(pages: Sequence[Label], language: str = "zpl", dpi: int = 203) -> bytes:
    """``pages`` in ``language`` at ``dpi`` (ZPL text is UTF-8, as its ``^CI28`` says).
    ``png`` is the first page only (a preview or a test picture)."""
    if not pages:
        raise ValueError("nothing to print: no page")
    if language == "zpl":
        return to_zpl_many(pages, dpi).encode("utf-8")
    if language == "escpos":
        from app.labels.raster import escpos_job

        return b"".join(escpos_job(page, dpi) for page in pages)
    if language == "tspl":
        from app.labels.raster import tspl_job

        return b"".join(tspl_job(page, dpi) for page in pages)
    if language == "pdf":
        return pdf_bytes(pages)
    if language == "png":
        return png_bytes(pages[0], dpi)
    raise ValueError(f"no printer language {language!r} (known: {', '.join(LANGUAGES)})")


def pdf_bytes(pages: Sequence[Label]) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice

    from app.labels.raster import write_pdf

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    write_pdf(list(pages), buffer)
    buffer.close()
    return bytes(buffer.data())


def png_bytes(page: Label, dpi: int) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice

    from app.labels.raster import render_label

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not render_label(page, dpi).save(buffer, "PNG"):
        raise OSError(f"label {page.name!r}: the PNG could not be written")
    buffer.close()
    return bytes(buffer.data())
