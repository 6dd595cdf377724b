"""Some demo orders already picked, so a packer has work the moment the demo opens.

A robot picker walks a batch of the most urgent new orders through the real picking
session (app.picking.session), scanning what a careful picker scans: the location, each
unit (GS1 with its lot for a lot-tracked product), the order's tote. Its events go through
the real store (app.store.picking), so lines, stock, lot captures and totes are exactly what
a pick on the floor leaves behind. The orders end ``picked`` in totes ``TOT801``…, ready
for the packing station; anything the robot cannot finish is simply not pre-picked.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.picking.route import build_route
from app.picking.session import PickSession
from app.scanning.classify import Scan, classify
from app.picking.events import PICK_STARTED
from app.store.models import Event, Location, Order, Product, Stock
from app.store.picking import begin_pick, pick_data, quantity_left, record_pick_events

ROBOT = "demo-robot"
FIRST_TOTE = 801


def prepick(factory: sessionmaker[Session], count: int, today: date, *, station: str = ROBOT) -> list[str]:
    """Pick the ``count`` most urgent new orders whose every line is in stock; their numbers.
    Once only: a demo built again (``quai demo`` on the same database) picks nothing more."""
    with factory() as session:
        if session.scalar(select(Event.id).where(Event.station == station, Event.kind == PICK_STARTED).limit(1)):
            return []
    numbers = _candidates(factory, count, today)
    if not numbers:
        return []
    totes = {number: f"TOT{FIRST_TOTE + i}" for i, number in enumerate(numbers)}
    with factory() as session:
        data = pick_data(session, numbers)
        lots = _lots(session, {line.sku for line in data.lines}, today)
    route = build_route(list(data.lines), dict(data.products), list(data.stock), today)
    pick, outcome = PickSession.start(route, today=today, batch=True, totes=totes, orders=numbers)
    begin_pick(factory, station, None, numbers, outcome.events)
    taken: dict[tuple[str, str, str], int] = defaultdict(int)
    events = []
    for _ in range(10_000):
        view = pick.view()
        if str(view.step) == "done":
            break
        result = pick.handle(_right_scan(pick, data.products, lots, taken))
        if not result.ok:
            raise RuntimeError(f"the demo's robot picker was refused ({result.code}): {result.args}")
        events += result.events
    record_pick_events(factory, station, None, events)
    return numbers


def _candidates(factory: sessionmaker[Session], count: int, today: date) -> list[str]:
    """New orders, most urgent first, each fully covered by unexpired stock (nothing short)."""
    with factory() as session:
        on_hand: dict[str, int] = defaultdict(int)
        for sku, quantity, expiry in session.execute(
            select(Product.sku, Stock.quantity, Stock.expiry).join(Stock, Stock.product_id == Product.id)
        ):
            if expiry is None or expiry >= today:
                on_hand[sku] += quantity
        chosen: list[str] = []
        query = (select(Order).where(Order.status == "new")
                 .order_by(Order.cutoff_at.is_(None), Order.cutoff_at, Order.priority.desc(), Order.id))
        for order in session.scalars(query):
            wanted = {line.sku: quantity_left(line) for line in order.lines if line.requires_shipping}
            if not wanted or any(on_hand[sku] < n for sku, n in wanted.items()):
                continue
            for sku, n in wanted.items():
                on_hand[sku] -= n
            chosen.append(order.number)
            if len(chosen) == count:
                break
        return chosen


def _lots(session: Session, skus: set[str], today: date) -> dict[tuple[str, str], list[tuple[str, date | None, int]]]:
    """(sku, location) -> [(lot, expiry, quantity)], earliest expiry first, unexpired only."""
    lots: dict[tuple[str, str], list[tuple[str, date | None, int]]] = defaultdict(list)
    query = (select(Product.sku, Location.code, Stock.lot, Stock.expiry, Stock.quantity)
             .join(Stock, Stock.product_id == Product.id).join(Location, Location.id == Stock.location_id)
             .where(Product.sku.in_(sorted(skus)), Stock.quantity > 0).order_by(Stock.expiry, Stock.lot))
    for sku, location, lot, expiry, quantity in session.execute(query):
        if lot and (expiry is None or expiry >= today):
            lots[(sku, location)].append((lot, expiry, quantity))
    return lots


def _right_scan(pick: PickSession, products, lots, taken) -> Scan:
    view = pick.view()
    task = view.task
    assert task is not None, view
    if str(view.step) == "location":
        return classify(task.location)
    if str(view.step) == "tote" and task.remaining == 0:
        return classify(task.tote)
    product = products[task.sku]
    gtin = product.gtins[0]
    if not product.lot_tracked:
        return classify(gtin)
    for lot, expiry, quantity in lots[(task.sku, task.location)]:
        if taken[(task.sku, task.location, lot)] < quantity:
            taken[(task.sku, task.location, lot)] += 1
            expiry_part = f"(17){expiry:%y%m%d}" if expiry else ""
            return classify(f"(01){gtin}{expiry_part}(10){lot}")
    raise RuntimeError(f"no lot of {task.sku} left at {task.location}")
