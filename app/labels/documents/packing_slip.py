"""The packing slip (bon de livraison) slipped into the parcel, in French.

Two forms of the same content:
- ``packing_slip_pages(data, paper)``: A5 or A4 pages for an office printer (PDF), as many
  as the lines need, each numbered "page n/N";
- ``packing_slip_thermal(data)``: one strip of 80 mm receipt paper (72 mm printable), as
  long as the lines need.

Both end with the gift message, when there is one, and "Préparé pour vous par <first
name>". Characters the printers' fonts do not have (emoji, pictographs) are left out of the
printed texts: "🏡" would print as a box, or make a Zebra drop the line.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from app.labels.documents import Column, centred_code128
from app.labels.label_data import Address, PackingSlipData, SlipLine
from app.labels.layout import Box, Element, Label, Text
from app.labels.wrap import wrap

PAPERS: dict[str, tuple[float, float, float]] = {  # width, height, margin (mm)
    "A5": (148.0, 210.0, 10.0),
    "A4": (210.0, 297.0, 14.0),
}
THERMAL_WIDTH = 72.0  # the printable width of 80 mm receipt paper
THERMAL_MARGIN = 2.0


def printable(text: str) -> str:
    """``text`` without emoji and other pictographs (Unicode categories So, Cf, Co, Cs, the
    variation selectors, anything outside the Basic Multilingual Plane) nor control
    characters but newlines; accents, « », œ and € stay. Spaces tidied."""
    text = unicodedata.normalize("NFC", text)
    kept = "".join(
        ch for ch in text
        if ch == "\n" or (ord(ch) <= 0xFFFF and not 0xFE00 <= ord(ch) <= 0xFE0F
                          and unicodedata.category(ch) not in ("So", "Cf", "Co", "Cs", "Cc"))
    )
    return "\n".join(" ".join(line.split()) for line in kept.splitlines())


def _date(data: PackingSlipData) -> str:
    return f"{data.order_date:%d/%m/%Y}"


def _address_text(address: Address) -> list[str]:
    lines = [address.name, address.company, *address.lines, address.town_line]
    if address.country and address.country != "FR":
        lines.append(address.country)
    return [line for line in lines if line]


@dataclass(frozen=True)
class _Sizes:
    title: float
    body: float
    small: float
    line: float  # the lines' text
    qty: float


A_SIZES = _Sizes(title=6.0, body=3.6, small=2.8, line=3.4, qty=4.0)
THERMAL_SIZES = _Sizes(title=5.0, body=3.2, small=2.6, line=3.0, qty=3.6)


class _Table:
    """Column geometry of the lines' table within ``left``..``right``."""

    def __init__(self, left: float, right: float, sizes: _Sizes, sku_width: float) -> None:
        self.left, self.right, self.sizes = left, right, sizes
        self.qty_width = 12.0
        self.sku_width = sku_width
        self.name_x = left + sku_width + 2.0
        self.name_width = right - self.qty_width - 2.0 - self.name_x

    def header(self, y: float) -> tuple[list[Element], float]:
        s = self.sizes
        elements: list[Element] = [
            Text(self.left, y, self.sku_width, s.small, "Réf.", bold=True),
            Text(self.name_x, y, self.name_width, s.small, "Désignation", bold=True),
            Text(self.right - self.qty_width, y, self.qty_width, s.small, "Qté", bold=True, align="right"),
        ]
        y += s.small * 1.15 + 0.6
        elements.append(Box(self.left, y, self.right - self.left, 0.3, filled=True))
        return elements, y + 1.0

    def row_height(self, line: SlipLine) -> float:
        s = self.sizes
        lines = len(wrap(printable(line.name), self.name_width, s.line, 2)) or 1
        return max(lines * s.line * 1.15, s.qty * 1.15) + 1.4

    def row(self, line: SlipLine, y: float) -> list[Element]:
        s = self.sizes
        return [
            Text(self.left, y + 0.3, self.sku_width, s.small, line.sku or "—"),
            Text(self.name_x, y, self.name_width, s.line, printable(line.name), max_lines=2),
            Text(self.right - self.qty_width, y, self.qty_width, s.qty, str(line.quantity), bold=True, align="right"),
        ]


def _closing(data: PackingSlipData, left: float, width: float, y: float, sizes: _Sizes, bottom: float) -> tuple[list[Element], float]:
    """Gift message (in a frame) and the packer's signature line, from ``y``; returns the
    elements and the y under them."""
    elements: list[Element] = []
    message = printable(data.gift_message or "").strip()
    if message:
        y += 2.0
        inner = Column(left + 3.0, y + 2.0, width - 6.0, bottom)
        inner.text("Message cadeau", sizes.small, bold=True, gap=0.8)
        inner.text(message, sizes.body + 0.6, max_lines=8)
        frame_h = inner.y - y + 1.5
        elements.append(Box(left, y, width, frame_h, thickness_mm=0.4))
        elements += inner.elements
        y += frame_h
    y += 3.0
    column = Column(left, y, width, bottom)
    if data.packer_first_name:
        column.text(f"Préparé pour vous par {printable(data.packer_first_name)}", sizes.body + 0.4, bold=True, gap=1.0)
    column.text(f"Merci pour votre commande chez {printable(data.shop_name)} !", sizes.body)
    return elements + column.elements, column.y


def _closing_height(data: PackingSlipData, width: float, sizes: _Sizes) -> float:
    _, end = _closing(data, 0.0, width, 0.0, sizes, 10_000.0)
    return end


