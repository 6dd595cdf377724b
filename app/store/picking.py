"""Picking on the station's replica: what a route is built from, and the effects of pick events.

One accepted scan is one local transaction: its events are recorded and their effects
written together, and committed (SQLite ``synchronous=FULL``, app.store.db) before the
station shows any feedback. A crash loses nothing that was acknowledged; ``active_pick``
gives back the events of the unfinished pick so the picking session can be replayed.

The effect functions (``apply_unit``, ``reverse_unit``, ``apply_short``,
``apply_stock_correction``, ``apply_status``) take a Session and plain payloads: the
central database applies pushed events with the same code (app.sync.central), after its
claim guard.

Effects:
- ``pick.unit`` → ``OrderLine.picked += quantity``, a ``captured`` entry {event, lot,
  expiry, serial, location, quantity}, and the stock of (sku, location, lot) goes down by
  ``quantity`` (the units left the shelf: app.imports.allocation counts stock on hand minus
  what is still to pick). A unit picked on a short line (from an alternative location)
  reduces the line's shortfall by as much.
- ``pick.undone`` of a ``pick.unit`` → exactly reversed (the ``captured`` entry, found by
  the undone event's id, says whether it still has to be: an undo applied twice does
  nothing the second time). Undoing anything else (a tote bind, a location confirmation)
  has no stored effect.
- ``pick.short`` → ``short_quantity`` += expected − found, ``short_reason``; ``pick.alternative_added`` → ``short_quantity`` −= the units offered elsewhere (they are to pick again).
- ``stock.corrected`` → the recorded quantity of (sku, location, lot) is set.
- ``order.status_changed`` → the status machine (app.domain.status); ``picked`` also
  stores the payload's ``totes``.
- every other kind (``pick.started``, ``pick.tote_bound``, ``pick.location_confirmed``,
  ``pick.paused``, ``cycle_count.requested`` …) is recorded only.

No Qt here; no ORM object leaves ``pick_data``: it gives app.picking.route's own
LineToPick / ProductInfo / StockSlot, ready for ``build_route``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, sessionmaker

from app.domain.events import ORDER_STATUS_CHANGED, EventRecord
from app.domain.status import OrderStatus
# The event kinds of the picking session, importable from here too (the store's callers).
from app.picking.events import (  # noqa: F401
    CYCLE_COUNT_REQUESTED, PICK_ALTERNATIVE_ADDED, PICK_ALTERNATIVE_DECLINED, PICK_LOCATION_CONFIRMED, PICK_PAUSED,
    PICK_RESUMED, PICK_SHORT, PICK_STARTED, PICK_TOTE_BOUND, PICK_TOTE_CONFIRMED, PICK_UNDONE, PICK_UNIT,
    STOCK_CORRECTED, UNDOABLE,
)
from app.picking.route import LineToPick, ProductInfo, StockSlot
from app.store.events import add_record
from app.store.models import Event, Location, Order, OrderLine, Product, Stock
from app.store.orders import apply_state, change_status, state_of

#: Kinds that belong to a pick besides ``pick.*`` (what ``active_pick`` returns, with the
#: status changes of the pick's orders).
OTHER_PICK_KINDS = frozenset({STOCK_CORRECTED, CYCLE_COUNT_REQUESTED})


class PickError(ValueError):
    """A pick event that cannot be applied (unknown line, a line of another order, …).
    Raised before the transaction commits: nothing of the scan is kept."""


# --- what the route is built from ------------------------------------------------------------


class PickData(NamedTuple):
    lines: list[LineToPick]
    products: dict[str, ProductInfo]  # by sku
    stock: list[StockSlot]


def pick_data(session: Session, order_numbers: Sequence[str]) -> PickData:
    """The lines still to pick of ``order_numbers`` (in that order, then by line number),
    their products, and the stock holding them (quantity > 0), in route order.

    Lines that are not shipped (``requires_shipping`` false) or have nothing left are left
    out. Raises LookupError naming the orders the replica does not know.
    """
    numbers = list(dict.fromkeys(order_numbers))
    orders = {o.number: o for o in session.scalars(select(Order).where(Order.number.in_(numbers)))}
    missing = [n for n in numbers if n not in orders]
    if missing:
        raise LookupError(f"orders not in the station's copy: {', '.join(missing)}")
    lines: list[LineToPick] = []
    for number in numbers:
        query = select(OrderLine).where(OrderLine.order_id == orders[number].id).order_by(OrderLine.line_no)
        for line in session.scalars(query):
            left = quantity_left(line)
            if line.requires_shipping and left > 0:
                lines.append(LineToPick(number, line.id, line.line_no, line.sku, line.name, left))
    skus = sorted({line.sku for line in lines})
    products: dict[str, ProductInfo] = {}
    if skus:
        for product in session.scalars(select(Product).where(Product.sku.in_(skus))):
            products[product.sku] = ProductInfo(
                product.sku, product.name, product.image_url, bool(product.lot_tracked),
                tuple(g.gtin for g in product.gtins),
            )  # ``image``: the product's image_url
    stock: list[StockSlot] = []
    if skus:
        query = (
            select(Product.sku, Location.code, Location.pick_sequence, Stock.quantity, Stock.lot, Stock.expiry)
            .join(Stock, Stock.product_id == Product.id)
            .join(Location, Location.id == Stock.location_id)
            .where(Product.sku.in_(skus), Stock.quantity > 0)
            .order_by(Location.pick_sequence, Location.code, Product.sku, Stock.expiry, Stock.lot)
        )
        stock = [StockSlot(sku, code, seq, qty, lot or "", expiry) for sku, code, seq, qty, lot, expiry in session.execute(query)]
    return PickData(lines, products, stock)


def quantity_left(line: OrderLine) -> int:
    return max(0, line.quantity - (line.picked or 0) - (line.short_quantity or 0))


# --- recording ----------------------------------------------------------------------------


class PickEvent(NamedTuple):
    kind: str
    payload: dict[str, Any]
    id: str


SessionOrFactory = Session | sessionmaker[Session]


@contextmanager
def _unit_of_work(target: SessionOrFactory) -> Iterator[Session]:
    """A Session as is (the caller commits), or a transaction of the factory that holds
    SQLite's write lock from its start and commits durably (synchronous=FULL) at the end."""
    if isinstance(target, Session):
        yield target
        return
    with target() as session:
        connection = session.connection()
        if connection.dialect.name == "sqlite":
            # Never acknowledge a scan on a connection left without FULL (app.sync.pull lowers
            # it on its own connection for a pull, and restores it).
            if connection.exec_driver_sql("PRAGMA synchronous").scalar() != 2:
                connection.exec_driver_sql("PRAGMA synchronous=FULL")
            # Write lock first: a pull committing between our reads and writes would
            # otherwise make the write fail (WAL snapshot too old).
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def start_pick(
    target: SessionOrFactory,
    station: str,
    badge: str | None,
    orders: Sequence[str],
    totes: dict[str, str] | None = None,
    route: Any = None,
    *,
    batch: bool | None = None,
    payload: dict[str, Any] | None = None,
) -> str:
    """Start picking ``orders``: each goes new → picking (``order.status_changed``, through
    the status machine: IllegalTransition if one cannot), then ``pick.started`` is recorded:
    ``payload`` as given (the one app.picking's session made), else {orders, totes, route,
    batch} (``route`` as given, an object with ``as_json`` converted). Returns the
    ``pick.started`` event's id.

    ``record_pick_events`` does the same for a ``pick.started`` among its events, so the
    events of the session's start can go through it whole. With a Session the caller
    commits; with a sessionmaker this is one committed transaction.
    """
    numbers = list(dict.fromkeys(orders))
    if payload is None:
        if route is not None and hasattr(route, "as_json"):
            route = route.as_json()
        payload = {
            "orders": numbers,
            "totes": dict(totes or {}),
            "route": route,
            "batch": bool(batch) if batch is not None else len(numbers) > 1,
        }
    else:
        payload = {**payload, "orders": numbers or list(payload.get("orders") or [])}
    return record_pick_events(target, station, badge, [(PICK_STARTED, payload)])[0]


