"""Quai's products CSV: ``sku,name,gtin,weight_g,length_mm,width_mm,height_mm,image_url,lot_tracked,serial_tracked``.

Only ``sku`` and ``name`` are required; an absent column leaves the stored value
alone, an empty cell clears it. ``gtin`` may hold several barcodes separated by ``|``.
"""

from __future__ import annotations

from app.imports.csvsource import CsvTable
from app.imports import lengths
from app.imports.fields import as_bool, as_int, text_at
from app.imports.products_write import ProductDraft, add_barcode, product_name
from app.imports.report import ImportReport

INT_FIELDS = ("weight_g", "length_mm", "width_mm", "height_mm")
BOOL_FIELDS = ("lot_tracked", "serial_tracked", "requires_shipping")


def parse_quai_products(table: CsvTable, report: ImportReport) -> list[ProductDraft]:
    table.require(("sku", "name"))
    sku_c, name_c, gtin_c, image_c = (table.column(n) for n in ("sku", "name", "gtin", "image_url"))
    ints = [table.column(n) for n in INT_FIELDS if table.has(n)]
    bools = [table.column(n) for n in BOOL_FIELDS if table.has(n)]
    drafts = []
    for rec in table.records:
        sku = text_at(table, rec, sku_c, lengths.PRODUCT["sku"])
        if not sku:
            raise table.fail(rec, sku_c, "sku is empty")
        if not name_c(rec):
            raise table.fail(rec, name_c, f"name of {sku} is empty")
        values: dict = {"name": product_name(report, rec.line, sku, name_c(rec), name_c.name)}
        for c in ints:
            values[c.name] = as_int(table, rec, c, minimum=0)
        for c in bools:
            values[c.name] = as_bool(table, rec, c, default=c.name == "requires_shipping")
        if table.has("image_url"):
            values["image_url"] = text_at(table, rec, image_c, lengths.PRODUCT["image_url"]) or None
        draft = ProductDraft(rec.line, sku, values)
        for raw in gtin_c(rec).split("|"):
            if raw.strip():
                add_barcode(draft, raw, report)
        drafts.append(draft)
    return drafts

