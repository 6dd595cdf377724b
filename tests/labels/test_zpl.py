"""ZPL II text from ``app.labels.zpl``, checked as text (no renderer: see test_zpl_render.py)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.gtin import gs1_check_digit
from app.labels.layout import Box, Code128, DataMatrix, Label, QrCode, Text, dots, module_dots
from app.labels.wrap import wrap
from app.labels.zpl import QR_TOP_OFFSET_DOTS, _line, code128_field, datamatrix_field, font0_units, qr_field, to_zpl, to_zpl_many

SSCC = "37654321000000001" + str(gs1_check_digit("37654321000000001"))
FIELD = re.compile(r"\^FO(\d+),(\d+)(.*?)\^FS")


def fields(zpl: str) -> list[tuple[int, int, str]]:
    return [(int(x), int(y), body) for x, y, body in FIELD.findall(zpl)]


def field_data(body: str) -> str:
    return body.split("^FD", 1)[1]


def unescaped(body: str) -> str:
    """A field's data as the printer reads it: ^FH hexadecimal escapes decoded."""
    data = field_data(body)
    match = re.search(r"\^FH(.)", body)
    if match:
        escape = re.escape(match.group(1))
        data = re.sub(escape + "([0-9A-Fa-f]{2})", lambda m: chr(int(m.group(1), 16)), data)
    return data


@pytest.mark.parametrize(("dpi", "width", "height"), [(203, 799, 1199), (300, 1181, 1772)])
def test_every_label_sets_utf8_size_and_home(dpi: int, width: int, height: int) -> None:
    zpl = to_zpl(Label("shipping", 100, 150, (Box(1, 1, 98, 148),)), dpi)
    assert zpl.startswith(f"^XA^CI28^PW{width}^LL{height}^LH0,0^PON^PMN^LRN^FWN\n")
    assert zpl.rstrip().endswith("^XZ") and zpl.count("^XA") == 1


def test_text_lines_are_the_wrapped_lines_each_in_a_one_line_block() -> None:
    text = Text(5, 10, 50, 4, "12 rue de la République, Bâtiment B, escalier 3, 69007 Lyon", max_lines=3, align="right")
    lines = wrap(text.text, text.width_mm, text.size_mm, text.max_lines)
    assert len(lines) > 1
    found = fields(to_zpl(Label("t", 60, 30, (text,)), 203))
    assert [field_data(body) for _, _, body in found] == lines
    for index, (x, y, body) in enumerate(found):
        assert (x, y) == (dots(5, 203), dots(10 + index * 4 * 1.15, 203))
        assert f"^A0N,{dots(4, 203)},{dots(4, 203)}^FB{dots(50, 203)},1,0,R" in body  # one line: ^FB never wraps


def test_a_line_too_wide_for_font_0_is_narrowed_not_wrapped() -> None:
    # Hyphens: narrow to the wrapping model, wide in font 0 (zebrash's, measured).
    line = "Sainte-Foy-lès-Lyon-" * 3
    box, height = 300, 32
    assert font0_units(line) * height > box
    body = _line(10, 20, height, box, "L", line)
    width = int(re.search(r"\^A0N,\d+,(\d+)", body).group(1))
    assert font0_units(line) * width <= box < font0_units(line) * (width + 1)
    assert body.endswith(f"^FB{box},1,0,L^FD{line}^FS")  # one line: narrowed, not wrapped
    (_, _, body), = fields(to_zpl(Label("t", 60, 30, (Text(5, 10, 50, 4, "Colis 1/2"),)), 203))
    assert f"^A0N,{dots(4, 203)},{dots(4, 203)}^" in body  # a line that fits keeps its proportions


@pytest.mark.parametrize(("align", "letter"), [("left", "L"), ("center", "C"), ("right", "R")])
def test_alignment_letters(align: str, letter: str) -> None:
    zpl = to_zpl(Label("t", 60, 30, (Text(5, 10, 50, 4, "Colis", align=align),)), 203)
    assert f",1,0,{letter}^FD" in zpl


def test_inverse_text_is_reversed_over_a_filled_band() -> None:
    found = fields(to_zpl(Label("t", 100, 30, (Text(5, 5, 90, 6, "RELAIS", inverse=True),)), 203))
    (bx, by, band), (tx, ty, text) = found
    width, height = dots(90, 203), dots(6 * 1.15, 203)
    assert band == f"^GB{width},{height},{height},B,0"  # filled: thickness = height
    assert (bx, by) == (tx, ty) and text.startswith("^FR^A0N")


