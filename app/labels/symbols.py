"""Barcode symbols as module patterns, so every raster output paints the same symbol.

``code128_modules`` is a Code 128 / GS1-128 encoder written here (the Code 128 bar table
comes from python-barcode): python-barcode's own ``gs1_128`` takes no bracketed element
string and puts no FNC1 between elements, and a minimal-length encoding (code sets B and C
chosen by a small dynamic programme) keeps a 18-digit SSCC short enough for a 100 mm label.
``qr_matrix`` uses the ``qrcode`` package, ``datamatrix_matrix`` zxing-cpp's writer (its
``gs1=True`` option starts the symbol with FNC1 and separates variable-length AIs).

Results are cached per data: a shipping label repaints the same symbols for each preview,
and the patterns are immutable (tuples), so the cache can be shared between threads.
No Qt: the painting is ``app.labels.raster``'s job.

Thread safety: every function is pure; ``functools.lru_cache`` is thread-safe.
"""

from __future__ import annotations

from functools import lru_cache

from barcode.charsets.code128 import CODES as _CODE128_BARS  # 106 patterns, values 0..105
from barcode.charsets.code128 import STOP as _CODE128_STOP

from app.labels.layout import gs1_elements, needs_separator

Matrix = tuple[tuple[bool, ...], ...]  # rows of cells, True = dark, no quiet zone

# Code 128 symbol values (ISO/IEC 15417).
_FNC1 = 102
_START_B, _START_C = 104, 105
_CODE_B_FROM_C, _CODE_C_FROM_B = 100, 99
_TERMINATION_BAR = "11"  # the stop pattern is 2331112: python-barcode's STOP lacks the last 2-module bar

FNC1 = "\x1d"  # stands for FNC1 in the token string given to the encoder (GS, as scanners transmit it)


def _code128_values(tokens: str) -> list[int]:
    """Symbol values (start character included, check and stop excluded) for ``tokens``
    (printable ASCII, FNC1 written as ``FNC1``), in as few symbol characters as code sets B
    and C allow.

    Dynamic programme over (position, code set): in C one character takes two digits, in
    B one character; FNC1 is one character in either; switching sets costs one character.
    """
    n = len(tokens)
    infinity = 10 ** 9
    # best[i][s]: fewest characters encoding tokens[i:] when code set s is active at i;
    # step[i][s]: what to do there (an action, and whether to switch sets first).
    best = [{"B": infinity, "C": infinity} for _ in range(n + 1)]
    step: list[dict[str, tuple[bool, str, int]]] = [{} for _ in range(n + 1)]
    best[n] = {"B": 0, "C": 0}
    for i in range(n - 1, -1, -1):
        ch = tokens[i]
        direct: dict[str, tuple[int, str, int]] = {}
        if ch == FNC1:
            direct["B"] = (1 + best[i + 1]["B"], "fnc1", i + 1)
            direct["C"] = (1 + best[i + 1]["C"], "fnc1", i + 1)
        else:
            direct["B"] = (1 + best[i + 1]["B"], "char", i + 1)
            if i + 1 < n and ch.isdigit() and tokens[i + 1].isdigit():
                direct["C"] = (1 + best[i + 2]["C"], "pair", i + 2)
        for s, other in (("B", "C"), ("C", "B")):
            candidates = []
            if s in direct:
                cost, action, nxt = direct[s]
                candidates.append((cost, False, action, nxt))
            if other in direct:  # switch (one character), then the other set's direct action
                cost, action, nxt = direct[other]
                candidates.append((cost + 1, True, action, nxt))
            cost, switch, action, nxt = min(candidates, key=lambda c: c[0])  # stable: no switch on a tie
            best[i][s] = cost
            step[i][s] = (switch, action, nxt)
    # Prefer C on a tie: the common GS1 case (FNC1 then digits) is then Start C, FNC1.
    current = "C" if best[0]["C"] <= best[0]["B"] else "B"
    values = [_START_C if current == "C" else _START_B]
    i = 0
    while i < n:
        switch, action, nxt = step[i][current]
        if switch:
            current = "B" if current == "C" else "C"
            values.append(_CODE_B_FROM_C if current == "B" else _CODE_C_FROM_B)
        if action == "fnc1":
            values.append(_FNC1)
        elif action == "pair":
            values.append(int(tokens[i:i + 2]))
        else:
            values.append(ord(tokens[i]) - 32)
        i = nxt
    return values


