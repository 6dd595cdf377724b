"""The supervisor console's KPIs for one day, read from the CENTRAL database's event log.

``kpis(session, day, tz)`` -> ``Kpis``. Every figure is an aggregate computed by the
database (SUM, COUNT, GROUP BY); only the per-order cycle times of the day's shipped orders
come back as rows, for the median. The day is the warehouse's calendar day in ``tz``
(Europe/Paris by default): from its local midnight to the next one, in UTC (a day of a
change of time is 23 or 25 hours long, and has as many hours in ``Kpis.hours``).

What each figure counts (the README's "KPIs" section says the same for supervisors):

- **Picks per hour, per picker**: the units of the day's ``pick.unit`` events (their
  ``quantity``), by the event's actor (badge, named from ``users``) and by the hour of the
  day they happened in. A ``pick.unit`` taken back by a ``pick.undone`` (its ``of_event``
  names it) is not counted, whenever the undo came. A picker's rate is their units over the
  hours in which they picked at least once (an hour off the floor does not lower it).
- **Shipped against due**: *due* is the orders whose ``cutoff_at`` falls within the day,
  cancelled ones left out; *due_shipped* those of them already shipped (status
  ``shipped``, whenever); *shipped* the orders that became ``shipped`` that day (an
  ``order.status_changed`` event to ``shipped``), due that day or not.
- **Errors caught at packing**, per order packed: ``pack.mismatch`` (a packing scan
  refused: wrong product, too many units, unknown barcode), ``pack.weighed`` with
  ``within`` false (a parcel out of weight tolerance) and ``pack.override`` with
  ``what`` = verification (a supervisor let units through unverified). A weight override
  is not counted again: it always follows a weighing out of tolerance, counted already.
  Orders packed: the distinct orders of the day's ``pack.closed`` events. The rate is
  errors / orders packed (errors per order; shown as a percentage, it can pass 100 %).
- **Fulfilment rate**: of the orders shipped that day, the share shipped complete: no
  line left short (``short_quantity`` > 0: units found missing and not covered since).
- **Return rate**: Quai has no returns flow yet. An ``order.returned`` event kind
  (``ORDER_RETURNED``, {order, ...}) is reserved for it; the rate is the orders with such an
  event among the orders that left in the ``RETURN_WINDOW_DAYS`` days ending with the day
  (a ``parcel.shipped`` in the window: a parcel of a partly shipped order can come back too).
  While no ``order.returned`` event exists at all, ``returns.rate`` is None: "no data",
  not 0 % (and the window's shipments are not even counted: ``returns.shipped`` None).
  The shop's ``financial_status`` is not used: Quai does not re-read it once an order is
  on the floor, so a refund after shipping never reaches it.
- **Cycle time**: for each order shipped that day, the time from its ``order.imported``
  event (its first) to its ``order.status_changed`` to ``shipped`` (its last that day);
  mean and median, in hours. Orders with no import event (made by the demo, or by hand)
  are left out and counted in ``without_import``.

Queries use the events' index on (kind, occurred_at) (migration 0008) and the one on
``order_number``; see bench/bench_console_kpis.py for the figures at 1M events.

No Qt. Blocking: call it in the console's central worker (app.gui.workers), never in the
GUI thread.
"""

from __future__ import annotations

import statistics
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, and_, cast, distinct, exists, func, literal, select, text
from sqlalchemy.orm import Session, aliased

from app.domain.events import ORDER_IMPORTED, ORDER_STATUS_CHANGED
from app.packing import events as pack_events
from app.picking.events import PICK_UNDONE, PICK_UNIT
from app.store.kpis_data import (  # noqa: F401  (re-exported: the names the console uses)
    CycleTime,
    Fulfilment,
    Kpis,
    PackingErrors,
    PickerHour,
    PickerRate,
    Returns,
    Shipping,
)
from app.store.models import Event, Order, OrderLine, User

PARIS = ZoneInfo("Europe/Paris")
#: Reserved for the returns issue: an order came back ({order, reason, lines...}).
ORDER_RETURNED = "order.returned"
#: A packing scan refused (app.packing.events, added with the console's exceptions queue).
PACK_MISMATCH = getattr(pack_events, "PACK_MISMATCH", "pack.mismatch")
RETURN_WINDOW_DAYS = 30