def test_boxes_and_lines() -> None:
    found = fields(to_zpl(Label("t", 100, 150, (Box(2, 3, 96, 0.4), Box(10, 20, 30, 15, filled=True), Box(5, 5, 90, 140, 0.5))), 300))
    assert [body for _, _, body in found] == [
        f"^GB{dots(96, 300)},{dots(0.4, 300)},{dots(0.4, 300)},B,0",  # a rule: a box as thin as its line
        f"^GB{dots(30, 300)},{dots(15, 300)},{dots(15, 300)},B,0",
        f"^GB{dots(90, 300)},{dots(140, 300)},{dots(0.5, 300)},B,0",
    ]


@pytest.mark.parametrize("dpi", [203, 300])
def test_barcode_modules_are_whole_dots_in_by(dpi: int) -> None:
    zpl = to_zpl(Label("t", 100, 60, (Code128(5, 5, 20, f"(00){SSCC}", gs1=True, module_mm=0.375),)), dpi)
    assert f"^BY{module_dots(0.375, dpi)},3,{dots(20, dpi)}^BCN,{dots(20, dpi)},N,N,N,N" in zpl
    assert module_dots(0.375, 203) == 3 and module_dots(0.375, 300) == 4


def decode_no_mode(field: str) -> str:
    """An independent reading of ^BC no-mode data: invocation codes and code sets as the ZPL
    manual defines them; FNC1 comes back as "\\x1d"."""
    return read_no_mode(field)[0]


def read_no_mode(field: str) -> tuple[str, int]:
    """(data, symbol characters from the start character to the last data character)."""
    assert field.startswith((">;", ">:"))
    current = "C" if field.startswith(">;") else "B"
    out, i, count = [], 2, 1
    specials = {"0": ">", "<": "^", "=": "~"}
    while i < len(field):
        count += 1
        if field[i] == ">":
            code = field[i + 1]
            if code == "8":
                out.append("\x1d")
            elif code == "6":
                current = "B"
            elif code == "5":
                current = "C"
            elif code == "7":
                current = "A"
            else:
                assert current == "B" and code in specials, field
                out.append(specials[code])
            i += 2
        elif current in "AC":  # code A and C are written as digit pairs, 00 to 99
            pair = field[i:i + 2]
            assert len(pair) == 2 and pair.isdigit(), field
            out.append(pair if current == "C" else chr(int(pair) + 32))
            i += 2
        else:
            out.append(field[i])
            i += 1
    return "".join(out), count


@pytest.mark.parametrize(("data", "tokens"), [
    (f"(00){SSCC}", f"\x1d00{SSCC}"),
    (f"(00){SSCC}(37)12(10)LOT-A", f"\x1d00{SSCC}3712\x1d10LOT-A"),
    ("(01)03760251000170(10)12345(17)261231", "\x1d010376025100017010" "12345\x1d17261231"),
    ("(10)A>B(21)7", "\x1d10A>B\x1d217"),
    ("(91)A>B", "\x1d91A>B"),  # the last B after ">0" goes in code A
])
def test_gs1_128_fnc1_first_and_after_variable_length_ais(data: str, tokens: str) -> None:
    mode, field, modules = code128_field(data, gs1=True)
    assert mode == "N"
    encoded = field.removeprefix("^FD")
    assert "^" not in encoded and "~" not in encoded
    assert ">5" not in encoded  # zebrash misreads a return to code C
    assert decode_no_mode(encoded) == tokens
    assert encoded[-3] != ">"  # zebrash drops a single character left after an invocation code
    assert modules % 11 == 2 and modules > 11 * 3  # 11 per character, 13 for the stop


def test_an_sscc_alone_is_all_code_c() -> None:
    mode, field, modules = code128_field(f"(00){SSCC}", gs1=True)
    assert field == f"^FD>;>800{SSCC}"
    assert modules == 11 * (1 + 1 + 10 + 1) + 13  # start, FNC1, 10 digit pairs, check; stop


def test_plain_code128_lets_the_printer_choose_code_sets() -> None:
    mode, field, _ = code128_field("6A12345678901", gs1=False)
    assert (mode, field) == ("A", "^FD6A12345678901")


@pytest.mark.parametrize("data", ["a>b", "x^y~z", "P>1", "~~~", ">"])
def test_plain_code128_with_invocation_characters_is_written_out(data: str) -> None:
    mode, field, _ = code128_field(data, gs1=False)
    encoded = field.removeprefix("^FD")
    assert mode == "N" and decode_no_mode(encoded) == data
    assert "^" not in encoded and "~" not in encoded


