"""PDF output (app.labels.raster.write_pdf), rasterised by QtPdf (PDFium) as an office
printer's driver would, then decoded by zxing-cpp."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument

from app.labels.layout import MM_PER_INCH, Code128, DataMatrix, Label, QrCode, Text, module_dots
from app.labels.raster import write_pdf
from app.labels.symbols import code128_modules
from tests.labels.test_raster import SSCC_BARS, runs, sample_label
from tests.support.barcode_reading import grey_pixels, read_all

pytestmark = pytest.mark.gui

POINTS_PER_MM = 72 / MM_PER_INCH


def pages() -> list[Label]:
    slip_lines = tuple(Text(10, 30 + 8 * i, 128, 5, f"{i + 1} × Théière « Célestine » réf. TH-{i:03d}") for i in range(5))
    return [
        sample_label(),
        Label("slip-a5", 148, 210, (
            Text(10, 10, 128, 8, "Bon de livraison — commande #1042", bold=True),
            *slip_lines,
            Text(10, 150, 128, 5, "Préparé pour vous par Zoé", bold=True),
            QrCode(10, 170, "https://quai.example/r/1042", module_mm=0.6),
        )),
        Label("slip-80mm", 80, 230, (
            Text(4, 4, 72, 6, "Préparé pour vous par Loïc", bold=True),
            Code128(6, 30, 15, "(00)376543210000000025", gs1=True, module_mm=0.3),
            DataMatrix(6, 60, "QUAI-1042-2", module_mm=0.5),
        )),
        Label("a4", 210, 297, (
            Text(20, 20, 170, 10, "Feuille de commandes", bold=True),
            Code128(20, 50, 20, "CMD-VALIDER"),
        )),
    ]


EXPECTED = [
    {("Code128", "(00)376543210000000018", "]C1"), ("Code128", "6A12345678901", "]C0"),
     ("QRCode", "QUAI order=1042 parcel=1/2 « Élodie »", "]Q1"),
     ("DataMatrix", "(01)03453120000011(17)261231(10)LOT42", "]d2")},
    {("QRCode", "https://quai.example/r/1042", "]Q1")},
    {("Code128", "(00)376543210000000025", "]C1"), ("DataMatrix", "QUAI-1042-2", "]d1")},
    {("Code128", "CMD-VALIDER", "]C0")},
]


def load(source, qtbot=None) -> QPdfDocument:
    document = QPdfDocument()
    if isinstance(source, QIODevice):
        document.load(source)  # may finish asynchronously: wait for its status, not a time
        qtbot.waitUntil(lambda: document.status() not in (QPdfDocument.Status.Loading,
                                                           QPdfDocument.Status.Null), timeout=30_000)
    else:
        assert document.load(str(source)) == QPdfDocument.Error.None_
    assert document.status() == QPdfDocument.Status.Ready
    return document


def rasterise(document: QPdfDocument, page: int, dpi: int) -> QImage:
    """The page at ``dpi`` on white paper (PDFium leaves the background transparent)."""
    size = document.pagePointSize(page)
    rendered = document.render(page, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72)))
    paper = QImage(rendered.size(), QImage.Format.Format_RGB32)
    paper.fill(QColor("white"))
    painter = QPainter(paper)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return paper


@pytest.fixture
def pdf(qapp, tmp_path: Path) -> Path:
    path = tmp_path / "labels.pdf"
    write_pdf(pages(), path)
    return path


def test_each_page_is_its_labels_size(pdf: Path) -> None:
    document = load(pdf)
    assert document.pageCount() == 4
    for index, label in enumerate(pages()):
        size = document.pagePointSize(index)
        # Qt writes page sizes in whole points: within half a point (0.18 mm) of the label.
        assert abs(size.width() - label.width_mm * POINTS_PER_MM) <= 0.5, label.name
        assert abs(size.height() - label.height_mm * POINTS_PER_MM) <= 0.5, label.name


def test_every_page_decodes_at_300_dpi(pdf: Path) -> None:
    document = load(pdf)
    for index, expected in enumerate(EXPECTED):
        found = {(r.format, r.text, r.symbology) for r in read_all(rasterise(document, index, 300))}
        assert found == expected, pages()[index].name


def test_text_stays_text_with_its_accents(pdf: Path) -> None:
    document = load(pdf)
    assert "Préparé pour vous par Zoé" in document.getAllText(1).text()
    assert "Élodie Bérénice" in document.getAllText(0).text()


def test_bars_are_whole_dots_of_the_pdfs_resolution(pdf: Path) -> None:
    # Rendered at the writer's own resolution (600 dpi), one PDF dot is one pixel: every
    # bar and space is then a whole number of modules of module_dots(…, 600) pixels.
    document = load(pdf)
    dark = grey_pixels(rasterise(document, 0, 600)) < 128
    module = module_dots(SSCC_BARS.module_mm, 600)
    modules = code128_modules(SSCC_BARS.data, SSCC_BARS.gs1)
    y = round((SSCC_BARS.y_mm + SSCC_BARS.height_mm / 2) / MM_PER_INCH * 600)
    x = round(SSCC_BARS.x_mm / MM_PER_INCH * 600)
    row = dark[y, x:x + len(modules) * module]
    expected = np.repeat(np.array([m == "1" for m in modules]), module)
    assert np.array_equal(row, expected)
    assert all(length % module == 0 for _, length in runs(row))


def test_a_pdf_can_be_written_to_a_device(qapp, qtbot) -> None:
    data = QByteArray()
    buffer = QBuffer(data)
    assert buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    write_pdf(pages()[2:3], buffer, dpi=300)
    buffer.close()
    assert bytes(data.data()).startswith(b"%PDF-")
    reader = QBuffer(data)
    assert reader.open(QIODevice.OpenModeFlag.ReadOnly)
    document = load(reader, qtbot)
    assert document.pageCount() == 1
    found = {(r.format, r.text, r.symbology) for r in read_all(rasterise(document, 0, 300))}
    assert found == EXPECTED[2]


def test_no_pages_is_an_error(qapp, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_pdf([], tmp_path / "empty.pdf")
    assert not (tmp_path / "empty.pdf").exists()


def test_an_unwritable_path_names_the_file(qapp, tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "labels.pdf"
    with pytest.raises(OSError, match="missing-folder"):
        write_pdf(pages()[:1], target)
