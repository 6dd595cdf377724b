"""ESC/POS and TSPL byte streams (app.labels.thermal), parsed back into an image by small
independent parsers written here from the command references (headers read, lengths
obeyed, nothing sliced by position), then decoded by zxing-cpp like the label itself."""

from __future__ import annotations

import re

import numpy as np
import pytest

from app.labels.layout import Label, Text
from app.labels.raster import packed_rows, render_label
from app.labels.thermal import ESC_POS_MAX_BAND_ROWS, escpos_raster, tspl_raster
from tests.labels.test_raster import pixels, sample_label
from tests.support.barcode_reading import read_all

pytestmark = pytest.mark.gui


def bits_to_dark(rows: list[bytes], width_bytes: int, one_is_black: bool) -> np.ndarray:
    packed = np.frombuffer(b"".join(rows), dtype=np.uint8).reshape(len(rows), width_bytes)
    bits = np.unpackbits(packed, axis=1).astype(bool)
    return bits if one_is_black else ~bits


def parse_escpos(stream: bytes) -> tuple[np.ndarray, list[int], bytes | None]:
    """ESC @, then GS v 0 images stacked top to bottom, then GS V: (dark pixels, band
    heights, cut command). Unknown bytes are an error: a printer would print them as text."""
    position, rows, bands, cut, width = 0, [], [], None, None
    assert stream[:2] == b"\x1b\x40", "the job does not start with ESC @"
    position = 2
    while position < len(stream):
        if stream[position:position + 3] == b"\x1d\x76\x30":
            mode, x_low, x_high, y_low, y_high = stream[position + 3:position + 8]
            assert mode in (0, 48), f"GS v 0 mode {mode}: expected normal density"
            x, y = x_low + 256 * x_high, y_low + 256 * y_high
            assert 1 <= y <= 2303 and 1 <= x, (x, y)
            assert width in (None, x), "bands of different widths"
            width = x
            data = stream[position + 8:position + 8 + x * y]
            assert len(data) == x * y, "GS v 0 data cut short"
            rows += [data[i * x:(i + 1) * x] for i in range(y)]
            bands.append(y)
            position += 8 + x * y
        elif stream[position:position + 2] == b"\x1d\x56":
            function = stream[position + 2]
            if function in (65, 66):  # function B: m, n (feed)
                cut = stream[position:position + 4]
                position += 4
            else:
                assert function in (0, 1, 48, 49), f"GS V {function}"
                cut = stream[position:position + 3]
                position += 3
            assert position == len(stream), "bytes after the cut"
        else:
            raise AssertionError(f"unexpected byte {stream[position]:#x} at {position}")
    assert width is not None, "no image in the job"
    return bits_to_dark(rows, width, one_is_black=True), bands, cut


TSPL_LINE = re.compile(rb"([A-Z]+)(?: ([^\r\n]*))?\r\n")
BITMAP_HEAD = re.compile(rb"BITMAP (\d+),(\d+),(\d+),(\d+),(\d+),")


def parse_tspl(stream: bytes, one_is_black: bool = False) -> tuple[np.ndarray, dict[str, str], tuple[int, int, int]]:
    """TSPL commands line by line; BITMAP's binary data is read by its declared size.
    Returns (dark pixels, the other commands' arguments, BITMAP's x, y, mode)."""
    commands: dict[str, str] = {}
    position, image, placement = 0, None, None
    while position < len(stream):
        head = BITMAP_HEAD.match(stream, position)
        if head:
            x, y, width_bytes, height, mode = (int(v) for v in head.groups())
            start = head.end()
            data = stream[start:start + width_bytes * height]
            assert len(data) == width_bytes * height, "BITMAP data cut short"
            rows = [data[i * width_bytes:(i + 1) * width_bytes] for i in range(height)]
            image = bits_to_dark(rows, width_bytes, one_is_black)
            placement = (x, y, mode)
            position = start + width_bytes * height
            assert stream[position:position + 2] == b"\r\n", "BITMAP not ended by CR LF"
            position += 2
            continue
        line = TSPL_LINE.match(stream, position)
        assert line, f"not a TSPL command at byte {position}: {stream[position:position + 20]!r}"
        commands[line.group(1).decode()] = (line.group(2) or b"").decode("ascii")
        position = line.end()
    assert image is not None and placement is not None, "no BITMAP in the job"
    return image, commands, placement


def symbols(dark: np.ndarray) -> set[tuple[str, str, str]]:
    grey = np.where(dark, 0, 255).astype(np.uint8)
    return {(r.format, r.text, r.symbology) for r in read_all(grey)}


