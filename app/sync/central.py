"""The central side of the push: apply one batch of a station's events, once and in order.

Threading: plain functions, no shared state; call them from any worker thread or process.
Each call is ONE central transaction that first locks the station's row, so two pushers
of the same station (a restarted station and the one it replaced, two workers) serialise
instead of interleaving. Two guards make a resend harmless:

1. ``stations.pushed_seq``: events whose station-local seq is at most the highest one
   already applied are duplicates, skipped and counted;
2. the event UUID: the insert is ``ON CONFLICT (id) DO NOTHING``, and an effect runs only
   for a row this call really inserted.

A station's local database has an incarnation id (app.sync.push.incarnation); the central
``sync_state`` keeps the last one seen per station (``incarnation:<station>``). A push from
a new incarnation (the station's database was recreated and its seqs restarted at 1) resets
the station's pushed_seq to 0 in the same locked transaction and records a
``station.reincarnated`` event, so its new events are not skipped as duplicates; guard 2
still keeps any event from being applied twice.

On PostgreSQL a batch is sent by binary ``COPY`` into a temporary stage table of the
connection, then moved into ``events`` by one ``INSERT ... SELECT ... ORDER BY ... ON
CONFLICT (id) DO NOTHING`` (``RETURNING`` ids only when an effect needs them). The payloads
read from a station's outbox are JSON text and go on as such, never decoded and re-encoded.

Effects (what an event changes in the central state) are looked up by kind in
``APPLIERS``. An effect that no longer fits (the order moved to another station, the
transition became illegal) is not applied, but the event is still recorded, and an
``event.not_applied`` event says why: events are recorded, never dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
import hashlib
import json
from operator import attrgetter
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from app.domain.events import ORDER_STATUS_CHANGED, USER_LOGGED_IN, USER_LOGGED_OUT, utc_now
from app.domain.status import IllegalTransition, OrderStatus
from app.store import handover, packing, packing_close, picking
from app.store.events import record
from app.store.models import Event, Order, Station, SyncState
from app.store.orders import apply_state, state_of

EVENT_NOT_APPLIED = "event.not_applied"
STATION_REINCARNATED = "station.reincarnated"
CENTRAL = "central"  # the ``station`` of events the central database writes itself


class EventIn(NamedTuple):
    """One station event as it travels to the central database.

    A named tuple rather than a dataclass: the push builds one per outbox row, and a
    tuple is several times cheaper to create than a frozen dataclass.
    """

    id: str
    origin_seq: int
    occurred_at: datetime
    actor: str | None
    kind: str
    order_number: str | None
    payload: dict[str, Any] | None
    # The payload as JSON text, when the event was read straight from the outbox
    # (app.store.events.outbox_after): sent on undecoded; ``body`` decodes it when needed.
    payload_json: str | None = None

    @classmethod
    def from_event(cls, event: Event) -> EventIn:
        """From a row of the station's own event log (its ``seq`` is the origin seq)."""
        return cls(event.id, event.seq, event.occurred_at, event.actor, event.kind, event.order_number, event.payload)

    def body(self) -> dict[str, Any]:
        """The payload as a dict."""
        if self.payload is not None:
            return self.payload
        return json.loads(self.payload_json) if self.payload_json is not None else {}

    def body_json(self) -> str:
        """The payload as JSON text."""
        return self.payload_json if self.payload_json is not None else json.dumps(self.payload)


@dataclass(frozen=True)
class ApplyResult:
    applied: int  # events newly recorded centrally (their effect applied or explained)
    duplicates: int  # events already there, skipped
    pushed_seq: int  # the station's pushed_seq after this batch
    # Orders whose event effect was not applied (``event.not_applied``), each once, in the
    # batch's order: the station's copy of them may now differ from the central one, so it
    # must read them again from the central database.
    not_applied: tuple[str, ...] = ()


# An applier returns None when the effect was applied, or why it was not.
Applier = Callable[[Session, str, EventIn], "str | None"]


