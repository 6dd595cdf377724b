"""The supervisor's live overview of the floor, read from a replica (or any store). No Qt.

``floor_overview(session, now)`` answers, in a handful of indexed queries (fast on 100,000
orders: no query reads the orders table whole, only the status and urgency indexes and the
few active rows):

- how many orders in each status;
- per carrier, its next cutoff (app.packing.cutoffs), the minutes left, and how many of its
  orders due by then are not ready to ship yet (late ones included); or today's cutoff once
  passed, while orders of its are still late (app.store.overview_cutoffs);
- the backlog: orders not shipped (nor cancelled) whose cutoff is past or today, by status;
- the stations: who is on each one and when a person last acted there (set centrally by
  the push, app.sync.central; the replica has them through the change capture);
- the exceptions queue: short picks (with their lines), unknown SKUs from the import,
  other exceptions, holds (with their reasons); most urgent first, at most ``limit`` of
  them, with the totals per kind.

Verification mismatches at packing (``pack.mismatch`` events, and ``pack.weighed`` out of
tolerance) are events: they reach the central database, not the other replicas. The
console's central worker reads them with ``recent_mismatches(central_session, since)``.

Threading: plain functions over a Session, for a worker thread (never the GUI thread). The
results are frozen dataclasses, safe to hand to the GUI thread.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.packing.cutoffs import DEFAULT_CUTOFFS, PARIS, SHIFT_START, CutoffTable
from app.store.models import Event, Order, OrderLine, Station, User
# NOT_READY, CarrierCutoff and CutoffRules are the overview's too: imported from here as well.
from app.store.overview_cutoffs import NOT_READY, CarrierCutoff, CutoffRules, cutoff_tiles  # noqa: F401
from app.store.overview_cutoffs import aware as _aware

PACK_MISMATCH = "pack.mismatch"  # recorded by the packer's station for a refused verification scan
PACK_WEIGHED = "pack.weighed"  # app.packing.events: ``within`` false is a mismatch too

FINAL = ("shipped", "cancelled")
#: Not shipped nor cancelled: the backlog's statuses.
OPEN = (*NOT_READY, "ready_to_ship")
UNKNOWN_SKU_PREFIX = "unknown_sku"  # app.imports.allocation's exception reason
MISMATCH_KEYS = ("sku", "raw", "lot", "serial", "quantity", "left", "reason", "picked")


# --- results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class StationPresence:
    name: str
    kind: str
    user: str | None  # badge of the person logged in, None: nobody
    user_name: str | None
    last_seen_at: datetime | None
    idle_minutes: int | None  # whole minutes since last seen (None: never seen)


@dataclass(frozen=True)
class ShortLine:
    sku: str
    short: int
    reason: str | None


@dataclass(frozen=True)
class ExceptionItem:
    order: str
    kind: str  # short | unknown_sku | exception | hold
    status: str
    reason: str  # the order's exception or hold reason ("" if none)
    carrier: str | None
    cutoff_at: datetime | None
    lines: tuple[ShortLine, ...] = ()  # a short pick's lines
    skus: tuple[str, ...] = ()  # unknown SKUs


@dataclass(frozen=True)
class Mismatch:
    """A verification mismatch at packing, from the central event log."""

    order: str | None
    code: str  # wrong_product | extra_unit | lot_mismatch | serial_repeated | weight_out_of_tolerance
    detail: dict[str, Any]
    station: str
    actor: str | None
    occurred_at: datetime
    seq: int  # the central event's seq: the next read asks for what came after


@dataclass(frozen=True)
class FloorOverview:
    now: datetime
    counts: Mapping[str, int]  # every status seen, zeros for the others of ``ALL_STATUSES``
    carriers: tuple[CarrierCutoff, ...]  # soonest cutoff first
    backlog_late: Mapping[str, int]  # status -> orders whose cutoff has passed
    backlog_today: Mapping[str, int]  # status -> orders due later today
    stations: tuple[StationPresence, ...]
    exceptions: tuple[ExceptionItem, ...]  # most urgent first, at most ``limit``
    exception_totals: Mapping[str, int] = field(default_factory=dict)  # kind -> how many in all
    #: When this overview goes stale by the clock alone (a cutoff passes, an order's or a
    #: carrier's, or the day ends): the console reads again then, not on a fixed timer.
    next_change_at: datetime | None = None

    @property
    def backlog(self) -> int:
        return sum(self.backlog_late.values()) + sum(self.backlog_today.values())


ALL_STATUSES = ("new", "awaiting_stock", "picking", "picked", "packing", "ready_to_ship", "shipped",
                "on_hold", "exception", "cancelled")


# --- the overview --------------------------------------------------------------------------------


def floor_overview(session: Session, now: datetime, *, cutoffs: CutoffTable = DEFAULT_CUTOFFS,
                   limit: int = 100, shift_start: time = SHIFT_START, holidays: str = "fr",
                   rules: CutoffRules | None = None) -> FloorOverview:
    """The floor at ``now`` (aware); see the module docstring. ``rules``: the site's cutoff
    rules (when given, ``cutoffs``, ``shift_start`` and ``holidays`` are not used)."""
    rules = rules or CutoffRules(cutoffs, holidays, shift_start)
    counts = {s: 0 for s in ALL_STATUSES}
    for status, n in session.execute(select(Order.status, func.count()).group_by(Order.status)):
        counts[status] = int(n)
    late, today = _backlog(session, now)
    items, totals = exceptions_queue(session, limit=limit)
    carriers, soonest = cutoff_tiles(session, now, rules)
    end_of_today = datetime.combine(now.astimezone(PARIS).date() + timedelta(days=1), time(0), PARIS)
    return FloorOverview(
        now=now,
        counts=counts,
        carriers=carriers,
        backlog_late=late,
        backlog_today=today,
        stations=stations(session, now),
        exceptions=items,
        exception_totals=totals,
        next_change_at=min(soonest, end_of_today),
    )


def carrier_cutoffs(session: Session, now: datetime, cutoffs: CutoffTable = DEFAULT_CUTOFFS, *,
                    shift_start: time = SHIFT_START, holidays: str = "fr") -> tuple[CarrierCutoff, ...]:
    """Each carrier's cutoff tile, soonest first (app.store.overview_cutoffs.cutoff_tiles)."""
    return cutoff_tiles(session, now, CutoffRules(cutoffs, holidays, shift_start))[0]


