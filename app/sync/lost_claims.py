"""Claims a station learns it has lost: why, and what to put back.

The pull (the order row changed under the station) and the engine's heartbeat
(app.sync.engine) both find them; each one is reported with why (app.sync.claims'
words, or "deleted"). For a cancelled or deleted order the units the station had picked
are listed to be put back, and an ``order.put_back_required`` event records that list,
once per claim, whoever found it first.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.status import OrderStatus
from app.store.events import record
from app.store.models import Base, Event
from app.sync.claims import WHY_CANCELLED, WHY_RELEASED, why_reassigned, why_taken

ORDER_PUT_BACK_REQUIRED = "order.put_back_required"
WHY_DELETED = "deleted"


@dataclass(frozen=True)
class LostOrder:
    order_number: str
    claim_id: str | None
    why: str  # app.sync.claims' vocabulary (cancelled, reassigned to …, …) or "deleted"
    put_back: tuple[tuple[str, int], ...] = ()  # (sku, units picked) to put back


@dataclass(frozen=True)
class Held:
    id: int
    number: str
    claim_id: str | None
    assigned_to: str | None
    put_back: tuple[tuple[str, int], ...]


def claimed_orders(session: Session, station: str, ids: set[int] | None) -> dict[int, Held]:
    """The local orders this station holds a claim on (among ``ids``; all when None), as
    they are before the pull overwrites them, with the units picked on each line."""
    orders = Base.metadata.tables["orders"]
    lines = Base.metadata.tables["order_lines"]
    if ids is not None and not ids:
        return {}
    query = select(orders.c.id, orders.c.number, orders.c.claim_id, orders.c.assigned_to).where(
        orders.c.claimed_by == station
    )
    if ids is not None:
        query = query.where(orders.c.id.in_(sorted(ids)))
    held = {row.id: row for row in session.execute(query)}
    picked: dict[int, list[tuple[str, int]]] = {}
    if held:
        for order_id, sku, units in session.execute(
            select(lines.c.order_id, lines.c.sku, lines.c.picked)
            .where(lines.c.order_id.in_(sorted(held)), lines.c.picked > 0)
            .order_by(lines.c.order_id, lines.c.line_no)
        ):
            picked.setdefault(order_id, []).append((sku, units))
    return {
        i: Held(i, r.number, r.claim_id, r.assigned_to, tuple(picked.get(i, ()))) for i, r in held.items()
    }


def lost_orders(
    session: Session, station: str, before: dict[int, Held], central_orders: dict[int, dict[str, Any]]
) -> list[LostOrder]:
    lost: list[LostOrder] = []
    for order_id, held in sorted(before.items()):
        now = central_orders.get(order_id)
        if now is None:
            why = WHY_DELETED
        elif now["status"] == OrderStatus.CANCELLED:
            why = WHY_CANCELLED
        elif now["claimed_by"] == station and now["claim_id"] == held.claim_id:
            continue  # still ours
        elif now["assigned_to"] not in (None, station) and now["assigned_to"] != held.assigned_to:
            why = why_reassigned(now["assigned_to"])
        elif now["claimed_by"] is None:
            why = WHY_RELEASED
        else:
            why = why_taken(now["claimed_by"])
        lost.append(_report_lost(session, station, held.number, held.claim_id, why, held.put_back))
    return lost


def lost_claim(session: Session, order_number: str, claim_id: str | None, why: str) -> LostOrder:
    """A claim the station learnt it lost some other way (the heartbeat, app.sync.engine): the
    same report as the pull's, its put-back list from the replica's lines. Only reads: the
    engine tells the person first, then writes the log with ``record_lost``."""
    lines = Base.metadata.tables["order_lines"]
    orders = Base.metadata.tables["orders"]
    picked = tuple(
        (sku, units)
        for sku, units in session.execute(
            select(lines.c.sku, lines.c.picked)
            .join(orders, orders.c.id == lines.c.order_id)
            .where(orders.c.number == order_number, lines.c.picked > 0)
            .order_by(lines.c.line_no)
        )
    )
    return LostOrder(order_number, claim_id, why, picked if why in (WHY_CANCELLED, WHY_DELETED) else ())


def _report_lost(
    session: Session, station: str, number: str, claim_id: str | None, why: str, picked: tuple[tuple[str, int], ...]
) -> LostOrder:
    lost = LostOrder(number, claim_id, why, picked if why in (WHY_CANCELLED, WHY_DELETED) else ())
    record_lost(session, station, lost)
    return lost


def record_lost(session: Session, station: str, lost: LostOrder) -> None:
    """Log the put-back list of a lost claim (``order.put_back_required``), once."""
    if lost.put_back and not put_back_recorded(session, lost.order_number, lost.claim_id):
        record(
            session,
            ORDER_PUT_BACK_REQUIRED,
            {
                "order": lost.order_number,
                "claim_id": lost.claim_id,
                "why": lost.why,
                "lines": [{"sku": sku, "quantity": units} for sku, units in lost.put_back],
            },
            station=station,
            order_number=lost.order_number,
        )



def put_back_recorded(session: Session, number: str, claim_id: str | None) -> bool:
    """Whether this lost claim's put-back list is in the log already: the heartbeat and the
    pull may both learn of one cancellation, and a restarted station learns it again."""
    events = Event.__table__
    query = select(events.c.seq).where(events.c.kind == ORDER_PUT_BACK_REQUIRED, events.c.order_number == number)
    if claim_id is not None:
        query = query.where(events.c.payload["claim_id"].as_string() == claim_id)
    return session.execute(query.limit(1)).first() is not None
