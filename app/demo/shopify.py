"""Write the demo catalogue and orders as Shopify writes its CSV exports.

Column names and value shapes follow Shopify's products and orders exports
(``Variant Requires Shipping`` is TRUE/FALSE, ``Created at`` is
``2026-11-23 14:05:12 +0100``, an order's extra line items are continuation
rows that repeat only ``Name`` and the ``Lineitem`` columns), so the demo goes
through the same importer as a real shop's files.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from app.demo.catalogue import GIFT_CARD_HANDLE, GIFT_CARD_TITLE, DemoProduct
from app.demo.orders import SHIPPING_PRICE, DemoOrder

PARIS = ZoneInfo("Europe/Paris")

# Shopify has no dimension or tracking fields: shops keep them in metafields,
# which the export writes as "Label (product.metafields.namespace.key)" columns.
META_LENGTH = "Longueur (mm) (product.metafields.quai.length_mm)"
META_WIDTH = "Largeur (mm) (product.metafields.quai.width_mm)"
META_HEIGHT = "Hauteur (mm) (product.metafields.quai.height_mm)"
META_TRACKING = "Suivi (product.metafields.quai.tracking)"

PRODUCT_COLUMNS = [
    "Handle", "Title", "Body (HTML)", "Vendor", "Product Category", "Type", "Tags", "Published",
    "Option1 Name", "Option1 Value", "Variant SKU", "Variant Grams", "Variant Inventory Tracker",
    "Variant Inventory Qty", "Variant Inventory Policy", "Variant Fulfillment Service", "Variant Price",
    "Variant Compare At Price", "Variant Requires Shipping", "Variant Taxable", "Variant Barcode",
    "Image Src", "Image Position", "Image Alt Text", "Gift Card", "Variant Weight Unit",
    META_LENGTH, META_WIDTH, META_HEIGHT, META_TRACKING, "Status",
]

ORDER_COLUMNS = [
    "Name", "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at", "Accepts Marketing",
    "Currency", "Subtotal", "Shipping", "Taxes", "Total", "Discount Code", "Discount Amount", "Shipping Method",
    "Created at", "Lineitem quantity", "Lineitem name", "Lineitem price", "Lineitem compare at price",
    "Lineitem sku", "Lineitem requires shipping", "Lineitem taxable", "Lineitem fulfillment status",
    "Billing Name", "Billing Street", "Billing Address1", "Billing Address2", "Billing Company", "Billing City",
    "Billing Zip", "Billing Province", "Billing Country", "Billing Phone",
    "Shipping Name", "Shipping Street", "Shipping Address1", "Shipping Address2", "Shipping Company",
    "Shipping City", "Shipping Zip", "Shipping Province", "Shipping Country", "Shipping Phone",
    "Notes", "Note Attributes", "Cancelled at", "Payment Method", "Payment Reference", "Refunded Amount",
    "Vendor", "Id", "Tags", "Risk Level", "Source", "Phone",
]


def shopify_time(moment: datetime) -> str:
    """Shopify's export format, in the shop's time zone (Paris)."""
    return moment.astimezone(PARIS).strftime("%Y-%m-%d %H:%M:%S %z")


def _bool(value: bool) -> str:
    return "TRUE" if value else "FALSE"


def _write(path: Path, columns: list[str], rows: Iterable[dict[str, str]]) -> None:
    # Shopify writes UTF-8 with CRLF line ends and quotes only where needed.
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})


def write_products(path: Path, products: list[DemoProduct]) -> None:
    rows = []
    for p in products:
        rows.append({
            "Handle": p.handle,
            "Title": p.name,
            "Body (HTML)": f"<p>{p.name}, sélectionné par {p.vendor}.</p>",
            "Vendor": p.vendor,
            "Type": p.category,
            "Tags": ", ".join(t for t in (p.category.lower(), "lot" if p.tracking == "lot" else "", "série" if p.tracking == "serial" else "") if t),
            "Published": "TRUE",
            "Option1 Name": "Title",
            "Option1 Value": "Default Title",
            "Variant SKU": p.sku,
            "Variant Grams": str(p.grams),
            "Variant Inventory Tracker": "shopify",
            "Variant Inventory Qty": "0",
            "Variant Inventory Policy": "deny",
            "Variant Fulfillment Service": "manual",
            "Variant Price": p.price_eur,
            "Variant Requires Shipping": "TRUE",
            "Variant Taxable": "TRUE",
            "Variant Barcode": p.barcode,
            "Image Src": f"https://cdn.shopify.com/s/files/1/0612/4587/products/{p.handle}.jpg",
            "Image Position": "1",
            "Image Alt Text": p.name,
            "Gift Card": "FALSE",
            "Variant Weight Unit": "g",
            META_LENGTH: str(p.dims_mm[0]),
            META_WIDTH: str(p.dims_mm[1]),
            META_HEIGHT: str(p.dims_mm[2]),
            META_TRACKING: p.tracking,
            "Status": "active",
        })
    # A gift card is a product without SKU, barcode or shipping: nothing to pick.
    rows.append({
        "Handle": GIFT_CARD_HANDLE, "Title": GIFT_CARD_TITLE, "Vendor": "Quai", "Type": "Carte cadeau",
        "Published": "TRUE", "Option1 Name": "Denominations", "Option1 Value": "50 €", "Variant Grams": "0",
        "Variant Inventory Policy": "deny", "Variant Fulfillment Service": "manual", "Variant Price": "50.00",
        "Variant Requires Shipping": "FALSE", "Variant Taxable": "FALSE", "Gift Card": "TRUE",
        "Variant Weight Unit": "g", "Status": "active",
    })
    _write(path, PRODUCT_COLUMNS, rows)


def _order_rows(order: DemoOrder) -> list[dict[str, str]]:
    shipping = Decimal(SHIPPING_PRICE[order.shipping_method])
    total = order.subtotal + shipping
    taxes = (total / Decimal(6)).quantize(Decimal("0.01"))  # 20 % VAT included in French prices
    head = {
        "Name": order.number,
        "Email": order.email,
        "Financial Status": order.financial_status,
        "Paid at": shopify_time(order.created_at) if order.financial_status == "paid" else "",
        "Fulfillment Status": order.fulfillment_status,
        "Accepts Marketing": "no",
        "Currency": "EUR",
        "Subtotal": f"{order.subtotal:.2f}",
        "Shipping": f"{shipping:.2f}",
        "Taxes": f"{taxes:.2f}",
        "Total": f"{total:.2f}",
        "Shipping Method": order.shipping_method,
        "Created at": shopify_time(order.created_at),
        "Billing Name": order.ship_name,
        "Billing Street": order.address1.replace("\n", ", "),
        "Billing Address1": order.address1,
        "Billing Address2": order.address2,
        "Billing Company": order.company,
        "Billing City": order.city,
        "Billing Zip": order.zip,
        "Billing Province": order.province,
        "Billing Country": order.country,
        "Billing Phone": order.phone,
        "Shipping Name": order.ship_name,
        "Shipping Street": order.address1.replace("\n", ", "),
        "Shipping Address1": order.address1,
        "Shipping Address2": order.address2,
        "Shipping Company": order.company,
        "Shipping City": order.city,
        "Shipping Zip": order.zip,
        "Shipping Province": order.province,
        "Shipping Country": order.country,
        "Shipping Phone": order.phone,
        "Notes": order.notes,
        # Shopify writes one "key: value" per line.
        "Note Attributes": "\n".join(f"{k}: {v}" for k, v in order.note_attributes),
        "Cancelled at": shopify_time(order.cancelled_at) if order.cancelled_at else "",
        "Payment Method": order.payment_method,
        "Refunded Amount": f"{total:.2f}" if order.financial_status == "refunded" else "0.00",
        "Id": str(5_912_300_000_000 + int(order.number.lstrip("#"))),
        "Tags": ", ".join(order.tags),
        "Risk Level": order.risk_level,
        "Source": "web",
        "Phone": order.phone,
    }
    rows = []
    for index, line in enumerate(order.lines):
        values = {
            "Lineitem quantity": str(line.quantity),
            "Lineitem name": line.name,
            "Lineitem price": line.price,
            "Lineitem sku": line.sku,
            "Lineitem requires shipping": _bool(line.requires_shipping),
            "Lineitem taxable": _bool(line.requires_shipping),
            "Lineitem fulfillment status": "pending",
        }
        base = head if index == 0 else {"Name": order.number}
        rows.append({**base, **values})
    return rows


def write_orders(path: Path, orders: list[DemoOrder]) -> None:
    # Shopify lists the newest order first.
    rows = [row for order in sorted(orders, key=lambda o: o.created_at, reverse=True) for row in _order_rows(order)]
    _write(path, ORDER_COLUMNS, rows)

