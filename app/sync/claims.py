"""Order claims on the central database: which station works on which order.

A claim is a lease. The station that claimed an order holds it until ``lease_until``
and keeps it by renewing the lease with a heartbeat; a station that dies simply stops
renewing, and once its lease has run out the order is free again for the next
``claim_next`` (no janitor job). Each claim has its own ``claim_id`` (a UUID), so a
station coming back late can tell "still mine" from "someone else's now".

Every function here is one transaction on the central database (PostgreSQL, or the
embedded SQLite file) and takes its sessionmaker (or its Engine). Writers take their
locks before they read:

- PostgreSQL: ``SELECT … FOR UPDATE SKIP LOCKED``: two stations asking at the same
  moment lock different rows, neither waits for the other.
- SQLite: ``BEGIN IMMEDIATE``: the database write lock is taken before the read, so two
  stations cannot both read the same free order (pysqlite would otherwise begin lazily,
  at the first write, after both had read). ``busy_timeout`` (app.store.db) bounds the wait.

Threading: plain blocking calls, no Qt; the GUI runs them in its sync worker. Heartbeats
write no event (they would flood the log); claims, releases, forced releases and
reassignments each record one, in the same transaction as the change.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, and_, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.events import utc_now
from app.domain.status import OrderStatus
from app.store.events import record
from app.store.models import Event, Order
from app.sync.requeue import back_in_queue

ORDER_CLAIMED = "order.claimed"
ORDER_RELEASED = "order.released"
ORDER_FORCE_RELEASED = "order.force_released"
ORDER_REASSIGNED = "order.reassigned"

DEFAULT_LEASE = timedelta(seconds=90)

# The ``why`` of a lost claim, as LostClaim reports it (the station shows it translated).
WHY_RELEASED = "released"
WHY_FORCE_RELEASED = "released by a supervisor"
WHY_CANCELLED = "cancelled"
WHY_UNKNOWN = "unknown claim"
WHY_EXPIRED = "lease expired"


def why_reassigned(station: str) -> str:
    return f"reassigned to {station}"


def why_taken(station: str) -> str:
    return f"lease expired and taken by {station}"


class UnknownOrder(LookupError):
    def __init__(self, order_number: str) -> None:
        self.order_number = order_number
        super().__init__(f"no order {order_number!r} in the central database")


@dataclass(frozen=True)
class Claim:
    order_number: str
    claim_id: str
    lease_until: datetime


@dataclass(frozen=True)
class LostClaim:
    order_number: str | None  # None when the claim id was never issued
    claim_id: str
    why: str


@dataclass(frozen=True)
class HeartbeatResult:
    renewed: list[str]
    lost: list[LostClaim]


@dataclass(frozen=True)
class ClaimInfo:
    order_number: str
    claimed_by: str
    claim_id: str | None
    lease_until: datetime | None


Factory = sessionmaker[Session] | Engine


@contextmanager
def _write_transaction(factory: Factory) -> Iterator[Session]:
    """One transaction that holds the write lock (SQLite) before its first read."""
    session = factory() if isinstance(factory, sessionmaker) else Session(factory, expire_on_commit=False)
    with session:
        connection = session.connection()
        if connection.dialect.name == "sqlite":
            # The session's connection has emitted nothing yet (pysqlite begins lazily),
            # so this BEGIN is the transaction's start; commit/rollback end it as usual.
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def _locked(statement, session: Session, *, skip_locked: bool = False):
    """Row locks on PostgreSQL; SQLite already holds the whole database's write lock."""
    if session.get_bind().dialect.name == "postgresql":
        return statement.with_for_update(skip_locked=skip_locked)
    return statement


def _free(now: datetime):
    return or_(Order.claimed_by.is_(None), Order.lease_until.is_(None), Order.lease_until < now)