# --- the day ---------------------------------------------------------------------------------------


def day_bounds(day: date, tz: ZoneInfo = PARIS) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)
    return start, end


def day_hours(day: date, tz: ZoneInfo = PARIS) -> tuple[datetime, ...]:
    start, end = day_bounds(day, tz)
    count = int((end - start).total_seconds() // 3600)
    return tuple((start + timedelta(hours=h)).astimezone(tz) for h in range(count))


def _epoch(session: Session, column):
    """Seconds since 1970 of a UtcDateTime column, as an integer, in SQL."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(func.floor(func.extract("epoch", column)), Integer)
    return cast(func.strftime("%s", column), Integer)  # SQLite stores naive UTC text


def _in_day(start: datetime, end: datetime, *kinds: str):
    return and_(Event.kind.in_(kinds) if len(kinds) > 1 else Event.kind == kinds[0],
                Event.occurred_at >= start, Event.occurred_at < end)


# --- the figures -----------------------------------------------------------------------------------


def picks_by_hour(session: Session, start: datetime, end: datetime) -> list[PickerHour]:
    undo = aliased(Event)
    of_event = undo.payload["of_event"].as_string()
    # IS NOT NULL: an undo the store could not resolve has no ``of_event``, and one NULL
    # in a NOT IN list makes it false for every row (no pick would be counted at all).
    undone_ids = select(of_event).where(undo.kind == PICK_UNDONE, undo.occurred_at >= start, of_event.is_not(None))
    hour = (_epoch(session, Event.occurred_at) - int(start.timestamp())) / 3600
    if session.get_bind().dialect.name == "postgresql":
        hour = func.floor(hour)  # integer division on SQLite already
    hour = cast(hour, Integer).label("hour")
    units = func.sum(Event.payload["quantity"].as_integer()).label("units")
    badge = func.coalesce(Event.actor, literal("")).label("badge")
    rows = session.execute(
        select(badge, func.max(User.name), hour, units)
        .select_from(Event)
        .outerjoin(User, User.badge == Event.actor)
        .where(_in_day(start, end, PICK_UNIT), Event.id.not_in(undone_ids))
        .group_by(badge, hour)
        .order_by(hour, badge)
    ).all()
    return [PickerHour(b, name or b or "?", int(h), int(u or 0)) for b, name, h, u in rows]


def _shipped_today(start: datetime, end: datetime):
    """(order_number, shipped_at): orders that became shipped within the day (the last time)."""
    return (
        select(Event.order_number.label("number"), func.max(Event.occurred_at).label("shipped_at"))
        .where(_in_day(start, end, ORDER_STATUS_CHANGED), Event.payload["to"].as_string() == "shipped",
               Event.order_number.is_not(None))
        .group_by(Event.order_number)
        .subquery("shipped_today")
    )


def shipping(session: Session, start: datetime, end: datetime) -> Shipping:
    in_day = and_(Order.cutoff_at >= start, Order.cutoff_at < end, Order.status != "cancelled")
    due, due_shipped = session.execute(
        select(func.count(), func.count().filter(Order.status == "shipped")).select_from(Order).where(in_day)
    ).one()
    shipped = session.scalar(select(func.count()).select_from(_shipped_today(start, end))) or 0
    return Shipping(int(due or 0), int(due_shipped or 0), int(shipped))


def packing_errors(session: Session, start: datetime, end: datetime) -> PackingErrors:
    kinds = (PACK_MISMATCH, pack_events.PACK_WEIGHED, pack_events.PACK_OVERRIDE)
    within = Event.payload["within"].as_boolean()
    what = Event.payload["what"].as_string()
    mismatches, weight, overrides = session.execute(
        select(
            func.count().filter(Event.kind == PACK_MISMATCH),
            func.count().filter(Event.kind == pack_events.PACK_WEIGHED, within.is_(False)),
            func.count().filter(Event.kind == pack_events.PACK_OVERRIDE, what == "verification"),
        ).where(_in_day(start, end, *kinds))
    ).one()
    packed = session.scalar(
        select(func.count(distinct(Event.order_number))).where(_in_day(start, end, pack_events.PACK_CLOSED))
    )
    return PackingErrors(int(mismatches or 0), int(weight or 0), int(overrides or 0), int(packed or 0))


def fulfilment(session: Session, start: datetime, end: datetime) -> Fulfilment:
    shipped = _shipped_today(start, end)
    short = exists().where(OrderLine.order_id == Order.id, OrderLine.short_quantity > 0)
    total, complete = session.execute(
        select(func.count(), func.count().filter(~short))
        .select_from(shipped).join(Order, Order.number == shipped.c.number)
    ).one()
    return Fulfilment(int(total or 0), int(complete or 0))


def returns(session: Session, start: datetime, end: datetime, window_days: int = RETURN_WINDOW_DAYS) -> Returns:
    recorded = bool(session.scalar(select(exists().where(Event.kind == ORDER_RETURNED))))
    if not recorded:
        # No returns flow yet: the 30 days of shipments (the costliest query here, see the
        # bench) are not counted for a rate that cannot be given anyway.
        return Returns(0, None, window_days, False)
    # Orders with a parcel handed to the courier in the window: ``parcel.shipped`` alone (no
    # JSON to read, unlike the status changes). Two plain aggregates: the returned orders
    # are few, and a semi-join against the window's numbers is one hash, not a probe per order.
    left = (
        select(Event.order_number)
        .where(_in_day(start - timedelta(days=window_days - 1), end, pack_events.PARCEL_SHIPPED),
               Event.order_number.is_not(None))
    )
    window = left.subquery("shipped_in_window")
    shipped = session.scalar(select(func.count(distinct(window.c.order_number))))
    back = aliased(Event)
    returned = session.scalar(
        select(func.count(distinct(back.order_number)))
        .where(back.kind == ORDER_RETURNED, back.order_number.in_(left))
    )
    return Returns(int(returned or 0), int(shipped or 0), window_days, recorded)


def cycle_time(session: Session, start: datetime, end: datetime) -> CycleTime:
    shipped = _shipped_today(start, end)
    imported = (
        select(func.min(Event.occurred_at))
        .where(Event.order_number == shipped.c.number, Event.kind == ORDER_IMPORTED)
        .scalar_subquery()
    )
    rows = session.execute(select(shipped.c.shipped_at, imported.label("imported_at"))).all()
    hours = [
        (shipped_at - imported_at).total_seconds() / 3600
        for shipped_at, imported_at in rows
        if imported_at is not None
    ]
    without = len(rows) - len(hours)
    if not hours:
        return CycleTime(0, None, None, without)
    return CycleTime(len(hours), statistics.fmean(hours), statistics.median(hours), without)


#: PostgreSQL: plan each query for its day's bounds (see ``kpis``); a switch for the bench.
FORCE_CUSTOM_PLANS = True


def kpis(session: Session, day: date, tz: ZoneInfo = PARIS) -> Kpis:
    """The day's KPIs (module docstring). Read-only; blocking (central worker).

    On PostgreSQL the transaction asks for plans made with the day's bounds
    (``plan_cache_mode = force_custom_plan``, ``SET LOCAL``: this transaction only).
    psycopg prepares a statement once it has run 5 times on a connection, and the console
    runs these every minute on the same one; a few runs later the server may keep a
    generic plan, made without the bounds: p50 263 ms a refresh against 218 ms at 1M
    events (bench/bench_console_kpis.py).
    """
    if FORCE_CUSTOM_PLANS and session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))
    start, end = day_bounds(day, tz)
    return Kpis(
        day=day, tz=str(tz.key), hours=day_hours(day, tz),
        picks=tuple(picks_by_hour(session, start, end)),
        shipping=shipping(session, start, end),
        packing=packing_errors(session, start, end),
        fulfilment=fulfilment(session, start, end),
        returns=returns(session, start, end),
        cycle=cycle_time(session, start, end),
    )