def test_human_readable_line_under_the_bars() -> None:
    code = Code128(10, 20, 15, f"(00){SSCC}(10)AB", gs1=True)
    found = fields(to_zpl(Label("t", 100, 60, (code,)), 203))
    assert len(found) == 2
    x, y, body = found[1]
    assert x == dots(10, 203) and y > dots(35, 203)
    assert field_data(body) == f"(00){SSCC}(10)AB"  # the bracketed form
    assert len(fields(to_zpl(Label("t", 100, 60, (Code128(10, 20, 15, "X1", human_readable=False),)), 203))) == 1


@pytest.mark.parametrize("dpi", [203, 300])
def test_qr_magnification_is_the_module_in_dots(dpi: int) -> None:
    found = fields(to_zpl(Label("t", 100, 60, (QrCode(10, 20, "#1001/1", module_mm=0.5, error_level="Q"),)), dpi))
    (x, y, body), = found
    assert (x, y) == (dots(10, dpi), dots(20, dpi) - QR_TOP_OFFSET_DOTS)
    assert f"^BY1,3,{QR_TOP_OFFSET_DOTS}^BQN,2,{module_dots(0.5, dpi)}^FDQA,#1001/1" == body
    big = to_zpl(Label("t", 100, 60, (QrCode(10, 20, "x", module_mm=3),)), dpi)
    assert "^BQN,2,10^" in big  # ^BQ's largest magnification


def test_qr_data_beyond_ascii_goes_in_byte_mode_with_its_utf8_length() -> None:
    assert qr_field("#1001/1", "M") == "^FDMA,#1001/1"
    assert qr_field("Élodie «ok»", "Q") == "^FDQM,B0014Élodie «ok»"  # 8 ASCII bytes, É « » two bytes each
    assert qr_field("a^é", "M") == "^FH_^FDMM,B0004a_5Eé"  # the length counts the byte ^FH makes
    with pytest.raises(ValueError, match="too many"):
        qr_field("é" * 1500, "L")


def test_datamatrix_has_an_explicit_escape_and_fnc1_for_gs1() -> None:
    escape, field = datamatrix_field(f"(00){SSCC}(10)LOT(17)261231", gs1=True)
    assert escape == "_" and field == f"^FD_100{SSCC}10LOT_117261231"
    zpl = to_zpl(Label("t", 100, 60, (DataMatrix(10, 20, "(10)A_1(21)X", gs1=True),)), 203)
    assert "^BXN,4,200,,,,`^FD`110A_1`121X^FS" in zpl  # data holding "_": another escape character


def test_datamatrix_refuses_text_outside_latin1() -> None:
    with pytest.raises(ValueError, match="ISO-8859-1"):
        to_zpl(Label("t", 100, 60, (DataMatrix(10, 20, "cœur"),)), 203)


NASTY = "a^b~c_d%e\\f^FS~HS"


@pytest.mark.parametrize("element", [
    Text(5, 5, 90, 5, NASTY),
    Code128(5, 5, 10, NASTY, human_readable=False),
    QrCode(5, 5, NASTY),
    DataMatrix(5, 5, NASTY),
], ids=["text", "code128", "qr", "datamatrix"])
def test_caret_and_tilde_never_reach_the_printer_raw(element) -> None:
    zpl = to_zpl(Label("t", 100, 60, (element,)), 203)
    (_, _, body), = fields(zpl)
    data = field_data(body)
    assert "^" not in data and "~" not in data
    if isinstance(element, Code128):  # written with invocation codes, not ^FH
        assert "^BCN,{0},N,N,N,N".format(dots(10, 203)) in body and decode_no_mode(data) == NASTY
    else:
        assert unescaped(body).endswith(NASTY)
    assert zpl.count("^FS") == 1 and zpl.count("^XZ") == 1


def test_code128_refuses_what_it_cannot_carry() -> None:
    with pytest.raises(ValueError, match="printable ASCII"):
        to_zpl(Label("t", 100, 60, (Code128(5, 5, 10, "Prélèvement"),)), 203)
    with pytest.raises(ValueError):
        to_zpl(Label("t", 100, 60, (Code128(5, 5, 10, "00123", gs1=True),)), 203)  # not bracketed