def claim_next(
    factory: Factory,
    station: str,
    *,
    statuses: Sequence[str] = ("new",),
    count: int = 1,
    lease: timedelta = DEFAULT_LEASE,
    now: datetime | None = None,
    actor: str | None = None,
) -> list[Claim]:
    """Claim up to ``count`` of the most urgent free orders for ``station``.

    Free: in one of ``statuses``, unclaimed or with its lease run out, and assigned to
    nobody or to this station. Most urgent: earliest cutoff (none last), then highest
    priority, then oldest. The status is not changed (the picking flow does that).
    Returns [] when nothing is free.
    """
    if count < 1:
        return []
    now = now or utc_now()
    lease_until = now + lease
    with _write_transaction(factory) as session:
        query = (
            select(Order)
            .where(
                Order.status.in_([str(s) for s in statuses]),
                _free(now),
                or_(Order.assigned_to.is_(None), Order.assigned_to == station),
            )
            .order_by(Order.cutoff_at.is_(None), Order.cutoff_at, Order.priority.desc(), Order.created_at, Order.id)
            .limit(count)
        )
        orders = session.scalars(_locked(query, session, skip_locked=True)).all()
        claims: list[Claim] = []
        for order in orders:
            claims.append(_take(session, order, station, lease_until, actor))
        return claims


class ClaimRefused(Exception):
    """``claim_order`` could not claim the order; ``why`` says it in a few words (English,
    the station translates by the subclass)."""

    def __init__(self, order_number: str, why: str) -> None:
        self.order_number = order_number
        self.why = why
        super().__init__(f"order {order_number} cannot be claimed: {why}")


class OrderNotFound(ClaimRefused, LookupError):
    def __init__(self, order_number: str) -> None:
        super().__init__(order_number, "no such order in the central database")


class OrderTaken(ClaimRefused):
    """Another station holds a live claim on the order."""

    def __init__(self, order_number: str, station: str) -> None:
        self.station = station
        super().__init__(order_number, f"taken by station {station}")


class OrderAssignedElsewhere(ClaimRefused):
    """A supervisor assigned the order to another station."""

    def __init__(self, order_number: str, station: str) -> None:
        self.station = station
        super().__init__(order_number, f"assigned to {station}")


class WrongStatus(ClaimRefused):
    def __init__(self, order_number: str, status: str, wanted: Sequence[str]) -> None:
        self.status = status
        self.wanted = tuple(wanted)
        super().__init__(order_number, f"its status is {status}, not {' or '.join(self.wanted)}")


def claim_order(
    factory: Factory,
    station: str,
    number: str,
    *,
    statuses: Sequence[str] = ("new",),
    lease: timedelta = DEFAULT_LEASE,
    now: datetime | None = None,
    actor: str | None = None,
) -> Claim:
    """Claim the order ``number`` (an order barcode scanned at ``station``).

    It must be in one of ``statuses`` (``new`` by default), unclaimed or with its lease run
    out, and assigned to nobody or to this station; otherwise ClaimRefused says why:
    OrderNotFound, OrderTaken (by station X), OrderAssignedElsewhere, WrongStatus. An order
    this station holds already (its offline reserve) keeps its claim id, its lease renewed,
    and no second ``order.claimed`` is written. Locks as ``claim_next`` does (the row FOR
    UPDATE on PostgreSQL, waiting for a concurrent claimer rather than skipping it; BEGIN
    IMMEDIATE on SQLite): of two stations racing for one order, exactly one wins and the
    other is told which one took it.
    """
    now = now or utc_now()
    lease_until = now + lease
    with _write_transaction(factory) as session:
        order = session.scalars(_locked(select(Order).where(Order.number == number), session)).one_or_none()
        if order is None:
            raise OrderNotFound(number)
        live_holder = order.claimed_by if order.claimed_by and order.lease_until and order.lease_until >= now else None
        if live_holder not in (None, station):
            raise OrderTaken(number, live_holder)
        if order.assigned_to not in (None, station):
            raise OrderAssignedElsewhere(number, order.assigned_to)
        if order.status not in [str(s) for s in statuses]:
            raise WrongStatus(number, order.status, [str(s) for s in statuses])
        if order.claimed_by == station and order.claim_id:
            order.lease_until = lease_until  # ours already (the reserve, a second scan)
            return Claim(order.number, order.claim_id, lease_until)
        return _take(session, order, station, lease_until, actor)


