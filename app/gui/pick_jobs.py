"""The picking work the station's workers run: no Qt, plain functions over sessionmakers.

Replica worker (the station's SQLite): start a pick over claimed orders (read what to pick,
build the route, open the session, move the orders to ``picking`` and record the session's
first events, one transaction), record each accepted action (one committed, synchronous=FULL
transaction: the scan is safe on disk before the feedback), read back an unfinished pick for
a restart. Central worker: claim the next work or one order by its number, release a claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.orm import Session, sessionmaker


def start_pick(
    sessions: sessionmaker[Session], station: str, badge: str, numbers: Sequence[str], settings: Any, today: date,
    totes: dict[str, str] | None = None,
):
    """(PickSession, Outcome) for a new pick over ``numbers``, its first events committed.

    ``totes``: a batch going on without an order a supervisor took away (app.gui.lost_claims):
    the orders are ``picking`` already, the route is what is left on their lines, and the
    totes bound stay bound; a batch still, even with one order left, so its units keep going
    into its tote and the tote is recorded with the order."""
    from app.picking.outcome import PickConfig, ShortPolicy
    from app.picking.route import build_route
    from app.picking.session import PickSession
    from app.store.picking import begin_pick, pick_data

    from sqlalchemy import select

    from app.store.models import Order, OrderLine

    with sessions() as session:
        data = pick_data(session, numbers)
        # Orders given back earlier with a line short: they must not end as ``picked``.
        short_before = set(session.scalars(
            select(Order.number).join(OrderLine, OrderLine.order_id == Order.id)
            .where(Order.number.in_(list(numbers)), OrderLine.short_quantity > 0)
        ))
    route = build_route(list(data.lines), dict(data.products), list(data.stock), today)
    config = PickConfig(quantity_threshold=settings.quantity_threshold, short_policy=ShortPolicy(settings.short_policy))
    batch = len(numbers) > 1 or totes is not None
    pick, outcome = PickSession.start(route, today=today, batch=batch, config=config, totes=totes,
                                      orders=list(numbers), short_before=short_before)
    begin_pick(sessions, station, badge, list(numbers), outcome.events)
    return pick, outcome


def record(sessions: sessionmaker[Session], station: str, badge: str, events: list) -> list[str]:
    from app.store.picking import record_pick_events

    return record_pick_events(sessions, station, badge, events)


def unfinished_pick(sessions: sessionmaker[Session], station: str, today: date):
    """The pick this station had not finished (a restart, a logout that kept it), replayed; or None."""
    from app.picking.session import PickSession
    from app.store.picking import active_pick

    with sessions() as session:
        events = active_pick(session, station)
    if not events:
        return None
    return PickSession.replay([(event.kind, event.payload) for event in events], today)


def release_pick(sessions: sessionmaker[Session], station: str, badge: str, numbers: Sequence[str]) -> list[str]:
    """A logout that gives the pick back: its orders still ``picking`` go back to ``new`` (what
    was picked stays on the lines, and the next picker's route starts from what is left).
    Returns the orders released."""
    from sqlalchemy import select

    from app.domain.status import OrderStatus
    from app.store.models import Order
    from app.store.orders import change_status

    released: list[str] = []
    with sessions() as session, session.begin():
        for order in session.scalars(select(Order).where(Order.number.in_(list(numbers)))):
            if order.status == OrderStatus.PICKING:
                change_status(session, order, OrderStatus.NEW, station=station, actor=badge, reason="released at logout")
                released.append(order.number)
    return released