def _backlog(session: Session, now: datetime) -> tuple[dict[str, int], dict[str, int]]:
    end_of_today = datetime.combine(now.astimezone(PARIS).date() + timedelta(days=1), time(0), PARIS)
    late: dict[str, int] = {}
    today: dict[str, int] = {}
    # Grouped by the label (one bound parameter): PostgreSQL would not match two copies.
    is_late = (Order.cutoff_at < now).label("is_late")
    rows = session.execute(
        select(Order.status, is_late, func.count())
        .where(Order.status.in_(OPEN), Order.cutoff_at < end_of_today)
        .group_by(Order.status, is_late)
    )
    for status, is_late, n in rows:
        (late if is_late else today)[status] = int(n)
    return late, today


def stations(session: Session, now: datetime) -> tuple[StationPresence, ...]:
    """Every station the central database knows (those that ever pushed, and those set up),
    by name, with the person on it and the minutes since a person last acted there."""
    rows = session.execute(
        select(Station.name, Station.kind, Station.current_user, User.name, Station.last_seen_at)
        .outerjoin(User, User.badge == Station.current_user)
        .order_by(Station.name)
    )
    result = []
    for name, kind, badge, user_name, seen in rows:
        idle = None if seen is None else max(0, math.floor((now - _aware(seen)).total_seconds() / 60))
        result.append(StationPresence(name, kind, badge, user_name, seen, idle))
    return tuple(result)


