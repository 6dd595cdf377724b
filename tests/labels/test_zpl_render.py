"""ZPL from ``app.labels.zpl`` rendered by an independent renderer (zebrash, through the npm
package zpl-renderer-js) and read back by zxing-cpp, at 203 and 300 dpi: what a scanner
would read off a Zebra's paper."""

from __future__ import annotations

import random
from collections.abc import Iterator

import numpy as np
import pytest

from app.domain.gtin import gs1_check_digit
from app.labels.layout import Box, Code128, DataMatrix, Label, QrCode, Text, dots, module_dots
from app.labels.wrap import wrap
from app.labels.zpl import code128_field, to_zpl, to_zpl_many
from tests.support import zpl_render
from tests.support.barcode_reading import Read, read_all
from tests.support.zpl_render import ZplRenderError, render_label, render_zpl, render_zpl_all, render_zpl_grey, stop_renderer

DPIS = (203, 300)
ACCENTS = "é è à ç œ « »"
LATIN1_ACCENTS = "é è à ç « » Ê"  # a DataMatrix in ZPL carries ISO-8859-1: no œ (see app.labels.zpl)


@pytest.fixture(scope="session", autouse=True)
def _zpl_renderer() -> Iterator[None]:
    """One node process for the whole session (started by the first render), stopped at the end."""
    yield
    stop_renderer()


def sscc(body: str = "37654321000000001") -> str:
    return body + str(gs1_check_digit(body))


def rendered(label: Label, dpi: int) -> list[Read]:
    return read_all(render_zpl(to_zpl(label, dpi), label.width_mm, label.height_mm, dpi))


def only(reads: list[Read], fmt: str) -> Read:
    found = [read for read in reads if read.format == fmt]
    assert len(found) == 1, f"expected one {fmt}, read {reads}"
    return found[0]


def test_rendered_label_is_one_pixel_per_printer_dot() -> None:
    for dpi in DPIS:
        image = render_zpl(to_zpl(Label("size", 100, 150, (Box(0, 0, 100, 150),)), dpi), 100, 150, dpi)
        assert (image.width(), image.height()) == (dots(100, dpi), dots(150, dpi))


@pytest.mark.parametrize("dpi", DPIS)
def test_gs1_128_sscc_with_alphanumeric_ais_reads_back_exactly(dpi: int) -> None:
    code = sscc()
    data = f"(00){code}(37)12(10)LOT-A"
    label = Label("gs1", 100, 60, (
        Code128(4, 5, 20, data, gs1=True, module_mm=0.25),
        Code128(4, 33, 20, f"(00){code}", gs1=True),
    ))
    reads = [read for read in rendered(label, dpi) if read.format == "Code128"]
    assert [read.text for read in reads] == [data, f"(00){code}"]
    for read in reads:
        assert read.symbology == "]C1" and read.gs1
        assert int(read.text[21]) == gs1_check_digit(read.text[4:21])  # the SSCC's check digit survived


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("data", [
    "(01)03760251000170(10)12345(17)261231",  # FNC1 after (10); code C up to the odd digit
    f"(00){sscc()}(10)A",  # one letter at the end: never alone after the switch to code B
    "(10)12345",  # an odd digit at the end: likewise
    "(91)x>y(92)AB",  # ">" in a value: an invocation code of its own
])
def test_gs1_128_element_strings_read_back(dpi: int, data: str) -> None:
    label = Label("gs1", 100, 40, (Code128(4, 5, 20, data, gs1=True, module_mm=0.25),))
    read = only(rendered(label, dpi), "Code128")
    assert (read.text, read.symbology) == (data, "]C1")


def random_element_strings(seed: int, count: int) -> list[str]:
    """GS1 element strings of fixed and variable AIs, values from GS1's character set 82."""
    rnd = random.Random(seed)
    set82 = "!\"%&'*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
    strings = []
    while len(strings) < count:
        parts = []
        for _ in range(rnd.randint(1, 3)):
            ai = rnd.choice(["00", "01", "17", "10", "21", "37", "91"])
            size = {"00": 17, "01": 13, "17": 6}.get(ai)
            if size:
                digits = "".join(rnd.choice("0123456789") for _ in range(size))
                value = digits + str(gs1_check_digit(digits)) if ai in ("00", "01") else digits
            else:
                chars = set82 if rnd.random() < 0.5 else "0123456789"
                value = "".join(rnd.choice(chars) for _ in range(rnd.randint(1, 8)))
            parts.append(f"({ai}){value}")
        data = "".join(parts)
        # zebrash drops a lower-case last character right after ">" (see app.labels.zpl);
        # and a symbol must fit the test label.
        if not (len(data) > 1 and data[-2] == ">" and data[-1] >= "`") and code128_field(data, True)[2] * 2 < 700:
            strings.append(data)
    return strings


