"""Labels painted with QPainter (app.labels.raster), checked on the pixels and by a real
decoder (zxing-cpp): what a raster thermal printer or a screen would show."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage

from app.labels.layout import Box, Code128, DataMatrix, Label, QrCode, Text, dots, module_dots
from app.labels.raster import packed_rows, preview_pixmap, render_label, text_box
from app.labels.symbols import code128_modules, datamatrix_matrix, qr_matrix
from tests.support.barcode_reading import grey_pixels, read_all

pytestmark = pytest.mark.gui

SSCC = "(00)376543210000000018"
TRACKING = "6A12345678901"
QR = "QUAI order=1042 parcel=1/2 « Élodie »"
GS1_DM = "(01)03453120000011(17)261231(10)LOT42"

SSCC_BARS = Code128(8, 60, 25, SSCC, gs1=True)
TRACKING_BARS = Code128(8, 100, 15, TRACKING, module_mm=0.25)
QR_CODE = QrCode(8, 124, QR, module_mm=0.5)
DM_CODE = DataMatrix(60, 124, GS1_DM, module_mm=0.5, gs1=True)


def sample_label() -> Label:
    """A 100x150 mm shipping-like label: every kind of element, French text, four symbols."""
    return Label("shipping", 100, 150, (
        Box(1, 1, 98, 148, thickness_mm=0.5),
        Text(3, 3, 60, 7, "COLISSIMO EXPERT", bold=True, inverse=True),
        Text(3, 14, 94, 3.5, "Expéditeur : Quai — entrepôt de démonstration, 12 rue des Quais, 69002 Lyon"),
        Text(3, 22, 94, 5, "Élodie Bérénice Lefèvre-Çaglar « œuvre » 221 boulevard Saint-Germain-des-Prés, "
                           "75007 Paris, France, bâtiment B, 3ᵉ étage à droite", bold=True, max_lines=3),
        Box(1, 45, 98, 0.5, filled=True),
        Text(3, 48, 94, 4, "Commande #1042 · colis 1/2 · 2,35 kg", bold=True),
        SSCC_BARS,
        TRACKING_BARS,
        QR_CODE,
        DM_CODE,
    ))


def pixels(image: QImage) -> np.ndarray:
    """Dark = True, from any image format."""
    return grey_pixels(image) < 128


def runs(row: np.ndarray) -> list[tuple[bool, int]]:
    """(dark, length) runs along a row of booleans."""
    edges = np.flatnonzero(np.diff(row.astype(np.int8))) + 1
    starts = np.concatenate(([0], edges))
    ends = np.concatenate((edges, [len(row)]))
    return [(bool(row[s]), int(e - s)) for s, e in zip(starts, ends)]


@pytest.mark.parametrize("dpi", [203, 300])
def test_every_symbol_reads_back_exactly(qapp, dpi: int) -> None:
    image = render_label(sample_label(), dpi)
    found = {(read.format, read.text, read.symbology) for read in read_all(image)}
    assert found == {
        ("Code128", SSCC, "]C1"),
        ("Code128", TRACKING, "]C0"),
        ("QRCode", QR, "]Q1"),
        ("DataMatrix", GS1_DM, "]d2"),
    }


@pytest.mark.parametrize("dpi", [203, 300])
def test_the_image_is_one_bit_at_the_labels_size_in_dots(qapp, dpi: int) -> None:
    image = render_label(sample_label(), dpi)
    assert image.format() == QImage.Format.Format_Mono
    assert (image.width(), image.height()) == (dots(100, dpi), dots(150, dpi))
    assert round(image.dotsPerMeterX() * 0.0254) == dpi
    grey = render_label(sample_label(), dpi, mono=False)
    assert grey.format() == QImage.Format.Format_Grayscale8
    # The thresholded image is the grey one at half grey: the same label, not another.
    assert np.array_equal(pixels(image), grey_pixels(grey) < 128)


@pytest.mark.parametrize("dpi", [203, 300])
@pytest.mark.parametrize("symbol", [SSCC_BARS, TRACKING_BARS], ids=["sscc", "tracking"])
def test_bars_are_whole_dot_multiples_of_the_module(qapp, dpi: int, symbol: Code128) -> None:
    dark = pixels(render_label(sample_label(), dpi))
    module = module_dots(symbol.module_mm, dpi)
    modules = code128_modules(symbol.data, symbol.gs1)
    x, y = dots(symbol.x_mm, dpi), dots(symbol.y_mm, dpi)
    height = dots(symbol.height_mm, dpi)
    expected = np.repeat(np.array([m == "1" for m in modules]), module)
    for row in (y, y + height // 2, y + height - 1):  # every row of the bars, top to bottom
        assert np.array_equal(dark[row, x:x + len(expected)], expected)
        assert not dark[row, x - 10 * module:x].any()  # the quiet zone is clear
    # Every run, dark or light, is a whole number of modules.
    assert all(length % module == 0 for _, length in runs(dark[y + 1, x:x + len(expected)]))
    assert not dark[y - 1, x:x + len(expected)].any() and dark[y, x]


@pytest.mark.parametrize("dpi", [203, 300])
def test_matrix_cells_are_whole_dot_squares(qapp, dpi: int) -> None:
    dark = pixels(render_label(sample_label(), dpi))
    for element, matrix in ((QR_CODE, qr_matrix(QR, "M")), (DM_CODE, datamatrix_matrix(GS1_DM, True))):
        module = module_dots(element.module_mm, dpi)
        x, y = dots(element.x_mm, dpi), dots(element.y_mm, dpi)
        size = len(matrix) * module
        painted = dark[y:y + size, x:x + len(matrix[0]) * module]
        expected = np.kron(np.array(matrix, dtype=np.uint8), np.ones((module, module), dtype=np.uint8)).astype(bool)
        assert np.array_equal(painted, expected)


def ink_outside(dark: np.ndarray, box) -> int:
    outside = dark.copy()
    outside[box.y():box.y() + box.height(), box.x():box.x() + box.width()] = False
    return int(outside.sum())


@pytest.mark.parametrize("inverse", [False, True])
@pytest.mark.parametrize("dpi", [203, 300])
def test_long_text_never_leaves_its_box(qapp, dpi: int, inverse: bool) -> None:
    texts = (
        Text(10, 10, 40, 5, "Résidence « Les Œillets » bâtiment W, 1111 boulevard Maréchal-Lyautey "
                            "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW", bold=True, max_lines=2, inverse=inverse),
        Text(10, 40, 30, 4, "MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM@@@@@@@@@@", inverse=inverse),
        Text(10, 60, 20, 6, "1111111111111111111111", bold=True, align="right", inverse=inverse),
    )
    for text in texts:
        dark = pixels(render_label(Label("t", 80, 80, (text,)), dpi))
        box = text_box(text, dpi)
        assert dark[box.y():box.y() + box.height(), box.x():box.x() + box.width()].any()  # drawn
        assert ink_outside(dark, box) == 0


@pytest.mark.parametrize("dpi", [203, 300])
def test_a_line_the_wrap_model_fits_is_drawn_whole_inside_its_box(qapp, dpi: int) -> None:
    # A box exactly as wide as the wrap model says ten H's are: the font is narrowed if it
    # is wider than the model, never cut (every stem drawn) and never past the box.
    from app.labels.wrap import text_width_mm

    text = Text(5, 5, text_width_mm("HHHHHHHHHH", 5), 5, "HHHHHHHHHH", bold=True)
    dark = pixels(render_label(Label("t", 70, 20, (text,)), dpi))
    box = text_box(text, dpi)
    # A row through the H's upper stems (above the crossbar): two stems per letter.
    line = dots(5 + 5 * 0.3, dpi)
    stems = [run for run in runs(dark[line, box.x():box.x() + box.width()]) if run[0]]
    assert len(stems) == 20
    assert ink_outside(dark, box) == 0


def test_accented_letters_are_drawn_as_themselves(qapp) -> None:
    def image(word: str) -> np.ndarray:
        return pixels(render_label(Label("t", 40, 12, (Text(2, 2, 36, 6, word, bold=True),)), 203))

    plain = {ch: image(f"H{ch}H") for ch in "eacoœ<>«»"}
    for accented, base in (("é", "e"), ("è", "e"), ("à", "a"), ("ç", "c"), ("œ", "o"), ("«", "<"), ("»", ">")):
        drawn = image(f"H{accented}H")
        assert not np.array_equal(drawn, plain[base]), accented
        assert drawn.sum() > image("HH").sum(), accented  # something stands between the H's
    assert not np.array_equal(image("HéH"), image("HèH"))  # acute is not grave
    assert not np.array_equal(plain["«"], plain["»"])
    # A missing glyph would be drawn as the same empty box for every letter.
    assert len({image(f"H{ch}H").tobytes() for ch in "éèàçœ«»"}) == 7


def test_the_preview_is_a_pixmap_of_the_asked_width(qapp) -> None:
    pixmap = preview_pixmap(sample_label(), 320)
    assert pixmap.width() == 320 and pixmap.height() == round(320 * 150 / 100)
    grey = grey_pixels(pixmap.toImage())
    assert grey.min() < 60 and grey.max() > 240  # ink on white, smoothed


def test_packed_rows_are_msb_first_one_for_black_with_white_padding(qapp) -> None:
    image = QImage(10, 2, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    for x in (0, 7, 8):  # row 0: dots 0, 7 and 8 black
        image.setPixelColor(x, 0, QColor("black"))
    for x in range(10):  # row 1: all black
        image.setPixelColor(x, 1, QColor("black"))
    width_bytes, height, data = packed_rows(image)
    assert (width_bytes, height) == (2, 2)
    assert data == bytes((0b1000_0001, 0b1000_0000, 0xFF, 0b1100_0000))


def test_packed_rows_of_a_rendered_label_match_its_pixels(qapp) -> None:
    image = render_label(sample_label(), 203)
    width_bytes, height, data = packed_rows(image)
    bits = np.unpackbits(np.frombuffer(data, dtype=np.uint8).reshape(height, width_bytes), axis=1)
    assert np.array_equal(bits[:, :image.width()].astype(bool), pixels(image))
    assert not bits[:, image.width():].any()


def image_bytes(image: QImage) -> bytes:
    return pixels(image).tobytes()


def test_worker_threads_render_the_same_label_as_the_gui_thread(qapp) -> None:
    """The print queue renders off the GUI thread: per-thread fonts and canvases must give
    the same dots, also with two threads at once."""
    import threading

    label = sample_label()
    expected = image_bytes(render_label(label, 203))
    results: dict[int, list[bytes]] = {}
    errors: list[BaseException] = []

    def work(index: int) -> None:
        try:
            results[index] = [image_bytes(render_label(label, 203)) for _ in range(5)]
        except BaseException as error:  # reported by the assertion below, not lost in the thread
            errors.append(error)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors and sorted(results) == [0, 1]
    assert all(result == expected for images in results.values() for result in images)


def test_without_a_gui_application_rendering_says_what_to_do(tmp_path) -> None:
    import os
    import subprocess
    import sys

    script = ("from app.labels.raster import render_label\n"
              "from app.labels.layout import Label, Text\n"
              "try:\n"
              "    render_label(Label('x', 10, 10, (Text(1, 1, 8, 3, 'a'),)))\n"
              "except RuntimeError as error:\n"
              "    print(error)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, cwd=tmp_path.parent)
    assert done.returncode == 0, done.stderr
    assert "needs a QGuiApplication" in done.stdout