def test_unknown_element_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="str"):
        to_zpl(Label("t", 100, 60, ("not an element",)), 203)  # type: ignore[arg-type]


def test_positions_scale_with_the_resolution() -> None:
    label = Label("t", 100, 150, (
        Text(7.3, 12.1, 50, 4, "Quai"), Box(2, 40, 96, 0.4), Code128(10.5, 60, 20, "QUAI-1"),
        QrCode(60, 100, "q"), DataMatrix(20, 100, "d"),
    ))
    low, high = fields(to_zpl(label, 203)), fields(to_zpl(label, 300))
    assert len(low) == len(high) == 6  # the Code 128 has its human-readable line
    for (x1, y1, body), (x2, y2, _) in zip(low, high):
        if "^BQ" in body:  # the QR's field is placed its fixed offset (in dots) above the symbol
            y1, y2 = y1 + QR_TOP_OFFSET_DOTS, y2 + QR_TOP_OFFSET_DOTS
        assert abs(x2 - x1 * 300 / 203) <= 1.5 and abs(y2 - y1 * 300 / 203) <= 1.5, body


def test_many_labels_in_one_job() -> None:
    labels = [Label(f"parcel-{n}", 100, 150, (Text(5, 5, 90, 6, f"Colis {n}/3"),)) for n in (1, 2, 3)]
    job = to_zpl_many(labels, 300)
    assert job.count("^XA") == 3 and job.count("^XZ") == 3
    assert job == "".join(to_zpl(label, 300) for label in labels)
    assert [m for m in re.findall(r"Colis \d/3", job)] == ["Colis 1/3", "Colis 2/3", "Colis 3/3"]


# GS1's character set 82 (what an AI value may hold), and AIs of both kinds.
SET82 = "!\"%&'*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"
FIXED = {"00": 18, "01": 14, "17": 6, "3103": 6}
element = st.one_of(
    st.sampled_from(sorted(FIXED)).flatmap(lambda ai: st.text("0123456789", min_size=FIXED[ai], max_size=FIXED[ai]).map(lambda v: (ai, v))),
    st.tuples(st.sampled_from(["10", "21", "37", "91", "400"]), st.text(SET82, min_size=1, max_size=12)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(element, min_size=1, max_size=4))
def test_any_gs1_element_string_is_encoded_exactly(elements: list[tuple[str, str]]) -> None:
    data = "".join(f"({ai}){value}" for ai, value in elements)
    tokens = "\x1d" + "".join(ai + value + ("\x1d" if ai not in FIXED and index < len(elements) - 1 else "")
                              for index, (ai, value) in enumerate(elements))
    mode, field, modules = code128_field(data, gs1=True)
    encoded = field.removeprefix("^FD")
    assert mode == "N" and decode_no_mode(encoded) == tokens
    assert ">5" not in encoded and "^" not in encoded and "~" not in encoded
    assert modules == 11 * (read_no_mode(encoded)[1] + 1) + 13  # characters, check (11 each); stop (13)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=30))
def test_any_printable_ascii_code128_is_encoded_exactly(data: str) -> None:
    mode, field, _ = code128_field(data, gs1=False)
    encoded = field.removeprefix("^FD")
    assert "^" not in encoded and "~" not in encoded
    if mode == "N":
        assert decode_no_mode(encoded) == data
    else:  # automatic mode: the data as it is, with nothing the printer would read as a code
        assert mode == "A" and encoded == data and ">" not in data


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(min_codepoint=32, max_codepoint=255, exclude_characters="\x7f"), min_size=1, max_size=30))
def test_any_latin1_datamatrix_data_reaches_the_symbol_unchanged(data: str) -> None:
    escape, field = datamatrix_field(data, gs1=False)
    body = "^BXN,4,200,,,," + escape + field
    assert escape not in data  # nothing in the data can start an escape sequence
    assert "^" not in field_data(field) and "~" not in field_data(field)
    fh = re.search(r"\^FH(.)", field)
    assert fh is None or fh.group(1) != escape
    assert unescaped(body) == data


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(min_codepoint=32, exclude_categories=("Cs",)), min_size=1, max_size=40))
def test_any_qr_data_reaches_the_symbol_unchanged(data: str) -> None:
    field = qr_field(data, "M")
    decoded = unescaped(field)
    assert "^" not in field_data(field) and "~" not in field_data(field)
    if data.isascii():
        assert decoded == "MA," + data
    else:
        size = len(data.encode("utf-8"))
        assert decoded == f"MM,B{size:04d}{data}"
