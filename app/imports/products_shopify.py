"""Shopify products export -> product drafts (one per variant SKU).

The export's shape: the first row of a handle carries the product (Title, options'
names, first image); further rows of the same handle are either variants (option
values, SKU, price…) or image-only rows (Handle + Image Src and nothing else).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.imports.csvsource import CsvTable, Record
from app.imports import lengths
from app.imports.fields import as_int, parse_bool, text_at
from app.imports.products_write import ProductDraft, add_barcode, product_name
from app.imports.report import ImportReport

REQUIRED = ("Handle", "Title", "Variant SKU")
# Any of these filled means the row describes a variant, not just an image.
_VARIANT_COLUMNS = ("Option1 Value", "Option2 Value", "Option3 Value", "Variant SKU", "Variant Grams",
                    "Variant Price", "Variant Barcode", "Variant Requires Shipping", "Variant Inventory Qty")

# The summary lists reasons separated by commas: no comma inside a reason.
SKIP_GIFT_CARD = "gift card (no shipping)"
SKIP_NO_SKU = "no SKU"


@dataclass
class _Handle:
    title: str = ""
    option_names: list[str] = field(default_factory=list)
    gift_card: bool = False
    images: list[tuple[int, int, str]] = field(default_factory=list)  # (position, order seen, url)
    variants: list[tuple[Record, ProductDraft | None, bool]] = field(default_factory=list)

    def image(self) -> str | None:
        return min(self.images)[2] if self.images else None


def parse_shopify_products(table: CsvTable, report: ImportReport) -> list[ProductDraft]:
    table.require(REQUIRED)
    col = table.column
    handle_c, title_c, sku_c = col("Handle"), col("Title"), col("Variant SKU")
    option_c = [(col(f"Option{i} Name"), col(f"Option{i} Value")) for i in (1, 2, 3)]
    grams_c, barcode_c, ship_c = col("Variant Grams"), col("Variant Barcode"), col("Variant Requires Shipping")
    image_c, position_c, variant_image_c = col("Image Src"), col("Image Position"), col("Variant Image")
    gift_c = col("Gift Card")
    variant_cols = [col(n) for n in _VARIANT_COLUMNS]

    handles: dict[str, _Handle] = {}
    for rec in table.records:
        handle = handle_c(rec)
        if not handle:
            raise table.fail(rec, handle_c, "Handle is empty")
        h = handles.get(handle)
        if h is None:
            h = handles[handle] = _Handle()
        if title_c(rec) and not h.title:
            h.title = title_c(rec)
            h.option_names = [name(rec) for name, _ in option_c]
            h.gift_card = parse_bool(gift_c(rec)) is True
        if image_c(rec):
            position = as_int(table, rec, position_c, default=10**6) or 0
            h.images.append((position, len(h.images), text_at(table, rec, image_c, lengths.PRODUCT["image_url"])))
        if not any(c(rec) for c in variant_cols):
            continue  # image-only row: it only gave the product an image
        requires_shipping = not h.gift_card and (parse_bool(ship_c(rec)) is not False)
        sku = text_at(table, rec, sku_c, lengths.PRODUCT["sku"])
        if not sku:
            h.variants.append((rec, None, requires_shipping))
            continue
        options = [value(rec) for _, value in option_c if value(rec)]
        name = h.title or handle
        if options and options != ["Default Title"]:
            name = f"{name} — {' / '.join(options)}"
        values = {
            "name": product_name(report, rec.line, sku, name, title_c.name),
            # "Variant Grams" is grams whatever "Variant Weight Unit" says (the unit is for display);
            # products weighed in lb or oz come as fractional grams ("453.5924"): nearest gram.
            "weight_g": as_int(table, rec, grams_c, minimum=0, round_fraction=True),
            "requires_shipping": requires_shipping,
        }
        if variant_image_c(rec):
            values["image_url"] = text_at(table, rec, variant_image_c, lengths.PRODUCT["image_url"])
        draft = ProductDraft(rec.line, sku, values)
        if barcode_c(rec):
            add_barcode(draft, barcode_c(rec).lstrip("'"), report)
        h.variants.append((rec, draft, requires_shipping))

    drafts: list[ProductDraft] = []
    for handle, h in handles.items():
        for rec, draft, requires_shipping in h.variants:
            if draft is None:
                if requires_shipping:
                    report.warn(rec.line, f"variant of {handle!r} has no SKU but needs shipping; not imported")
                    report.skip(SKIP_NO_SKU)
                else:
                    report.skip(SKIP_GIFT_CARD)
                continue
            # Image-only rows come after the variants: the image is settled once the handle is read.
            if "image_url" not in draft.values and h.image():
                draft.values["image_url"] = h.image()
            drafts.append(draft)
    return drafts
