"""The central side of the push: apply one batch of a station's events, once and in order.

Threading: plain functions, no shared state; call them from any worker thread or process.
Each call is ONE central transaction that first locks the station's row, so two pushers
of the same station (a restarted station and the one it replaced, two workers) serialise
instead of interleaving. Two guards make a resend harmless:

1. ``stations.pushed_seq``: events whose station-local seq is at most the highest one
   already applied are duplicates, skipped and counted;
2. the event UUID: the insert is ``ON CONFLICT (id) DO NOTHING``, and an effect runs only
   for a row this call really inserted.

Effects (what an event changes in the central state) are looked up by kind in
``APPLIERS``. An effect that no longer fits (the order moved to another station, the
transition became illegal) is not applied, but the event is still recorded, and an
``event.not_applied`` event says why: events are recorded, never dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from app.domain.events import ORDER_STATUS_CHANGED, utc_now
from app.domain.status import IllegalTransition
from app.store.events import record
from app.store.models import Event, Order, Station
from app.store.orders import apply_state, state_of

EVENT_NOT_APPLIED = "event.not_applied"
CENTRAL = "central"  # the ``station`` of events the central database writes itself


@dataclass(frozen=True)
class EventIn:
    """One station event as it travels to the central database."""

    id: str
    origin_seq: int
    occurred_at: datetime
    actor: str | None
    kind: str
    order_number: str | None
    payload: dict[str, Any]

    @classmethod
    def from_event(cls, event: Event) -> EventIn:
        """From a row of the station's own event log (its ``seq`` is the origin seq)."""
        return cls(event.id, event.seq, event.occurred_at, event.actor, event.kind, event.order_number, event.payload)


@dataclass(frozen=True)
class ApplyResult:
    applied: int  # events newly recorded centrally (their effect applied or explained)
    duplicates: int  # events already there, skipped
    pushed_seq: int  # the station's pushed_seq after this batch


# An applier returns None when the effect was applied, or why it was not.
Applier = Callable[[Session, str, EventIn], "str | None"]


def _apply_status_changed(session: Session, station: str, event: EventIn) -> str | None:
    number = event.order_number or event.payload.get("order")
    if not number:
        return "the event names no order"
    order = session.scalars(select(Order).where(Order.number == number).with_for_update()).first()
    if order is None:
        return f"order {number} is unknown to the central database"
    if order.claimed_by not in (None, station):
        return f"order {number} is held by station {order.claimed_by}"
    reason = event.payload.get("reason")
    try:
        new_state, _change = state_of(order).transition(event.payload.get("to", ""), reason)
    except (IllegalTransition, ValueError) as exc:
        return str(exc)
    apply_state(order, new_state, reason)
    return None


APPLIERS: dict[str, Applier] = {ORDER_STATUS_CHANGED: _apply_status_changed}


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


def apply_batch(factory: sessionmaker[Session], station: str, events: Sequence[EventIn]) -> ApplyResult:
    """Apply ``events`` of ``station`` in one central transaction; see the module docstring.

    Raises the database's error (OperationalError when the connection drops) and then
    changes nothing: the batch is all or nothing, so the caller simply resends it.
    """
    with factory() as session:
        try:
            pushed_seq = _lock_station(session, station)
            fresh: list[EventIn] = []
            seen: set[str] = set()
            for event in sorted(events, key=lambda e: e.origin_seq):
                if event.origin_seq > pushed_seq and event.id not in seen:
                    fresh.append(event)
                    seen.add(event.id)
            inserted: set[str] = set()
            if fresh:
                arrived = utc_now()
                rows = [
                    {
                        "id": e.id,
                        "occurred_at": e.occurred_at,
                        "station": station,
                        "actor": e.actor,
                        "kind": e.kind,
                        "order_number": e.order_number,
                        "payload": e.payload,
                        # Centrally, pushed_at is the time of arrival.
                        "pushed_at": arrived,
                        "origin_seq": e.origin_seq,
                    }
                    for e in fresh
                ]
                table = Event.__table__
                stmt = _insert(session)(table).on_conflict_do_nothing(index_elements=["id"]).returning(table.c.id)
                # executemany of one cached statement: SQLAlchemy's "insertmanyvalues" sends
                # multi-row VALUES in the list's order, so central seq follows origin seq.
                inserted.update(session.execute(stmt, rows).scalars())
                for event in fresh:
                    applier = APPLIERS.get(event.kind)
                    if event.id not in inserted or applier is None:
                        continue
                    why = applier(session, station, event)
                    if why is not None:
                        record(
                            session,
                            EVENT_NOT_APPLIED,
                            {"event": event.id, "kind": event.kind, "station": station,
                             "order": event.order_number, "reason": why},
                            station=CENTRAL,
                            order_number=event.order_number,
                        )
                new_seq = max(pushed_seq, fresh[-1].origin_seq)
                session.execute(
                    update(Station.__table__).where(Station.__table__.c.name == station).values(pushed_seq=new_seq)
                )
                pushed_seq = new_seq
            session.commit()
        except BaseException:
            session.rollback()
            raise
    return ApplyResult(applied=len(inserted), duplicates=len(events) - len(inserted), pushed_seq=pushed_seq)
