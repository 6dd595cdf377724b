"""A small warehouse for station-level picking tests: products (JAM tracked by lot),
five locations in route order, stock, and the four most urgent orders (#2001-#2004)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete

from app.domain.gtin import make_gtin13
from app.store.db import make_engine, session_factory, transaction
from app.store.models import Event, Location, Order, OrderLine, Product, ProductGtin, Stock

GTIN = {sku: make_gtin13(body).zfill(14) for sku, body in [("MUG", "376000000101"), ("TEA", "376000000102"),
                                                           ("JAM", "376000000103")]}


def add_warehouse(url: str) -> None:
    """Three products (JAM tracked by lot), five locations, stock, and the most urgent orders."""
    engine = make_engine(url)
    now = datetime.now(UTC).replace(microsecond=0)
    with transaction(session_factory(engine)) as session:
        session.execute(delete(Event))
        # The conftest's orders wait behind ours (later cutoffs) and are never reached here.
        locations = {}
        for seq, code in enumerate(["A-01-01-1", "A-02-01-1", "B-01-01-1", "B-02-01-1", "C-01-01-1"], start=1):
            locations[code] = Location(code=code, zone=code[0], aisle=code[2:4], bay=code[5:7], level=code[8:],
                                       pick_sequence=seq * 10)
            session.add(locations[code])
        products = {}
        for sku, name, lot in [("MUG", "Mug bleu", False), ("TEA", "Thé vert", False), ("JAM", "Confiture", True)]:
            products[sku] = Product(sku=sku, name=name, lot_tracked=lot)
            products[sku].gtins = [ProductGtin(gtin=GTIN[sku])]
            session.add(products[sku])
        session.flush()
        for sku, code, quantity, lot, expiry in [
            ("MUG", "A-01-01-1", 1, "", None), ("MUG", "B-02-01-1", 20, "", None), ("TEA", "A-02-01-1", 30, "", None),
            ("JAM", "B-01-01-1", 10, "L27", datetime(2027, 6, 1).date()),
        ]:
            session.add(Stock(product_id=products[sku].id, location_id=locations[code].id, quantity=quantity,
                              lot=lot, expiry=expiry))
        for i, (number, lines) in enumerate([("#2001", [("MUG", 1), ("TEA", 2)]), ("#2002", [("JAM", 1)]),
                                             ("#2003", [("TEA", 1)]), ("#2004", [("MUG", 1)])]):
            order = Order(number=number, customer_name=f"Client {number}", status="new",
                          cutoff_at=now - timedelta(hours=4 - i))
            order.lines = [OrderLine(line_no=n, sku=sku, name=sku, quantity=q) for n, (sku, q) in enumerate(lines, 1)]
            session.add(order)
    engine.dispose()