def _first_header(data: PackingSlipData, left: float, right: float, y: float, sizes: _Sizes,
                  code_width: float) -> tuple[list[Element], float]:
    """Shop, title, order and date on the left, the order's barcode (for a return desk's
    scanner: exactly the order number) on the right; then ship-to and customer."""
    elements: list[Element] = []
    code = centred_code128(data.order_number, left=right - code_width, right=right, y=y, height=9.0,
                           modules=(0.375, 0.33))
    elements += [code, Text(right - code_width, y + 9.4, code_width, sizes.small, data.order_number, align="center")]
    text_right = right - code_width - 2.0
    column = Column(left, y, text_right - left, y + 40.0)
    column.text(printable(data.shop_name), sizes.title, bold=True)
    column.text("BON DE LIVRAISON", sizes.body + 0.6, bold=True)
    column.text(f"Commande {data.order_number} du {_date(data)}", sizes.body)
    elements += column.elements
    y = max(column.y, y + 9.4 + sizes.small * 1.15) + 3.0

    half = (right - left - 4.0) / 2
    ship = Column(left, y, half, y + 40.0)
    ship.text("Livraison", sizes.small, bold=True)
    for line in _address_text(data.ship_to):
        ship.text(printable(line), sizes.body, max_lines=2)
    customer = Column(left + half + 4.0, y, half, y + 40.0)
    customer.text("Client", sizes.small, bold=True)
    customer.text(printable(data.customer), sizes.body, max_lines=2)
    if data.delivery_note:
        customer.text(printable(data.delivery_note), sizes.small, max_lines=3)
    elements += ship.elements + customer.elements
    return elements, max(ship.y, customer.y) + 3.0


def packing_slip_pages(data: PackingSlipData, paper: str = "A5") -> list[Label]:
    """The slip on A5 or A4 pages: as many as the lines need, "page n/N" on each."""
    if paper not in PAPERS:
        raise ValueError(f"paper {paper!r}: A5 or A4")
    width, height, margin = PAPERS[paper]
    left, right = margin, width - margin
    sizes = A_SIZES
    footer_y = height - margin - sizes.small * 1.15
    bottom = footer_y - 2.0
    table = _Table(left, right, sizes, sku_width=30.0 if paper == "A5" else 40.0)
    closing_h = _closing_height(data, right - left, sizes)

    pages: list[list[Element]] = []
    current, y = _first_header(data, left, right, margin, sizes, code_width=46.0)
    current, y = _header_at(table, current, y)
    rows = list(data.lines)
    while True:
        while rows and y + table.row_height(rows[0]) <= bottom:
            current += table.row(rows[0], y)
            y += table.row_height(rows.pop(0))
        if not rows and y + closing_h <= bottom:
            closing, _ = _closing(data, left, right - left, y, sizes, bottom)
            current += closing
            pages.append(current)
            break
        pages.append(current)
        # A following page: a short reminder of whose slip it is, then the table again.
        current = [Text(left, margin, right - left, sizes.body, f"Commande {data.order_number} (suite)", bold=True)]
        y = margin + sizes.body * 1.15 + 3.0
        if rows:
            current, y = _header_at(table, current, y)
    total = len(pages)
    labels = []
    for number, elements in enumerate(pages, start=1):
        elements.append(Text(left, footer_y, right - left, sizes.small,
                             f"{data.order_number} · page {number}/{total}", align="right"))
        labels.append(Label(f"slip-{paper.lower()}", width, height, tuple(elements)))
    return labels


def _header_at(table: _Table, elements: list[Element], y: float) -> tuple[list[Element], float]:
    header, y = table.header(y)
    return elements + header, y


def packing_slip_thermal(data: PackingSlipData) -> Label:
    """The slip on one strip of 80 mm receipt paper (72 mm printable), as long as needed."""
    left, right = THERMAL_MARGIN, THERMAL_WIDTH - THERMAL_MARGIN
    sizes = THERMAL_SIZES
    width = right - left
    endless = 100_000.0
    elements: list[Element] = []
    column = Column(left, 3.0, width, endless)
    column.text(printable(data.shop_name), sizes.title, bold=True, align="center")
    column.text("BON DE LIVRAISON", sizes.body + 0.4, bold=True, align="center")
    column.text(f"Commande {data.order_number} du {_date(data)}", sizes.body, align="center", gap=1.0)
    elements += column.elements
    y = column.y
    code = centred_code128(data.order_number, left=left, right=right, y=y, height=9.0, modules=(0.375, 0.33))
    elements.append(code)
    y += 9.0 + 3.0
    column = Column(left, y, width, endless)
    column.text("Livraison", sizes.small, bold=True)
    for line in _address_text(data.ship_to):
        column.text(printable(line), sizes.body, max_lines=2)
    if data.delivery_note:
        column.text(printable(data.delivery_note), sizes.small, max_lines=3)
    elements += column.elements
    y = column.y + 2.0
    table = _Table(left, right, sizes, sku_width=18.0)
    header, y = table.header(y)
    elements += header
    for line in data.lines:
        elements += table.row(line, y)
        y += table.row_height(line)
    elements.append(Box(left, y, width, 0.3, filled=True))
    closing, y = _closing(data, left, width, y + 1.0, sizes, endless)
    elements += closing
    height = round(y + 6.0, 1)  # a little white before the tear bar
    return Label("slip-thermal", THERMAL_WIDTH, height, tuple(elements))