def _take(session: Session, order: Order, station: str, lease_until: datetime, actor: str | None) -> Claim:
    """Claim ``order`` (locked by the caller) for ``station`` with a new claim id, and record
    ``order.claimed`` in the same transaction (naming a holder whose lease ran out)."""
    previous = order.claimed_by
    order.claimed_by = station
    order.claim_id = str(uuid.uuid4())
    order.lease_until = lease_until
    payload = {
        "order": order.number,
        "station": station,
        "claim_id": order.claim_id,
        "lease_until": lease_until.isoformat(),
    }
    if previous is not None:
        payload["expired_holder"] = previous
    record(session, ORDER_CLAIMED, payload, station=station, actor=actor, order_number=order.number)
    return Claim(order.number, order.claim_id, lease_until)


def heartbeat(
    factory: Factory,
    station: str,
    claim_ids: Iterable[str],
    *,
    lease: timedelta = DEFAULT_LEASE,
    now: datetime | None = None,
) -> HeartbeatResult:
    """Renew the leases ``station`` still holds; report every other one as lost, with why.

    A lease that ran out but that nobody has taken yet is still this station's and is
    renewed. A cancelled order is never renewed: the station must stop and put back.
    """
    now = now or utc_now()
    wanted = list(dict.fromkeys(claim_ids))
    if not wanted:
        return HeartbeatResult([], [])
    with _write_transaction(factory) as session:
        query = select(Order).where(Order.claim_id.in_(wanted)).order_by(Order.id)
        held = {order.claim_id: order for order in session.scalars(_locked(query, session))}
        renewed: list[str] = []
        lost: list[LostClaim] = []
        for claim_id in wanted:
            order = held.get(claim_id)
            if order is not None and order.claimed_by == station and order.status != OrderStatus.CANCELLED:
                order.lease_until = now + lease
                renewed.append(claim_id)
            else:
                lost.append(_lost(session, station, claim_id, order))
        return HeartbeatResult(renewed, lost)


def _claim_events(session: Session, claim_id: str) -> list[Event]:
    # Payload lookup: JSON ->> on PostgreSQL, json_extract on SQLite. Only heartbeats
    # that lost something get here, so a scan of the claim kinds is affordable.
    kinds = (ORDER_CLAIMED, ORDER_RELEASED, ORDER_FORCE_RELEASED, ORDER_REASSIGNED)
    query = (
        select(Event)
        .where(Event.kind.in_(kinds), Event.payload["claim_id"].as_string() == claim_id)
        .order_by(Event.seq)
    )
    return list(session.scalars(query))


def _lost(session: Session, station: str, claim_id: str, order: Order | None) -> LostClaim:
    events = _claim_events(session, claim_id)
    claimed = next((e for e in events if e.kind == ORDER_CLAIMED), None)
    number = order.number if order is not None else (claimed.order_number if claimed else None)
    if number is None:
        return LostClaim(None, claim_id, WHY_UNKNOWN)
    current = order or session.scalars(select(Order).where(Order.number == number)).one_or_none()
    if current is not None and current.status == OrderStatus.CANCELLED:
        return LostClaim(number, claim_id, WHY_CANCELLED)
    for event in events:
        if event.kind == ORDER_FORCE_RELEASED:
            return LostClaim(number, claim_id, WHY_FORCE_RELEASED)
        if event.kind == ORDER_REASSIGNED:
            return LostClaim(number, claim_id, why_reassigned(event.payload.get("to_station", "?")))
        if event.kind == ORDER_RELEASED:
            return LostClaim(number, claim_id, WHY_RELEASED)
    if claimed is not None:
        # Whoever claimed the order next took it after our lease ran out.
        taker = session.scalars(
            select(Event.station)
            .where(Event.kind == ORDER_CLAIMED, Event.order_number == number, Event.seq > claimed.seq)
            .order_by(Event.seq)
            .limit(1)
        ).first()
        if taker is not None:
            return LostClaim(number, claim_id, why_taken(taker))
    return LostClaim(number, claim_id, WHY_EXPIRED)


