"""Pick events reach the central database: the same effects as on the station (app.store.picking),
applied once, under the claim guard of the status events; new columns travel back by the pull.
On the embedded SQLite central (a file) and on the real PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update

from app.domain.events import ORDER_STATUS_CHANGED
from app.store.db import make_engine, session_factory, sqlite_url, transaction
from app.store.migrate import upgrade
from app.store.models import Event, Location, Order, OrderLine, Product, Stock
from app.store.picking import (
    CYCLE_COUNT_REQUESTED,
    PICK_SHORT,
    PICK_UNDONE,
    PICK_UNIT,
    STOCK_CORRECTED,
    record_pick_events,
    start_pick,
)
from app.sync.capture import install
from app.sync.central import EVENT_NOT_APPLIED, EventIn, apply_batch
from app.sync.claims import claim_order
from app.sync.pull import pull
from app.sync.push import push_all

S1, S2, BADGE = "PICK-01", "PICK-02", "BDG0001"


@pytest.fixture
def central(any_engine: Engine) -> Engine:
    install(any_engine)
    with transaction(session_factory(any_engine)) as session:
        mug, tea = Product(sku="MUG", name="Mug"), Product(sku="TEA", name="Tea", lot_tracked=True)
        a1 = Location(code="A-01", zone="A", aisle="01", bay="1", level="1", pick_sequence=10)
        b2 = Location(code="B-02", zone="B", aisle="02", bay="1", level="1", pick_sequence=20)
        session.add_all([mug, tea, a1, b2])
        session.flush()
        session.add_all([
            Stock(product=mug, location=a1, quantity=10, lot=""),
            Stock(product=mug, location=b2, quantity=4, lot=""),
            Stock(product=tea, location=b2, quantity=6, lot="L1", expiry=date(2027, 1, 31)),
        ])
        for number in ("#1001", "#1002"):
            session.add(Order(number=number, lines=[
                OrderLine(line_no=1, sku="MUG", name="Mug", quantity=3),
                OrderLine(line_no=2, sku="TEA", name="Tea", quantity=2),
            ]))
    return any_engine


@pytest.fixture
def station(tmp_path: Path) -> Engine:
    engine = make_engine(sqlite_url(tmp_path / "station.db"))
    upgrade(engine)
    yield engine
    engine.dispose()


def line_id(factory, number: str, line_no: int) -> int:
    with factory() as session:
        return session.scalar(
            select(OrderLine.id).join(Order).where(Order.number == number, OrderLine.line_no == line_no)
        )


def lines(factory, number: str) -> list[tuple]:
    with factory() as session:
        return [
            (l.line_no, l.picked, l.short_quantity, l.short_reason, [e["quantity"] for e in l.captured])
            for l in session.scalars(
                select(OrderLine).join(Order).where(Order.number == number).order_by(OrderLine.line_no)
            )
        ]


def stock(factory) -> dict[tuple[str, str, str], int]:
    with factory() as session:
        rows = session.execute(
            select(Product.sku, Location.code, Stock.lot, Stock.quantity)
            .join(Stock, Stock.product_id == Product.id).join(Location, Location.id == Stock.location_id)
        )
        return {(sku, code, lot): qty for sku, code, lot, qty in rows}


def order(factory, number: str) -> tuple:
    with factory() as session:
        o = session.scalars(select(Order).where(Order.number == number)).one()
        return o.status, o.totes, o.exception_reason


def a_pick(local, number: str) -> None:
    """What a station records picking ``number``: units, an undo, a short pick, picked."""
    mug, tea = line_id(local, number, 1), line_id(local, number, 2)
    start_pick(local, S1, BADGE, [number], {number: "T1"}, {"tasks": []})
    units = record_pick_events(local, S1, BADGE, [
        (PICK_UNIT, {"order": number, "line_id": mug, "location": "A-01", "quantity": 2, "lot": None,
                     "expiry": None, "serial": None, "gtin": None, "task": 0, "n": 1}),
        (PICK_UNIT, {"order": number, "line_id": mug, "location": "A-01", "quantity": 1, "lot": None,
                     "expiry": None, "serial": None, "gtin": None, "task": 0, "n": 2}),
    ])
    record_pick_events(local, S1, BADGE, [(PICK_UNDONE, {"of": 2})])
    record_pick_events(local, S1, BADGE, [
        (PICK_UNIT, {"order": number, "line_id": mug, "location": "A-01", "quantity": 1, "lot": None,
                     "expiry": None, "serial": None, "gtin": None, "task": 0, "n": 3}),
        (PICK_UNIT, {"order": number, "line_id": tea, "location": "B-02", "quantity": 1, "lot": "L1",
                     "expiry": "2027-01-31", "serial": None, "gtin": "03760000000024", "task": 1, "n": 4}),
        (PICK_SHORT, {"order": number, "line_id": tea, "location": "B-02", "reason": "damaged",
                      "expected": 1, "found": 0}),
        (STOCK_CORRECTED, {"sku": "TEA", "location": "B-02", "lot": "L1", "quantity": 3}),
        (CYCLE_COUNT_REQUESTED, {"location": "B-02", "sku": "TEA", "reason": "damaged"}),
        (ORDER_STATUS_CHANGED, {"order": number, "from": "picking", "to": "picked", "reason": None, "totes": ["T1"]}),
    ])
    assert units


def test_a_stations_pick_has_the_same_effects_centrally_once(central: Engine, station: Engine) -> None:
    central_factory, local = session_factory(central), session_factory(station)
    claim_order(central_factory, S1, "#1001")
    pull(central, station, S1)
    a_pick(local, "#1001")
    expected_lines = [(1, 3, None, None, [2, 1]), (2, 1, 1, "damaged", [1])]
    assert lines(local, "#1001") == expected_lines
    local_stock = stock(local)
    assert local_stock == {("MUG", "A-01", ""): 7, ("MUG", "B-02", ""): 4, ("TEA", "B-02", "L1"): 3}

    pushed = push_all(local, central_factory, S1)
    assert pushed.not_applied == ()
    assert lines(central_factory, "#1001") == expected_lines
    assert stock(central_factory) == local_stock
    assert order(central_factory, "#1001") == ("picked", ["T1"], None)
    with central_factory() as session:
        assert session.scalars(select(Event).where(Event.kind == EVENT_NOT_APPLIED)).all() == []
        central_events = session.scalars(select(Event).where(Event.station == S1).order_by(Event.seq)).all()
    # A resend (a station that did not hear the answer) applies nothing twice.
    resent = [EventIn(e.id, e.origin_seq, e.occurred_at, e.actor, e.kind, e.order_number, e.payload)
              for e in central_events if e.origin_seq is not None]
    again = apply_batch(central_factory, S1, resent)
    assert again.applied == 0 and again.duplicates == len(resent)
    assert lines(central_factory, "#1001") == expected_lines and stock(central_factory) == local_stock

    # And back: the new columns reach the replica by the pull (here after a supervisor's fix).
    pull(central, station, S1)  # what the push changed centrally, as the station did it
    assert lines(local, "#1001") == expected_lines and stock(local) == local_stock
    assert order(local, "#1001") == ("picked", ["T1"], None)
    with transaction(central_factory) as session:
        session.execute(update(OrderLine).where(OrderLine.id == line_id(central_factory, "#1001", 2))
                        .values(short_quantity=0, short_reason="found_later"))
        session.execute(update(Order).where(Order.number == "#1001").values(totes=["T1", "T7"]))
    result = pull(central, station, S1)
    assert not result.snapshot and result.rows == 2
    assert lines(local, "#1001")[1][2:4] == (0, "found_later")
    assert order(local, "#1001")[1] == ["T1", "T7"]


def event(seq: int, kind: str, payload: dict, number: str | None = None) -> EventIn:
    return EventIn(str(uuid.uuid4()), seq, datetime(2026, 11, 24, 7, seq, tzinfo=UTC), BADGE, kind,
                   number if number is not None else payload.get("order"), payload)


def test_pick_events_are_not_applied_on_an_order_another_station_holds(central: Engine) -> None:
    factory = session_factory(central)
    claim_order(factory, S2, "#1002")  # taken by S2 (reassigned meanwhile, say)
    with transaction(factory) as session:
        session.execute(update(Order).where(Order.number == "#1001").values(assigned_to=S2))
    mug2, tea2, mug1 = line_id(factory, "#1002", 1), line_id(factory, "#1002", 2), line_id(factory, "#1001", 1)
    unit = event(1, PICK_UNIT, {"order": "#1002", "line_id": mug2, "location": "A-01", "quantity": 2,
                                "lot": None, "expiry": None, "serial": None, "gtin": None, "task": 0})
    events = [
        unit,
        event(2, PICK_UNDONE, {"of": 1, "of_event": unit.id}, "#1002"),
        event(3, PICK_SHORT, {"order": "#1002", "line_id": tea2, "location": "B-02", "reason": "not_found",
                              "expected": 2, "found": 0}),
        event(4, PICK_UNIT, {"order": "#1001", "line_id": mug1, "location": "A-01", "quantity": 1}),
        event(5, STOCK_CORRECTED, {"sku": "MUG", "location": "B-02", "lot": "", "quantity": 0}),  # no order: applied
        event(6, PICK_UNIT, {"order": "#9999", "line_id": mug1, "location": "A-01", "quantity": 1}),
    ]
    result = apply_batch(factory, S1, events)
    assert result.applied == 6 and result.not_applied == ("#1002", "#1001", "#9999")
    assert lines(factory, "#1002") == [(1, 0, None, None, []), (2, 0, None, None, [])]
    assert lines(factory, "#1001")[0] == (1, 0, None, None, [])
    assert stock(factory)[("MUG", "A-01", "")] == 10 and stock(factory)[("MUG", "B-02", "")] == 0
    with factory() as session:
        why = {e.payload["event"]: e.payload["reason"]
               for e in session.scalars(select(Event).where(Event.kind == EVENT_NOT_APPLIED))}
        recorded = set(session.scalars(select(Event.id).where(Event.station == S1)))
    assert recorded == {e.id for e in events}  # all recorded, none dropped
    assert why[events[0].id] == why[events[1].id] == why[events[2].id] == "order #1002 is held by station PICK-02"
    assert why[events[3].id] == "order #1001 is assigned to PICK-02"
    assert "unknown" in why[events[5].id]
    assert events[4].id not in why


def test_an_undo_of_a_unit_applied_centrally_reverses_it_there(central: Engine) -> None:
    factory = session_factory(central)
    claim_order(factory, S1, "#1001")
    mug = line_id(factory, "#1001", 1)
    unit = event(1, PICK_UNIT, {"order": "#1001", "line_id": mug, "location": "B-02", "quantity": 2,
                                "lot": None, "expiry": None, "serial": None, "gtin": None, "task": 0})
    apply_batch(factory, S1, [unit])
    assert lines(factory, "#1001")[0] == (1, 2, None, None, [2]) and stock(factory)[("MUG", "B-02", "")] == 2
    # The undo names no order: the central side finds it from the undone event.
    result = apply_batch(factory, S1, [event(2, PICK_UNDONE, {"of": 1, "of_event": unit.id}, "")])
    assert result.not_applied == ()
    assert lines(factory, "#1001")[0] == (1, 0, None, None, []) and stock(factory)[("MUG", "B-02", "")] == 4


def test_an_alternative_location_makes_the_line_less_short_centrally_too(central: Engine) -> None:
    factory = session_factory(central)
    claim_order(factory, S1, "#1001")
    mug = line_id(factory, "#1001", 1)
    result = apply_batch(factory, S1, [
        event(1, PICK_SHORT, {"order": "#1001", "line_id": mug, "location": "A-01", "reason": "location_empty",
                              "expected": 3, "found": 0}),
        event(2, "pick.alternative_added", {"order": "#1001", "line_id": mug, "location": "B-02", "quantity": 2}),
    ])
    assert result.applied == 2 and result.not_applied == ()
    assert lines(factory, "#1001")[0][:4] == (1, 0, 1, "location_empty")  # 3 short, 2 to pick at B-02
