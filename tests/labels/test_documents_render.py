"""The documents printed three ways and read back as a scanner would: ZPL rendered by an
independent renderer (zebrash) at 203 and 300 dpi, the raster image (QPainter) at 203 and
300 dpi, and the PDF rasterised by QtPdf. Every way must read exactly the barcodes the
layout holds; quiet zones stay white; accents survive; a long address stays on the label."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from app.domain.gtin import has_valid_check_digit
from app.labels.documents import CODE128_QUIET
from app.labels.documents.shipping import MARGIN, shipping_label
from app.labels.layout import Code128, Label, QrCode, Text, dots, module_dots
from app.labels.raster import render_label, write_pdf
from app.labels.symbols import code128_modules
from app.labels.zpl import code128_field, to_zpl
from tests.labels.test_documents import DOCUMENTS, LONG, RECIPIENT, shipping
from tests.labels.test_pdf import load, rasterise
from tests.support.barcode_reading import grey_pixels, read_all
from tests.support.zpl_render import render_zpl, stop_renderer

pytestmark = pytest.mark.gui

DPIS = (203, 300)
RENDERED = ["shipping-home", "shipping-preview", "shipping-relay", "shipping-pickup", "shipping-long", "shipping-no-tracking",
            "logistic", "logistic-mixed", "logistic-long", "location", "tote", "badge", "slip-thermal", "slip-A5-1"]
LOOK_DIR = Path("/tmp/w/labels")  # where a person looks at them (written only when the folder exists)


@pytest.fixture(scope="module", autouse=True)
def _zpl_renderer() -> Iterator[None]:
    yield
    stop_renderer()


def expected(label: Label) -> list[tuple[str, str, bool]]:
    """(format, text as read, GS1) of every barcode of ``label``, top to bottom."""
    wanted = []
    for element in sorted((e for e in label.elements if isinstance(e, (Code128, QrCode))), key=lambda e: e.y_mm):
        if isinstance(element, Code128):
            wanted.append(("Code128", element.data, element.gs1))
        else:
            wanted.append(("QRCode", element.data, False))
    return sorted(wanted)


def reads(image) -> list[tuple[str, str, bool]]:
    return sorted((r.format, r.text, r.gs1) for r in read_all(image))


def zpl_image(label: Label, dpi: int):
    return render_zpl(to_zpl(label, dpi), label.width_mm, label.height_mm, dpi)


def _look(image, name: str) -> None:
    if LOOK_DIR.is_dir():
        image.save(str(LOOK_DIR / f"{name}.png"))


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("name", RENDERED)
def test_zpl_and_raster_read_back_exactly_the_layouts_barcodes(qapp, name: str, dpi: int) -> None:
    label = DOCUMENTS[name]
    wanted = expected(label)
    assert wanted, name
    zpl = zpl_image(label, dpi)
    raster = render_label(label, dpi)
    _look(zpl, f"{name}-{dpi}-zpl")
    _look(raster, f"{name}-{dpi}-raster")
    assert reads(zpl) == wanted, f"{name} ZPL at {dpi} dpi"
    assert reads(raster) == wanted, f"{name} raster at {dpi} dpi"
    for fmt, text, gs1 in wanted:
        if text.startswith("(00)"):
            assert gs1 and has_valid_check_digit(text[4:22]), text


def test_the_pdf_reads_back_the_same(qapp, tmp_path: Path) -> None:
    labels = [DOCUMENTS[name] for name in RENDERED]
    path = tmp_path / "documents.pdf"
    write_pdf(labels, path)
    document = load(path)
    assert document.pageCount() == len(labels)
    for index, label in enumerate(labels):
        assert reads(rasterise(document, index, 300)) == expected(label), label.name


def _ink(image) -> np.ndarray:
    return grey_pixels(image) < 128


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("name", ["shipping-home", "shipping-long", "logistic", "logistic-long", "badge", "location"])
def test_quiet_zones_stay_white_on_paper(qapp, name: str, dpi: int) -> None:
    """Beside each Code 128, ten modules of white on either side in what is printed, and the
    whole quiet zone on the label."""
    label = DOCUMENTS[name]
    for kind, image in (("zpl", zpl_image(label, dpi)), ("raster", render_label(label, dpi))):
        ink = _ink(image)
        for code in (e for e in label.elements if isinstance(e, Code128)):
            module = module_dots(code.module_mm, dpi)
            width = max(len(code128_modules(code.data, code.gs1)), code128_field(code.data, code.gs1)[2]) * module
            x, top, bottom = dots(code.x_mm, dpi), dots(code.y_mm, dpi), dots(code.y_mm + code.height_mm, dpi)
            quiet = CODE128_QUIET * module
            assert x - quiet >= 0 and x + width + quiet <= ink.shape[1], (kind, name, code.data)
            rows = ink[top + 2:bottom - 2]
            columns = np.where(rows.any(axis=0))[0]
            assert columns.min() >= x and columns.max() < x + width, (kind, name, code.data, columns.min(), columns.max())
            assert not rows[:, x - quiet:x].any() and not rows[:, x + width:x + width + quiet].any(), (kind, name, code.data)


@pytest.mark.parametrize("dpi", DPIS)
def test_accents_survive_in_the_qr_and_the_text(qapp, dpi: int) -> None:
    accented = replace(RECIPIENT, name="Çécile Œuvray-Lefèvre « à »")
    plain = replace(RECIPIENT, name="Cecile OEuvray-Lefevre < a >")
    label = shipping_label(shipping(recipient=accented))
    other = shipping_label(shipping(recipient=plain))
    name = next(e for e in label.elements if isinstance(e, Text) and e.text == accented.name)
    band = slice(dots(name.y_mm, dpi), dots(name.y_mm + name.size_mm * name.line_spacing * name.max_lines, dpi))
    for render in (zpl_image, render_label):
        image, plain_image = render(label, dpi), render(other, dpi)
        qr = [r.text for r in read_all(image) if r.format == "QRCode"]
        assert qr == ["QUAI|#1001|1/2|376543210000000016|Çécile Œuvray-Lefèvre « à »"], render.__name__
        inked, plain_inked = _ink(image)[band], _ink(plain_image)[band]
        assert inked.any() and (inked != plain_inked).any(), render.__name__


@pytest.mark.parametrize("dpi", DPIS)
def test_a_long_address_never_runs_off_the_label(qapp, dpi: int) -> None:
    """Below the carrier's band, nothing is printed right of the text margin but the QR
    code's corner and the barcodes (whose quiet zones end inside the label)."""
    label = shipping_label(shipping(recipient=replace(LONG, city="Saint-Rémy-en-Bouzemont-Saint-Genest-et-Isson"),
                                    sender=LONG))
    for render in (zpl_image, render_label):
        ink = _ink(render(label, dpi))
        right = dots(label.width_mm - MARGIN, dpi) + 1
        band = dots(15.0, dpi) + 1
        qr_bottom = dots(40.0, dpi)
        below_qr = ink[qr_bottom:, right:]
        assert not below_qr.any(), (render.__name__, np.argwhere(below_qr)[:3])
        left = dots(MARGIN, dpi) - 1
        text_rows = ink[band:dots(97.0, dpi), :left]
        assert not text_rows.any(), render.__name__