@pytest.mark.parametrize("seed", [1, 2])
def test_random_gs1_element_strings_read_back(seed: int) -> None:
    datas = random_element_strings(seed, 6)
    label = Label("random", 100, 160, tuple(Code128(4, 4 + 26 * n, 18, data, gs1=True, module_mm=0.25, human_readable=False)
                                            for n, data in enumerate(datas)))
    reads = rendered(label, 203)
    assert [(read.text, read.symbology) for read in reads] == [(data, "]C1") for data in datas]


def test_automatic_mode_code128_is_as_wide_as_code128_field_says() -> None:
    """The printer picks the code sets in automatic mode; the width ``code128_field`` gives
    (which the layouts centre and keep quiet zones with) must be what it prints."""
    rnd = random.Random(3)
    alphabets = ["0123456789", "0123456789AB-", "abcdefXYZ0123456789"]
    datas = ["".join(rnd.choice(alphabets[n % 3]) for _ in range(rnd.randint(1, 16))) for n in range(12)]
    label = Label("widths", 100, 130, tuple(Code128(5, 5 + 10 * n, 8, data, module_mm=0.125, human_readable=False)
                                            for n, data in enumerate(datas)))
    dark = render_zpl_grey(to_zpl(label, 203), 100, 130, 203) < 128
    for n, data in enumerate(datas):
        columns = np.nonzero(dark[dots(5 + 10 * n + 4, 203)])[0]
        assert columns.max() - columns.min() + 1 == code128_field(data, False)[2], data  # one dot a module


@pytest.mark.parametrize("dpi", DPIS)
def test_plain_code128_reads_back_whatever_its_ascii(dpi: int) -> None:
    datas = ["6A12345678901", "LOC-A01-02", "P>1", "x^y~Z1", "~>^", "tote 0042"]
    label = Label("plain", 100, 130, tuple(Code128(5, 5 + 20 * n, 14, data, human_readable=False)
                                            for n, data in enumerate(datas)))
    reads = rendered(label, dpi)
    assert [(read.text, read.symbology) for read in reads] == [(data, "]C0") for data in datas]


@pytest.mark.parametrize("dpi", DPIS)
def test_qr_and_datamatrix_read_back_with_accents_and_gs1(dpi: int) -> None:
    gs1 = f"(00){sscc()}(10)LOT-A(17)261231"
    label = Label("2d", 100, 60, (
        QrCode(5, 5, f"#1001/1 {ACCENTS}", module_mm=0.5),
        DataMatrix(45, 5, gs1, module_mm=0.5, gs1=True),
        DataMatrix(75, 5, LATIN1_ACCENTS, module_mm=0.5),
    ))
    reads = rendered(label, dpi)
    qr = only(reads, "QRCode")
    assert qr.text == f"#1001/1 {ACCENTS}"
    matrices = sorted((read for read in reads if read.format == "DataMatrix"), key=lambda read: read.position[0])
    assert [(read.text, read.symbology) for read in matrices] == [(gs1, "]d2"), (LATIN1_ACCENTS, "]d1")]


@pytest.mark.parametrize("dpi", DPIS)
def test_symbols_are_where_the_layout_puts_them(dpi: int) -> None:
    label = Label("where", 100, 60, (
        Code128(10, 5, 15, "QUAI-12345"),
        QrCode(10, 30, "where", module_mm=0.5),
        DataMatrix(60, 30, "where", module_mm=0.5),
    ))
    reads = rendered(label, dpi)
    for fmt, x_mm, y_mm in (("Code128", 10, 5), ("QRCode", 10, 30), ("DataMatrix", 60, 30)):
        left, top = only(reads, fmt).position[:2]
        assert abs(left - dots(x_mm, dpi)) <= 1, (fmt, left)
        if fmt != "Code128":  # a linear symbol's reported top is a scan line, not the bars' top
            assert abs(top - dots(y_mm, dpi)) <= 1, (fmt, top)


