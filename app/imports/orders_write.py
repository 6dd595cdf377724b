"""Writing order drafts: new orders in bulk, known orders through the status machine.

Speed matters (a 10,000-row export in a few seconds): products, stock and the
orders already known are loaded into dicts once, new orders and lines go in
with one executemany each (Core ``insert`` with RETURNING for the ids).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.domain.events import ORDER_IMPORTED, EventRecord
from app.domain.status import OrderStatus
from app.imports import drafts as d
from app.imports.allocation import decide
from app.imports.drafts import OrderDraft
from app.imports.report import ImportReport
from app.packing.cutoffs import cutoff_for
from app.store.events import add_record
from app.store.models import Order, OrderLine, Product, Stock
from app.store.orders import change_status

CLOSED = (OrderStatus.SHIPPED.value, OrderStatus.CANCELLED.value)
_CHUNK = 500  # numbers per IN (...) query: well under SQLite's parameter limit


def free_stock(session: Session) -> dict[str, int]:
    on_hand = session.execute(
        select(Product.sku, func.sum(Stock.quantity)).join(Stock, Stock.product_id == Product.id).group_by(Product.sku)
    ).all()
    reserved = session.execute(
        select(OrderLine.sku, func.sum(OrderLine.quantity - OrderLine.picked))
        .join(Order, OrderLine.order_id == Order.id)
        .where(Order.status.not_in(CLOSED), OrderLine.requires_shipping.is_(True))
        .group_by(OrderLine.sku)
    ).all()
    free = {sku: int(qty or 0) for sku, qty in on_hand}
    for sku, qty in reserved:
        free[sku] = free.get(sku, 0) - int(qty or 0)
    return free


def write_orders(session: Session, drafts: list[OrderDraft], report: ImportReport, *, station: str,
                 actor: str | None, now: datetime) -> None:
    numbers = [draft.number for draft in drafts]
    existing: dict[str, Any] = {}
    for i in range(0, len(numbers), _CHUNK):
        for row in session.execute(
            select(Order.id, Order.number, Order.status, Order.hold_reason).where(Order.number.in_(numbers[i : i + _CHUNK]))
        ):
            existing[row.number] = row

    stored = _stored_lines(session, [existing[d.number].id for d in drafts if d.number in existing and not d.skip_reason])
    new: list[OrderDraft] = []
    for draft in drafts:
        if draft.number in existing:
            old = existing[draft.number]
            if old.id in stored and stored[old.id] != _line_key(draft):
                # Quai never rewrites an order the floor may be picking; a person must reconcile.
                report.warn(draft.row, f"order {draft.number} changed in the shop since it was imported "
                            "(lines differ); Quai kept its copy: check it with a supervisor")
            _update_existing(session, draft, old, report, station=station, actor=actor)
        elif draft.skip_reason:
            report.skip(draft.skip_reason)
        else:
            new.append(draft)
    if not new:
        return

    known = set(session.scalars(select(Product.sku)))
    free = free_stock(session)
    new.sort(key=lambda draft: draft.created_at)  # stable: file order among equal times
    order_rows, events = [], []
    for draft in new:
        decision = decide(draft, known, free)
        for row, message in draft.warnings:
            report.warn(row, message)
        # Values were fitted to their columns while the file was read (order_values.py).
        order_rows.append({
            **draft.values, "number": draft.number, "created_at": draft.created_at, "updated_at": now,
            "status": decision.status.value,
            "resume_status": decision.resume_status.value if decision.resume_status else None,
            "hold_reason": decision.hold_reason, "exception_reason": decision.exception_reason,
            # Shops export no cutoff: the carrier's same-day cutoff, so claims sort by it.
            "cutoff_at": draft.values.get("cutoff_at") or cutoff_for(draft.values.get("carrier"), draft.created_at, now),
        })
        payload = {"order": draft.number, "status": decision.status.value, "source": draft.values.get("source"),
                   "lines": len(draft.lines), "file": report.file}
        for key in ("resume_status", "hold_reason", "exception_reason"):
            if order_rows[-1][key]:
                payload[key] = order_rows[-1][key]
        events.append(EventRecord(ORDER_IMPORTED, payload, station=station, user=actor, occurred_at=now))

    ids = session.scalars(insert(Order).returning(Order.id, sort_by_parameter_order=True), order_rows).all()
    line_rows = [
        {"order_id": order_id, "line_no": n, "sku": line.sku, "name": line.name, "quantity": line.quantity,
         "picked": 0, "verified": 0, "requires_shipping": line.requires_shipping, "captured": []}
        for order_id, draft in zip(ids, new, strict=True)
        for n, line in enumerate(draft.lines, start=1)
    ]
    if line_rows:
        session.execute(insert(OrderLine), line_rows)
    for rec in events:
        add_record(session, rec, order_number=rec.payload["order"])
    report.imported += len(new)


def _line_key(draft: OrderDraft) -> list[tuple[str, int]]:
    # Lines compared as a sorted list: the shop may list them in another order.
    return sorted((line.sku, line.quantity) for line in draft.lines)


def _stored_lines(session: Session, order_ids: list[int]) -> dict[int, list[tuple[str, int]]]:
    """(sku, quantity) of the lines of the orders ``order_ids``, sorted as ``_line_key``."""
    lines: dict[int, list[tuple[str, int]]] = {order_id: [] for order_id in order_ids}
    for i in range(0, len(order_ids), _CHUNK):
        for order_id, sku, quantity in session.execute(
            select(OrderLine.order_id, OrderLine.sku, OrderLine.quantity)
            .where(OrderLine.order_id.in_(order_ids[i : i + _CHUNK]))
        ):
            lines[order_id].append((sku, quantity))
    for found in lines.values():
        found.sort()
    return lines


def _update_existing(session: Session, draft: OrderDraft, old: Any, report: ImportReport, *, station: str,
                     actor: str | None) -> None:
    """A known order: only a cancellation or a payment received changes it; the rest is left alone
    (the floor may already be working on it)."""
    active = old.status not in CLOSED
    if draft.skip_reason == d.SKIP_CANCELLED and active:
        order = session.get(Order, old.id)
        change_status(session, order, OrderStatus.CANCELLED, station=station, actor=actor,
                      reason="cancelled in the shop (Cancelled at)")
        report.updated += 1
        return
    if draft.skip_reason in (d.SKIP_REFUNDED, d.SKIP_VOIDED) and active:
        report.warn(draft.row, f"order {draft.number} is {draft.skip_reason} in the shop but already on the floor "
                    f"({old.status}); check it with the shop before shipping")
    elif (old.status == OrderStatus.ON_HOLD and (old.hold_reason or "").startswith("awaiting_payment")
          and "fraud_risk" not in (old.hold_reason or "") and draft.skip_reason is None
          and draft.values.get("financial_status") in ("paid", "authorized", "partially_paid", "partially_refunded")):
        # The payment arrived since the last export: release the hold to where the order was.
        order = session.get(Order, old.id)
        change_status(session, order, order.resume_status or OrderStatus.NEW, station=station, actor=actor,
                      reason=f"payment received (Financial Status {draft.values['financial_status']})")
        report.updated += 1
        return
    report.unchanged += 1
