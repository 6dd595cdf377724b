"""What a station makes of a scanned code: the typed scan resolved against the store.

Used by ``quai lookup`` and, later, by the station's scan loop.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.scanning.classify import Scan, ScanKind, classify
from app.scanning.rules import DEFAULT_RULES, PrefixRules
from app.store.models import Location, Order, Parcel, Product, ProductGtin, User


@dataclass(frozen=True)
class LookupResult:
    code: str
    kind: str  # product, location, tote, badge, order, parcel, command, unknown
    record: dict[str, Any] = field(default_factory=dict)
    message: str = ""

    @property
    def found(self) -> bool:
        return self.kind != "unknown"

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"code": self.code, "kind": self.kind}
        if self.record:
            data[self.kind] = self.record
        if self.message:
            data["message"] = self.message
        return data


def _product(product: Product, scan: Scan | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "sku": product.sku,
        "name": product.name,
        "gtin": product.gtins[0].gtin if product.gtins else None,
        "gtins": [g.gtin for g in product.gtins],
        "weight_g": product.weight_g,
    }
    if scan is not None:
        for key in ("lot", "serial", "count"):
            if getattr(scan, key) is not None:
                data[key] = getattr(scan, key)
        if scan.expiry is not None:
            data["expiry"] = scan.expiry.isoformat()
    return data


def _location(location: Location) -> dict[str, Any]:
    return {
        "code": location.code,
        "zone": location.zone,
        "aisle": location.aisle,
        "bay": location.bay,
        "level": location.level,
        "pick_sequence": location.pick_sequence,
    }


def _order(order: Order) -> dict[str, Any]:
    return {"number": order.number, "status": order.status, "carrier": order.carrier, "lines": len(order.lines)}


def _user(user: User) -> dict[str, Any]:
    return {"name": user.name, "badge": user.badge, "roles": sorted(user.role_set)}


def lookup(session: Session, raw: str, rules: PrefixRules = DEFAULT_RULES) -> LookupResult:
    scan = classify(raw, rules)
    code = scan.raw.strip()
    if scan.kind == ScanKind.MISREAD:
        return LookupResult(code, "unknown", message=scan.error or "code not understood")
    if scan.kind == ScanKind.COMMAND:
        assert scan.command is not None
        return LookupResult(code, "command", {"command": scan.command.value, "barcode": scan.command.barcode})
    if scan.kind == ScanKind.TOTE:
        return LookupResult(code, "tote", {"code": scan.value})
    if scan.kind == ScanKind.BADGE:
        user = session.scalar(select(User).where(User.badge == scan.value))
        if user is None or not user.active:
            return LookupResult(code, "unknown", message=f"badge {scan.value} is not given to any active user")
        return LookupResult(code, "badge", _user(user))
    if scan.kind == ScanKind.ORDER:
        return _order_result(session, code, scan.value)
    if scan.kind == ScanKind.PARCEL:
        parcel = session.scalar(select(Parcel).where(Parcel.sscc == scan.value))
        record = {"sscc": scan.value}
        if parcel is not None:
            record |= {"order": parcel.order.number, "seq": parcel.seq, "status": parcel.status}
        return LookupResult(code, "parcel", record, "" if parcel else "valid SSCC, no parcel with it yet")
    if scan.kind == ScanKind.PRODUCT:
        product = session.scalar(
            select(Product)
            .join(ProductGtin)
            .where(ProductGtin.gtin == scan.gtin)
            .options(selectinload(Product.gtins))
        )
        if product is None:
            return LookupResult(code, "unknown", message=f"no product has the barcode {scan.gtin}")
        return LookupResult(code, "product", _product(product, scan))
    # A plain code: a location, a SKU, or an order number typed without its '#'.
    text = scan.value
    location = session.scalar(select(Location).where(Location.code == text.upper()))
    if location is not None:
        return LookupResult(code, "location", _location(location))
    product = session.scalar(select(Product).where(Product.sku == text).options(selectinload(Product.gtins)))
    if product is not None:
        return LookupResult(code, "product", _product(product))
    order_result = _order_result(session, code, text, quiet=True)
    if order_result.found:
        return order_result
    if rules.looks_like_location(text):
        return LookupResult(code, "unknown", message=f"location {text} does not exist in this warehouse")
    return LookupResult(code, "unknown", message=f"{text} matches no product, location, order, badge or tote")


def _order_result(session: Session, code: str, number: str, quiet: bool = False) -> LookupResult:
    candidates = [number] + ([f"#{number}"] if not number.startswith("#") else [number[1:]])
    order = session.scalar(
        select(Order).where(Order.number.in_(candidates)).options(selectinload(Order.lines))
    )
    if order is None:
        return LookupResult(code, "unknown", message="" if quiet else f"order {number} does not exist")
    return LookupResult(code, "order", _order(order))