def exceptions_queue(session: Session, *, limit: int = 100) -> tuple[tuple[ExceptionItem, ...], dict[str, int]]:
    """(the most urgent items, totals per kind): orders in exception or on hold, and orders
    awaiting stock after a short pick. By cutoff (none last), priority, then number.

    Every query is a range of the status index (ix_orders_status_cutoff), and the short
    lines are found through the lines of those orders only (ix_order_lines_order_id): no
    correlated subquery per order, no OR that would read every order."""
    short_ids = set(session.execute(
        select(Order.id).join(OrderLine, OrderLine.order_id == Order.id)
        .where(Order.status.in_(("exception", "awaiting_stock")), OrderLine.short_quantity > 0)
        .distinct()
    ).scalars())
    urgency = (Order.cutoff_at.is_(None), Order.cutoff_at, Order.priority.desc(), Order.number)
    columns = (Order.id, Order.number, Order.status, Order.exception_reason, Order.hold_reason, Order.carrier,
               Order.cutoff_at, Order.priority)
    orders = list(session.execute(
        select(*columns).where(Order.status.in_(("exception", "on_hold"))).order_by(*urgency).limit(limit)
    ))
    waiting = sorted(short_ids)
    for start in range(0, len(waiting), 500):
        orders += session.execute(
            select(*columns).where(Order.id.in_(waiting[start:start + 500]), Order.status == "awaiting_stock")
        ).all()
    far = datetime.max.replace(tzinfo=UTC)
    orders.sort(key=lambda r: (r.cutoff_at is None, _aware(r.cutoff_at) if r.cutoff_at else far, -r.priority, r.number))
    orders = orders[:limit]

    totals = {"short": 0, "unknown_sku": 0, "exception": 0, "hold": 0}
    is_unknown = func.coalesce(Order.exception_reason.startswith(UNKNOWN_SKU_PREFIX, autoescape=True), False)
    totals["hold"] = session.scalar(select(func.count()).where(Order.status == "on_hold")) or 0
    for order_id, unknown_flag in session.execute(
        select(Order.id, is_unknown).where(Order.status == "exception")
    ):
        totals[_kind("exception", order_id in short_ids, bool(unknown_flag))] += 1
    totals["short"] += session.scalar(
        select(func.count()).select_from(Order).where(Order.status == "awaiting_stock", Order.id.in_(waiting))
    ) if waiting else 0

    lines: dict[int, list[ShortLine]] = {}
    ids = [r.id for r in orders if r.id in short_ids]
    for start in range(0, len(ids), 500):
        for order_id, sku, n, why in session.execute(
            select(OrderLine.order_id, OrderLine.sku, OrderLine.short_quantity, OrderLine.short_reason)
            .where(OrderLine.order_id.in_(ids[start:start + 500]), OrderLine.short_quantity > 0)
            .order_by(OrderLine.order_id, OrderLine.line_no)
        ):
            lines.setdefault(order_id, []).append(ShortLine(sku, int(n), why))
    items = []
    for r in orders:
        reason = (r.hold_reason if r.status == "on_hold" else r.exception_reason) or ""
        kind = _kind(r.status, r.id in short_ids, (r.exception_reason or "").startswith(UNKNOWN_SKU_PREFIX))
        skus = tuple(s.strip() for s in reason.split(":", 1)[1].split(",") if s.strip()) if kind == "unknown_sku" else ()
        items.append(ExceptionItem(r.number, kind, r.status, reason, r.carrier, r.cutoff_at,
                                   tuple(lines.get(r.id, ())), skus))
    return tuple(items), totals


def _kind(status: str, is_short: bool, is_unknown: bool) -> str:
    if status == "on_hold":
        return "hold"
    if is_unknown and status == "exception":
        return "unknown_sku"
    if is_short:
        return "short"
    return "exception"


# --- packing mismatches: the central event log -------------------------------------------------------


def mismatch_payload(order: str, code: str, args: Mapping[str, Any]) -> dict[str, Any]:
    """A ``pack.mismatch`` payload {order, code, sku | raw, ...} from a refusal's arguments
    (app.packing.outcome): JSON values only, the scanned text as ``raw``."""
    payload: dict[str, Any] = {"order": order, "code": code}
    for key, value in args.items():
        key = "raw" if key == "got" else key
        if key in MISMATCH_KEYS and (value is None or isinstance(value, (str, int, float, bool, list))):
            payload[key] = value
    return payload


def recent_mismatches(central: Session, since: datetime, *, after_seq: int = 0, limit: int = 50) -> tuple[Mismatch, ...]:
    """Verification mismatches recorded since ``since`` (and after event ``after_seq``):
    ``pack.mismatch`` events and ``pack.weighed`` ones out of tolerance; newest first.
    Read from the central database (events do not reach the other replicas) by the
    console's central worker. Uses the index on ``events.kind``."""
    rows = central.execute(
        select(Event.seq, Event.kind, Event.order_number, Event.payload, Event.station, Event.actor, Event.occurred_at)
        .where(Event.kind.in_((PACK_MISMATCH, PACK_WEIGHED)), Event.occurred_at >= since, Event.seq > after_seq)
        .order_by(Event.seq.desc())
        .limit(limit * 4)  # weighings within tolerance are read and skipped
    )
    found = []
    for seq, kind, number, payload, station, actor, occurred_at in rows:
        payload = payload or {}
        if kind == PACK_WEIGHED:
            if payload.get("within", True):
                continue
            code = "weight_out_of_tolerance"
            detail = {k: payload.get(k) for k in ("grams", "expected_g", "parcel") if k in payload}
        else:
            code = str(payload.get("code", "mismatch"))
            detail = {k: v for k, v in payload.items() if k not in ("order", "code")}
        found.append(Mismatch(number or payload.get("order"), code, detail, station, actor, _aware(occurred_at), seq))
        if len(found) >= limit:
            break
    return tuple(found)