def begin_pick(
    target: SessionOrFactory,
    station: str,
    badge: str | None,
    orders: Sequence[str],
    events: Iterable[tuple[str, dict[str, Any]] | tuple[str, dict[str, Any], str]],
) -> list[str]:
    """Record the first events of a new pick (``PickSession.start``'s outcome: its
    ``pick.started``, and the shorts of what no location holds) in one transaction, the
    orders moved to picking first; return the events' ids (``record_pick_events``).
    PickError when there is no ``pick.started`` or it names other orders than ``orders``."""
    events = list(events)
    started = [item for item in events if item[0] == PICK_STARTED]
    if len(started) != 1:
        raise PickError(f"a pick begins with one {PICK_STARTED}, got {len(started)}")
    named = list(dict.fromkeys(str(n) for n in started[0][1].get("orders") or []))
    if sorted(named) != sorted(dict.fromkeys(orders)):
        raise PickError(f"{PICK_STARTED} names orders {named}, not {list(orders)}")
    return record_pick_events(target, station, badge, events)


def _start_orders(session: Session, station: str, badge: str | None, payload: dict[str, Any]) -> None:
    """The orders of a ``pick.started`` go to picking (those not there already)."""
    numbers = [str(n) for n in dict.fromkeys(payload.get("orders") or [])]
    if not numbers:
        raise PickError("pick.started: a pick needs at least one order")
    found = {o.number: o for o in session.scalars(select(Order).where(Order.number.in_(numbers)))}
    missing = [n for n in numbers if n not in found]
    if missing:
        raise LookupError(f"orders not in the station's copy: {', '.join(missing)}")
    for number in numbers:
        order = found[number]
        if order.status != OrderStatus.PICKING:
            change_status(session, order, OrderStatus.PICKING, station=station, actor=badge)