def test_the_same_label_is_the_same_size_at_300_dpi() -> None:
    label = Label("scale", 100, 80, (
        Code128(8, 5, 15, f"(00){sscc()}", gs1=True),
        QrCode(8, 40, "scale", module_mm=0.5),
        DataMatrix(60, 40, "scale", module_mm=0.5),
    ))
    low, high = rendered(label, 203), rendered(label, 300)
    assert [read.format for read in low] == [read.format for read in high] and len(low) == 3
    for a, b in zip(low, high):
        # Left edges in printer dots scale by 300/203 (within rounding of position and module).
        assert abs(b.position[0] - a.position[0] * 300 / 203) <= 2, (a, b)
        if a.format != "Code128":
            assert abs(b.position[1] - a.position[1] * 300 / 203) <= 2, (a, b)
        # Physical widths agree within a module's rounding (0.375 mm -> 3 dots or 4 dots).
        width_low = (a.position[2] - a.position[0]) * 25.4 / 203
        width_high = (b.position[2] - b.position[0]) * 25.4 / 300
        assert abs(width_high - width_low) / width_low < 0.12, (a.format, width_low, width_high)


def runs(row: np.ndarray) -> list[tuple[bool, int]]:
    """(dark, length) runs of a row of pixels, from its first dark pixel to its last."""
    dark = row < 128
    columns = np.nonzero(dark)[0]
    dark = dark[columns[0]:columns[-1] + 1]
    edges = np.nonzero(dark[1:] != dark[:-1])[0] + 1
    bounds = [0, *edges.tolist(), len(dark)]
    return [(bool(dark[start]), end - start) for start, end in zip(bounds, bounds[1:])]


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("module_mm", [0.25, 0.375, 0.5])
def test_code128_modules_are_whole_dots(dpi: int, module_mm: float) -> None:
    code = Code128(5, 5, 15, f"(00){sscc()}(10)AB12", gs1=True, module_mm=module_mm, human_readable=False)
    label = Label("bars", 130, 30, (code,))
    pixels = render_zpl_grey(to_zpl(label, dpi), 130, 30, dpi)
    module = module_dots(module_mm, dpi)
    row = pixels[dots(5 + 7.5, dpi)]
    found = runs(row)
    assert len(found) > 30  # the scan line crosses the bars
    assert {length % module for _, length in found} == {0}, found
    assert min(length for dark, length in found if dark) == module
    assert max(length for _, length in found) == 4 * module  # Code 128's widest element
    assert sum(length for _, length in found) == code128_field(code.data, True)[2] * module  # the width it says


