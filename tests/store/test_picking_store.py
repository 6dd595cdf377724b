"""Picking on the replica (app.store.picking), on SQLite and on the real PostgreSQL: what a
route is built from, and each pick event's effect, committed with the event."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.domain.events import ORDER_STATUS_CHANGED
from app.domain.status import IllegalTransition
from app.store.db import transaction
from app.store.models import Event, Location, Order, OrderLine, Product, ProductGtin, Stock
from app.store.picking import (
    CYCLE_COUNT_REQUESTED,
    PICK_ALTERNATIVE_ADDED,
    PICK_LOCATION_CONFIRMED,
    PICK_STARTED,
    PICK_SHORT,
    PICK_TOTE_BOUND,
    PICK_UNDONE,
    PICK_UNIT,
    STOCK_CORRECTED,
    LineToPick,
    PickError,
    StockSlot,
    active_pick,
    begin_pick,
    pick_data,
    quantity_left,
    record_pick_events,
    start_pick,
)

STATION, BADGE = "PICK-01", "BDG0001"


def seed(factory) -> None:
    with transaction(factory) as session:
        mug = Product(sku="MUG", name="Mug", image_url="file:///mug.png", gtins=[ProductGtin(gtin="03760000000017")])
        tea = Product(sku="TEA", name="Tea", lot_tracked=True, gtins=[ProductGtin(gtin="03760000000024")])
        a1 = Location(code="A-01", zone="A", aisle="01", bay="1", level="1", pick_sequence=10)
        b2 = Location(code="B-02", zone="B", aisle="02", bay="1", level="1", pick_sequence=20)
        c3 = Location(code="C-03", zone="C", aisle="03", bay="1", level="1", pick_sequence=5)
        session.add_all([mug, tea, a1, b2, c3])
        session.flush()
        session.add_all([
            Stock(product=mug, location=a1, quantity=10, lot=""),
            Stock(product=mug, location=b2, quantity=4, lot=""),
            Stock(product=mug, location=c3, quantity=0, lot=""),  # empty: not offered
            Stock(product=tea, location=b2, quantity=6, lot="L1", expiry=date(2027, 1, 31)),
        ])
        session.add(Order(number="#1001", lines=[
            OrderLine(line_no=1, sku="MUG", name="Mug", quantity=3),
            OrderLine(line_no=2, sku="TEA", name="Tea", quantity=2),
            OrderLine(line_no=3, sku="GIFT", name="Gift card", quantity=1, requires_shipping=False),
        ]))
        session.add(Order(number="#1002", lines=[OrderLine(line_no=1, sku="MUG", name="Mug", quantity=1)]))


@pytest.fixture
def factory(any_session_factory):
    seed(any_session_factory)
    return any_session_factory


def line(factory, number: str, line_no: int) -> OrderLine:
    with factory() as session:
        return session.scalars(
            select(OrderLine).join(Order).where(Order.number == number, OrderLine.line_no == line_no)
        ).one()


def order(factory, number: str) -> Order:
    with factory() as session:
        return session.scalars(select(Order).where(Order.number == number)).one()


def stock(factory, sku: str, location: str, lot: str = "") -> int:
    with factory() as session:
        return session.scalar(
            select(Stock.quantity).join(Product).join(Location)
            .where(Product.sku == sku, Location.code == location, Stock.lot == lot)
        )


def unit(factory, number: str, line_no: int, location: str, quantity: int = 1, **extra) -> tuple[str, dict]:
    payload = {"order": number, "line_id": line(factory, number, line_no).id, "location": location,
               "quantity": quantity, "lot": None, "expiry": None, "serial": None, "gtin": None, "task": 0}
    payload.update(extra)
    return PICK_UNIT, payload


def test_pick_data_gives_plain_lines_products_and_stock_in_route_order(factory) -> None:
    with factory() as session:
        lines, products, slots = pick_data(session, ["#1001", "#1002"])
    mug1, tea1, mug2 = line(factory, "#1001", 1), line(factory, "#1001", 2), line(factory, "#1002", 1)
    assert lines == [
        LineToPick("#1001", mug1.id, 1, "MUG", "Mug", 3),
        LineToPick("#1001", tea1.id, 2, "TEA", "Tea", 2),  # the gift card is not picked
        LineToPick("#1002", mug2.id, 1, "MUG", "Mug", 1),
    ]
    assert products["MUG"].gtins == ("03760000000017",) and products["MUG"].image == "file:///mug.png"
    assert products["TEA"].lot_tracked and not products["MUG"].lot_tracked
    assert slots == [
        StockSlot("MUG", "A-01", 10, 10, "", None),
        StockSlot("MUG", "B-02", 20, 4, "", None),
        StockSlot("TEA", "B-02", 20, 6, "L1", date(2027, 1, 31)),
    ]
    with pytest.raises(LookupError, match="#9999"):
        with factory() as session:
            pick_data(session, ["#1001", "#9999"])


def test_start_pick_moves_orders_to_picking_and_records_the_route(factory) -> None:
    route = {"tasks": [{"order": "#1001", "location": "A-01"}], "unallocated": {}}
    started = start_pick(factory, STATION, BADGE, ["#1001", "#1002"], {"#1001": "T1", "#1002": "T2"}, route)
    assert order(factory, "#1001").status == order(factory, "#1002").status == "picking"
    with factory() as session:
        events = session.scalars(select(Event).order_by(Event.seq)).all()
    assert [e.kind for e in events] == [ORDER_STATUS_CHANGED, ORDER_STATUS_CHANGED, PICK_STARTED]
    assert events[-1].id == started and events[-1].actor == BADGE
    assert events[-1].payload == {"orders": ["#1001", "#1002"], "totes": {"#1001": "T1", "#1002": "T2"},
                                  "route": route, "batch": True}
    # Nothing half done: a pick whose order cannot move to picking records nothing.
    with transaction(factory) as session:
        session.add(Order(number="#1003", status="shipped"))
    with pytest.raises(IllegalTransition):
        start_pick(factory, STATION, BADGE, ["#1003"], None, None)
    with factory() as session:
        assert len(session.scalars(select(Event)).all()) == 3


def test_units_go_into_the_line_and_off_the_shelf_with_their_event(factory) -> None:
    start_pick(factory, STATION, BADGE, ["#1001"], None, {"tasks": []})
    ids = record_pick_events(factory, STATION, BADGE, [
        (PICK_LOCATION_CONFIRMED, {"location": "A-01", "task": 0}),
        unit(factory, "#1001", 1, "A-01", 2),
        unit(factory, "#1001", 2, "B-02", 1, lot="L1", expiry="2027-01-31", gtin="03760000000024"),
    ])
    assert len(ids) == 3
    mug, tea = line(factory, "#1001", 1), line(factory, "#1001", 2)
    assert mug.picked == 2 and tea.picked == 1
    assert tea.captured == [{"event": ids[2], "lot": "L1", "expiry": "2027-01-31", "serial": None,
                             "location": "B-02", "quantity": 1}]
    assert stock(factory, "MUG", "A-01") == 8 and stock(factory, "TEA", "B-02", "L1") == 5
    with factory() as session:
        recorded = {e.id: e for e in session.scalars(select(Event).where(Event.id.in_(ids)))}
        assert recorded[ids[1]].order_number == "#1001" and recorded[ids[1]].pushed_at is None  # in the outbox
        _lines, _products, _stock = pick_data(session, ["#1001"])
    assert [(x.sku, x.quantity_left) for x in _lines] == [("MUG", 1), ("TEA", 1)]


def test_a_bad_event_keeps_nothing_of_the_scan(factory) -> None:
    start_pick(factory, STATION, BADGE, ["#1001"], None, None)
    with factory() as session:
        before = len(session.scalars(select(Event)).all())
    good = unit(factory, "#1001", 1, "A-01")
    wrong_order = unit(factory, "#1002", 1, "A-01")
    wrong_order[1]["order"] = "#1001"  # a line of #1002 said to be #1001's
    with pytest.raises(PickError, match="belongs to order #1002"):
        record_pick_events(factory, STATION, BADGE, [good, wrong_order])
    assert line(factory, "#1001", 1).picked == 0 and stock(factory, "MUG", "A-01") == 10
    with factory() as session:
        assert len(session.scalars(select(Event)).all()) == before


def test_undo_reverses_exactly_that_unit_once(factory) -> None:
    start_pick(factory, STATION, BADGE, ["#1001"], None, None)
    first, second = record_pick_events(factory, STATION, BADGE, [
        unit(factory, "#1001", 1, "A-01", 1), unit(factory, "#1001", 1, "B-02", 2),
    ])
    tote = record_pick_events(factory, STATION, BADGE, [(PICK_TOTE_BOUND, {"order": "#1001", "tote": "T9"})])[0]
    undo_ids = record_pick_events(factory, STATION, BADGE, [
        (PICK_UNDONE, {"of": tote}),  # nothing stored to reverse
        (PICK_UNDONE, {"of": second}),
    ])
    mug = line(factory, "#1001", 1)
    assert mug.picked == 1 and [e["event"] for e in mug.captured] == [first]
    assert stock(factory, "MUG", "A-01") == 9 and stock(factory, "MUG", "B-02") == 4
    record_pick_events(factory, STATION, BADGE, [(PICK_UNDONE, {"of": second})])  # again: nothing more
    assert line(factory, "#1001", 1).picked == 1 and stock(factory, "MUG", "B-02") == 4
    with factory() as session:  # an undo belongs to the undone event's order
        assert session.scalar(select(Event.order_number).where(Event.id == undo_ids[1])) == "#1001"
    with pytest.raises(PickError, match="unknown"):
        record_pick_events(factory, STATION, BADGE, [(PICK_UNDONE, {"of": "no-such-event"})])


def test_short_pick_marks_the_line_and_corrects_the_stock(factory) -> None:
    start_pick(factory, STATION, BADGE, ["#1001"], None, None)
    mug_id = line(factory, "#1001", 1).id
    record_pick_events(factory, STATION, BADGE, [
        unit(factory, "#1001", 1, "B-02", 1),
        (PICK_SHORT, {"order": "#1001", "line_id": mug_id, "location": "B-02", "reason": "location_empty",
                      "expected": 2, "found": 0}),
        (STOCK_CORRECTED, {"sku": "MUG", "location": "B-02", "lot": "", "quantity": 0}),
        (CYCLE_COUNT_REQUESTED, {"location": "B-02", "sku": "MUG", "reason": "location_empty"}),
    ])
    mug = line(factory, "#1001", 1)
    assert (mug.picked, mug.short_quantity, mug.short_reason) == (1, 2, "location_empty")
    assert stock(factory, "MUG", "B-02") == 0
    with factory() as session:
        assert [x.sku for x in pick_data(session, ["#1001"]).lines] == ["TEA"]  # nothing left on MUG
    # An alternative location accepted: what it offers is to pick again, not short; a unit
    # picked there and undone stays to pick (a pick given back then routes it again).
    record_pick_events(factory, STATION, BADGE, [
        (PICK_ALTERNATIVE_ADDED, {"order": "#1001", "line_id": mug_id, "location": "A-01", "quantity": 1}),
    ])
    assert (line(factory, "#1001", 1).short_quantity, quantity_left(line(factory, "#1001", 1))) == (1, 1)
    [alt] = record_pick_events(factory, STATION, BADGE, [unit(factory, "#1001", 1, "A-01", 1)])
    mug = line(factory, "#1001", 1)
    assert (mug.picked, mug.short_quantity, quantity_left(mug)) == (2, 1, 0)
    record_pick_events(factory, STATION, BADGE, [(PICK_UNDONE, {"of": alt})])
    mug = line(factory, "#1001", 1)
    assert (mug.picked, mug.short_quantity, quantity_left(mug)) == (1, 1, 1)
    with pytest.raises(PickError, match="found <= expected"):
        record_pick_events(factory, STATION, BADGE, [
            (PICK_SHORT, {"order": "#1001", "line_id": mug_id, "reason": "damaged", "expected": 1, "found": 3}),
        ])


def test_picked_with_totes_and_a_short_order_to_exception(factory) -> None:
    start_pick(factory, STATION, BADGE, ["#1001", "#1002"], {"#1001": "T1", "#1002": "T2"}, None)
    record_pick_events(factory, STATION, BADGE, [
        unit(factory, "#1002", 1, "A-01", 1),
        (ORDER_STATUS_CHANGED, {"order": "#1002", "from": "picking", "to": "picked", "reason": None, "totes": ["T2"]}),
        (ORDER_STATUS_CHANGED, {"order": "#1001", "from": "picking", "to": "exception", "reason": "short: MUG"}),
    ])
    done, short = order(factory, "#1002"), order(factory, "#1001")
    assert (done.status, done.totes) == ("picked", ["T2"])
    assert (short.status, short.exception_reason, short.resume_status, short.totes) == (
        "exception", "short: MUG", "picking", None)
    with pytest.raises(IllegalTransition):
        record_pick_events(factory, STATION, BADGE, [
            (ORDER_STATUS_CHANGED, {"order": "#1002", "from": "picked", "to": "shipped", "reason": None}),
        ])


def test_active_pick_gives_the_unfinished_picks_events_for_replay(factory) -> None:
    with factory() as session:
        assert active_pick(session, STATION) == []
    started = start_pick(factory, STATION, BADGE, ["#1001", "#1002"], {"#1001": "T1", "#1002": "T2"}, {"r": 1})
    ids = record_pick_events(factory, STATION, BADGE, [
        (PICK_TOTE_BOUND, {"order": "#1001", "tote": "T1"}),
        unit(factory, "#1002", 1, "A-01", 1),
        (ORDER_STATUS_CHANGED, {"order": "#1002", "from": "picking", "to": "picked", "reason": None, "totes": ["T2"]}),
    ])
    with transaction(factory) as session:  # another station's event and an unrelated one: not replayed
        session.add(Event(id="x-1", occurred_at=order(factory, "#1001").created_at, station="PICK-02",
                          kind=PICK_UNIT, payload={}))
        session.add(Event(id="x-2", occurred_at=order(factory, "#1001").created_at, station=STATION,
                          kind="user.logged_in", payload={}))
    with factory() as session:
        replay = active_pick(session, STATION)
    assert [(e.kind, e.id) for e in replay] == [
        (PICK_STARTED, started), (PICK_TOTE_BOUND, ids[0]), (PICK_UNIT, ids[1]), (ORDER_STATUS_CHANGED, ids[2]),
    ]
    kind, payload, event_id = replay[0]
    assert payload["route"] == {"r": 1} and event_id == started
    record_pick_events(factory, STATION, BADGE, [
        (ORDER_STATUS_CHANGED, {"order": "#1001", "from": "picking", "to": "exception", "reason": "short"}),
    ])
    with factory() as session:
        assert active_pick(session, STATION) == []  # finished: no order of it still picking


def test_a_scan_commits_durably(sqlite_engine) -> None:
    """The station's own writes run with synchronous=FULL, even on a connection a pull left lowered."""
    from app.store.db import session_factory

    factory = session_factory(sqlite_engine)
    seed(factory)
    with sqlite_engine.connect() as connection:  # what a pull does on its connection
        connection.exec_driver_sql("PRAGMA synchronous=NORMAL")
        connection.commit()
    seen = []
    with factory() as session:
        start_pick(session, STATION, BADGE, ["#1001"], None, None)
        session.commit()
    record_pick_events(factory, STATION, BADGE, [unit(factory, "#1001", 1, "A-01", 1)])
    with sqlite_engine.connect() as connection:
        seen.append(connection.exec_driver_sql("PRAGMA synchronous").scalar())
    assert seen == [2]  # FULL
    assert line(factory, "#1001", 1).picked == 1


