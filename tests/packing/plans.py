"""PackPlans built by hand for the packing session's tests, and scan helpers."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.domain.gtin import make_gtin13
from app.packing.model import (BoxOption, CarrierChoice, Insert, LotPicked, OrderInfo, PackConfig, PackLine,
                               PackPlan, ParcelPlan, Reading)
from app.packing.session import PackSession
from app.scanning.classify import Scan, classify

TODAY = date(2026, 11, 24)
CONFIG = PackConfig(quantity_threshold=5, tolerance_g=30, tolerance_pct=5.0, print_delay_s=5)

GTIN = {sku: make_gtin13(body).zfill(14) for sku, body in [
    ("MUG", "376000000001"), ("TEA", "376000000002"), ("JAM", "376000000003"), ("PHONE", "376000000004"),
    ("SOCK", "376000000005"), ("BOOK", "376000000006"), ("ALIEN", "376000000009"),
]}

BOXES = (
    BoxOption("BOX-S", "Petit", (200, 150, 100), 2000, 100, eco=True),
    BoxOption("BOX-M", "Moyen", (300, 250, 200), 10000, 250),
    BoxOption("BOX-L", "Grand", (600, 400, 400), 30000, 600),
    BoxOption("BOX-FLAT", "Plat", (350, 250, 20), 5000, 80),
    BoxOption("BOX-BAG", "Pochette", (400, 300, 150), 1000, 20, eco=True),  # roomy but weak
)


def mug(line_id: int = 1, quantity: int = 2, **kw) -> PackLine:
    return PackLine(line_id, line_id, "MUG", "Mug bleu", quantity, (GTIN["MUG"],), weight_g=350,
                    dims_mm=(120, 90, 90), image="mug.png", **kw)


def tea(line_id: int = 2, quantity: int = 3, **kw) -> PackLine:
    return PackLine(line_id, line_id, "TEA", "Thé vert", quantity, (GTIN["TEA"],), weight_g=100,
                    dims_mm=(80, 60, 60), **kw)


def jam(line_id: int = 3, lots: tuple[LotPicked, ...] = (LotPicked("L-A", date(2027, 6, 1), 2),
                                                          LotPicked("L-B", date(2027, 9, 1), 1)), **kw) -> PackLine:
    return PackLine(line_id, line_id, "JAM", "Confiture", sum(x.quantity for x in lots), (GTIN["JAM"],),
                    lots=lots, lot_tracked=True, weight_g=400, dims_mm=(90, 90, 110), **kw)


def phone(line_id: int = 4, quantity: int = 2, **kw) -> PackLine:
    return PackLine(line_id, line_id, "PHONE", "Téléphone", quantity, (GTIN["PHONE"],), serial_tracked=True,
                    weight_g=250, dims_mm=(160, 80, 60), **kw)


def socks(line_id: int = 5, quantity: int = 12, **kw) -> PackLine:
    return PackLine(line_id, line_id, "SOCK", "Chaussettes", quantity, (GTIN["SOCK"],), weight_g=50,
                    dims_mm=(150, 100, 20), **kw)


def plan(*lines: PackLine, parcels: tuple[ParcelPlan, ...] | None = None, inserts: tuple[Insert, ...] = (),
         channel: str = "b2c", pallet: bool = False, number: str = "#1001", box: str | None = "BOX-M",
         gift_message: str | None = None) -> PackPlan:
    if parcels is None:
        parcels = (ParcelPlan(1, box, {x.line_id: x.quantity for x in lines}, None),)
    return PackPlan(
        order=OrderInfo(number, channel=channel, carrier="colissimo", customer_name="Ana Lima",
                        gift_message=gift_message),
        lines=tuple(lines), boxes=BOXES, parcels=parcels,
        carrier=CarrierChoice("colissimo", "home", "from_order"), inserts=inserts, pallet=pallet,
    )


def start(p: PackPlan, config: PackConfig = CONFIG) -> tuple[PackSession, list]:
    """A started session and the events recorded so far (a list the tests extend)."""
    session, outcome = PackSession.start(p, config, packer="BDG0007", today=TODAY)
    assert outcome.ok and outcome.code == "started"
    return session, list(outcome.events)


def product(sku: str, lot: str | None = None, serial: str | None = None, count: int | None = None,
            expiry: date | None = None) -> Scan:
    text = f"(01){GTIN[sku]}"
    if expiry:
        text += f"(17){expiry:%y%m%d}"
    if lot:
        text += f"(10){lot}"
    if serial:
        text += f"(21){serial}"
    if count is not None:
        text += f"(37){count}"
    return classify(text)


def scan(text: str) -> Scan:
    return classify(text)


def stable(grams: int, source: str = "scale") -> Reading:
    return Reading(grams, True, source)


def gift(p: PackPlan) -> PackPlan:
    return replace(p, inserts=(Insert("gift_message", "Carte message", "Joyeux anniversaire"),
                               Insert("gift_wrap", "Paquet cadeau")))
