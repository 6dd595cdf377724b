"""Deciding the status an imported order starts in, and reserving its stock.

Precedence: exception > on_hold > awaiting_stock > new. The decision walks the
status machine (``OrderState.transition``) from ``new`` so an order held or
excepted remembers where it resumes, exactly as a supervisor's hold would.

Free stock for a SKU = stock on hand − (quantity − picked) of the shipping lines
of every order not shipped or cancelled, those already in the database and
those earlier in this file. Orders of a file are allocated oldest first
(Created at), so a late order never takes stock from an earlier one.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.status import OrderState, OrderStatus
from app.imports.drafts import OrderDraft


@dataclass(frozen=True)
class Decision:
    status: OrderStatus
    resume_status: OrderStatus | None
    hold_reason: str | None
    exception_reason: str | None
    short_skus: tuple[str, ...] = ()


def decide(draft: OrderDraft, known_skus: set[str] | dict[str, object], free: dict[str, int]) -> Decision:
    """The starting status of ``draft``; reserves its quantities in ``free`` (which may go negative)."""
    needed: dict[str, int] = {}
    unknown: list[str] = []
    for line in draft.lines:
        if not line.requires_shipping:
            continue  # not picked: neither reserves stock nor needs a known SKU
        if not line.sku:
            unknown.append(f"<no SKU> ({line.name})" if line.name else "<no SKU>")
        elif line.sku not in known_skus:
            if line.sku not in unknown:
                unknown.append(line.sku)
        else:
            needed[line.sku] = needed.get(line.sku, 0) + line.quantity
    short = tuple(sku for sku, qty in needed.items() if qty > free.get(sku, 0))
    for sku, qty in needed.items():
        free[sku] = free.get(sku, 0) - qty

    state = OrderState(draft.number)
    if short:
        state, _ = state.transition(OrderStatus.AWAITING_STOCK, "not enough free stock: " + ", ".join(short))
    hold_reason = "; ".join(draft.holds) or None
    if hold_reason:
        state, _ = state.transition(OrderStatus.ON_HOLD, hold_reason)
    exception_reason = None
    if unknown:
        exception_reason = ("unknown_sku: " + ", ".join(unknown))[:255]
        # From on_hold the machine keeps the hold's resume point; hold_reason stays
        # filled so whoever clears the exception sees the order was also held.
        state, _ = state.transition(OrderStatus.EXCEPTION, exception_reason)
    return Decision(state.status, state.resume_status, hold_reason[:255] if hold_reason else None,
                    exception_reason, short)