def test_undo_by_action_number_resolves_to_the_event_of_the_current_pick(factory) -> None:
    """app.picking numbers its undoable actions (``n``) and undoes by number: the store
    adds the event's id (``of_event``), which the central side applies by."""
    start_pick(factory, STATION, BADGE, ["#1002"], None, None)
    old = record_pick_events(factory, STATION, BADGE, [unit(factory, "#1002", 1, "A-01", 1, n=1)])[0]
    record_pick_events(factory, STATION, BADGE, [
        (ORDER_STATUS_CHANGED, {"order": "#1002", "from": "picking", "to": "exception", "reason": "x"}),
    ])
    start_pick(factory, STATION, BADGE, ["#1001"], None, None)  # a new pick numbers from 1 again
    first = record_pick_events(factory, STATION, BADGE, [unit(factory, "#1001", 1, "A-01", 1, n=1)])[0]
    record_pick_events(factory, STATION, BADGE, [unit(factory, "#1001", 1, "A-01", 1, n=2)])
    undo = record_pick_events(factory, STATION, BADGE, [(PICK_UNDONE, {"of": 1})])[0]
    with factory() as session:
        payload = session.scalar(select(Event.payload).where(Event.id == undo))
    assert payload == {"of": 1, "of_event": first} and first != old
    mug = line(factory, "#1001", 1)
    assert mug.picked == 1 and len(mug.captured) == 1
    assert line(factory, "#1002", 1).picked == 1  # the old pick's unit n=1 untouched


