"""ZPL II for Zebra-language thermal printers, from one ``layout.Label``, at 203 or 300 dpi.

Every label starts ``^XA^CI28^PW…^LL…^LH0,0^PON^PMN^LRN^FWN``: UTF-8 field data (French
accents print), the label's own width and length in dots, no home offset, and upright,
unmirrored, unreversed fields: those settings outlive a format on a Zebra, so a label never
depends on what the previous job (another program's) left in the printer. Positions and
sizes go from millimetres to dots through ``layout.dots``, barcode modules through
``layout.module_dots`` (whole dots: a bar of 1.5 dots would print as 1 or 2 at random).

Choices that are not obvious, each checked against zebrash (the independent renderer the
tests use) and the ZPL II manual:

- Text: each line that ``app.labels.wrap.wrap`` made is its own field, placed with ``^FO``
  in a one-line ``^FB`` block of the box's width, so ``^FB`` aligns (L/C/R) but never wraps
  again. Font 0 (the printer's scalable bold condensed font) at the line height, narrowed
  for a line that its measured widths (``FONT0_ADVANCE``) say would not fit; ZPL has no
  other bold, so ``bold`` changes nothing here. Inverse text is a filled ``^GB`` band
  with each line printed ``^FR`` (field reverse: white where it crosses black).
- GS1-128: ``^BC`` in no-mode (``N``) with explicit invocation codes: ``>;`` start C,
  ``>8`` FNC1, ``>6`` to code B, digits in pairs while in C. Code C is entered only by the
  start character: zebrash misreads ``>5`` (back to C) and drops a single character that
  follows an invocation code at the end of the data, so the encoder never produces either
  (a symbol can then be a few characters longer than the shortest, only when an
  alphanumeric AI comes before numeric ones). The printer's interpretation line is off:
  its text would be the raw digits, so the bracketed form is printed here as text.
- Plain Code 128: ``^BC`` automatic mode (``A``): the printer chooses code sets B and C;
  data holding ``>``, ``^`` or ``~`` is written in no-mode as above (``>0``, ``><``, ``>=``).
  A last single character after an invocation code is written in code A (zebrash drops
  it otherwise); a lower-case one cannot be, and zebrash loses it (a printer does not).
- QR: ``^BQN,2,<module dots>`` with ``^FD<level>A,<data>`` for ASCII data and manual byte
  mode ``^FD<level>M,B<UTF-8 length><data>`` for the rest (see ``qr_field``). A Zebra
  prints a QR symbol below its ``^FO`` by the current ``^BY`` height (zebrash reproduces
  it): each QR sets ``^BY`` to 10 dots and is placed 10 dots higher.
- DataMatrix: ``^BXN,<module dots>,200,,,,<escape>``; the escape character is explicit
  because the printer's default (``~``) is ZPL's control prefix. GS1 data starts with
  ``<escape>1`` (FNC1) and has one after each variable-length AI. Its data is ISO-8859-1
  (é è à ç « » yes, œ no: ValueError).
- Field data never carries a raw ``^`` or ``~`` (they would start a command on the
  printer): such data goes through ``^FH`` hexadecimal escapes.

No Qt, no I/O. Thread safety: every function is pure; the caches are ``functools.lru_cache``
(thread-safe), keyed by immutable data.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from app.labels.layout import Box, Code128, DataMatrix, Label, QrCode, Text, dots, gs1_elements, module_dots, needs_separator
from app.labels.wrap import wrap

HRI_SIZE_MM = 2.5  # height of the human-readable line under a Code 128 symbol
HRI_GAP_MM = 0.5  # between the bars and that line
QR_TOP_OFFSET_DOTS = 10  # a Zebra prints ^BQ this far below its ^FO (the ^BY height, set to it)
QR_MAX_MAGNIFICATION = 10  # ^BQ's largest magnification
_JUSTIFY = {"left": "L", "center": "C", "right": "R"}

# ^FH hexadecimal escapes: with "_" as the escape character, "_5E" is "^". The escape
# character itself is escaped too, so a "_" in the data stays a "_".
_HEX_ESCAPES = {ord(ch): f"_{ord(ch):02X}" for ch in "^~_"}
_HEX_ESCAPES_ALT = {ord(ch): f"%{ord(ch):02X}" for ch in "^~%"}  # when "_" is DataMatrix's escape
# Candidate DataMatrix escape characters: the first one absent from the data is used, so
# no part of the data can be read as an escape sequence ("_" first, the manual's own).
_DM_ESCAPES = "_`|#@$!*"


def _field_data(data: str, table: dict[int, str] = _HEX_ESCAPES, fh: str = "_") -> str:
    """``^FD…`` for ``data``, through ``^FH`` only when it holds a character ZPL would
    misread (substring tests run in C: no per-character Python loop on the common path)."""
    if "^" in data or "~" in data:
        return f"^FH{fh}^FD{data.translate(table)}"
    return f"^FD{data}"




# Advance widths of ZPL font 0 in units of its width parameter (^A0N,h,w: a character is
# advance * w dots wide), measured on zebrash's font 0 (a Helvetica Bold Condensed, as the
# printers' CG Triumvirate Bold Condensed) by rendering runs of 10 and 20 of each character.
# A character not listed counts 1.0, wider than any listed but "‰": a line is never
# underestimated. The hyphen is that wide in zebrash's font; counting it so errs safe.
_FONT0_GROUPS = {
    0.02: "\xa0", 0.25: " '\\|¦", 0.274: "{}", 0.278: "/:;IfijltÌÍÎÏìíîï‘’‚‹›", 0.3: "ª²³¹º",
    0.333: "!\"(),.[]`r¡¨¯´·¸ˆ˜", 0.389: "zž", 0.4: "°", 0.42: "•", 0.444: "Jcksvxyçýÿš", 0.457: "\xad",
    0.5: "#$*+0123456789<=>?EFLTZ^_abdeghnopqu~¢£¤¥§«¬±µ»¿ÈÉÊË×ßàáâãäåèéêëðñòóôõö÷øùúûüþ€–“”„†‡Žƒ",
    0.55: "¶", 0.556: "ABCKPSVXYÀÁÂÃÄÅÇÝÞŸŠ", 0.611: "DGHNOQRUÐÑÒÓÔÕÖØÙÚÛÜ", 0.667: "&w", 0.722: "æœ",
    0.75: "¼½¾", 0.778: "MmÆ", 0.8: "-", 0.83: "©®", 0.833: "%@WŒ", 0.86: "™", 1.0: "…—", 1.111: "‰",
}
FONT0_ADVANCE: dict[str, float] = {ch: width for width, chars in _FONT0_GROUPS.items() for ch in chars}


@lru_cache(maxsize=4096)
def font0_units(line: str) -> float:
    """``line``'s advance in ZPL font 0, in units of the font's width parameter."""
    advance = FONT0_ADVANCE.get
    return sum(advance(ch, 1.0) for ch in line)


def _line(x: int, y: int, height: int, box: int, justify: str, line: str, reverse: str = "") -> str:
    """One text line in a one-line ``^FB`` of ``box`` dots. The font is narrowed (its width
    parameter lowered) when the line would be wider than the box in font 0: the wrapping
    model (``app.labels.wrap``) errs wide on average but not for every character ("1",
    "W", "—"), and a line must never run past its box nor be wrapped by the printer."""
    width = height
    units = font0_units(line)
    if units * width > box:
        width = max(1, int(box / units))
    return f"^FO{x},{y}{reverse}^A0N,{height},{width}^FB{box},1,0,{justify}{_field_data(line)}^FS"


def _text(element: Text, dpi: int, out: list[str]) -> None:
    lines = wrap(element.text, element.width_mm, element.size_mm, element.max_lines)
    if not lines:
        return
    x = dots(element.x_mm, dpi)
    width = max(1, dots(element.width_mm, dpi))
    height = max(1, dots(element.size_mm, dpi))
    pitch_mm = element.size_mm * element.line_spacing
    justify = _JUSTIFY[element.align]
    reverse = ""
    if element.inverse:
        band = max(1, dots(len(lines) * pitch_mm, dpi))
        out.append(f"^FO{x},{dots(element.y_mm, dpi)}^GB{width},{band},{band},B,0^FS")
        reverse = "^FR"
    for index, line in enumerate(lines):
        if line:
            out.append(_line(x, dots(element.y_mm + index * pitch_mm, dpi), height, width, justify, line, reverse))


def _box(element: Box, dpi: int, out: list[str]) -> None:
    width = max(1, dots(element.width_mm, dpi))
    height = max(1, dots(element.height_mm, dpi))
    # ^GB needs width and height >= thickness; a filled box is one as thick as it is narrow.
    thickness = min(width, height) if element.filled else min(width, height, max(1, dots(element.thickness_mm, dpi)))
    out.append(f"^FO{dots(element.x_mm, dpi)},{dots(element.y_mm, dpi)}^GB{width},{height},{thickness},B,0^FS")


# --- Code 128 -------------------------------------------------------------------------------

_FNC1 = "\x1d"  # FNC1 in a token string (GS, as scanners transmit it)
# Code B characters that ZPL's no-mode gives a meaning to, written as invocation codes.
_B_CHARS = {">": ">0", "^": "><", "~": ">="}


def _gs1_tokens(bracketed: str) -> str:
    elements = gs1_elements(bracketed)
    parts = [_FNC1]
    for index, (ai, value) in enumerate(elements):
        if not value.isascii() or not value.isprintable():
            raise ValueError(f"AI ({ai}) value {value!r} is not printable ASCII: it cannot be encoded in GS1-128")
        parts.append(ai + value)
        if needs_separator(ai) and index < len(elements) - 1:
            parts.append(_FNC1)
    return "".join(parts)


def _c_then_b_units(tokens: str) -> list[str]:
    """``tokens`` as ZPL no-mode units, starting in code C when that is shorter and
    switching to code B at most once (see the module docstring): each unit is one symbol
    character (an invocation code, a digit pair in C, or one character in B).

    The only choice is where to leave C: after the longest even run of digit pairs and
    FNC1s that pays off; every switch point is tried (the data is short: an SSCC label has
    fewer than 50 characters) and the fewest symbol characters wins.
    """
    n = len(tokens)
    best_k, best_cost = 0, None
    k = 0
    c_count = 0
    while True:
        rest = n - k
        # start character, then (from C) the C characters, the switch and the B characters
        cost = 1 + c_count + (1 + rest if rest else 0) if k else 1 + rest
        if k and rest == 1:
            cost = None  # zebrash drops a single character after the ">6" switch
        if cost is not None and (best_cost is None or cost < best_cost or (cost == best_cost and k > best_k)):
            best_k, best_cost = k, cost
        if k < n and tokens[k] == _FNC1:
            k, c_count = k + 1, c_count + 1
        elif k + 1 < n and tokens[k].isdigit() and tokens[k + 1].isdigit():
            k, c_count = k + 2, c_count + 1
        else:
            break
    if best_k:
        units = [">;"]
        i = 0
        while i < best_k:
            if tokens[i] == _FNC1:
                units.append(">8")
                i += 1
            else:
                units.append(tokens[i:i + 2])
                i += 2
        if best_k < n:
            units.append(">6")
    else:
        units = [">:"]
    for ch in tokens[best_k:]:
        units.append(">8" if ch == _FNC1 else _B_CHARS.get(ch, ch))
    last = units[-1]
    if len(units) > 2 and units[-2][0] == ">" and len(last) == 1 and " " <= last < "`":
        # A last single character right after an invocation code is dropped by zebrash:
        # it goes in code A instead (">7"), where a character is written as a digit pair.
        units[-1:] = [">7", f"{ord(last) - 32:02d}"]
    return units


def _shortest_count(tokens: str) -> int:
    """Symbol characters (start included, check and stop excluded) of the shortest B/C
    encoding: what zebrash's automatic mode makes (a test checks it on printed widths); a
    printer's own choice of code sets could differ by a character in odd cases."""
    n = len(tokens)
    best_b, best_c = [0] * (n + 1), [0] * (n + 1)
    for i in range(n - 1, -1, -1):
        pair = i + 1 < n and tokens[i].isdigit() and tokens[i + 1].isdigit()
        fnc1 = tokens[i] == _FNC1
        direct_b = 1 + best_b[i + 1]
        direct_c = 1 + (best_c[i + 1] if fnc1 else best_c[i + 2] if pair else 10 ** 6)
        best_b[i] = min(direct_b, 1 + direct_c)
        best_c[i] = min(direct_c, 1 + direct_b)
    return 1 + min(best_b[0], best_c[0]) if n else 1