def release(factory: Factory, station: str, claim_id: str, *, reason: str = "done", actor: str | None = None) -> bool:
    """Give a claim back. Only its holder may: anyone else gets False and nothing changes."""
    with _write_transaction(factory) as session:
        query = select(Order).where(Order.claim_id == claim_id, Order.claimed_by == station)
        order = session.scalars(_locked(query, session)).one_or_none()
        if order is None:
            return False
        _clear(order)
        payload = {"order": order.number, "station": station, "claim_id": claim_id, "reason": reason}
        record(session, ORDER_RELEASED, payload, station=station, actor=actor, order_number=order.number)
        return True


def force_release(
    factory: Factory,
    order_number: str,
    *,
    supervisor: str,
    pin: str,
    reason: str,
    station: str = "supervisor",
) -> bool:
    """A supervisor frees an order whoever holds it. False when it was not claimed.

    ``supervisor`` is the supervisor's badge and ``pin`` their PIN: an active user with
    the supervisor role, checked in the same transaction (``NotAuthorized`` otherwise,
    and nothing changes). On PostgreSQL the connection's role must be allowed supervisor
    actions too (app.sync.roles). The holder learns it at its next heartbeat ("released
    by a supervisor"). Progress on the lines is untouched. ``station`` is where the
    supervisor acted from.
    """
    with _write_transaction(factory) as session:
        supervisor = _authorize_supervisor(session, supervisor, pin)
        order = _order_for_update(session, order_number)
        if order.claimed_by is None:
            return False
        force_release_in(session, order, station=station, supervisor=supervisor, reason=reason)
        back_in_queue(session, order, "force_release", station, supervisor, reason)
        return True


def reassign(
    factory: Factory,
    order_number: str,
    *,
    to_station: str,
    supervisor: str,
    pin: str,
    reason: str,
    station: str = "supervisor",
) -> str | None:
    """Assign an order to ``to_station``; returns the station that lost its claim, if any.

    The current claim is cleared (its holder's next heartbeat says "reassigned to …"),
    unless the holder is ``to_station`` itself. Work in progress nobody holds then goes back
    to the start of its stage (app.sync.requeue): the units picked stay on the lines and the
    new station carries on from there. The station's kind is not checked here (the
    console's app.sync.supervision.apply_action does).
    ``supervisor`` + ``pin`` are checked as in force_release.
    """
    with _write_transaction(factory) as session:
        supervisor = _authorize_supervisor(session, supervisor, pin)
        order = _order_for_update(session, order_number)
        holder = reassign_in(session, order, to_station, station=station, supervisor=supervisor, reason=reason)
        back_in_queue(session, order, "reassign", station, supervisor, reason)
        return holder


def reassign_in(session: Session, order: Order, to_station: str, *, station: str, supervisor: str, reason: str,
                to_badge: str | None = None) -> str | None:
    """The reassignment itself, in the caller's transaction (the order locked, the supervisor
    checked): the order assigned to ``to_station``, its claim cleared unless that station holds
    it, the event recorded (its holder's heartbeat reads "reassigned to …" from it). Returns the
    station that lost the claim, or None. ``to_badge``: the person the console chose, when it
    chose a person rather than a station. app.sync.supervision uses it too."""
    holder = order.claimed_by if order.claimed_by != to_station else None
    payload = {
        "order": order.number,
        "from_station": order.assigned_to,
        "to_station": to_station,
        "holder": holder,
        "claim_id": order.claim_id if holder else None,
        "supervisor": supervisor,
        "reason": reason,
    }
    if to_badge is not None:
        payload["to_badge"] = to_badge
    order.assigned_to = to_station
    if holder is not None:
        _clear(order)
    record(session, ORDER_REASSIGNED, payload, station=station, actor=supervisor, order_number=order.number)
    return holder


