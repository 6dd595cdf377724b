"""Upserting products by SKU, with their barcodes (shared by the Shopify and Quai formats).

Barcodes are only ever added: a label printed with an old barcode must still
scan after the shop changes it. A barcode already owned by another SKU is left
with its owner and reported, since a scan can only mean one product.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from app.domain.gtin import InvalidGtin, normalise_gtin
from app.imports import lengths
from app.imports.fields import clip
from app.imports.report import ImportReport
from app.store.models import Product, ProductGtin

FIELDS = ("name", "weight_g", "length_mm", "width_mm", "height_mm", "image_url",
          "lot_tracked", "serial_tracked", "requires_shipping")


@dataclass
class ProductDraft:
    row: int
    sku: str
    values: dict[str, Any]  # only the fields the file knows; the others keep their stored value
    gtins: list[str] = field(default_factory=list)  # GTIN-14


def add_barcode(draft: ProductDraft, raw: str, report: ImportReport) -> None:
    """Validate one barcode; a bad one is a warning and the product imports without it."""
    try:
        gtin = normalise_gtin(raw)
    except InvalidGtin as exc:
        report.warn(draft.row, f"SKU {draft.sku}: {exc}; product imported without this barcode")
        return
    if gtin not in draft.gtins:
        draft.gtins.append(gtin)


def product_name(report: ImportReport, row: int, sku: str, name: str, column_name: str) -> str:
    """A name cut to its column, with a warning: a long name still tells people what the product is."""
    cut: list[str] = []
    name = clip(name, column_name, lengths.PRODUCT["name"], cut)
    for message in cut:
        report.warn(row, f"SKU {sku}: {message}")
    return name


def dedupe(drafts: list[ProductDraft], report: ImportReport) -> list[ProductDraft]:
    first: dict[str, int] = {}
    kept = []
    for d in drafts:
        if d.sku in first:
            report.warn(d.row, f"SKU {d.sku} already given on row {first[d.sku]}; this row is ignored")
            report.skip("duplicate SKU")
            continue
        first[d.sku] = d.row
        kept.append(d)
    return kept


def write_products(session: Session, drafts: list[ProductDraft], report: ImportReport, now: datetime) -> None:
    drafts = dedupe(drafts, report)
    columns = [getattr(Product, f) for f in FIELDS]
    existing = {r.sku: r for r in session.execute(select(Product.id, Product.sku, *columns))}
    owners: dict[str, str] = dict(
        session.execute(select(ProductGtin.gtin, Product.sku).join(Product, ProductGtin.product_id == Product.id)).all()
    )
    inserts: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    new_gtins: list[tuple[str, str]] = []  # (gtin, sku)
    for d in drafts:
        gtins_added = False
        for gtin in d.gtins:
            owner = owners.get(gtin)
            if owner is None:
                owners[gtin] = d.sku
                new_gtins.append((gtin, d.sku))
                gtins_added = True
            elif owner != d.sku:
                report.warn(d.row, f"SKU {d.sku}: barcode {gtin} already belongs to SKU {owner}; not added")
        old = existing.get(d.sku)
        if old is None:
            inserts.append({"sku": d.sku, "updated_at": now, **_with_defaults(d.values)})
            continue
        changes = {k: v for k, v in d.values.items() if getattr(old, k) != v}
        if changes:
            updates.append({"id": old.id, "updated_at": now, **changes})
        if changes or gtins_added:
            report.updated += 1
        else:
            report.unchanged += 1
    if inserts:
        session.execute(insert(Product), inserts)
    if updates:
        session.execute(update(Product), updates)
    report.imported += len(inserts)
    if new_gtins:
        ids = dict(session.execute(select(Product.sku, Product.id)).all())  # no IN list: no parameter limit
        session.execute(insert(ProductGtin), [{"gtin": g, "product_id": ids[s]} for g, s in new_gtins])


def _with_defaults(values: dict[str, Any]) -> dict[str, Any]:
    # Bulk inserts need every column the first row has; fill the booleans' defaults.
    out = {f: None for f in FIELDS}
    out.update(lot_tracked=False, serial_tracked=False, requires_shipping=True)
    out.update(values)
    return out