@lru_cache(maxsize=512)
def code128_field(data: str, gs1: bool) -> tuple[str, str, int]:
    """(``^BC`` mode, ``^FD…`` field data, symbol width in modules without quiet zones).

    Raises ValueError for data a Code 128 cannot carry (not printable ASCII, a malformed
    GS1 element string): a label is never printed with a barcode it cannot mean."""
    if gs1:
        units = _c_then_b_units(_gs1_tokens(data))
        return "N", "^FD" + "".join(units), 11 * (len(units) + 1) + 13
    if not data or not data.isascii() or not data.isprintable():
        raise ValueError(f"cannot encode {data!r} in Code 128: printable ASCII only")
    if ">" in data or "^" in data or "~" in data:
        # Automatic mode still reads ">" as the start of an invocation code (the manual's own
        # GS1 example uses ">8" in it): such data is written character by character.
        units = _c_then_b_units(data)
        return "N", "^FD" + "".join(units), 11 * (len(units) + 1) + 13
    return "A", f"^FD{data}", 11 * (_shortest_count(data) + 1) + 13


def _code128(element: Code128, dpi: int, out: list[str]) -> None:
    mode, field, modules = code128_field(element.data, element.gs1)
    module = module_dots(element.module_mm, dpi)
    x, y = dots(element.x_mm, dpi), dots(element.y_mm, dpi)
    height = max(1, dots(element.height_mm, dpi))
    out.append(f"^FO{x},{y}^BY{module},3,{height}^BCN,{height},N,N,N,{mode}{field}^FS")
    if element.human_readable:
        size = dots(HRI_SIZE_MM, dpi)
        top = dots(element.y_mm + element.height_mm + HRI_GAP_MM, dpi)
        out.append(_line(x, top, size, modules * module, "C", element.data))


