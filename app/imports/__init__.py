"""Importing locations, stock, products and orders from files (no Qt here).

``run_import`` reads and validates the whole file first, then writes it in ONE
transaction: a file either imports completely or not at all, and an error names
the file, the line where the faulty record starts and the column.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from app.domain.events import IMPORT_COMPLETED, EventRecord, utc_now
from app.imports.csvsource import CsvTable, parse_csv, read_text
from app.imports.detect import check_format, check_kind, detect_format
from app.imports.locations import parse_locations, write_locations
from app.imports.orders_quai import parse_quai_orders_csv, parse_quai_orders_json
from app.imports.orders_shopify import parse_shopify_orders
from app.imports.orders_write import write_orders
from app.imports.products_quai import parse_quai_products
from app.imports.products_shopify import parse_shopify_products
from app.imports.products_write import write_products
from app.imports.report import ImportFailed, ImportReport, ImportWarning
from app.imports.shipping_rules import RulesFileError, ShippingRules
from app.imports.stock import parse_stock, write_stock
from app.store.db import transaction
from app.store.events import add_record

__all__ = ["ImportFailed", "ImportReport", "ImportWarning", "RulesFileError", "ShippingRules", "run_import"]


def run_import(
    factory: sessionmaker[Session],
    kind: str,
    path: Path,
    *,
    format: str | None = None,  # noqa: A002 - the public keyword, as the CLI's --format
    station: str = "admin",
    actor: str | None = None,
    rules: ShippingRules | None = None,
    now: datetime | None = None,
) -> ImportReport:
    """Import one file of ``kind`` (locations, stock, products, orders); raises ImportFailed."""
    check_kind(kind)
    path = Path(path)
    file = str(path)
    now = now or utc_now()
    try:
        text = read_text(path)
    except OSError as exc:
        raise ImportFailed(file, 1, 1, f"cannot read the file: {exc.strerror or exc}") from None
    fmt = check_format(file, kind, format) if format else detect_format(file, kind, text)
    report = ImportReport(kind=kind, file=file, format=fmt)

    # Parse and validate everything before touching the database.
    if fmt == "quai-json":
        parsed: object = parse_quai_orders_json(file, text, now)
    else:
        table = parse_csv(file, text)
        parsed = _parse_table(kind, fmt, table, report, rules or ShippingRules(), now)

    with transaction(factory) as session:
        if kind == "locations":
            write_locations(session, parsed, report)  # type: ignore[arg-type]
        elif kind == "stock":
            write_stock(session, parsed, report)  # type: ignore[arg-type]
        elif kind == "products":
            write_products(session, parsed, report, now)  # type: ignore[arg-type]
        else:
            write_orders(session, parsed, report, station=station, actor=actor, now=now)  # type: ignore[arg-type]
        if report.changed:
            # A re-import that changes nothing leaves no trace: no event to push or to show.
            add_record(session, EventRecord(IMPORT_COMPLETED, report.as_payload(), station=station, user=actor,
                                            occurred_at=now))
    return report


def _parse_table(kind: str, fmt: str, table: CsvTable, report: ImportReport, rules: ShippingRules, now: datetime) -> object:
    if kind == "locations":
        return parse_locations(table)
    if kind == "stock":
        return parse_stock(table)
    if kind == "products":
        if fmt == "shopify":
            return parse_shopify_products(table, report)
        return parse_quai_products(table, report)
    if fmt == "shopify":
        return parse_shopify_orders(table, rules)
    return parse_quai_orders_csv(table, now)
