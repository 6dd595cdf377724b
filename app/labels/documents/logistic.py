"""The GS1 logistic label of a B2B carton or pallet, 100x150 mm (A6 portrait's width).

Its three sections follow the GS1 Logistic Label Guideline, top to bottom:

- free text: from (sender) and to (recipient), the order number and "Colis n/N";
- the human-readable data, each value under its data title (SSCC, CONTENT, COUNT, BATCH,
  BEST BEFORE, and the gross weight);
- the barcodes: the content ``(02)GTIN (15)best-before (37)count (10)batch`` (in one
  GS1-128 symbol when it fits, else two) and, LOWEST on the label as the guideline requires
  (a conveyor's fixed scanner looks there), the SSCC ``(00)``.

``(02)`` and ``(37)`` only describe a homogeneous unit: a mixed carton (no ``content_gtin``)
gets no content barcode, only its SSCC.
"""

from __future__ import annotations

from app.labels.documents import Column, centred_code128, human_readable_gs1
from app.labels.label_data import Address, LogisticLabelData, format_weight
from app.labels.layout import Box, Code128, Element, Label, Text

WIDTH, HEIGHT = 100.0, 150.0
MARGIN = 3.0
TOP_BOTTOM = 34.0  # end of the free-text section
HR_SIZE = 3.0
# GS1 asks 0.495 mm and more; narrower only when a symbol cannot fit 100 mm at that (a long batch
# number: 20 characters need 0.25 mm, 2 dots at 203 dpi, which handhelds still read).
MODULES = (0.5, 0.45, 0.42, 0.375, 0.33, 0.25)


def _rule(y: float) -> Box:
    return Box(MARGIN, y, WIDTH - 2 * MARGIN, 0.4, filled=True)


def _party(title: str, address: Address, x: float, width: float, name_size: float) -> list[Element]:
    column = Column(x, 2.0, width, TOP_BOTTOM - 7.5)
    column.text(title, 2.6)
    column.text(address.company or address.name, name_size, bold=True, max_lines=2)
    if address.company and address.name:
        column.text(address.name, 3.0)
    for line in address.lines:
        column.text(line, 3.0, max_lines=2)
    town = address.town_line + (f" {address.country}" if address.country and address.country != "FR" else "")
    column.text(town, name_size, bold=True)
    return column.elements


def _title_value(x: float, y: float, width: float, title: str, value: str, size: float = 5.0) -> list[Element]:
    return [Text(x, y, width, 2.5, title), Text(x, y + 2.9, width, size, value, bold=True)]


def _content_strings(data: LogisticLabelData) -> list[str]:
    """The content's element strings, fixed-length AIs first (no FNC1 needed after them)."""
    fixed, variable = "", ""
    if data.content_gtin:
        fixed += f"(02){data.content_gtin}"
    if data.best_before:
        fixed += f"(15){data.best_before:%y%m%d}"
    if data.content_gtin and data.count:
        variable += f"(37){data.count}"
    if data.batch:
        variable += f"(10){data.batch}"
    whole = fixed + variable
    if not whole:
        return []
    try:
        centred_code128(whole, left=1.0, right=WIDTH - 1.0, y=0, height=1, gs1=True, modules=MODULES)
        return [whole]
    except ValueError:
        pass
    # Too wide for one symbol: GTIN and count in one, best before and batch in the other.
    first = "".join(part for part in (f"(02){data.content_gtin}" if data.content_gtin else "",
                                      f"(37){data.count}" if data.content_gtin and data.count else "") if part)
    second = "".join(part for part in (f"(15){data.best_before:%y%m%d}" if data.best_before else "",
                                       f"(10){data.batch}" if data.batch else "") if part)
    return [s for s in (first, second) if s]


def _barcodes(data: LogisticLabelData, top: float) -> list[Element]:
    """The barcodes, stacked up from the bottom edge, sharing the room below ``top``."""
    strings = [*_content_strings(data), f"(00){data.sscc}"]
    hr_room = HR_SIZE * 1.15 + 0.4
    gap = 2.0
    room = HEIGHT - 1.5 - top
    bars = min(26.0, room / len(strings) - hr_room - gap)
    elements: list[Element] = []
    y = HEIGHT - 1.5 - len(strings) * (bars + hr_room + gap) + gap
    for string in strings:
        code: Code128 = centred_code128(string, left=1.0, right=WIDTH - 1.0, y=round(y, 2), height=round(bars, 2),
                                        gs1=True, modules=MODULES)
        elements.append(code)
        elements.append(Text(MARGIN, code.y_mm + bars + 0.4, WIDTH - 2 * MARGIN, HR_SIZE, human_readable_gs1(string),
                             bold=True, align="center"))
        y += bars + hr_room + gap
    return elements


def logistic_label(data: LogisticLabelData) -> Label:
    """The GS1 logistic label; ValueError for an SSCC that is not 18 digits or a content GTIN
    that is not 14 (a label that would carry an unreadable or wrong key)."""
    if len(data.sscc) != 18 or not data.sscc.isdigit():
        raise ValueError(f"SSCC {data.sscc!r} is not 18 digits")
    if data.content_gtin is not None and (len(data.content_gtin) != 14 or not data.content_gtin.isdigit()):
        raise ValueError(f"content GTIN {data.content_gtin!r} is not a GTIN-14")
    half = (WIDTH - 2 * MARGIN - 3.0) / 2
    elements: list[Element] = [
        *_party("DE / FROM", data.sender, MARGIN, half, 3.4),
        *_party("À / TO", data.recipient, MARGIN + half + 3.0, half, 4.2),
        Box(MARGIN + half + 1.3, 2.0, 0.4, TOP_BOTTOM - 9.5, filled=True),
    ]
    info_y = TOP_BOTTOM - 6.5
    if data.order_number:
        elements.append(Text(MARGIN, info_y, 60.0, 4.5, f"Commande {data.order_number}", bold=True))
    elements.append(Text(64.0, info_y, WIDTH - MARGIN - 64.0, 4.5, f"Colis {data.parcel_seq}/{data.parcel_count}",
                         bold=True, align="right"))
    elements.append(_rule(TOP_BOTTOM))

    y = TOP_BOTTOM + 1.5
    col = (WIDTH - 2 * MARGIN) / 2
    elements += _title_value(MARGIN, y, 62.0, "SSCC", data.sscc, 5.5)
    if data.weight_g is not None:
        elements += _title_value(67.0, y, WIDTH - MARGIN - 67.0, "POIDS BRUT / GROSS", format_weight(data.weight_g))
    y += 10.0
    if data.content_gtin:
        elements += _title_value(MARGIN, y, col, "CONTENT", data.content_gtin)
        if data.count:
            elements += _title_value(MARGIN + col, y, col, "COUNT", str(data.count))
        y += 9.5
        if data.content_name:
            elements.append(Text(MARGIN, y - 0.8, WIDTH - 2 * MARGIN, 2.8, data.content_name))
            y += 3.5
    if data.batch or data.best_before:
        if data.batch:
            elements += _title_value(MARGIN, y, col, "BATCH/LOT", data.batch)
        if data.best_before:
            elements += _title_value(MARGIN + col, y, col, "BEST BEFORE (dd.mm.yy)", f"{data.best_before:%d.%m.%y}")
        y += 9.5
    elements.append(_rule(y))
    elements += _barcodes(data, y + 1.5)
    return Label("logistic", WIDTH, HEIGHT, tuple(elements))