@pytest.mark.parametrize("dpi", [203, 300])
def test_escpos_job_prints_the_label_with_the_same_barcodes(qapp, dpi: int) -> None:
    image = render_label(sample_label(), dpi)
    stream = escpos_raster(*packed_rows(image))
    dark, bands, cut = parse_escpos(stream)
    assert np.array_equal(dark[:, :image.width()], pixels(image))
    assert not dark[:, image.width():].any()  # the padding to a whole byte prints nothing
    assert symbols(dark) == {(r.format, r.text, r.symbology) for r in read_all(image)}
    assert len(symbols(dark)) == 4
    assert sum(bands) == image.height() and max(bands) <= 256 and len(bands) > 1
    assert cut == b"\x1d\x56\x42\x00"  # feed to the cutter, partial cut


def test_escpos_bands_honour_the_asked_height_and_the_limit() -> None:
    rows = bytes(range(256)) * 10  # 10 rows of 256 bytes
    dark, bands, cut = parse_escpos(escpos_raster(256, 10, rows, band_rows=3, cut="full", feed=24))
    assert bands == [3, 3, 3, 1]
    assert cut == b"\x1d\x56\x41\x18"
    assert np.array_equal(np.packbits(dark, axis=1).tobytes(), rows)
    _, bands, cut = parse_escpos(escpos_raster(1, 5000, b"\x80" * 5000, band_rows=ESC_POS_MAX_BAND_ROWS, cut=None))
    assert bands == [2303, 2303, 394] and cut is None
    with pytest.raises(ValueError):
        escpos_raster(1, 1, b"\x00", band_rows=2304)
    with pytest.raises(ValueError):
        escpos_raster(2, 2, b"\x00" * 3)


@pytest.mark.parametrize("dpi", [203, 300])
def test_tspl_job_prints_the_label_with_the_same_barcodes(qapp, dpi: int) -> None:
    label = sample_label()
    image = render_label(label, dpi)
    stream = tspl_raster(*packed_rows(image), width_mm=label.width_mm, height_mm=label.height_mm)
    dark, commands, placement = parse_tspl(stream, one_is_black=False)
    assert commands["SIZE"] == "100 mm,150 mm"
    assert commands["GAP"] == "2 mm,0 mm"
    assert commands["DIRECTION"] == "1"
    assert "CLS" in commands and commands["PRINT"] == "1,1"
    assert placement == (0, 0, 0)  # top-left, overwrite
    assert np.array_equal(dark[:, :image.width()], pixels(image))
    assert symbols(dark) == {(r.format, r.text, r.symbology) for r in read_all(image)}
    assert len(symbols(dark)) == 4


def test_tspl_bits_are_zero_for_a_dot_unless_asked_otherwise(qapp) -> None:
    label = Label("t", 20, 10, (Text(1, 1, 18, 5, "Éé", bold=True),))
    width_bytes, height, rows = packed_rows(render_label(label, 203))
    inverted = tspl_raster(width_bytes, height, rows, width_mm=20, height_mm=10, copies=3)
    straight = tspl_raster(width_bytes, height, rows, width_mm=20, height_mm=10, copies=3, ones_print=True)
    dark_inverted, commands, _ = parse_tspl(inverted, one_is_black=False)
    dark_straight, _, _ = parse_tspl(straight, one_is_black=True)
    assert dark_inverted.any() and np.array_equal(dark_inverted, dark_straight)
    assert commands["PRINT"] == "1,3"
    # White paper is all ones in the default (TSC) convention.
    blank = tspl_raster(1, 1, b"\x00", width_mm=20, height_mm=10)
    assert BITMAP_HEAD.search(blank) and b",0,\xff\r\n" in blank


def test_label_jobs_for_the_print_queue(qapp) -> None:
    from app.labels.raster import escpos_job, tspl_job

    label = sample_label()
    expected = {(r.format, r.text, r.symbology) for r in read_all(render_label(label, 203))}
    dark, _, cut = parse_escpos(escpos_job(label, cut="full"))
    assert symbols(dark) == expected and cut == b"\x1d\x56\x41\x00"
    dark, commands, _ = parse_tspl(tspl_job(label, 300, gap_mm=3, copies=2))
    assert dark.shape[0] == 1772  # 150 mm at 300 dpi
    assert symbols(dark) == expected
    assert (commands["SIZE"], commands["GAP"], commands["PRINT"]) == ("100 mm,150 mm", "3 mm,0 mm", "1,2")
