"""Shared helpers for the import tests: a database with the small catalogue, and readers."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.imports import run_import
from app.store.models import Event, Order

DATA = Path(__file__).with_name("data")


def seed_catalogue(factory: sessionmaker[Session]) -> None:
    """Products SKU-MUG (50 in stock), SKU-TEE-S (20), SKU-CAP (5), SKU-HONEY (12, lot)."""
    run_import(factory, "products", DATA / "base_products.csv")
    run_import(factory, "locations", DATA / "base_locations.csv")
    run_import(factory, "stock", DATA / "base_stock.csv")


def order(factory: sessionmaker[Session], number: str) -> Order:
    with factory() as session:
        found = session.scalars(select(Order).where(Order.number == number)).one()
        found.lines  # noqa: B018 - load the lines before the session closes
        return found


def count(factory: sessionmaker[Session], model: type, *where) -> int:
    with factory() as session:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def events(factory: sessionmaker[Session], kind: str | None = None) -> list[Event]:
    with factory() as session:
        query = select(Event).order_by(Event.seq)
        if kind:
            query = query.where(Event.kind == kind)
        return list(session.scalars(query))


def shopify_variant(src: Path, dest: Path, rows: list[dict[str, str]]) -> Path:
    """Write ``dest``: the header of ``src`` and, per dict of ``rows``, its first data row with those columns changed."""
    import csv

    with src.open(newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        template = next(reader)
        header = reader.fieldnames or []
    with dest.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, header)
        writer.writeheader()
        for changes in rows:
            writer.writerow({**template, **changes})
    return dest
