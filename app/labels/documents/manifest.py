"""The end-of-day manifest (bordereau de remise) on A4 pages, in French.

``manifest_pages(doc)`` lays out: the carrier's band, the date, the sender and a summary on
the first page; the table of the units handed over (the header repeated on every page);
the totals; "Colis manquants" (expected, not handed over) and the units put aside (their
order was stopped after packing); the two signature boxes (courier, warehouse; the shop's
counter for click & collect). Every page ends with "page n/N".

Rows are one line each (a long name or a relay point is shortened with "…"): a page always
holds the same number of them (``rows_per_page``), so a manifest of 120
parcels is three pages.

No Qt, no I/O: pure data for app.labels.output (pdf_bytes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from app.labels.documents import Column
from app.labels.documents.packing_slip import printable
from app.labels.label_data import Address, carrier_name
from app.labels.layout import Box, Element, Label, Text
from app.packing.manifest import LOCAL, ManifestRow, kg_text, totals

WIDTH, HEIGHT, MARGIN = 210.0, 297.0, 14.0
LEFT, RIGHT = MARGIN, WIDTH - MARGIN
TITLE, BODY, SMALL, ROW = 6.0, 3.6, 2.8, 2.8
ROW_PITCH = round(ROW * 1.15 + 1.4, 2)
FOOTER_Y = HEIGHT - MARGIN - SMALL * 1.15
BOTTOM = FOOTER_Y - 2.0
SIGNATURE_HEIGHT = 32.0


@dataclass(frozen=True)
class ManifestDocument:
    """What the manifest prints. ``missing``: expected at the dock and not handed over;
    ``held``: put aside because their order was stopped after packing."""

    carrier: str
    day: date
    sender: Address
    rows: tuple[ManifestRow, ...]
    missing: tuple[ManifestRow, ...] = ()
    held: tuple[ManifestRow, ...] = ()
    closed_at: datetime | None = None
    station: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class _Col:
    x: float
    width: float
    title: str
    align: str = "left"


# The table's columns, left to right (SSCC: 18 digits at 2.8 mm are 33 mm wide).
COLUMNS = (
    _Col(LEFT, 8.0, "N°", "right"),
    _Col(LEFT + 10.0, 35.0, "SSCC"),
    _Col(LEFT + 46.0, 18.0, "Commande"),
    _Col(LEFT + 65.0, 13.0, "Colis"),
    _Col(LEFT + 79.0, 40.0, "Destinataire"),
    _Col(LEFT + 120.0, 45.0, "Destination"),
    _Col(LEFT + 166.0, 16.0, "Poids (kg)", "right"),
)


def _destination(row: ManifestRow) -> str:
    place = " ".join(p for p in (row.zip, row.city) if p)
    if row.country and row.country != "FR":
        place = f"{place} ({row.country})" if place else row.country
    if row.relay_point:
        place = f"Relais {row.relay_point} · {place}" if place else f"Relais {row.relay_point}"
    return place


def _cells(number: int, row: ManifestRow) -> tuple[str, ...]:
    return (str(number), row.sscc, row.order, row.parcel, printable(row.recipient), printable(_destination(row)),
            kg_text(row.weight_g) or "—")


def _day(day: date) -> str:
    return f"{day:%d/%m/%Y}"


def _is_store(carrier: str) -> bool:
    return carrier == "click_collect"


class _Flow:
    """Places blocks down the pages; a table's header is repeated at the top of a page."""

    def __init__(self, doc: ManifestDocument) -> None:
        self.doc = doc
        self.pages: list[list[Element]] = []
        self.elements: list[Element] = []
        self.y = MARGIN
        self.header: Callable[[], None] | None = None  # the table being written, if any

    def new_page(self) -> None:
        self.pages.append(self.elements)
        self.elements = [Text(LEFT, MARGIN, RIGHT - LEFT, BODY,
                              f"Bordereau {carrier_name(self.doc.carrier)} du {_day(self.doc.day)} (suite)", bold=True)]
        self.y = MARGIN + BODY * 1.15 + 3.0
        if self.header is not None:
            self.header()

    def need(self, height: float) -> None:
        if self.y + height > BOTTOM + 1e-6:
            self.new_page()

    def finish(self) -> list[list[Element]]:
        self.pages.append(self.elements)
        return self.pages


