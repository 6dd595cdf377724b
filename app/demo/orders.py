"""The demo's orders: two days of a small French shop, with the awkward cases on purpose.

The mix is fixed (which order is B2B, held, short, by relay...) and the
details (who, where, what) come from a seeded random generator, so the demo is
the same on every machine and every run with the same ``now``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from app.demo import places
from app.demo.catalogue import DemoProduct
from app.demo.layout import SHORT_STOCK

# Shipping methods as the shop's checkout names them (the importer maps them to carriers).
COLISSIMO = "Colissimo - Livraison à domicile"
COLISSIMO_SIGNATURE = "Colissimo - Domicile avec signature"
CHRONOPOST = "Chronopost - Livraison express avant 13h"
MONDIAL_RELAY = "Mondial Relay - Point Relais"
CLICK_COLLECT = "Retrait en magasin"
SHIPPING_PRICE = {COLISSIMO: "5.90", COLISSIMO_SIGNATURE: "7.90", CHRONOPOST: "12.90", MONDIAL_RELAY: "3.90", CLICK_COLLECT: "0.00"}

UNKNOWN_SKU = "ANC-REF-404"  # a product the shop removed but an old order still names
ORDER_COUNT = 48
FIRST_NUMBER = 1001


@dataclass
class DemoLine:
    sku: str
    name: str
    quantity: int
    price: str
    requires_shipping: bool = True


@dataclass
class DemoOrder:
    number: str
    created_at: datetime
    email: str
    ship_name: str
    address1: str
    zip: str
    city: str
    province: str
    shipping_method: str
    lines: list[DemoLine] = field(default_factory=list)
    company: str = ""
    address2: str = ""
    phone: str = ""
    country: str = "FR"
    financial_status: str = "paid"
    fulfillment_status: str = "unfulfilled"
    payment_method: str = "Shopify Payments"
    risk_level: str = "Low"
    notes: str = ""
    note_attributes: list[tuple[str, str]] = field(default_factory=list)
    cancelled_at: datetime | None = None
    tags: list[str] = field(default_factory=list)

    @property
    def b2b(self) -> bool:
        return bool(self.company)

    @property
    def subtotal(self) -> Decimal:
        return sum((Decimal(l.price) * l.quantity for l in self.lines), Decimal("0"))


def _plan() -> list[dict]:
    """One entry per order: the case it demonstrates. Order matters (numbers follow it)."""
    methods = [COLISSIMO, MONDIAL_RELAY, CHRONOPOST, COLISSIMO, MONDIAL_RELAY, CLICK_COLLECT, COLISSIMO_SIGNATURE, CHRONOPOST]
    plan: list[dict] = [{"method": methods[i % len(methods)]} for i in range(ORDER_COUNT)]
    for i in (3, 11, 19, 27, 35, 43):  # B2B shops: Colissimo or Chronopost, several lines, larger quantities
        plan[i] = {"method": CHRONOPOST if i % 2 else COLISSIMO_SIGNATURE, "b2b": True}
    plan[7]["risk"] = "High"
    plan[15]["pending"] = True
    plan[21]["short"] = "MAI-VAS-VER"
    plan[30]["short"] = "TEX-PLA-LAI"
    plan[24]["unknown_sku"] = True
    plan[9]["quoted_address"] = True
    plan[13]["gift_card"] = True
    for i in (2, 10):  # the importer reads these tags as priority
        plan[i]["urgent"] = True
    plan[40]["cancelled"] = True
    for i in (2, 17, 26, 38, 45):
        plan[i]["gift"] = True
    return plan


def build_orders(products: list[DemoProduct], now: datetime, rng: random.Random) -> list[DemoOrder]:
    """``now`` must be aware; orders are spread over the 48 hours before it, oldest first."""
    pickable = [p for p in products if p.sku not in SHORT_STOCK]
    by_sku = {p.sku: p for p in products}
    start = now - timedelta(hours=47, minutes=30)
    step = timedelta(hours=47) / ORDER_COUNT
    orders = []
    for index, case in enumerate(_plan()):
        created = start + step * index + timedelta(minutes=rng.randint(0, 40), seconds=rng.randint(0, 59))
        orders.append(_order(index, case, created, pickable, by_sku, rng))
    return orders


def _order(index: int, case: dict, created: datetime, pickable: list[DemoProduct], by_sku: dict[str, DemoProduct], rng: random.Random) -> DemoOrder:
    first, last = rng.choice(places.FIRST_NAMES), rng.choice(places.LAST_NAMES)
    postcode, town, province = rng.choice(places.TOWNS)
    order = DemoOrder(
        number=f"#{FIRST_NUMBER + index}",
        created_at=created,
        email=f"{_ascii(first)}.{_ascii(last)}@exemple.fr",
        ship_name=f"{first} {last}",
        address1=f"{rng.randint(1, 148)} {rng.choice(places.STREETS)}",
        zip=postcode,
        city=town,
        province=province,
        shipping_method=case["method"],
        phone=f"+33 6 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
    )
    if rng.random() < 0.3:
        order.address2 = rng.choice(places.ADDRESS2)
    n_lines, max_qty = (rng.randint(3, 6), 12) if case.get("b2b") else (rng.choices([1, 2, 3, 4], [5, 3, 2, 1])[0], 2)
    for product in rng.sample(pickable, n_lines):
        quantity = rng.randint(2, max_qty) if case.get("b2b") else rng.randint(1, max_qty)
        order.lines.append(DemoLine(product.sku, product.name, quantity, product.price_eur))

    if case.get("b2b"):
        company, contact = places.SHOPS[index % len(places.SHOPS)]
        order.company, order.ship_name = company, contact
        order.email = f"commandes@{_ascii(company.split()[-2])}-pro.fr"
        order.payment_method = "Virement bancaire (30 jours fin de mois)"
        order.tags.append("B2B")
    if order.shipping_method == MONDIAL_RELAY:
        relay_id, relay_name, town_index = rng.choice(places.RELAY_POINTS)
        order.zip, order.city, order.province = places.TOWNS[town_index]
        order.note_attributes += [("relay_point_id", relay_id), ("relay_point_name", relay_name)]
    if order.shipping_method == CLICK_COLLECT:
        order.tags.append("click-and-collect")
    if case.get("risk"):
        order.risk_level = case["risk"]
    if case.get("pending"):
        order.financial_status = "pending"
        order.payment_method = "Virement bancaire"
    if case.get("short"):
        product = by_sku[case["short"]]
        order.lines.append(DemoLine(product.sku, product.name, SHORT_STOCK[product.sku] + 2, product.price_eur))
    if case.get("unknown_sku"):
        order.lines.append(DemoLine(UNKNOWN_SKU, "Ancienne référence retirée du catalogue", 1, "9.90"))
    if case.get("quoted_address"):
        # Some checkouts put the building and the street on two lines of the same field.
        order.address1 = f"Résidence « Les Tilleuls »\nBâtiment B, {rng.randint(2, 40)} allée des Tilleuls"
    if case.get("gift_card"):
        order.lines.append(DemoLine("", "Carte cadeau Quai 50 €", 1, "50.00", requires_shipping=False))
    if case.get("gift"):
        order.note_attributes.append(("gift_message", rng.choice(places.GIFT_MESSAGES)))
        order.tags.append("cadeau")
    if case.get("urgent"):
        order.tags.append("prioritaire")
    if case.get("cancelled"):
        order.cancelled_at = created + timedelta(hours=2)
        order.financial_status = "refunded"
    if not order.b2b and rng.random() < 0.3:
        order.notes = rng.choice(places.DELIVERY_NOTES)
    return order


def _ascii(text: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in folded.lower() if c.isalnum())
