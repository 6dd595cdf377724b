"""What a pack is built from, read from the station's replica, and which order a packer scanned.

``pack_inputs`` gives app.packing.model's own OrderInfo / PackLine / BoxOption (no ORM
object leaves), ready for app.packing.plan.build_plan. ``order_for_scan`` turns the
packer's first scan (an order number, a tote, a pick list) into the order to pack.

Read only: every function takes an open Session; the caller owns the transaction (a
station's worker thread, never the GUI thread).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from app.domain.status import OrderStatus
from app.packing.model import BoxOption, LotPicked, OrderInfo, PackLine
from app.store.models import BoxType, Event, Order, Product

PARIS = ZoneInfo("Europe/Paris")

# The data model has no tags nor a gift-wrap column: a gift wrap is asked for in the order's
# notes ("Emballage cadeau", "paquet cadeau", "gift wrap"), as the shops' checkouts write it.
# A line that says no ("pas d'emballage cadeau", "no gift wrap", "sans …") does not count.
_GIFT_WRAP = re.compile(r"emballage[ -]cadeau|paquet[ -]cadeau|gift[ -]?wrap", re.IGNORECASE)
_NEGATED = re.compile(r"\b(pas|sans|no|not|without|aucun)\b", re.IGNORECASE)

# What ``order_for_scan`` accepts as ``kind`` (app.scanning.classify.ScanKind values, and
# ``pick_list`` for the id of a pick's ``pick.started`` event).
SCAN_ORDER, SCAN_TOTE, SCAN_PICK_LIST, SCAN_CODE = "order", "tote", "pick_list", "code"
PICK_LIST_PREFIXES = ("PL-", "PL")


class PackScanError(LookupError):
    """The scan names no order that can be packed now. ``code`` and ``args`` let a screen
    say it in the person's language; the message says it in English, with what to do.

    Codes: unknown_order, order_not_picked {order, status}, unknown_tote {tote},
    tote_not_picked {tote, order, status}, tote_several_orders {tote, orders},
    unknown_pick_list {pick_list}, pick_list_done {pick_list, orders}, unknown_scan {value}.
    """

    def __init__(self, code: str, message: str, **args: Any) -> None:
        self.code = code
        self.args_ = args
        super().__init__(message)


def gift_wrap_asked(notes: str | None) -> bool:
    """Whether the order's notes ask for a gift wrap (see ``_GIFT_WRAP``)."""
    for line in (notes or "").splitlines():
        found = _GIFT_WRAP.search(line)
        if found and not _NEGATED.search(line[: found.start()]):
            return True
    return False


def _local_date(value) -> date | None:
    if value is None:
        return None
    return (value.astimezone(PARIS) if value.tzinfo is not None else value).date()


def _first_order(session: Session, order: Order) -> bool:
    """No earlier order with the same customer e-mail (compared without case). An order
    without an e-mail cannot be told apart: not a first order (no promotion insert)."""
    email = (order.customer_email or "").strip().lower()
    if not email:
        return False
    earlier = session.scalar(
        select(func.count()).select_from(Order).where(
            func.lower(func.trim(Order.customer_email)) == email,
            Order.id != order.id,
            or_(Order.created_at < order.created_at, (Order.created_at == order.created_at) & (Order.id < order.id)),
        )
    )
    return not earlier


def order_info(session: Session, order: Order) -> OrderInfo:
    return OrderInfo(
        number=order.number,
        channel=order.channel or "b2c",
        carrier=order.carrier or None,
        service=order.service or None,
        delivery_mode=order.delivery_mode or "home",
        shipping_method=order.shipping_method,
        country=order.ship_country or "FR",
        customer_name=order.customer_name or order.ship_name or "",
        customer_first_order=_first_order(session, order),
        gift_message=order.gift_message or None,
        gift_wrap=gift_wrap_asked(order.notes),
        created_on=_local_date(order.created_at),
        ship_by=_local_date(order.ship_by),
    )