def record_pick_events(
    target: SessionOrFactory,
    station: str,
    badge: str | None,
    events: Iterable[tuple[str, dict[str, Any]] | tuple[str, dict[str, Any], str]],
) -> list[str]:
    """Record ``events`` ((kind, payload) or (kind, payload, id)) in order and apply their
    local effects (module docstring) in the same transaction; return their ids. A
    ``pick.started`` moves its orders to picking first (see ``start_pick``).

    Raises PickError / IllegalTransition before anything is committed when one cannot be
    applied. With a Session the caller commits; with a sessionmaker this is one committed
    transaction (commit before feedback).
    """
    ids: list[str] = []
    with _unit_of_work(target) as session:
        for item in events:
            kind, payload = item[0], dict(item[1])
            rec = EventRecord(kind, payload, station, badge)
            if len(item) > 2 and item[2]:
                rec = EventRecord(kind, payload, station, badge, id=item[2])
            order_number = payload.get("order") if isinstance(payload.get("order"), str) else None
            if kind == PICK_UNDONE:
                # The session names the undone action by its number ``n`` in the pick; the
                # store adds the event's id (``of_event``), which the central side uses too.
                undone = _resolve_undone(session, station, payload.get("of"))
                if undone is not None:
                    payload["of_event"] = undone
                    rec = EventRecord(kind, payload, station, badge, id=rec.id)
                if order_number is None and undone is not None:
                    # The undo belongs to the undone event's order (its history, the pull
                    # holding the order back until pushed, the central claim guard).
                    order_number = session.scalar(select(Event.order_number).where(Event.id == undone))
            if kind == PICK_STARTED:
                _start_orders(session, station, badge, payload)  # their status events come first
            add_record(session, rec, order_number=order_number)
            apply_effect(session, kind, payload, rec.id, strict=True)
            ids.append(rec.id)
        session.flush()
    return ids


def apply_effect(session: Session, kind: str, payload: dict[str, Any], event_id: str, *, strict: bool) -> str | None:
    """The stored effect of one event (module docstring). Returns None when applied (or
    when the kind has none), else why not; with ``strict`` (the station's own scans) a
    reason is raised as PickError instead. Status changes raise IllegalTransition."""
    if kind == PICK_UNIT:
        why = apply_unit(session, event_id, payload)
    elif kind == PICK_UNDONE:
        why = reverse_unit(session, undone_event_id(payload))
    elif kind == PICK_SHORT:
        why = apply_short(session, payload)
    elif kind == PICK_ALTERNATIVE_ADDED:
        why = apply_alternative(session, payload)
    elif kind == STOCK_CORRECTED:
        why = apply_stock_correction(session, payload)
    elif kind == ORDER_STATUS_CHANGED:
        apply_status(session, payload)
        why = None
    else:
        why = None
    if why is not None and strict:
        raise PickError(f"{kind}: {why}")
    return why


# --- effects, shared with the central database ---------------------------------------------