@pytest.mark.parametrize("dpi", DPIS)
def test_2d_modules_are_whole_dots(dpi: int) -> None:
    label = Label("cells", 60, 40, (QrCode(5, 5, "cells", module_mm=0.5), DataMatrix(35, 5, "cells", module_mm=0.5)))
    pixels = render_zpl_grey(to_zpl(label, dpi), 60, 40, dpi)
    module = module_dots(0.5, dpi)
    top = dots(5, dpi)
    # The QR finder pattern's top edge: a dark run of exactly 7 modules.
    assert runs(pixels[top + module // 2, : dots(30, dpi)])[0] == (True, 7 * module)
    # A DataMatrix's bottom edge is solid and its left edge too: every run there is a whole number of modules.
    reads = read_all(pixels)
    matrix = only(reads, "DataMatrix")
    bottom = matrix.position[3] - module // 2
    found = runs(pixels[bottom, dots(30, dpi):])
    assert found == [(True, found[0][1])] and found[0][1] % module == 0
    timing = runs(pixels[top + module // 2, dots(30, dpi):])  # the top edge alternates, one module each
    assert {length for _, length in timing} == {module}


@pytest.mark.parametrize("dpi", DPIS)
def test_accents_print_as_accents(dpi: int) -> None:
    """"É é è à ç" against "E e e a c": accented letters have the same advance, so the two
    renders differ only where the accents are, above the lower-case letters or (cedilla)
    under the baseline; and they do differ."""
    def ink(text: str) -> np.ndarray:
        label = Label("accents", 60, 20, (Text(5, 5, 50, 6, text),))
        return render_zpl_grey(to_zpl(label, dpi), 60, 20, dpi) < 128

    plain, accented = ink("E e e a c"), ink("É é è à ç")
    added = accented & ~plain
    removed = plain & ~accented
    assert added.sum() > 40 * (dpi / 203) ** 2  # five accents' worth of ink
    assert removed.sum() <= 0.05 * added.sum()  # the letters themselves are unchanged
    rows = np.nonzero(plain.any(axis=1))[0]
    baseline = rows.max()
    lower_case = plain[:, dots(5, dpi) + dots(3.5, dpi):]  # right of the capital E
    x_height_top = np.nonzero(lower_case.any(axis=1))[0].min()
    in_body = added[x_height_top: baseline + 1].sum()
    assert in_body <= 0.05 * added.sum(), (in_body, added.sum())  # a few edge pixels of ç at most
    assert added[:x_height_top].sum() > 0.5 * added.sum()  # the accents above the letters
    assert added[baseline + 1:].sum() > 0  # the cedilla under the c


@pytest.mark.parametrize("dpi", DPIS)
def test_long_address_wraps_inside_its_box(dpi: int) -> None:
    address = ("Résidence Les Hauts de Sainte-Foy-lès-Lyon, Bâtiment C, escalier 4, appartement 1207, "
               "12 avenue du Maréchal de Lattre de Tassigny, 69110 Sainte-Foy-lès-Lyon")
    box = Text(5, 5, 55, 4.5, address, max_lines=4)
    lines = wrap(box.text, box.width_mm, box.size_mm, box.max_lines)
    assert len(lines) == 4 and lines[-1].endswith("…")
    label = Label("address", 100, 40, (box,))
    dark = render_zpl_grey(to_zpl(label, dpi), 100, 40, dpi) < 128
    right = dots(box.x_mm + box.width_mm, dpi)
    assert not dark[:, right:].any(), "ink beyond the text box's right edge"
    columns = np.nonzero(dark.any(axis=0))[0]
    assert columns.max() > right - dots(12, dpi)  # the lines do fill the box (the test means something)
    bottom = dots(box.y_mm + box.max_lines * box.size_mm * box.line_spacing, dpi)
    assert not dark[bottom:, :].any(), "a fifth line below the block"
    line_rows = np.nonzero(dark.any(axis=1))[0]
    assert line_rows.min() >= dots(box.y_mm, dpi) - 1


@pytest.mark.parametrize("dpi", DPIS)
@pytest.mark.parametrize("text", [
    "1111111111111111111111111111111111111111",  # "1" is narrow to the wrapping model, not in font 0
    "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",
    "Sainte-Foy-lès-Lyon---Saint-Genis-Laval---Oullins",
    "—— «Œuvre» —— 100 ‰ —— mmmmmmmmmmmmmmmm",
    "Élodie Durand, 12 rue de la République",
])
def test_no_line_runs_past_its_box_whatever_its_characters(dpi: int, text: str) -> None:
    box = Text(5, 5, 40, 5, text, max_lines=2, align="right")
    label = Label("narrow", 60, 20, (box,))
    dark = render_zpl_grey(to_zpl(label, dpi), 60, 20, dpi) < 128
    left, right = dots(box.x_mm, dpi), dots(box.x_mm + box.width_mm, dpi)
    assert dark.any()
    assert not dark[:, :left - 1].any() and not dark[:, right + 1:].any(), "ink outside the text box"
    columns = np.nonzero(dark.any(axis=0))[0]
    assert columns.max() > right - dots(2, dpi)  # right-aligned: the text reaches the box's edge


@pytest.mark.parametrize("dpi", DPIS)
def test_alignment_in_the_box(dpi: int) -> None:
    def columns(align: str) -> tuple[int, int]:
        label = Label("align", 100, 15, (Text(10, 3, 80, 5, "Colis 1/2", align=align),))
        dark = render_zpl_grey(to_zpl(label, dpi), 100, 15, dpi) < 128
        found = np.nonzero(dark.any(axis=0))[0]
        return int(found.min()), int(found.max())

    left, centre, right = columns("left"), columns("center"), columns("right")
    assert abs(left[0] - dots(10, dpi)) <= dots(0.6, dpi)
    assert abs(right[1] - dots(90, dpi)) <= dots(0.6, dpi)
    assert abs((centre[0] + centre[1]) / 2 - dots(50, dpi)) <= dots(0.6, dpi)


@pytest.mark.parametrize("dpi", DPIS)
def test_inverse_text_is_white_on_a_black_band(dpi: int) -> None:
    label = Label("band", 100, 20, (Text(5, 5, 90, 6, "COLISSIMO", inverse=True, align="center"),))
    pixels = render_zpl_grey(to_zpl(label, dpi), 100, 20, dpi)
    band = pixels[dots(5, dpi) + 1: dots(5 + 6 * 1.15, dpi) - 1, dots(5, dpi) + 1: dots(95, dpi) - 1] < 128
    assert band[:, :20].all() and band[:, -20:].all()  # black at both ends of the band
    assert (~band).sum() > 100  # the letters, white
    assert not (pixels[:, : dots(5, dpi) - 1] < 128).any()  # and nothing outside it


@pytest.mark.parametrize("dpi", DPIS)
def test_caret_and_tilde_in_data_do_not_break_the_label(dpi: int) -> None:
    nasty = "A^B~C_D^FS~HS>0"
    label = Label("nasty", 100, 60, (
        Text(5, 2, 90, 5, nasty),
        Code128(5, 10, 12, nasty),
        QrCode(5, 30, nasty, module_mm=0.5),
        DataMatrix(50, 30, nasty, module_mm=0.5),
        DataMatrix(65, 30, "a^b%c~", module_mm=0.5),  # "_" free: "_" escapes, "%" the ^FH hex
        Box(80, 30, 10, 10, filled=True),  # after them all: drawn only if the label was not cut short
    ))
    zpl = to_zpl(label, dpi)
    reads = rendered(label, dpi)
    assert {(read.format, read.text) for read in reads} == {
        ("Code128", nasty), ("QRCode", nasty), ("DataMatrix", nasty), ("DataMatrix", "a^b%c~")}
    pixels = render_zpl_grey(zpl, 100, 60, dpi)
    assert (pixels[dots(32, dpi): dots(38, dpi), dots(82, dpi): dots(88, dpi)] < 128).all()
    text_ink = pixels[dots(2, dpi): dots(8, dpi), :] < 128
    assert text_ink.sum() > 200 * (dpi / 203) ** 2


def test_a_multi_parcel_job_renders_one_label_per_parcel() -> None:
    codes = [sscc(f"3765432100000000{n}") for n in (1, 2, 3)]
    labels = [Label(f"parcel-{n}", 100, 60, (Text(5, 5, 90, 6, f"Colis {n}/3"),
                                             Code128(8, 15, 20, f"(00){code}", gs1=True)))
              for n, code in enumerate(codes, 1)]
    images = render_zpl_all(to_zpl_many(labels, 203), 100, 60, 203)
    assert [[read.text for read in read_all(image)] for image in images] == [[f"(00){code}"] for code in codes]


def test_render_label_shortcut() -> None:
    label = Label("short", 50, 30, (QrCode(5, 5, "short", module_mm=0.5),))
    image = render_label(label, 300)
    assert (image.width(), image.height()) == (dots(50, 300), dots(30, 300))
    assert [read.text for read in read_all(image)] == ["short"]


def test_zpl_the_renderer_refuses_is_an_error_and_the_renderer_goes_on() -> None:
    with pytest.raises(ZplRenderError, match="zebrash refused"):
        render_zpl("this is not ZPL", 50, 30, 203)
    assert [read.text for read in read_all(render_label(Label("after", 50, 30, (QrCode(5, 5, "after"),)), 203))] == ["after"]


def test_missing_node_or_package_says_how_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr(zpl_render, "PACKAGE_DIR", tmp_path / "node_modules" / "zpl-renderer-js")
    with pytest.raises(ZplRenderError, match=r"zpl-renderer-js is missing.*npm ci --prefix tests"):
        zpl_render._Renderer()
    monkeypatch.setenv("PATH", str(tmp_path))  # no node on it
    with pytest.raises(ZplRenderError, match=r"node is not installed.*npm ci --prefix tests"):
        zpl_render._Renderer()


@pytest.mark.parametrize("data", ["a^é~ü_%", "Ça coûte 12 € — «ok» …", "QUAI|#1001|1/2|376543200000000017|Œdipe Lefèvre"])
def test_qr_byte_mode_with_hex_escapes_and_any_unicode(data: str) -> None:
    label = Label("qr", 50, 50, (QrCode(5, 5, data, module_mm=0.5),))
    assert [read.text for read in read_all(render_label(label, 300))] == [data]


def test_the_renderer_restarts_after_it_was_stopped() -> None:
    label = Label("again", 50, 30, (QrCode(5, 5, "again"),))
    first = zpl_render.render_zpl_png(to_zpl(label, 203), 50, 30, 203)
    process = zpl_render._renderer.process
    stop_renderer()
    assert process.poll() is not None  # the node process is gone, not left behind
    assert zpl_render.render_zpl_png(to_zpl(label, 203), 50, 30, 203) == first  # a new one renders the same