def test_the_sessions_start_events_go_through_record_pick_events_whole(factory) -> None:
    """app.picking's PickSession.start gives pick.started (with its own keys) and the shorts of
    what no location holds: one call records them, the orders moved to picking first."""
    tea = line(factory, "#1001", 2).id
    started = {"orders": ["#1001"], "totes": {}, "route": {"tasks": []}, "batch": False,
               "quantity_threshold": 5, "short_policy": "exception"}
    ids = record_pick_events(factory, STATION, BADGE, [
        (PICK_STARTED, started),
        (PICK_SHORT, {"order": "#1001", "line_id": tea, "sku": "TEA", "location": None, "task": None,
                      "reason": "no_stock", "expected": 1, "found": 0, "alternative": None}),
    ])
    assert order(factory, "#1001").status == "picking"
    assert line(factory, "#1001", 2).short_quantity == 1
    with factory() as session:
        kinds = [(e.kind, e.id) for e in session.scalars(select(Event).order_by(Event.seq))]
        replay = active_pick(session, STATION)
    assert [k for k, _ in kinds] == [ORDER_STATUS_CHANGED, PICK_STARTED, PICK_SHORT]
    assert [e.id for e in replay] == ids and replay[0].payload == started


def test_a_stock_correction_without_a_lot_covers_every_lot_there(factory) -> None:
    with transaction(factory) as session:
        tea = session.scalars(select(Product).where(Product.sku == "TEA")).one()
        b2 = session.scalars(select(Location).where(Location.code == "B-02")).one()
        session.add(Stock(product=tea, location=b2, quantity=5, lot="L2", expiry=date(2027, 6, 30)))
    record_pick_events(factory, STATION, BADGE, [
        (STOCK_CORRECTED, {"sku": "TEA", "location": "B-02", "lot": None, "quantity": 0, "reason": "damaged"}),
    ])
    assert stock(factory, "TEA", "B-02", "L1") == 0 and stock(factory, "TEA", "B-02", "L2") == 0
    assert stock(factory, "MUG", "B-02") == 4  # another product at that location: untouched
    record_pick_events(factory, STATION, BADGE, [
        (STOCK_CORRECTED, {"sku": "TEA", "location": "B-02", "lot": "L2", "quantity": 2}),
        (STOCK_CORRECTED, {"sku": "TEA", "location": "C-03", "lot": None, "quantity": 0}),  # nothing there: no-op
    ])
    assert stock(factory, "TEA", "B-02", "L1") == 0 and stock(factory, "TEA", "B-02", "L2") == 2