def _is_pg(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _line(session: Session, payload: dict[str, Any]) -> tuple[OrderLine | None, str | None]:
    try:
        line_id = int(payload.get("line_id"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None, f"no line id in {payload!r}"
    query = select(OrderLine).where(OrderLine.id == line_id)
    if _is_pg(session):
        query = query.with_for_update()
    line = session.scalars(query).one_or_none()
    if line is None:
        return None, f"order line {line_id} is unknown"
    number = payload.get("order")
    if number is not None:
        owner = session.scalar(select(Order.number).where(Order.id == line.order_id))
        if owner != number:
            return None, f"order line {line_id} belongs to order {owner}, not {number}"
    return line, None


def _quantity(payload: dict[str, Any], key: str = "quantity") -> int | None:
    value = payload.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value


def _stock_id(session: Session, sku: str, location: str, lot: str | None, *, fallback: bool) -> int | None:
    """The stock row of (sku, location, lot); with ``fallback``, when there is none for that
    lot, the product's row at that location with the earliest expiry (the units came off
    that shelf whatever lot the record says)."""
    base = (
        select(Stock.id)
        .join(Product, Product.id == Stock.product_id)
        .join(Location, Location.id == Stock.location_id)
        .where(Product.sku == sku, Location.code == location)
    )
    found = session.scalar(base.where(Stock.lot == (lot or "")))
    if found is not None or not fallback:
        return found
    return session.scalar(base.order_by(Stock.expiry.is_(None), Stock.expiry, Stock.lot, Stock.id).limit(1))


def _move_stock(session: Session, sku: str, location: str | None, lot: str | None, delta: int) -> None:
    if not location or not delta:
        return
    stock_id = _stock_id(session, sku, location, lot, fallback=True)
    if stock_id is not None:  # no record of it there: a cycle count will tell
        session.execute(
            update(Stock).where(Stock.id == stock_id).values(quantity=Stock.quantity + delta)
            .execution_options(synchronize_session="fetch")
        )


def apply_unit(session: Session, event_id: str, payload: dict[str, Any]) -> str | None:
    """``pick.unit``: units into the order's line (and off the shelf). None, or why not."""
    quantity = _quantity(payload)
    if quantity is None or quantity <= 0:
        return f"no positive quantity in {payload!r}"
    line, why = _line(session, payload)
    if line is None:
        return why
    line.picked = (line.picked or 0) + quantity
    entry = {
        "event": event_id,
        "lot": payload.get("lot"),
        "expiry": payload.get("expiry"),
        "serial": payload.get("serial"),
        "location": payload.get("location"),
        "quantity": quantity,
    }
    line.captured = [*(line.captured or []), entry]  # a new list: the JSON column sees the change
    _move_stock(session, line.sku, payload.get("location"), payload.get("lot"), -quantity)
    return None


def undone_event_id(payload: dict[str, Any]) -> str:
    """The id of the event a ``pick.undone`` takes back: ``of_event`` (added by the store),
    else ``of`` when it is an event id itself."""
    of = payload.get("of_event") or payload.get("of")
    return of if isinstance(of, str) else ""


def _resolve_undone(session: Session, station: str, of: Any) -> str | None:
    """The event id of the undone action: ``of`` itself if it is an id, or the event of this
    station's current pick (since its last ``pick.started``) whose payload ``n`` is ``of``."""
    if isinstance(of, str):
        return of or None
    if isinstance(of, bool) or not isinstance(of, int):
        return None
    started = session.scalar(
        select(func.max(Event.seq)).where(Event.station == station, Event.kind == PICK_STARTED)
    )
    rows = session.execute(
        select(Event.id, Event.payload)
        .where(Event.station == station, Event.kind.in_(sorted(UNDOABLE)), Event.seq > (started or 0))
        .order_by(Event.seq.desc())
    )
    return next((event_id for event_id, payload in rows if (payload or {}).get("n") == of), None)


def reverse_unit(session: Session, undone_id: str) -> str | None:
    """``pick.undone``: reverse the ``pick.unit`` ``undone_id`` (nothing for other kinds, or
    when it was reversed already). None, or why not."""
    if not undone_id:
        return "the undo names no event"
    undone = session.scalars(select(Event).where(Event.id == undone_id)).one_or_none()
    if undone is None:
        return f"the undone event {undone_id} is unknown"
    if undone.kind != PICK_UNIT:
        return None  # a tote bind, a location confirmation: nothing stored to reverse
    line, why = _line(session, undone.payload)
    if line is None:
        return why
    captured = list(line.captured or [])
    index = next((i for i, e in enumerate(captured) if isinstance(e, dict) and e.get("event") == undone_id), None)
    if index is None:
        return None  # not applied here (see the central guard) or reversed already
    entry = captured.pop(index)
    quantity = int(entry.get("quantity") or 0)
    line.captured = captured
    line.picked = max(0, (line.picked or 0) - quantity)
    _move_stock(session, line.sku, entry.get("location"), entry.get("lot"), quantity)
    return None


def apply_alternative(session: Session, payload: dict[str, Any]) -> str | None:
    """``pick.alternative_added`` {order, line_id, quantity}: units the short pick left are to be
    picked at another location after all: the line is that much less short (and so has that
    much left to pick, should the pick be given back before they are taken). An undo of one
    of them then leaves it to pick, not short."""
    quantity = _quantity(payload)
    if quantity is None or quantity <= 0:
        return f"no positive quantity in {payload!r}"
    line, why = _line(session, payload)
    if line is None:
        return why
    line.short_quantity = max(0, (line.short_quantity or 0) - quantity) or None
    return None


def apply_short(session: Session, payload: dict[str, Any]) -> str | None:
    """``pick.short`` {order, line_id, location, reason, expected, found}: the line is short
    by expected − found more units, for ``reason``."""
    expected, found = _quantity(payload, "expected"), _quantity(payload, "found")
    if expected is None or found is None or found < 0 or found > expected:
        return f"a short pick needs 0 <= found <= expected: {payload!r}"
    line, why = _line(session, payload)
    if line is None:
        return why
    missing = expected - found
    line.short_quantity = (line.short_quantity or 0) + missing
    line.short_reason = str(payload.get("reason") or "")[:32] or None
    return None


def apply_stock_correction(session: Session, payload: dict[str, Any]) -> str | None:
    """``stock.corrected`` {sku, location, lot, quantity}: the recorded quantity is set.

    ``lot`` a string ('' when not lot-tracked): that stock row. ``lot`` None (the picker
    could not tell the lot): the product's whole stock at that location, ``quantity`` kept
    on its earliest-expiry row and the other rows set to 0. A location with no such row is
    left as is (nothing recorded there to correct).
    """
    quantity = _quantity(payload)
    sku, location, lot = payload.get("sku"), payload.get("location"), payload.get("lot")
    if quantity is None or quantity < 0 or not sku or not location:
        return f"a stock correction needs sku, location and a quantity >= 0: {payload!r}"
    if lot is not None:
        stock_id = _stock_id(session, str(sku), str(location), str(lot), fallback=False)
        targets = [(stock_id, quantity)] if stock_id is not None else []
    else:
        ids = session.scalars(
            select(Stock.id)
            .join(Product, Product.id == Stock.product_id)
            .join(Location, Location.id == Stock.location_id)
            .where(Product.sku == str(sku), Location.code == str(location))
            .order_by(Stock.expiry.is_(None), Stock.expiry, Stock.lot, Stock.id)
        ).all()
        targets = [(stock_id, quantity if i == 0 else 0) for i, stock_id in enumerate(ids)]
    for stock_id, value in targets:
        session.execute(
            update(Stock).where(Stock.id == stock_id).values(quantity=value)
            .execution_options(synchronize_session="fetch")
        )
    return None


def apply_status(session: Session, payload: dict[str, Any], order: Order | None = None) -> None:
    """``order.status_changed`` {order, from, to, reason[, totes]}: the transition through
    the status machine (IllegalTransition when the rules forbid it; LookupError for an
    unknown order); ``picked`` also stores the totes."""
    if order is None:
        number = payload.get("order")
        order = session.scalars(select(Order).where(Order.number == number)).one_or_none()
        if order is None:
            raise LookupError(f"order {number} is not in the station's copy")
    reason = payload.get("reason")
    new_state, _change = state_of(order).transition(payload.get("to", ""), reason)
    apply_state(order, new_state, reason)
    apply_totes(order, payload)


def apply_totes(order: Order, payload: dict[str, Any]) -> None:
    """The totes of a status change to ``picked`` (a list of codes), onto the order."""
    if payload.get("to") == OrderStatus.PICKED and payload.get("totes") is not None:
        totes = payload["totes"]
        order.totes = [str(t) for t in (totes if isinstance(totes, (list, tuple)) else [totes])]


# --- resuming ------------------------------------------------------------------------------


def active_pick(session: Session, station: str) -> list[PickEvent]:
    """The events of this station's unfinished pick, oldest first, for replay: from its last
    ``pick.started`` on, the pick's kinds and the status changes of its orders. Empty when
    there is none (no pick started, or none of its orders is still ``picking`` here)."""
    started = session.scalars(
        select(Event).where(Event.station == station, Event.kind == PICK_STARTED).order_by(Event.seq.desc()).limit(1)
    ).first()
    if started is None:
        return []
    numbers = [str(n) for n in (started.payload or {}).get("orders", [])]
    if not numbers:
        return []
    picking = session.scalars(
        select(Order.number).where(Order.number.in_(numbers), Order.status == OrderStatus.PICKING)
    ).all()
    if not picking:
        return []
    rows = session.execute(
        select(Event.kind, Event.payload, Event.id, Event.order_number)
        .where(Event.station == station, Event.seq >= started.seq)
        .order_by(Event.seq)
    ).all()
    wanted = set(numbers)
    return [
        PickEvent(kind, payload, event_id)
        for kind, payload, event_id, order_number in rows
        if kind.startswith("pick.") or kind in OTHER_PICK_KINDS
        or (kind == ORDER_STATUS_CHANGED and order_number in wanted)
    ]
