"""A small warehouse for the picking tests: products, stock, orders, and scan helpers."""

from __future__ import annotations

from datetime import date

from app.domain.gtin import make_gtin13
from app.picking.outcome import PickConfig
from app.picking.route import LineToPick, ProductInfo, Route, StockSlot, build_route
from app.picking.session import PickSession
from app.scanning.classify import Scan, classify

TODAY = date(2026, 11, 24)

GTIN = {sku: make_gtin13(body).zfill(14) for sku, body in [
    ("MUG", "376000000001"), ("TEA", "376000000002"), ("JAM", "376000000003"), ("SOAP", "376000000004"),
]}

PRODUCTS = {
    "MUG": ProductInfo("MUG", "Mug bleu", "mug.png", False, (GTIN["MUG"],)),
    "TEA": ProductInfo("TEA", "Thé vert", None, False, (GTIN["TEA"],)),
    "JAM": ProductInfo("JAM", "Confiture", None, True, (GTIN["JAM"],)),  # lot-tracked
    "SOAP": ProductInfo("SOAP", "Savon", None, False, (GTIN["SOAP"],)),
}

STOCK = [
    StockSlot("MUG", "A-01-01-1", 10, 4),
    StockSlot("MUG", "B-02-01-1", 20, 50),
    StockSlot("TEA", "A-02-01-1", 12, 30),
    StockSlot("SOAP", "C-01-01-1", 30, 20),
    StockSlot("JAM", "A-03-01-1", 14, 6, "L-OLD", date(2026, 1, 1)),  # expired
    StockSlot("JAM", "B-01-01-1", 16, 5, "L-2027", date(2027, 6, 1)),
    StockSlot("JAM", "C-02-01-1", 32, 5, "L-DEC", date(2026, 12, 1)),
]


def line(order: str, line_id: int, sku: str, qty: int, line_no: int = 1) -> LineToPick:
    return LineToPick(order, line_id, line_no, sku, PRODUCTS[sku].name if sku in PRODUCTS else sku, qty)


def route_for(lines: list[LineToPick], stock: list[StockSlot] | None = None) -> Route:
    return build_route(lines, PRODUCTS, STOCK if stock is None else stock, TODAY)


def start(lines: list[LineToPick], batch: bool = False, stock: list[StockSlot] | None = None,
          config: PickConfig | None = None):
    return PickSession.start(route_for(lines, stock), today=TODAY, batch=batch, config=config)


def product(sku: str, lot: str | None = None, expiry: date | None = None, count: int | None = None) -> Scan:
    text = f"(01){GTIN[sku]}"
    if expiry:
        text += f"(17){expiry:%y%m%d}"
    if lot:
        text += f"(10){lot}"
    if count is not None:
        text += f"(37){count}"
    return classify(text)


def scan(text: str) -> Scan:
    return classify(text)


def right_scan(session: PickSession) -> Scan:
    """The scan a careful picker makes next."""
    view = session.view()
    if view.step == "bind_totes":
        return scan(f"TOT-{view.bind_order.strip('#')}")
    task = view.task
    assert task is not None, view
    if view.step == "location":
        return scan(task.location)
    if view.step == "tote" and task.remaining == 0:  # every unit in hand: into the tote at once
        return scan(task.tote)
    lot_tracked = PRODUCTS[task.sku].lot_tracked
    return product(task.sku, "L-2027" if lot_tracked else None, date(2027, 6, 1) if lot_tracked else None)


def walk(session: PickSession, limit: int = 500) -> tuple[int, list]:
    """Scan right until the pick is done; return the number of scans and the events recorded."""
    scans, events = 0, []
    while session.view().step != "done":
        outcome = session.handle(right_scan(session))
        assert outcome.ok, outcome
        scans += 1
        events += outcome.events
        assert scans < limit
    return scans, events