def test_a_live_pick_session_recorded_then_resumed_after_a_crash(factory) -> None:
    """With app.picking's own session: every accepted outcome's events recorded as they come;
    a 'crash' (a new session from active_pick) resumes with the same counts; undo and the end
    of the pick land in the replica."""
    from app.picking.route import build_route
    from app.picking.session import PickSession
    from app.scanning.classify import classify

    today = date(2026, 11, 24)
    with factory() as session:
        lines, products, slots = pick_data(session, ["#1001"])
    route = build_route(lines, products, slots, today)
    live, started = PickSession.start(route, today=today)
    with pytest.raises(PickError, match="names orders"):
        begin_pick(factory, STATION, BADGE, ["#1002"], started.events)
    begin_pick(factory, STATION, BADGE, ["#1001"], started.events)
    assert order(factory, "#1001").status == "picking"

    def scan(session: PickSession, text: str) -> None:
        outcome = session.handle(classify(text))
        assert outcome.ok, outcome
        record_pick_events(factory, STATION, BADGE, outcome.events)  # committed before feedback

    mug_scan, tea_scan = "(01)03760000000017", "(01)03760000000024(17)270131(10)L1"
    for text in ("A-01", mug_scan, mug_scan):
        scan(live, text)
    with factory() as session:
        resumed = PickSession.replay([(e.kind, e.payload) for e in active_pick(session, STATION)], today)
    assert resumed.counts() == live.counts() and resumed.view() == live.view()
    assert line(factory, "#1001", 1).picked == 2

    undo = resumed.undo()
    assert undo.ok
    record_pick_events(factory, STATION, BADGE, undo.events)
    assert line(factory, "#1001", 1).picked == 1 and stock(factory, "MUG", "A-01") == 9
    with factory() as session:  # the undo (with the store's of_event) replays too
        again = PickSession.replay([(e.kind, e.payload) for e in active_pick(session, STATION)], today)
    assert again.counts() == resumed.counts() and again.view() == resumed.view()
    for text in (mug_scan, mug_scan, "B-02", tea_scan, tea_scan):
        scan(resumed, text)
    assert order(factory, "#1001").status == "picked"
    mug, tea = line(factory, "#1001", 1), line(factory, "#1001", 2)
    assert (mug.picked, tea.picked) == (3, 2)
    assert [(e["lot"], e["expiry"]) for e in tea.captured] == [("L1", "2027-01-31")] * 2
    assert stock(factory, "MUG", "A-01") == 7 and stock(factory, "TEA", "B-02", "L1") == 4
    with factory() as session:
        assert active_pick(session, STATION) == []  # done: nothing to resume
