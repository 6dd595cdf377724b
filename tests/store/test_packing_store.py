"""Packing on the replica (app.store.packing, app.store.packing_inputs), on SQLite and on the real
PostgreSQL: what a pack is built from, which order a scan names, and each pack event's effect,
committed with the event."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from app.domain.events import ORDER_STATUS_CHANGED
from app.domain.status import IllegalTransition
from app.packing.events import (
    PACK_BOX_CONFIRMED, PACK_CANCELLED, PACK_CLOSED, PACK_RECHECK_STARTED, PACK_STARTED, PACK_UNDONE, PACK_UNIT,
    PACK_WEIGHED,
)
from app.packing.model import BoxOption, LotPicked, PackLine
from app.store.db import transaction
from app.store.models import BoxType, Event, Order, OrderLine, Product, ProductGtin
from app.store.packing import PackError, active_pack, begin_pack, record_pack_events
from app.store.packing_inputs import PackScanError, gift_wrap_asked, order_for_scan, pack_inputs

STATION, BADGE = "PACK-01", "BDG0002"
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def seed(factory) -> None:
    with transaction(factory) as session:
        session.add_all([
            Product(sku="MUG", name="Mug", weight_g=350, length_mm=120, width_mm=90, height_mm=100,
                    image_url="file:///mug.png", gtins=[ProductGtin(gtin="03760000000017")]),
            Product(sku="TEA", name="Tea", weight_g=100, lot_tracked=True, gtins=[ProductGtin(gtin="03760000000024")]),
            Product(sku="PHONE", name="Phone", weight_g=200, length_mm=150, width_mm=80, serial_tracked=True,
                    gtins=[ProductGtin(gtin="03760000000031")]),
            BoxType(code="S", name="Small", inner_length_mm=200, inner_width_mm=150, inner_height_mm=100,
                    max_weight_g=3000, tare_g=80, eco=True),
            BoxType(code="M", name="Medium", inner_length_mm=300, inner_width_mm=200, inner_height_mm=150,
                    max_weight_g=8000, tare_g=150),
        ])
        session.add(Order(
            number="#1001", customer_email="Ana@example.com", customer_name="Ana Martin", status="picked",
            totes=["TOT01"], gift_message="Joyeux anniversaire", notes="Emballage cadeau : oui",
            carrier="colissimo", created_at=T0, ship_by=datetime(2026, 11, 21, 23, 30, tzinfo=UTC), lines=[
                OrderLine(line_no=1, sku="MUG", name="Mug", quantity=3, picked=2, short_quantity=1),
                OrderLine(line_no=2, sku="TEA", name="Tea", quantity=3, picked=3, captured=[
                    {"event": "p1", "lot": "L1", "expiry": "2027-01-31", "serial": None, "location": "B-02",
                     "quantity": 2},
                    {"event": "p2", "lot": "L2", "expiry": None, "serial": None, "location": "B-03", "quantity": 1},
                ]),
                OrderLine(line_no=3, sku="GIFT", name="Gift card", quantity=1, requires_shipping=False),
                OrderLine(line_no=4, sku="PHONE", name="Phone", quantity=1, picked=1),
            ]))
        # The same customer again, later: not a first order. Another tote, another status.
        session.add(Order(number="#1002", customer_email="ana@example.com ", status="picked", totes=["TOT02"],
                          created_at=datetime(2026, 11, 22, tzinfo=UTC),
                          lines=[OrderLine(line_no=1, sku="MUG", quantity=1, picked=1)]))
        session.add(Order(number="#1003", status="picking", totes=["TOT03"], created_at=T0,
                          lines=[OrderLine(line_no=1, sku="MUG", quantity=1)]))


@pytest.fixture
def factory(any_session_factory):
    seed(any_session_factory)
    return any_session_factory


def lines(factory, number: str = "#1001") -> dict[str, OrderLine]:
    with factory() as session:
        return {l.sku: l for l in session.scalars(select(OrderLine).join(Order).where(Order.number == number))}


def status(factory, number: str = "#1001") -> str:
    with factory() as session:
        return session.scalar(select(Order.status).where(Order.number == number))


def kinds(factory) -> list[str]:
    with factory() as session:
        return list(session.scalars(select(Event.kind).order_by(Event.seq)))


def started(number: str = "#1001") -> list[tuple[str, dict]]:
    return [
        (PACK_STARTED, {"order": number, "plan": {"order": {"number": number}}, "config": {}, "packer": BADGE}),
        (ORDER_STATUS_CHANGED, {"order": number, "from": "picked", "to": "packing", "reason": None}),
    ]


def unit(factory, sku: str, n: int, quantity: int = 1, parcel: int = 1, serial: str | None = None,
         number: str = "#1001") -> tuple[str, dict]:
    return PACK_UNIT, {"n": n, "order": number, "line_id": lines(factory, number)[sku].id, "sku": sku,
                       "quantity": quantity, "parcel": parcel, "source": "scan", "lot": None, "expiry": None,
                       "serial": serial}


def test_pack_inputs_gives_the_picked_lines_their_lots_products_and_every_box(factory) -> None:
    with factory() as session:
        info, pack_lines, boxes = pack_inputs(session, "#1001")
        later, _, _ = pack_inputs(session, "#1002")
    by_sku = {l.sku: l for l in pack_lines}
    assert [l.sku for l in pack_lines] == ["MUG", "TEA", "PHONE"]  # the gift card is not packed
    mug, tea, phone = by_sku["MUG"], by_sku["TEA"], by_sku["PHONE"]
    assert mug == PackLine(mug.line_id, 1, "MUG", "Mug", 2, ("03760000000017",), (), False, False, 350,
                           (120, 90, 100), "file:///mug.png")  # 2 picked of 3: 2 to verify
    assert tea.lots == (LotPicked("L1", date(2027, 1, 31), 2), LotPicked("L2", None, 1))
    assert tea.lot_tracked and tea.dims_mm is None and tea.quantity == 3
    assert phone.serial_tracked and phone.dims_mm is None  # no height: dimensions unknown
    assert boxes == (BoxOption("M", "Medium", (300, 200, 150), 8000, 150, False),
                     BoxOption("S", "Small", (200, 150, 100), 3000, 80, True))
    assert (info.number, info.carrier, info.customer_name, info.gift_message) == (
        "#1001", "colissimo", "Ana Martin", "Joyeux anniversaire")
    assert info.customer_first_order and not later.customer_first_order  # same e-mail, any case
    assert info.gift_wrap and not later.gift_wrap
    assert (info.created_on, info.ship_by) == (date(2026, 11, 20), date(2026, 11, 22))  # Paris dates
    with pytest.raises(PackScanError, match="#9999") as raised, factory() as session:
        pack_inputs(session, "#9999")
    assert raised.value.code == "unknown_order"


def test_gift_wrap_is_read_from_the_notes_unless_they_say_no() -> None:
    assert gift_wrap_asked("Livrer vite\nPaquet cadeau svp")
    assert gift_wrap_asked("gift-wrap please")
    assert not gift_wrap_asked("pas d'emballage cadeau")
    assert not gift_wrap_asked(None) and not gift_wrap_asked("Message cadeau : bravo")


def test_order_for_scan_finds_the_order_by_number_tote_or_pick_list(factory) -> None:
    with transaction(factory) as session:
        session.add(Event(id="7f3a9c12-0000-4000-8000-000000000001", occurred_at=T0, station="PICK-01",
                          kind="pick.started", payload={"orders": ["#1003", "#1002"]}))
    with factory() as session:
        assert order_for_scan(session, "#1001", "order") == "#1001"
        assert order_for_scan(session, "1002", "order") == "#1002"
        assert order_for_scan(session, "tot01", "tote") == "#1001"
        assert order_for_scan(session, "TOT02", "code") == "#1002"
        assert order_for_scan(session, "PL-7f3a9c12", "pick_list") == "#1002"  # #1003 is not picked yet
        cases = [("#1003", "order", "order_not_picked", "picking"), ("TOT03", "tote", "tote_not_picked", "#1003"),
                 ("TOT99", "tote", "unknown_tote", "TOT99"), ("#9999", "order", "unknown_order", "#9999"),
                 ("PL-00000000", "pick_list", "unknown_pick_list", "PL-00000000"),
                 ("nothing", "code", "unknown_scan", "nothing")]
        for value, kind, code, named in cases:
            with pytest.raises(PackScanError, match=named) as raised:
                order_for_scan(session, value, kind)
            assert raised.value.code == code
    with transaction(factory) as session:
        session.scalars(select(Order).where(Order.number == "#1002")).one().totes = ["TOT01"]
    with factory() as session, pytest.raises(PackScanError, match="#1001, #1002") as raised:
        order_for_scan(session, "TOT01", "tote")
    assert raised.value.code == "tote_several_orders"


def test_begin_pack_moves_the_order_to_packing_with_its_events(factory) -> None:
    ids = begin_pack(factory, STATION, BADGE, "#1001", started())
    assert status(factory) == "packing" and len(ids) == 2
    with factory() as session:
        events = session.scalars(select(Event).order_by(Event.seq)).all()
    assert [(e.kind, e.id, e.order_number, e.actor) for e in events] == [
        (PACK_STARTED, ids[0], "#1001", BADGE), (ORDER_STATUS_CHANGED, ids[1], "#1001", BADGE)]
    # Refused, nothing recorded: an order not picked any more, or the events of another order.
    with pytest.raises(PackError, match="#1001 is packing now, not picked"):
        begin_pack(factory, STATION, BADGE, "#1001", started())
    with pytest.raises(PackError, match="names order #1002"):
        begin_pack(factory, STATION, BADGE, "#1001", started("#1002"))
    assert len(kinds(factory)) == 2
    # Without the status change among the events, the store makes it.
    begin_pack(factory, STATION, BADGE, "#1002", started("#1002")[:1])
    assert status(factory, "#1002") == "packing" and kinds(factory)[2:] == [ORDER_STATUS_CHANGED, PACK_STARTED]


def test_units_are_verified_with_their_serials_and_undone_exactly_once(factory) -> None:
    begin_pack(factory, STATION, BADGE, "#1001", started())
    ids = record_pack_events(factory, STATION, BADGE, [
        unit(factory, "MUG", 1), unit(factory, "TEA", 2, quantity=3), unit(factory, "PHONE", 3, serial="SN-1"),
        (PACK_BOX_CONFIRMED, {"n": 4, "order": "#1001", "parcel": 1, "box": "S", "suggested": "S", "scanned": True}),
    ])
    now = lines(factory)
    assert (now["MUG"].verified, now["TEA"].verified, now["PHONE"].verified) == (1, 3, 1)
    assert now["PHONE"].captured == [{"event": ids[2], "stage": "pack", "parcel": 1, "quantity": 1,
                                      "serial": "SN-1"}]
    assert [e["event"] for e in now["TEA"].captured] == ["p1", "p2", ids[1]]  # the pick's captures stay
    # Undo by the action's number: the unit's effect goes, the undo is recorded under the order.
    [undo] = record_pack_events(factory, STATION, BADGE, [(PACK_UNDONE, {"n": 5, "of": 3})])
    assert lines(factory)["PHONE"].verified == 0 and lines(factory)["PHONE"].captured == []
    with factory() as session:
        recorded = session.scalars(select(Event).where(Event.id == undo)).one()
    assert recorded.order_number == "#1001" and recorded.payload["of_event"] == ids[2]
    # Again (a replayed undo, the same event id twice): nothing more.
    record_pack_events(factory, STATION, BADGE, [(PACK_UNDONE, {"n": 6, "of": ids[2]})])
    assert lines(factory)["PHONE"].verified == 0 and lines(factory)["TEA"].verified == 3
    record_pack_events(factory, STATION, BADGE, [(PACK_UNDONE, {"n": 7, "of": 4})])  # a box: nothing stored
    assert lines(factory)["MUG"].verified == 1


def test_a_bad_event_keeps_nothing_of_the_action(factory) -> None:
    begin_pack(factory, STATION, BADGE, "#1001", started())
    before = kinds(factory)
    wrong = unit(factory, "MUG", 2, number="#1002")
    wrong[1]["order"] = "#1001"  # a line of #1002 said to be #1001's
    with pytest.raises(PackError, match="belongs to order #1002"):
        record_pack_events(factory, STATION, BADGE, [unit(factory, "MUG", 1), wrong])
    with pytest.raises(PackError, match="unknown"):
        record_pack_events(factory, STATION, BADGE, [(PACK_UNDONE, {"n": 3, "of": "no-such-event"})])
    with pytest.raises(PackError, match="close_pack"):
        record_pack_events(factory, STATION, BADGE, [(PACK_CLOSED, {"order": "#1001", "parcels": []})])
    with pytest.raises(IllegalTransition):
        record_pack_events(factory, STATION, BADGE, [
            (ORDER_STATUS_CHANGED, {"order": "#1001", "from": "packing", "to": "shipped", "reason": None})])
    assert lines(factory)["MUG"].verified == 0 and kinds(factory) == before


def test_recheck_takes_the_parcels_units_back_and_cancel_starts_over(factory) -> None:
    begin_pack(factory, STATION, BADGE, "#1001", started())
    ids = record_pack_events(factory, STATION, BADGE, [
        unit(factory, "MUG", 1), unit(factory, "PHONE", 2, serial="SN-1"), unit(factory, "MUG", 3, parcel=2),
    ])
    mug, phone = lines(factory)["MUG"].id, lines(factory)["PHONE"].id
    record_pack_events(factory, STATION, BADGE, [
        (PACK_WEIGHED, {"n": 4, "order": "#1001", "parcel": 1, "grams": 900, "expected_g": 630,
                        "source": "scale", "within": False}),
        (PACK_RECHECK_STARTED, {"n": 5, "order": "#1001", "parcel": 1, "units": {str(mug): 1, str(phone): 1}}),
    ])
    now = lines(factory)
    assert (now["MUG"].verified, now["PHONE"].verified) == (1, 0)
    assert [e["event"] for e in now["MUG"].captured] == [ids[2]]  # parcel 2's unit stays
    assert now["PHONE"].captured == []  # its serial is scanned again
    # An undo of a unit the recheck took back changes nothing more.
    record_pack_events(factory, STATION, BADGE, [(PACK_UNDONE, {"n": 6, "of": ids[0]})])
    assert lines(factory)["MUG"].verified == 1
    record_pack_events(factory, STATION, BADGE, [
        unit(factory, "PHONE", 7, serial="SN-1"),
        (PACK_CANCELLED, {"order": "#1001", "reason": "tote back"}),
        (ORDER_STATUS_CHANGED, {"order": "#1001", "from": "packing", "to": "picked", "reason": None}),
    ])
    now = lines(factory)
    assert {sku: l.verified for sku, l in now.items()} == {"MUG": 0, "TEA": 0, "PHONE": 0, "GIFT": 0}
    assert [e["event"] for e in now["TEA"].captured] == ["p1", "p2"] and now["PHONE"].captured == []
    assert status(factory) == "picked"


def test_active_pack_gives_the_unfinished_packs_events_for_replay(factory) -> None:
    with factory() as session:
        assert active_pack(session, STATION) == []
    first = begin_pack(factory, STATION, BADGE, "#1001", started())
    ids = record_pack_events(factory, STATION, BADGE, [unit(factory, "MUG", 1)])
    with transaction(factory) as session:  # another station's, and an unrelated event: not replayed
        session.add(Event(id="x-1", occurred_at=T0, station="PACK-02", kind=PACK_UNIT, payload={}))
        session.add(Event(id="x-2", occurred_at=T0, station=STATION, kind="user.logged_in", payload={}))
    with factory() as session:
        replay = active_pack(session, STATION)
    assert [(e.kind, e.id) for e in replay] == [(PACK_STARTED, first[0]), (ORDER_STATUS_CHANGED, first[1]),
                                                (PACK_UNIT, ids[0])]
    assert replay[0].payload["packer"] == BADGE
    record_pack_events(factory, STATION, BADGE, [
        (PACK_CANCELLED, {"order": "#1001", "reason": "tote back"}),
        (ORDER_STATUS_CHANGED, {"order": "#1001", "from": "packing", "to": "picked", "reason": None}),
    ])
    with factory() as session:
        assert active_pack(session, STATION) == []  # cancelled: nothing to resume