def picked_lots(captured: Iterable[dict[str, Any]] | None) -> tuple[LotPicked, ...]:
    """The lots the picker put in the tote for a line, from its pick captures (``pick.unit``
    entries: lot, expiry, quantity), by lot and expiry, in the order first picked."""
    totals: dict[tuple[str, str | None], int] = {}
    for entry in captured or []:
        if not isinstance(entry, dict) or entry.get("stage") == "pack" or not entry.get("lot"):
            continue
        key = (str(entry["lot"]), entry.get("expiry") or None)
        totals[key] = totals.get(key, 0) + int(entry.get("quantity") or 0)
    return tuple(
        LotPicked(lot, date.fromisoformat(expiry) if expiry else None, quantity)
        for (lot, expiry), quantity in totals.items() if quantity > 0
    )


def _dims(product: Product) -> tuple[int, int, int] | None:
    dims = (product.length_mm, product.width_mm, product.height_mm)
    return dims if all(d for d in dims) else None  # type: ignore[return-value]


def pack_inputs(session: Session, order_number: str) -> tuple[OrderInfo, tuple[PackLine, ...], tuple[BoxOption, ...]]:
    """The order as the packer sees it, its lines to verify and every box type.

    Lines: those shipped (``requires_shipping``) with units picked; ``quantity`` is what was
    picked (what should be in the tote), with the lots the picker captured. A product the
    catalogue does not know gives a line without GTINs, weight or dimensions. Raises
    PackScanError(unknown_order) when the replica does not hold the order.
    """
    order = session.scalar(select(Order).where(Order.number == order_number).options(selectinload(Order.lines)))
    if order is None:
        raise PackScanError("unknown_order", f"order {order_number} is not in this station's copy: check the "
                            "number, or wait for the station to sync with the central database", order=order_number)
    lines = [l for l in order.lines if l.requires_shipping and (l.picked or 0) > 0]
    skus = sorted({l.sku for l in lines})
    products = {}
    if skus:
        products = {p.sku: p for p in session.scalars(
            select(Product).where(Product.sku.in_(skus)).options(selectinload(Product.gtins)))}
    pack_lines = []
    for line in sorted(lines, key=lambda l: l.line_no):
        product = products.get(line.sku)
        pack_lines.append(PackLine(
            line_id=line.id, line_no=line.line_no, sku=line.sku, name=line.name or (product.name if product else ""),
            quantity=line.picked,
            gtins=tuple(g.gtin for g in product.gtins) if product else (),
            lots=picked_lots(line.captured),
            lot_tracked=bool(product.lot_tracked) if product else False,
            serial_tracked=bool(product.serial_tracked) if product else False,
            weight_g=product.weight_g if product else None,
            dims_mm=_dims(product) if product else None,
            image=product.image_url if product else None,
        ))
    boxes = tuple(
        BoxOption(b.code, b.name, (b.inner_length_mm, b.inner_width_mm, b.inner_height_mm), b.max_weight_g, b.tare_g,
                  bool(b.eco))
        for b in session.scalars(select(BoxType).order_by(BoxType.code))
    )
    return order_info(session, order), tuple(pack_lines), boxes


# --- the packer's first scan ------------------------------------------------------------------


def _status_error(order: str, status: str) -> PackScanError:
    return PackScanError(
        "order_not_picked",
        f"order {order} is {status}, not picked: only a picked order can be packed "
        "(ask a supervisor if it should be)", order=order, status=status)


def _by_number(session: Session, value: str) -> str | None:
    number = value.strip()
    candidates = [number] if number.startswith("#") else [number, f"#{number}"]
    for candidate in candidates:
        status = session.scalar(select(Order.status).where(Order.number == candidate))
        if status is not None:
            if status != OrderStatus.PICKED:
                raise _status_error(candidate, status)
            return candidate
    return None