def _first_header(flow: _Flow) -> None:
    doc = flow.doc
    band = 9.0
    flow.elements += [
        Box(LEFT, MARGIN, RIGHT - LEFT, band, filled=True),
        Text(LEFT + 3.0, MARGIN + (band - TITLE) / 2, RIGHT - LEFT - 6.0, TITLE, carrier_name(doc.carrier), bold=True,
             inverse=True),
    ]
    y = MARGIN + band + 3.0
    title = "Bordereau de remise au magasin" if _is_store(doc.carrier) else "Bordereau de remise transporteur"
    column = Column(LEFT, y, RIGHT - LEFT, y + 20.0)
    column.text(f"{title} du {_day(doc.day)}", 5.0, bold=True, gap=2.0)
    flow.elements += column.elements
    y = column.y
    half = (RIGHT - LEFT - 6.0) / 2
    sender = Column(LEFT, y, half, y + 30.0)
    sender.text("Expéditeur", SMALL, bold=True)
    s = doc.sender
    for line in (s.name, s.company, *s.lines, " ".join(p for p in (s.zip, s.city) if p), s.phone):
        if line:
            sender.text(printable(line), BODY, max_lines=2)
    summary = Column(LEFT + half + 6.0, y, half, y + 30.0)
    total = totals(doc.rows)
    summary.text("Remise", SMALL, bold=True)
    count = f"{total.parcels} colis" + (f" et {total.pallets} palette{'s' if total.pallets > 1 else ''}" if total.pallets else "")
    summary.text(f"{count}, {total.kg} kg", BODY + 0.4, bold=True)
    if doc.missing:
        summary.text(f"Colis manquants : {len(doc.missing)} (liste en fin de bordereau)", BODY, bold=True, max_lines=2)
    else:
        summary.text("Colis manquants : aucun", BODY)
    if doc.closed_at is not None:
        when = doc.closed_at.astimezone(LOCAL)
        closed = f"Clôturé le {when:%d/%m/%Y} à {when:%H:%M}"
        summary.text(closed + (f", poste {doc.station}" if doc.station else ""), SMALL, max_lines=2)
    for note in doc.notes:
        summary.text(printable(note), SMALL, max_lines=2)
    flow.elements += sender.elements + summary.elements
    flow.y = max(sender.y, summary.y) + 4.0


def _table_header(flow: _Flow, columns: Sequence[_Col]) -> None:
    for col in columns:
        flow.elements.append(Text(col.x, flow.y, col.width, SMALL, col.title, bold=True, align=col.align))  # type: ignore[arg-type]
    flow.y += SMALL * 1.15 + 0.6
    flow.elements.append(Box(LEFT, flow.y, RIGHT - LEFT, 0.35, filled=True))
    flow.y += 1.0


def _table_row(flow: _Flow, columns: Sequence[_Col], cells: Sequence[str]) -> None:
    for col, cell in zip(columns, cells):
        flow.elements.append(Text(col.x, flow.y + 0.5, col.width, ROW, cell, align=col.align))  # type: ignore[arg-type]
    flow.y += ROW_PITCH
    flow.elements.append(Box(LEFT, flow.y - 0.3, RIGHT - LEFT, 0.1, filled=True))


def _table(flow: _Flow, rows: Sequence[ManifestRow], columns: Sequence[_Col]) -> None:
    """Rows under a header, across pages (the header again on each)."""
    flow.need(SMALL * 1.15 + 1.6 + ROW_PITCH)  # never a header alone at the bottom of a page
    flow.header = lambda: _table_header(flow, columns)
    flow.header()
    for number, row in enumerate(rows, start=1):
        flow.need(ROW_PITCH)
        _table_row(flow, columns, _cells(number, row))
    flow.header = None


