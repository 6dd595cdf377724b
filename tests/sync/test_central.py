"""Central effects of pushed events: applied when the station still holds the order,
recorded but not applied (with an event.not_applied saying why) otherwise."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import Engine, select

from app.domain.events import ORDER_STATUS_CHANGED
from app.store.db import session_factory, transaction
from app.store.models import Event, Order, Station
from app.sync.central import EVENT_NOT_APPLIED, EventIn, apply_batch


def status_event(seq: int, number: str, before: str, after: str, reason: str | None = None) -> EventIn:
    return EventIn(str(uuid.uuid4()), seq, datetime(2025, 5, 1, 9, seq, tzinfo=UTC), "B-1", ORDER_STATUS_CHANGED,
                   number, {"order": number, "from": before, "to": after, "reason": reason})


def test_status_changes_apply_only_where_the_station_holds_the_order(any_engine: Engine) -> None:
    central = session_factory(any_engine)
    with transaction(central) as session:
        session.add_all([
            Order(number="MINE", status="picking", claimed_by="S1"),
            Order(number="FREE", status="new"),
            Order(number="TAKEN", status="picking", claimed_by="S2"),  # reassigned to S2 meanwhile
        ])
    events = [
        status_event(1, "MINE", "picking", "picked"),
        status_event(2, "FREE", "new", "picking"),
        status_event(3, "TAKEN", "picking", "picked"),
        status_event(4, "MINE", "picked", "shipped"),  # illegal: skips packing
        status_event(5, "GHOST", "new", "picking"),  # unknown order
        EventIn(str(uuid.uuid4()), 6, datetime(2025, 5, 1, 9, 6, tzinfo=UTC), "B-1", "scan.accepted", "MINE", {}),
    ]

    result = apply_batch(central, "S1", events)

    assert (result.applied, result.duplicates, result.pushed_seq) == (6, 0, 6)
    with central() as session:
        status = {n: s for n, s in session.execute(select(Order.number, Order.status))}
        assert status == {"MINE": "picked", "FREE": "picking", "TAKEN": "picking"}
        recorded = session.scalars(select(Event.id).where(Event.station == "S1").order_by(Event.seq)).all()
        assert recorded == [e.id for e in events]  # every event recorded, none dropped
        why = {e.payload["event"]: e for e in session.scalars(select(Event).where(Event.kind == EVENT_NOT_APPLIED))}
    assert set(why) == {events[2].id, events[3].id, events[4].id}
    assert "held by station S2" in why[events[2].id].payload["reason"]
    assert "picked -> shipped" in why[events[3].id].payload["reason"]
    assert "unknown" in why[events[4].id].payload["reason"]
    assert why[events[2].id].order_number == "TAKEN" and why[events[2].id].payload["station"] == "S1"
    assert all(e.origin_seq is None for e in why.values())

    again = apply_batch(central, "S1", events)  # a resend: nothing applied or explained twice
    assert (again.applied, again.duplicates, again.pushed_seq) == (0, 6, 6)
    with central() as session:
        assert len(session.scalars(select(Event).where(Event.kind == EVENT_NOT_APPLIED)).all()) == 3


def test_first_push_creates_the_station_row(any_engine: Engine) -> None:
    central = session_factory(any_engine)
    apply_batch(central, "NEW-STATION", [])
    with central() as session:
        assert session.scalars(select(Station.pushed_seq).where(Station.name == "NEW-STATION")).one() == 0
