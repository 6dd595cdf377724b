"""Quai stock CSV: ``sku,location,quantity`` (+ optional ``lot,expiry``).

Each row *sets* the quantity of one (product, location, lot): a stock count, not
a movement, so importing the same count twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.imports.csvsource import Column, CsvTable, Record
from app.imports import lengths
from app.imports.fields import as_date, as_int, text_at
from app.imports.report import ImportReport
from app.store.models import Location, Product, Stock

REQUIRED = ("sku", "location", "quantity")


@dataclass
class StockRow:
    record: Record
    sku: str
    location: str
    quantity: int
    lot: str
    expiry: date | None


@dataclass
class StockFile:
    table: CsvTable
    sku: Column
    location: Column
    rows: list[StockRow]


def parse_stock(table: CsvTable) -> StockFile:
    table.require(REQUIRED)
    sku, location, quantity = table.column("sku"), table.column("location"), table.column("quantity")
    lot, expiry = table.column("lot"), table.column("expiry")
    seen: dict[tuple[str, str, str], int] = {}
    rows: list[StockRow] = []
    for rec in table.records:
        # Location codes are stored upper case (see locations.py): "a-01-01-a" is A-01-01-A.
        row = StockRow(rec, text_at(table, rec, sku, lengths.PRODUCT["sku"]),
                       text_at(table, rec, location, lengths.LOCATION["code"]).upper(), 0,
                       text_at(table, rec, lot, lengths.STOCK["lot"]), as_date(table, rec, expiry))
        if not row.sku:
            raise table.fail(rec, sku, "sku is empty")
        if not row.location:
            raise table.fail(rec, location, "location is empty")
        if quantity(rec) == "":
            raise table.fail(rec, quantity, "quantity is empty")
        row.quantity = as_int(table, rec, quantity, minimum=0) or 0
        key = (row.sku, row.location, row.lot)
        if key in seen:
            # Two counts for the same place: which one is right is for a person to decide.
            raise table.fail(rec, sku, f"{row.sku} at {row.location} (lot {row.lot!r}) already counted on line {seen[key]}")
        seen[key] = rec.line
        rows.append(row)
    return StockFile(table, sku, location, rows)


def write_stock(session: Session, parsed: StockFile, report: ImportReport) -> None:
    products = dict(session.execute(select(Product.sku, Product.id)).all())
    locations = dict(session.execute(select(Location.code, Location.id)).all())
    existing = {
        (r.product_id, r.location_id, r.lot): r
        for r in session.execute(select(Stock.id, Stock.product_id, Stock.location_id, Stock.lot, Stock.quantity, Stock.expiry))
    }
    inserts, updates = [], []
    for row in parsed.rows:
        product_id = products.get(row.sku)
        if product_id is None:
            raise parsed.table.fail(row.record, parsed.sku, f"unknown SKU {row.sku}; import the products first")
        location_id = locations.get(row.location)
        if location_id is None:
            raise parsed.table.fail(row.record, parsed.location, f"unknown location {row.location}; import the locations first")
        old = existing.get((product_id, location_id, row.lot))
        if old is None:
            inserts.append({"product_id": product_id, "location_id": location_id, "lot": row.lot,
                            "quantity": row.quantity, "expiry": row.expiry})
        elif (old.quantity, old.expiry) != (row.quantity, row.expiry):
            updates.append({"id": old.id, "quantity": row.quantity, "expiry": row.expiry})
        else:
            report.unchanged += 1
    if inserts:
        session.execute(insert(Stock), inserts)
    if updates:
        session.execute(update(Stock), updates)
    report.imported += len(inserts)
    report.updated += len(updates)