def force_release_in(session: Session, order: Order, *, station: str, supervisor: str, reason: str) -> str | None:
    """The forced release itself, in the caller's transaction: the claim cleared and the event
    recorded (the holder's heartbeat reads "released by a supervisor"). Returns the holder."""
    holder = order.claimed_by
    payload = {"order": order.number, "holder": holder, "claim_id": order.claim_id, "supervisor": supervisor,
               "reason": reason}
    _clear(order)
    record(session, ORDER_FORCE_RELEASED, payload, station=station, actor=supervisor, order_number=order.number)
    return holder


def expired_claims(factory: Factory, now: datetime | None = None) -> list[ClaimInfo]:
    """Claims whose lease has run out (a dead or disconnected station), oldest first.

    They are free already: the next claim_next takes them. This is for the supervisor's view.
    """
    now = now or utc_now()
    session = factory() if isinstance(factory, sessionmaker) else Session(factory)
    with session:
        query = (
            select(Order)
            .where(Order.claimed_by.is_not(None), or_(Order.lease_until.is_(None), Order.lease_until < now))
            .order_by(Order.lease_until, Order.id)
        )
        return [ClaimInfo(o.number, o.claimed_by, o.claim_id, o.lease_until) for o in session.scalars(query)]


def active_claims(factory: Factory, now: datetime | None = None) -> list[ClaimInfo]:
    """Claims still within their lease, by station then order (supervisor's view)."""
    now = now or utc_now()
    session = factory() if isinstance(factory, sessionmaker) else Session(factory)
    with session:
        query = (
            select(Order)
            .where(and_(Order.claimed_by.is_not(None), Order.lease_until >= now))
            .order_by(Order.claimed_by, Order.number)
        )
        return [ClaimInfo(o.number, o.claimed_by, o.claim_id, o.lease_until) for o in session.scalars(query)]


def _order_for_update(session: Session, order_number: str) -> Order:
    order = session.scalars(_locked(select(Order).where(Order.number == order_number), session)).one_or_none()
    if order is None:
        raise UnknownOrder(order_number)
    return order


def _clear(order: Order) -> None:
    order.claimed_by = None
    order.claim_id = None
    order.lease_until = None


class NotAuthorized(PermissionError):
    """A supervisor action without a supervisor: unknown badge, wrong PIN, inactive user,
    no supervisor role, or a database role that may not do it. Never holds the PIN."""


def _authorize_supervisor(session: Session, badge: str, pin: str) -> str:
    """Check badge + PIN of an active supervisor, in the action's transaction; return the
    badge as stored (normalised). Raises NotAuthorized, before anything is changed."""
    from app.store.users import SupervisorRefused, authenticate_supervisor

    if session.get_bind().dialect.name == "postgresql":
        # A station's own database role (app.sync.roles) may not touch priority; only
        # the administrator and quai_supervisor members may. Said plainly here, rather
        # than as whatever the row-level security makes of the statements.
        allowed = session.execute(
            select(func.has_column_privilege("orders", "priority", "UPDATE"))
        ).scalar_one()
        if not allowed:
            role = session.execute(select(func.current_user())).scalar_one()
            raise NotAuthorized(
                f"the database role {role} may not do supervisor actions: use a supervisor console "
                "(quai central add-station NAME --supervisor)"
            )
    try:
        user = authenticate_supervisor(session, badge, pin)
    except SupervisorRefused as exc:
        raise NotAuthorized(str(exc)) from None
    return user.badge
