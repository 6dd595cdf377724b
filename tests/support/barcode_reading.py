"""Reading barcodes back with a real decoder (zxing-cpp), from an image however it was made.

Every label test ends here: what a scanner would read off the paper (a QImage painted by
Quai, a PNG rendered from ZPL by an independent renderer, a PDF page rasterised by QtPdf).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import zxingcpp


@dataclass(frozen=True)
class Read:
    format: str  # "Code128", "QRCode", "DataMatrix", …
    text: str  # GS1 symbols in their bracketed form: (00)376…
    symbology: str  # AIM identifier: ]C1 for GS1-128, ]d2 for GS1 DataMatrix, ]Q1 …
    gs1: bool
    position: tuple[int, int, int, int]  # left, top, right, bottom in pixels


def grey_pixels(image) -> np.ndarray:
    """A QImage (any format) or a path to an image file, as a 2-D uint8 array."""
    from PySide6.QtGui import QImage

    if isinstance(image, (str, Path)):
        loaded = QImage(str(image))
        if loaded.isNull():
            raise ValueError(f"{image}: not an image Qt can read")
        image = loaded
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    height, stride = grey.height(), grey.bytesPerLine()
    return np.frombuffer(grey.constBits(), dtype=np.uint8, count=height * stride).reshape(height, stride)[:, : grey.width()].copy()


def read_all(image) -> list[Read]:
    """Every barcode zxing-cpp finds, top to bottom."""
    pixels = image if isinstance(image, np.ndarray) else grey_pixels(image)
    found = []
    for result in zxingcpp.read_barcodes(pixels):
        p = result.position
        xs = [p.top_left.x, p.top_right.x, p.bottom_left.x, p.bottom_right.x]
        ys = [p.top_left.y, p.top_right.y, p.bottom_left.y, p.bottom_right.y]
        found.append(Read(
            format=result.format.name,
            text=result.text,
            symbology=result.symbology_identifier,
            gs1=result.content_type == zxingcpp.ContentType.GS1,
            position=(min(xs), min(ys), max(xs), max(ys)),
        ))
    return sorted(found, key=lambda r: (r.position[1], r.position[0]))


def texts(image) -> set[str]:
    return {read.text for read in read_all(image)}