def _apply_status_changed(session: Session, station: str, event: EventIn) -> str | None:
    payload = event.body()
    number = event.order_number or payload.get("order")
    if not number:
        return "the event names no order"
    order = session.scalars(select(Order).where(Order.number == number).with_for_update()).first()
    if order is None:
        return f"order {number} is unknown to the central database"
    if order.claimed_by not in (None, station):
        return f"order {number} is held by station {order.claimed_by}"
    if order.claimed_by is None and order.assigned_to not in (None, station):
        # Reassigned by a supervisor, not yet claimed by its new station: this one's late
        # events are recorded, but they do not move the order on under the new station.
        return f"order {number} is assigned to {order.assigned_to}"
    reason = payload.get("reason")
    try:
        new_state, _change = state_of(order).transition(payload.get("to", ""), reason)
    except (IllegalTransition, ValueError) as exc:
        return str(exc)
    apply_state(order, new_state, reason)
    return None


def _guarded_order(session: Session, station: str, event: EventIn) -> tuple[Order | None, str | None]:
    """The order of a pick event, locked, if ``station`` may still move it on (the guard of
    ``_apply_status_changed``): (order, None), or (None, why not)."""
    number = event.order_number or event.body().get("order")
    if not number and event.kind == picking.PICK_UNDONE:  # {of: id}: the undone event's order
        number = session.scalar(select(Event.order_number).where(Event.id == picking.undone_event_id(event.body())))
    if not number:
        return None, "the event names no order"
    order = session.scalars(select(Order).where(Order.number == number).with_for_update()).first()
    if order is None:
        return None, f"order {number} is unknown to the central database"
    if order.claimed_by not in (None, station):
        return None, f"order {number} is held by station {order.claimed_by}"
    if order.claimed_by is None and order.assigned_to not in (None, station):
        return None, f"order {number} is assigned to {order.assigned_to}"
    return order, None


def _apply_status_and_totes(session: Session, station: str, event: EventIn) -> str | None:
    """``order.status_changed``: the status (``_apply_status_changed``), and the totes of an
    order that became ``picked`` (app.store.picking)."""
    why = _apply_status_changed(session, station, event)
    if why is None:
        payload = event.body()
        if payload.get("to") == "picked" and payload.get("totes") is not None:
            number = event.order_number or payload.get("order")
            order = session.scalars(select(Order).where(Order.number == number)).first()
            if order is not None:
                picking.apply_totes(order, payload)
    return why


def _pick_applier(effect: Callable[[Session, EventIn], "str | None"]) -> Applier:
    """A pick event's effect (shared with the station: app.store.picking), applied only
    where the station may still move the order on (the status events' claim guard)."""

    def apply(session: Session, station: str, event: EventIn) -> str | None:
        _order, why = _guarded_order(session, station, event)
        if why is not None:
            return why
        return effect(session, event)

    return apply


def _apply_pick_started(session: Session, station: str, event: EventIn) -> str | None:
    """``pick.started`` {orders}: the station's own ``new -> picking`` events come first and
    have moved its orders already; this only catches up an order the station holds that is
    centrally still ``new`` (or ``awaiting_stock``) because a supervisor sent it back to the
    queue (app.sync.requeue) just before the station claimed it, while its replica still
    said ``picking`` from the previous picker: the station then wrote no status event, and
    without this its ``picking -> picked`` would find the order ``new`` and be refused, the
    totes lost. Orders it does not hold are left alone (recorded only)."""
    numbers = [str(n) for n in (event.body().get("orders") or [])]
    if not numbers:
        return None
    query = select(Order).where(Order.number.in_(numbers), Order.claimed_by == station).order_by(Order.id)
    for order in session.scalars(query.with_for_update()):
        if order.status in (OrderStatus.NEW, OrderStatus.AWAITING_STOCK):
            new_state, _change = state_of(order).transition(OrderStatus.PICKING)
            apply_state(order, new_state, None)
    return None


def _apply_stock_corrected(session: Session, station: str, event: EventIn) -> str | None:
    """``stock.corrected``: stock belongs to no order, so no claim to check; the recorded
    quantity is set (app.store.picking.apply_stock_correction)."""
    return picking.apply_stock_correction(session, event.body())


