"""Benchmark: import a realistic 10,000-row Shopify orders export.

Generates the export (multi-line addresses and notes, continuation rows, relay
points, a few held/unknown-SKU/fulfilled orders) into a temporary directory,
imports it into a fresh migrated SQLite database and, if reachable, into a fresh
PostgreSQL database, and prints the figures. Target: <= 5 s on SQLite (2 cores).

    .venv/bin/python bench/bench_import_orders.py [--rows 10000] [--no-postgres]
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine

from app.imports import run_import
from app.store.db import make_engine, session_factory, sqlite_url
from app.store.migrate import upgrade

HEADER = (
    "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,"
    "Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,"
    "Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,"
    "Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,"
    "Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,"
    "Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,"
    "Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,"
    "Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Phone,Receipt Number,Duties,"
    "Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References"
).split(",")
METHODS = ["Colissimo Domicile", "Colissimo Domicile", "Mondial Relay", "Chrono 13", "Chrono Relais",
           "Retrait en magasin", "Livraison standard"]
CITIES = [("Lyon", "69003"), ("Paris", "75011"), ("Marseille", "13002"), ("Lille", "59000"), ("Nantes", "44000")]
N_SKUS = 300


def write_catalogue(directory: Path) -> tuple[Path, Path, Path]:
    products, locations, stock = directory / "products.csv", directory / "locations.csv", directory / "stock.csv"
    products.write_text("sku,name,weight_g\n" + "".join(f"SKU-{i:04d},Article {i},{100 + i}\n" for i in range(N_SKUS)))
    locations.write_text("code,zone,aisle,bay,level,pick_sequence\n"
                         + "".join(f"A-{i:04d},A,{i // 50},{i % 50},A,{i}\n" for i in range(N_SKUS)))
    stock.write_text("sku,location,quantity\n" + "".join(f"SKU-{i:04d},A-{i:04d},{random.randint(0, 120)}\n"
                                                         for i in range(N_SKUS)))
    return products, locations, stock


def write_export(path: Path, rows: int) -> int:
    rnd = random.Random(42)
    start = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    written = orders = 0
    with path.open("w", newline="", encoding="utf-8-sig") as out:
        writer = csv.DictWriter(out, HEADER)
        writer.writeheader()
        while written < rows:
            orders += 1
            n_lines = min(rnd.choice([1, 1, 2, 3, 4, 5]), rows - written)
            city, zip_code = rnd.choice(CITIES)
            method = rnd.choice(METHODS)
            created = (start + timedelta(seconds=37 * orders)).astimezone().strftime("%Y-%m-%d %H:%M:%S %z")
            attrs = ("relay_point_id: MR-%05d\nrelay_point_name: Relais %d" % (orders, orders)) if "Relais" in method or "Relay" in method else ""
            for n in range(n_lines):
                sku = f"SKU-{rnd.randrange(N_SKUS):04d}" if rnd.random() > 0.002 else "SKU-UNKNOWN"
                row = dict.fromkeys(HEADER, "")
                row.update({"Name": f"#{10000 + orders}", "Lineitem quantity": rnd.choice([1, 1, 1, 2, 3]),
                            "Lineitem name": f"Article {sku}", "Lineitem price": "19.90", "Lineitem sku": sku,
                            "Lineitem requires shipping": "true", "Lineitem taxable": "true",
                            "Lineitem fulfillment status": "pending"})
                if n == 0:
                    row.update({
                        "Email": f"client{orders}@example.fr",
                        "Financial Status": rnd.choice(["paid"] * 30 + ["pending", "refunded"]),
                        "Fulfillment Status": "fulfilled" if rnd.random() < 0.02 else "unfulfilled",
                        "Currency": "EUR", "Shipping Method": method, "Created at": created,
                        "Shipping Name": f"Client {orders}", "Billing Name": f"Client {orders}",
                        "Shipping Address1": f"{orders % 200} rue de la République\nBâtiment {chr(65 + orders % 5)}",
                        "Shipping Address2": "Escalier 2\n3e étage" if orders % 7 == 0 else "",
                        "Shipping City": city, "Shipping Zip": "'" + zip_code, "Shipping Country": "FR",
                        "Shipping Phone": "'+3361234%04d" % (orders % 10000),
                        "Notes": "Sonner deux fois\nMessage cadeau: Joyeux Noël" if orders % 11 == 0 else "",
                        "Note Attributes": attrs, "Payment Method": "Shopify Payments", "Id": str(6_000_000 + orders),
                        "Tags": "urgent" if orders % 50 == 0 else "", "Risk Level": "High" if orders % 97 == 0 else "Low",
                        "Source": "web", "Vendor": "Atelier Quai",
                    })
                writer.writerow(row)
                written += 1
    return orders


def run(label: str, engine: Engine, directory: Path, export: Path, rows: int, orders: int) -> None:
    upgrade(engine)
    factory = session_factory(engine)
    products, locations, stock = write_catalogue(directory)
    for kind, path in (("products", products), ("locations", locations), ("stock", stock)):
        run_import(factory, kind, path)
    began = time.perf_counter()
    report = run_import(factory, "orders", export)
    seconds = time.perf_counter() - began
    began = time.perf_counter()
    again = run_import(factory, "orders", export)
    reimport = time.perf_counter() - began
    print(f"{label:10s} rows {rows}  orders {orders}  {seconds:.2f} s  {rows / seconds:,.0f} rows/s  "
          f"(re-import {reimport:.2f} s, unchanged {again.unchanged})")
    print("           " + report.summary_lines()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    random.seed(1)
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        export = directory / "orders_export.csv"
        orders = write_export(export, args.rows)
        print(f"export: {export.stat().st_size / 1e6:.1f} MB, {args.rows} rows, {orders} orders")
        engine = make_engine(sqlite_url(directory / "bench.db"))
        run("sqlite", engine, directory, export, args.rows, orders)
        engine.dispose()
        if not args.no_postgres:
            run_postgres(args.pg, directory, export, args.rows, orders)


def run_postgres(admin_url: str, directory: Path, export: Path, rows: int, orders: int) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    try:
        admin = psycopg.connect(admin_url, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        print(f"postgres   not reachable ({exc.__class__.__name__}); skipped")
        return
    name = f"quai_bench_{uuid.uuid4().hex[:8]}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            engine = make_engine(make_url(admin_url).set(database=name).render_as_string(hide_password=False))
            run("postgres", engine, directory, export, rows, orders)
            engine.dispose()
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


if __name__ == "__main__":
    main()