def _tokens(data: str, gs1: bool) -> str:
    if not gs1:
        if not data or not data.isascii() or not data.isprintable():
            raise ValueError(f"cannot encode {data!r} in Code 128: printable ASCII only")
        return data
    elements = gs1_elements(data)
    parts = [FNC1]
    for index, (ai, value) in enumerate(elements):
        if not value.isascii() or not value.isprintable():
            raise ValueError(f"AI ({ai}) value {value!r} is not printable ASCII")
        parts.append(ai + value)
        if needs_separator(ai) and index < len(elements) - 1:
            parts.append(FNC1)
    return "".join(parts)


@lru_cache(maxsize=256)
def code128_values(data: str, gs1: bool) -> tuple[int, ...]:
    """The symbol characters of ``data``: start, data (FNC1 = 102), check; no stop."""
    values = _code128_values(_tokens(data, gs1))
    check = (values[0] + sum(position * value for position, value in enumerate(values[1:], 1))) % 103
    return (*values, check)


@lru_cache(maxsize=256)
def code128_modules(data: str, gs1: bool) -> str:
    """Code 128 (or GS1-128 when ``gs1``, ``data`` then bracketed: ``(00)3765…``) as modules,
    '1' dark, '0' light, from the start character to the stop's termination bar, no quiet
    zone (10 modules each side are the layout's to leave)."""
    return "".join(_CODE128_BARS[value] for value in code128_values(data, gs1)) + _CODE128_STOP + _TERMINATION_BAR


@lru_cache(maxsize=128)
def qr_matrix(data: str, level: str = "M") -> Matrix:
    """A QR Code of ``data`` (UTF-8 in byte mode, or a denser mode when the data allows) at
    error-correction ``level`` L/M/Q/H, smallest version that fits, no quiet zone."""
    import qrcode  # noqa: PLC0415 - only labels with a QR code pay for the import
    from qrcode.constants import ERROR_CORRECT_H, ERROR_CORRECT_L, ERROR_CORRECT_M, ERROR_CORRECT_Q  # noqa: PLC0415

    levels = {"L": ERROR_CORRECT_L, "M": ERROR_CORRECT_M, "Q": ERROR_CORRECT_Q, "H": ERROR_CORRECT_H}
    if level not in levels:
        raise ValueError(f"QR error-correction level {level!r}: use L, M, Q or H")
    code = qrcode.QRCode(error_correction=levels[level], border=0)
    code.add_data(data)
    code.make(fit=True)
    return tuple(tuple(bool(cell) for cell in row) for row in code.get_matrix())


@lru_cache(maxsize=128)
def datamatrix_matrix(data: str, gs1: bool = False) -> Matrix:
    """An ECC 200 DataMatrix of ``data`` (square, smallest size that fits), no quiet zone;
    ``gs1=True`` takes a bracketed element string and starts the symbol with FNC1, which
    scanners report as ``]d2``."""
    import zxingcpp  # noqa: PLC0415

    if gs1:
        gs1_elements(data)  # the same ValueError as Code 128 for a malformed element string
    try:
        # Square only: left alone the writer picks rectangles, even DMRE sizes (8x64…)
        # that many scanners and ZPL's ^BX cannot read or print.
        symbol = zxingcpp.create_barcode(data, zxingcpp.BarcodeFormat.DataMatrix, gs1=gs1, forceSquare=True)
    except Exception as error:  # zxing-cpp raises its own error types; name the data
        raise ValueError(f"cannot encode {data!r} as DataMatrix: {error}") from error
    image = symbol.to_image(scale=1, add_quiet_zones=False)
    # An 8-bit grey image, 0 = dark, one byte per cell (scale 1), read through the buffer protocol.
    buffer = bytes(memoryview(image))
    height, width = image.shape
    return tuple(tuple(buffer[y * width + x] < 128 for x in range(width)) for y in range(height))