APPLIERS: dict[str, Applier] = {
    ORDER_STATUS_CHANGED: _apply_status_and_totes,
    picking.PICK_STARTED: _apply_pick_started,
    picking.PICK_UNIT: _pick_applier(lambda session, e: picking.apply_unit(session, e.id, e.body())),
    picking.PICK_UNDONE: _pick_applier(lambda session, e: picking.reverse_unit(session, picking.undone_event_id(e.body()))),
    picking.PICK_SHORT: _pick_applier(lambda session, e: picking.apply_short(session, e.body())),
    picking.PICK_ALTERNATIVE_ADDED: _pick_applier(lambda session, e: picking.apply_alternative(session, e.body())),
    picking.STOCK_CORRECTED: _apply_stock_corrected,
    # Packing (app.store.packing, app.store.packing_close): the station's effects, same guard.
    packing.PACK_UNIT: _pick_applier(lambda session, e: packing.apply_pack_unit(session, e.id, e.body())),
    packing.PACK_UNDONE: _pick_applier(lambda session, e: packing.reverse_pack_unit(session, packing.undone_event_id(e.body()))),
    packing.PACK_RECHECK_STARTED: _pick_applier(lambda session, e: packing.apply_recheck(session, e.body())),
    packing.PACK_CANCELLED: _pick_applier(lambda session, e: packing.apply_pack_cancelled(session, e.body())),
    packing.PACK_CLOSED: _pick_applier(
        lambda session, e: packing_close.apply_closed(session, e.body(), actor=e.actor, when=e.occurred_at)),
    # Handover at the dock (app.store.handover): no claim, the order's status is the guard.
    handover.PARCEL_SHIPPED: handover.central_apply_shipped,
}


def _insert(session: Session):
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)


def _lock_station(session: Session, station: str) -> int:
    """Create the station's row if missing and lock it; return its pushed_seq."""
    if session.get_bind().dialect.name == "sqlite":
        # pysqlite would begin a deferred transaction at the first write, after our reads:
        # two pushers could both read the same pushed_seq. IMMEDIATE takes the write lock now.
        session.connection().exec_driver_sql("BEGIN IMMEDIATE")
    stations = Station.__table__
    session.execute(
        _insert(session)(stations)
        .values(name=station, kind="any", pushed_seq=0)
        .on_conflict_do_nothing(index_elements=["name"])
    )
    return session.execute(
        select(stations.c.pushed_seq).where(stations.c.name == station).with_for_update()
    ).scalar_one()


# PostgreSQL: the batch goes by binary COPY into a temporary table of the session (created
# once per connection, emptied at every commit), then ONE INSERT ... SELECT moves it into
# ``events``: COPY is the cheapest way in for the rows, the INSERT keeps ON CONFLICT (id)
# DO NOTHING, and ORDER BY ord keeps the batch's order, so central seq follows origin seq.
_PG_STAGE = "quai_push_in"
_PG_STAGE_CREATE = (
    f"CREATE TEMPORARY TABLE IF NOT EXISTS {_PG_STAGE} (ord integer, id text, occurred_at timestamptz, "
    "actor text, kind text, order_number text, payload text, origin_seq bigint) ON COMMIT DELETE ROWS"
)
_PG_STAGE_TYPES = ("int4", "text", "timestamptz", "text", "text", "text", "text", "int8")
_PG_STAGE_COPY = (
    f"COPY {_PG_STAGE} (ord, id, occurred_at, actor, kind, order_number, payload, origin_seq) "
    "FROM STDIN (FORMAT BINARY)"
)
_PG_INSERT = (
    "INSERT INTO events (id, occurred_at, station, actor, kind, order_number, payload, pushed_at, origin_seq) "
    f"SELECT s.id, s.occurred_at, %s, s.actor, s.kind, s.order_number, s.payload::json, %s, s.origin_seq "
    f"FROM {_PG_STAGE} AS s ORDER BY s.ord "
    "ON CONFLICT (id) DO NOTHING"
)
_STAGE_READY = "quai_push_stage"  # key in the pooled connection's ``info``: the stage table exists
_STAGE_CREATED = "quai_push_stage_created"  # key in the session's ``info``: created in this transaction