def _heading(flow: _Flow, text: str, *, then: float = 0.0) -> None:
    """A section's title, kept on the page with ``then`` mm of what follows it."""
    height = BODY * 1.15 + 2.0
    flow.y += 3.0
    flow.need(height + then)
    flow.elements.append(Text(LEFT, flow.y, RIGHT - LEFT, BODY + 0.4, text, bold=True))
    flow.y += height


def _totals(flow: _Flow) -> None:
    total = totals(flow.doc.rows)
    line = f"Total : {total.parcels} colis"
    if total.pallets:
        line += f" (et {total.pallets} palette{'s' if total.pallets > 1 else ''})"
    line += f" — {total.kg} kg"
    if total.unweighed:
        line += f" ({total.unweighed} colis sans poids)"
    flow.y += 1.5
    flow.need(BODY * 1.15 + 1.0)
    flow.elements.append(Text(LEFT, flow.y, RIGHT - LEFT, BODY + 0.4, line, bold=True, align="right"))
    flow.y += (BODY + 0.4) * 1.15 + 1.0


def _signatures(flow: _Flow) -> None:
    flow.y += 6.0
    flow.need(SIGNATURE_HEIGHT)
    gap = 8.0
    half = (RIGHT - LEFT - gap) / 2
    receiver = "Le magasin" if _is_store(flow.doc.carrier) else "Le transporteur"
    for x, title in ((LEFT, receiver), (LEFT + half + gap, "L'entrepôt")):
        flow.elements.append(Box(x, flow.y, half, SIGNATURE_HEIGHT, thickness_mm=0.4))
        flow.elements.append(Text(x + 2.0, flow.y + 1.5, half - 4.0, BODY, title, bold=True))
        flow.elements.append(Text(x + 2.0, flow.y + 1.5 + BODY * 1.3, half - 4.0, SMALL, "Nom, date, heure et signature"))
    flow.y += SIGNATURE_HEIGHT


def manifest_pages(doc: ManifestDocument) -> list[Label]:
    """The manifest on A4 pages (module docstring)."""
    flow = _Flow(doc)
    _first_header(flow)
    if doc.rows:
        _table(flow, doc.rows, COLUMNS)
    else:
        _heading(flow, "Aucun colis remis ce jour.")
    _totals(flow)
    if doc.missing:
        _heading(flow, f"Colis manquants ({len(doc.missing)}) : attendus au quai, non remis",
                 then=SMALL * 1.15 + 1.6 + ROW_PITCH)
        _table(flow, doc.missing, COLUMNS)
    else:
        _heading(flow, "Colis manquants : aucun")
    if doc.held:
        _heading(flow, f"Colis mis de côté ({len(doc.held)}) : commande bloquée ou annulée après l'emballage",
                 then=SMALL * 1.15 + 1.6 + ROW_PITCH)
        _table(flow, doc.held, COLUMNS)
    _signatures(flow)
    pages = flow.finish()
    total = len(pages)
    footer = f"Bordereau {carrier_name(doc.carrier)} du {_day(doc.day)}"
    return [
        Label("manifest-a4", WIDTH, HEIGHT, tuple(elements) + (
            Text(LEFT, FOOTER_Y, RIGHT - LEFT, SMALL, f"{footer} · page {number}/{total}", align="right"),))
        for number, elements in enumerate(pages, start=1)
    ]


# How many rows a page holds (the header's height is the same on every page): for the tests and
# for anyone estimating paper.
def _rows_from(y: float) -> int:
    y += SMALL * 1.15 + 0.6 + 1.0
    return int((BOTTOM - y + 1e-6) // ROW_PITCH)


def rows_per_page(doc: ManifestDocument) -> tuple[int, int]:
    """(rows on the first page, rows on each following page) for ``doc``'s first page."""
    flow = _Flow(doc)
    _first_header(flow)
    return _rows_from(flow.y), _rows_from(MARGIN + BODY * 1.15 + 3.0)
