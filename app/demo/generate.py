"""Generate the demo warehouse's files: Shopify exports and Quai CSVs.

Everything derives from ``DEMO_SEED`` and ``now``: the same ``now`` gives
byte-identical files. Run ``python -m app.demo.generate DIR`` to refresh
``resources/sample-data/`` (it pins ``now`` so the committed files only change
when the generator does).
"""

from __future__ import annotations

import csv
import random
import sys
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from app.demo.catalogue import LOT, SERIAL, DemoProduct, build_catalogue
from app.demo.layout import SHORT_STOCK, DemoLocation, DemoStock, build_locations, build_stock
from app.demo.orders import DemoOrder, build_orders
from app.demo.shopify import write_orders, write_products

DEMO_SEED = 20261124
#: The ``now`` of the committed sample data (a Tuesday afternoon in Paris).
SAMPLE_NOW = datetime(2026, 11, 24, 15, 30, tzinfo=ZoneInfo("Europe/Paris"))

# Import order: a product needs no location, stock needs both, orders need products.
# Shopify's export has no dimensions nor lot/serial tracking, so a Quai products
# CSV completes the products after it (absent columns are left alone by the importer).
FILES = {
    "locations": "locations.csv",
    "products": "shopify-products-export.csv",
    "product_details": "products-details.csv",
    "stock": "stock.csv",
    "orders": "shopify-orders-export.csv",
}
#: The import kind of each file (``product_details`` is a products import).
KIND_OF = {"locations": "locations", "products": "products", "product_details": "products", "stock": "stock", "orders": "orders"}


@dataclass(frozen=True)
class DemoData:
    products: list[DemoProduct]
    locations: list[DemoLocation]
    stock: list[DemoStock]
    orders: list[DemoOrder]


def generate(now: datetime | None = None, seed: int = DEMO_SEED) -> DemoData:
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    rng = random.Random(seed)
    products = build_catalogue()
    locations = build_locations()
    stock = build_stock(products, locations, now.date(), rng)
    orders = build_orders(products, now, rng)
    return DemoData(products, locations, _cover_demand(stock, orders), orders)


def _cover_demand(stock: list[DemoStock], orders: list[DemoOrder]) -> list[DemoStock]:
    """Top up stock so that only the deliberately short products run out.

    Without this, two B2B orders drawing the same product could leave a third
    order waiting by chance, and the demo's "awaiting stock" count would lie.
    """
    demand: dict[str, int] = {}
    for order in orders:
        if order.cancelled_at is None:
            for line in order.lines:
                demand[line.sku] = demand.get(line.sku, 0) + line.quantity
    on_hand: dict[str, int] = {}
    for row in stock:
        on_hand[row.sku] = on_hand.get(row.sku, 0) + row.quantity
    result = list(stock)
    for index, row in enumerate(result):
        missing = demand.get(row.sku, 0) + 10 - on_hand.get(row.sku, 0)
        if row.sku not in SHORT_STOCK and missing > 0:
            result[index] = replace(row, quantity=row.quantity + missing)
            on_hand[row.sku] += missing
    return result


def write_locations(path: Path, locations: list[DemoLocation]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["code", "zone", "aisle", "bay", "level", "pick_sequence"])
        for loc in locations:
            writer.writerow([loc.code, loc.zone, loc.aisle, loc.bay, loc.level, loc.pick_sequence])


def write_stock(path: Path, stock: list[DemoStock]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["sku", "location", "quantity", "lot", "expiry"])
        for row in stock:
            writer.writerow([row.sku, row.location, row.quantity, row.lot, row.expiry.isoformat() if row.expiry else ""])


def write_product_details(path: Path, products: list[DemoProduct]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["sku", "name", "length_mm", "width_mm", "height_mm", "lot_tracked", "serial_tracked"])
        for p in products:
            writer.writerow([p.sku, p.name, *p.dims_mm, str(p.tracking == LOT).lower(), str(p.tracking == SERIAL).lower()])


def write_files(data: DemoData, directory: Path) -> dict[str, Path]:
    """Write the four files; returns kind -> path, in import order."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = {kind: directory / name for kind, name in FILES.items()}
    write_locations(paths["locations"], data.locations)
    write_products(paths["products"], data.products)
    write_product_details(paths["product_details"], data.products)
    write_stock(paths["stock"], data.stock)
    write_orders(paths["orders"], data.orders)
    return paths


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    directory = Path(args[0]) if args else Path("resources/sample-data")
    for kind, path in write_files(generate(SAMPLE_NOW), directory).items():
        print(f"{kind:16} {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