def _aware_utc(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError(f"naive datetime {value!r}: Quai stores aware UTC datetimes only")
    return value.astimezone(UTC)


def _insert_events(
    session: Session, station: str, fresh: Sequence[EventIn], arrived: datetime, *, want_ids: bool
) -> tuple[int, set[str]]:
    """Insert ``fresh`` (sorted by origin seq) with ``ON CONFLICT (id) DO NOTHING``, in
    that order; return how many rows were really inserted and, if ``want_ids`` (some
    event has an effect to apply), their ids. Centrally, pushed_at is the time of arrival."""
    if session.get_bind().dialect.name == "postgresql":
        return _pg_insert_events(session, station, fresh, arrived, want_ids=want_ids)
    rows = [
        {
            "id": e.id,
            "occurred_at": e.occurred_at,
            "station": station,
            "actor": e.actor,
            "kind": e.kind,
            "order_number": e.order_number,
            "payload": e.body(),
            "pushed_at": arrived,
            "origin_seq": e.origin_seq,
        }
        for e in fresh
    ]
    table = Event.__table__
    stmt = _insert(session)(table).on_conflict_do_nothing(index_elements=["id"]).returning(table.c.id)
    # executemany of one cached statement: SQLAlchemy's "insertmanyvalues" sends
    # multi-row VALUES in the list's order, so central seq follows origin seq.
    ids = set(session.execute(stmt, rows).scalars())
    return len(ids), ids


def _pg_insert_events(
    session: Session, station: str, fresh: Sequence[EventIn], arrived: datetime, *, want_ids: bool
) -> tuple[int, set[str]]:
    connection = session.connection()  # the session's: same transaction, same station row lock
    if not connection.info.get(_STAGE_READY):
        # Temporary, so private to this connection; it outlives the transaction (a pooled
        # connection keeps it), ON COMMIT DELETE ROWS empties it. If this transaction rolls
        # back, its creation is undone too: apply_batch then forgets the flag.
        connection.exec_driver_sql(_PG_STAGE_CREATE)
        connection.info[_STAGE_READY] = True
        session.info[_STAGE_CREATED] = connection.info
    with connection.connection.driver_connection.cursor() as cursor, cursor.copy(_PG_STAGE_COPY) as copy:
        copy.set_types(_PG_STAGE_TYPES)
        write = copy.write_row
        for ord_, e in enumerate(fresh):
            if e.occurred_at.tzinfo is None:
                raise ValueError(f"naive datetime {e.occurred_at!r}: Quai stores aware UTC datetimes only")
            payload = e.payload_json
            write((ord_, e.id, e.occurred_at, e.actor, e.kind, e.order_number,
                   payload if payload is not None else json.dumps(e.payload), e.origin_seq))
    params = (station, _aware_utc(arrived))
    if not want_ids:  # no RETURNING to send back: the row count is enough
        return connection.exec_driver_sql(_PG_INSERT, params).rowcount, set()
    ids = {row[0] for row in connection.exec_driver_sql(_PG_INSERT + " RETURNING id", params)}
    return len(ids), ids


def incarnation_key(station: str) -> str:
    """The central ``sync_state`` name under which a station's last seen incarnation is kept."""
    key = f"incarnation:{station}"
    if len(key) <= 64:  # sync_state.name is String(64)
        return key
    return "incarnation:sha256:" + hashlib.sha256(station.encode()).hexdigest()[:45]


def _check_incarnation(session: Session, station: str, incarnation: str, pushed_seq: int) -> int:
    """With the station's row locked: a station whose local database was recreated (a new
    incarnation) restarts its seqs at 1, so its pushed_seq goes back to 0 (its events would
    otherwise be skipped as duplicates: lost). The event UUIDs still prevent a double apply.
    Returns the pushed_seq to use."""
    key = incarnation_key(station)
    table = SyncState.__table__
    previous = session.execute(select(table.c.value).where(table.c.name == key)).scalar_one_or_none()
    if previous == incarnation:
        return pushed_seq
    session.execute(
        _insert(session)(table)
        .values(name=key, value=incarnation)
        .on_conflict_do_update(index_elements=["name"], set_={"value": incarnation})
    )
    if previous is None and pushed_seq == 0:
        return pushed_seq  # a new station (or one that never pushed): nothing to reset
    # previous is None with pushed_seq > 0: a station from before incarnations; which
    # database it is cannot be told, so reset too: nothing is lost, the UUIDs prevent doubles.
    stations = Station.__table__
    session.execute(update(stations).where(stations.c.name == station).values(pushed_seq=0))
    record(
        session,
        STATION_REINCARNATED,
        {"station": station, "previous": previous, "incarnation": incarnation, "pushed_seq": pushed_seq},
        station=CENTRAL,
    )
    return 0


_ORIGIN_SEQ = attrgetter("origin_seq")


def _presence(fresh: Sequence[EventIn]) -> dict[str, Any]:
    """What a batch says of who is on the station and when a person last acted there, as
    ``stations`` column values (empty: nothing to say). ``current_user``: the badge of the
    last ``user.logged_in`` (None after a ``user.logged_out``); ``last_seen_at``: the time of
    the latest event a person made (it has an actor: a scan, a tap, a login), which is what
    the supervisor's "last scanned" means. ``fresh`` is in the station's order."""
    values: dict[str, Any] = {}
    for event in fresh:
        if event.kind == USER_LOGGED_IN:
            values["current_user"] = event.actor
        elif event.kind == USER_LOGGED_OUT:
            values["current_user"] = None
        if event.actor is not None:
            seen = _aware_utc(event.occurred_at)
            if "last_seen_at" not in values or seen > values["last_seen_at"]:
                values["last_seen_at"] = seen
    return values


def apply_batch(
    factory: sessionmaker[Session], station: str, events: Sequence[EventIn], *, incarnation: str | None = None
) -> ApplyResult:
    """Apply ``events`` of ``station`` in one central transaction; see the module docstring.

    ``incarnation`` identifies the station's local database (app.sync.push); when it differs
    from the one last seen, the station's pushed_seq is reset first (``_check_incarnation``).

    Raises the database's error (OperationalError when the connection drops) and then
    changes nothing: the batch is all or nothing, so the caller simply resends it.
    """
    with factory() as session:
        try:
            pushed_seq = _lock_station(session, station)
            if incarnation is not None:
                pushed_seq = _check_incarnation(session, station, incarnation, pushed_seq)
            fresh: list[EventIn] = []
            seen: set[str] = set()
            for event in sorted(events, key=_ORIGIN_SEQ):
                if event.origin_seq > pushed_seq and event.id not in seen:
                    fresh.append(event)
                    seen.add(event.id)
            applied = 0
            not_applied: dict[str, None] = {}  # an ordered set
            if fresh:
                # Effects need to know which rows were really inserted; most kinds have none.
                with_effects = [e for e in fresh if e.kind in APPLIERS]
                applied, inserted = _insert_events(session, station, fresh, utc_now(), want_ids=bool(with_effects))
                for event in with_effects:
                    if event.id not in inserted:
                        continue
                    why = APPLIERS[event.kind](session, station, event)
                    if why is not None:
                        number = event.order_number or event.body().get("order")
                        if number:
                            not_applied[str(number)] = None
                        record(
                            session,
                            EVENT_NOT_APPLIED,
                            {"event": event.id, "kind": event.kind, "station": station,
                             "order": event.order_number, "reason": why},
                            station=CENTRAL,
                            order_number=event.order_number,
                        )
                new_seq = max(pushed_seq, fresh[-1].origin_seq)
                # The station's row is locked already: its presence (the console's "who is
                # on which station, last scan") rides on the same update, and reaches the
                # replicas through the change capture (pushed_seq alone is a quiet column).
                session.execute(
                    update(Station.__table__).where(Station.__table__.c.name == station)
                    .values(pushed_seq=new_seq, **_presence(fresh))
                )
                pushed_seq = new_seq
            session.commit()
            session.info.pop(_STAGE_CREATED, None)  # committed: the stage table stays
        except BaseException:
            # A stage table created in this transaction is gone with it (see _pg_insert_events).
            created = session.info.pop(_STAGE_CREATED, None)
            if created is not None:
                created.pop(_STAGE_READY, None)
            session.rollback()
            raise
    return ApplyResult(applied, len(events) - applied, pushed_seq, tuple(not_applied))