# --- 2-D symbols ------------------------------------------------------------------------------

def _qr(element: QrCode, dpi: int, out: list[str]) -> None:
    if element.error_level not in ("L", "M", "Q", "H"):
        raise ValueError(f"QR error-correction level {element.error_level!r}: use L, M, Q or H")
    magnification = min(QR_MAX_MAGNIFICATION, module_dots(element.module_mm, dpi))
    x, y = dots(element.x_mm, dpi), max(0, dots(element.y_mm, dpi) - QR_TOP_OFFSET_DOTS)
    # The offset is the ^BY bar-code height (zebrash, as Labelary documents for the printers);
    # it is set here so the QR code does not move with the previous barcode's height.
    out.append(f"^FO{x},{y}^BY1,3,{QR_TOP_OFFSET_DOTS}^BQN,2,{magnification}{qr_field(element.data, element.error_level)}^FS")


@lru_cache(maxsize=256)
def qr_field(data: str, level: str = "M") -> str:
    """``^FD…`` of a QR code: ASCII in automatic mode (``<level>A,``: the printer picks
    numeric, alphanumeric or byte mode); anything else in manual byte mode with its UTF-8
    length (``<level>M,B0012…``), because the automatic mode cannot carry bytes 0x80-0x9F
    and 0xE0-0xFF (ZPL II manual, ^BQ), which UTF-8 accents are made of (É is C3 89)."""
    if data.isascii():
        return _field_data(f"{level}A,{data}")
    size = len(data.encode("utf-8"))
    if size > 2953:  # a version 40 QR code's bytes at level L
        raise ValueError(f"{size} bytes are too many for a QR code")
    return _field_data(f"{level}M,B{size:04d}{data}")