def _by_tote(session: Session, tote: str) -> str | None:
    tote = tote.strip().upper()
    picked = [number for number, totes in session.execute(
        select(Order.number, Order.totes).where(Order.status == OrderStatus.PICKED, Order.totes.is_not(None))
        .order_by(Order.cutoff_at.is_(None), Order.cutoff_at, Order.id)
    ) if tote in {str(t).upper() for t in totes or []}]
    if len(picked) == 1:
        return picked[0]
    if picked:
        raise PackScanError("tote_several_orders", f"tote {tote} holds orders {', '.join(picked)}: scan the order "
                            "number on the pick slip instead", tote=tote, orders=picked)
    # Not in a picked order: name the order still on the floor that has it, if any (a tote
    # of a shipped order is simply free again).
    on_floor = [s.value for s in (OrderStatus.PICKING, OrderStatus.PACKING, OrderStatus.READY_TO_SHIP,
                                  OrderStatus.ON_HOLD, OrderStatus.EXCEPTION)]
    for number, status, totes in session.execute(
        select(Order.number, Order.status, Order.totes).where(Order.status.in_(on_floor), Order.totes.is_not(None))
        .order_by(Order.updated_at.desc())
    ):
        if tote in {str(t).upper() for t in totes or []}:
            raise PackScanError("tote_not_picked", f"tote {tote} belongs to order {number}, which is {status}: "
                                "it cannot be packed now; set the tote aside and tell a supervisor",
                                tote=tote, order=number, status=status)
    return None


def _by_pick_list(session: Session, value: str) -> str | None:
    """A pick list is named by its pick's ``pick.started`` event id (the whole id, or its
    first 8 characters). Only this station's event log knows it: a pick list picked at
    another station is found by its tote or order number instead."""
    ident = value.strip()
    for prefix in PICK_LIST_PREFIXES:
        if ident.upper().startswith(prefix) and len(ident) > len(prefix) + 7:
            ident = ident[len(prefix):]
            break
    ident = ident.lower()
    if len(ident) < 8:
        return None
    started = session.scalars(
        select(Event).where(Event.kind == "pick.started", Event.id.startswith(ident)).order_by(Event.seq.desc())
    ).first()
    if started is None:
        return None
    numbers = [str(n) for n in (started.payload or {}).get("orders") or []]
    statuses = dict(session.execute(select(Order.number, Order.status).where(Order.number.in_(numbers))).all())
    for number in numbers:
        if statuses.get(number) == OrderStatus.PICKED:
            return number
    shown = ", ".join(f"{n}: {statuses.get(n, '?')}" for n in numbers)
    raise PackScanError("pick_list_done", f"pick list {value} has no order waiting to be packed ({shown}): "
                        "scan the next tote",
                        pick_list=value, orders=numbers)


def order_for_scan(session: Session, scan_value: str, kind: str) -> str:
    """The order a packer scanned: ``kind`` order (its number), tote (the picked order whose
    totes hold it), pick_list (the first of its orders still picked) or code (any of these,
    tried in that order). Raises PackScanError saying what to do."""
    value = (scan_value or "").strip()
    if kind == SCAN_ORDER:
        found = _by_number(session, value)
        if found is None:
            raise PackScanError("unknown_order", f"order {value} is not in this station's copy: check the number, "
                                "or wait for the station to sync with the central database", order=value)
        return found
    if kind == SCAN_TOTE:
        found = _by_tote(session, value)
        if found is None:
            raise PackScanError("unknown_tote", f"tote {value} holds no order waiting to be packed: scan the "
                                "order number on the pick slip instead", tote=value)
        return found
    if kind == SCAN_PICK_LIST:
        found = _by_pick_list(session, value)
        if found is None:
            raise PackScanError("unknown_pick_list", f"pick list {value} is not known at this station: scan a "
                                "tote or the order number instead", pick_list=value)
        return found
    for lookup in (_by_number, _by_tote, _by_pick_list):
        found = lookup(session, value)
        if found is not None:
            return found
    raise PackScanError("unknown_scan", f"{value} is no order, tote or pick list known here: scan the tote or the "
                        "order number", value=value)