@lru_cache(maxsize=256)
def datamatrix_field(data: str, gs1: bool) -> tuple[str, str]:
    """(escape character for ``^BX``, ``^FH…^FD…`` field data) for a DataMatrix.

    Raises ValueError for data outside ISO-8859-1 (``œ``, ``€``…): a DataMatrix printed
    from ZPL carries its data as ISO-8859-1 bytes (zebrash refuses the rest; a printer would
    print bytes a scanner reads as other characters). Use a QR code for such text."""
    try:
        data.encode("latin-1")
    except UnicodeEncodeError as error:
        raise ValueError(f"cannot print {data!r} as a DataMatrix in ZPL: {data[error.start]!r} is not "
                         "ISO-8859-1 (use a QR code for this text)") from None
    escape = next((ch for ch in _DM_ESCAPES if ch not in data), None)
    if escape is None:
        raise ValueError(f"cannot encode {data!r} as DataMatrix: it uses every escape character Quai can choose")
    if gs1:
        elements = gs1_elements(data)
        parts = [escape + "1"]
        for index, (ai, value) in enumerate(elements):
            parts.append(ai + value)
            if needs_separator(ai) and index < len(elements) - 1:
                parts.append(escape + "1")
        data = "".join(parts)
    if escape == "_":
        return escape, _field_data(data, _HEX_ESCAPES_ALT, "%")
    return escape, _field_data(data)


def _datamatrix(element: DataMatrix, dpi: int, out: list[str]) -> None:
    escape, field = datamatrix_field(element.data, element.gs1)
    module = module_dots(element.module_mm, dpi)
    out.append(f"^FO{dots(element.x_mm, dpi)},{dots(element.y_mm, dpi)}^BXN,{module},200,,,,{escape}{field}^FS")


_EMITTERS = {Text: _text, Box: _box, Code128: _code128, QrCode: _qr, DataMatrix: _datamatrix}


def to_zpl(label: Label, dpi: int = 203) -> str:
    """One label as a ZPL II format, ``^XA`` to ``^XZ``, for a printer of ``dpi`` (203 or
    300). The text is Unicode; send it UTF-8 encoded (``^CI28``).

    Raises ValueError for a barcode whose data cannot be encoded and TypeError for an
    element this module does not know."""
    out = [f"^XA^CI28^PW{label.width_dots(dpi)}^LL{label.height_dots(dpi)}^LH0,0^PON^PMN^LRN^FWN"]
    for element in label.elements:
        emit = _EMITTERS.get(type(element))
        if emit is None:
            raise TypeError(f"label {label.name!r}: cannot write {type(element).__name__} in ZPL")
        emit(element, dpi, out)
    out.append("^XZ\n")
    return "\n".join(out)


def to_zpl_many(labels: Iterable[Label], dpi: int = 203) -> str:
    """Several labels, one format each, in one job (a multi-parcel order's labels)."""
    return "".join(to_zpl(label, dpi) for label in labels)
