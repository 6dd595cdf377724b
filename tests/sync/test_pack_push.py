"""Pack events reach the central database: the same effects as on the station (app.store.packing,
app.store.packing_close), applied once, under the claim guard of picking; the parcels come back
by the pull as the very rows the station wrote. On the embedded SQLite central (a file) and on
the real PostgreSQL; the station is its SQLite replica."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.domain.events import ORDER_STATUS_CHANGED
from app.domain.sscc import Block, SsccSettings, build_sscc
from app.packing.events import (
    PACK_CANCELLED, PACK_CLOSED, PACK_RECHECK_STARTED, PACK_STARTED, PACK_UNDONE, PACK_UNIT, PACK_WEIGHED,
)
from app.store.db import make_engine, session_factory, sqlite_url, transaction
from app.store.migrate import upgrade
from app.store.models import BoxType, Event, Order, OrderLine, Parcel, Product, ProductGtin
from app.store.packing import begin_pack, record_pack_events
from app.store.packing_close import close_pack, parcel_id
from app.store.sscc_pool import add_block
from app.sync.capture import install
from app.sync.central import EVENT_NOT_APPLIED, EventIn, apply_batch
from app.sync.claims import claim_order
from app.sync.pull import pull
from app.sync.push import push_all

S1, S2, BADGE = "PACK-01", "PACK-02", "BDG0002"
SETTINGS = SsccSettings(3, "3760123", block_size=20, low_water=5)
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
def central(any_engine: Engine) -> Engine:
    install(any_engine)
    with transaction(session_factory(any_engine)) as session:
        session.add_all([
            Product(sku="MUG", name="Mug", weight_g=350, gtins=[ProductGtin(gtin="03760000000017")]),
            Product(sku="PHONE", name="Phone", weight_g=200, serial_tracked=True,
                    gtins=[ProductGtin(gtin="03760000000031")]),
            BoxType(code="BOX-S", name="Small", inner_length_mm=250, inner_width_mm=200, inner_height_mm=150,
                    max_weight_g=5000, tare_g=100, eco=True),
        ])
        for number in ("#1001", "#1002"):
            session.add(Order(number=number, status="picked", totes=["TOT" + number[1:]], created_at=T0,
                              carrier=None, lines=[
                                  OrderLine(line_no=1, sku="MUG", name="Mug", quantity=2, picked=2),
                                  OrderLine(line_no=2, sku="PHONE", name="Phone", quantity=1, picked=1)]))
    return any_engine


@pytest.fixture
def station(tmp_path: Path) -> Engine:
    engine = make_engine(sqlite_url(tmp_path / "station.db"))
    upgrade(engine)
    with Session(engine) as session:
        add_block(session, Block(201, 220, SETTINGS.extension_digit, SETTINGS.company_prefix))
    yield engine
    engine.dispose()


def ids(factory, number: str) -> dict[str, int]:
    with factory() as session:
        return dict(session.execute(select(OrderLine.sku, OrderLine.id).join(Order).where(Order.number == number)).all())


def lines(factory, number: str) -> list[tuple]:
    with factory() as session:
        return [(l.sku, l.verified, l.captured) for l in session.scalars(
            select(OrderLine).join(Order).where(Order.number == number).order_by(OrderLine.line_no))]


def order(factory, number: str) -> tuple:
    with factory() as session:
        o = session.scalars(select(Order).where(Order.number == number)).one()
        return o.status, o.carrier, o.service, o.packed_by, o.packed_at


def parcels(factory, number: str) -> list[tuple]:
    with factory() as session:
        return [(p.id, p.seq, p.sscc, p.box_type_id is not None, p.weight_g, p.contents, p.kind, p.status, p.closed_at)
                for p in session.scalars(select(Parcel).join(Order).where(Order.number == number).order_by(Parcel.seq))]


def unit(line: int, n: int, parcel: int = 1, serial: str | None = None, number: str = "#1001") -> tuple[str, dict]:
    return PACK_UNIT, {"n": n, "order": number, "line_id": line, "sku": "?", "quantity": 1, "parcel": parcel,
                       "source": "scan", "lot": None, "expiry": None, "serial": serial}


def a_pack(local, number: str = "#1001", station: str = S1) -> list[str]:
    """What a station records packing ``number``: units, an undo, a weight off and its
    recheck, two parcels, the close. Returns the SSCCs."""
    line = ids(local, number)
    begin_pack(local, station, BADGE, number, [
        (PACK_STARTED, {"order": number, "plan": {}, "config": {}, "packer": BADGE}),
        (ORDER_STATUS_CHANGED, {"order": number, "from": "picked", "to": "packing", "reason": None}),
    ])
    record_pack_events(local, station, BADGE, [unit(line["MUG"], 1, number=number), unit(line["MUG"], 2, number=number)])
    record_pack_events(local, station, BADGE, [(PACK_UNDONE, {"n": 3, "of": 2})])
    record_pack_events(local, station, BADGE, [
        unit(line["MUG"], 4, number=number),
        (PACK_WEIGHED, {"n": 5, "order": number, "parcel": 1, "grams": 1500, "expected_g": 800, "source": "scale",
                        "within": False}),
        (PACK_RECHECK_STARTED, {"n": 6, "order": number, "parcel": 1, "units": {str(line["MUG"]): 2}}),
    ])
    record_pack_events(local, station, BADGE, [
        unit(line["MUG"], 7, number=number), unit(line["MUG"], 8, number=number),
        unit(line["PHONE"], 9, parcel=2, serial="SN-77", number=number),
    ])
    return close_pack(local, station, BADGE, [
        (PACK_CLOSED, {"order": number, "carrier": "colissimo", "service": "domicile", "packer": BADGE, "parcels": [
            {"seq": 1, "box": "BOX-S", "grams": 800, "items": {str(line["MUG"]): 2}, "kind": "parcel", "sscc": None},
            {"seq": 2, "box": None, "grams": 210, "items": {str(line["PHONE"]): 1}, "kind": "parcel", "sscc": None},
        ]}),
        (ORDER_STATUS_CHANGED, {"order": number, "from": "packing", "to": "ready_to_ship", "reason": None}),
    ], SETTINGS)


def test_a_whole_pack_reaches_the_central_database_once_and_comes_back_as_is(central: Engine, station: Engine) -> None:
    central_factory, local = session_factory(central), session_factory(station)
    claim_order(central_factory, S1, "#1001", statuses=("picked",))
    pull(central, station, S1)
    ssccs = a_pack(local)
    assert ssccs == [build_sscc(SETTINGS, 201), build_sscc(SETTINGS, 202)]
    local_lines, local_parcels, local_order = lines(local, "#1001"), parcels(local, "#1001"), order(local, "#1001")
    assert [(sku, verified) for sku, verified, _ in local_lines] == [("MUG", 2), ("PHONE", 1)]
    assert [p[0] for p in local_parcels] == [parcel_id(s, SETTINGS.company_prefix) for s in ssccs]

    pushed = push_all(local, central_factory, S1)
    assert pushed.not_applied == ()
    with central_factory() as session:
        assert session.scalars(select(Event).where(Event.kind == EVENT_NOT_APPLIED)).all() == []
        central_events = session.scalars(select(Event).where(Event.station == S1).order_by(Event.seq)).all()
    assert lines(central_factory, "#1001") == local_lines  # verified and the serial, as on the station
    assert order(central_factory, "#1001") == local_order
    assert local_order[:4] == ("ready_to_ship", "colissimo", "domicile", BADGE)
    assert parcels(central_factory, "#1001") == local_parcels  # same ids, SSCCs, contents, times
    # A resend (a station that did not hear the answer) applies nothing twice.
    resent = [EventIn(e.id, e.origin_seq, e.occurred_at, e.actor, e.kind, e.order_number, e.payload)
              for e in central_events if e.origin_seq is not None]
    again = apply_batch(central_factory, S1, resent)
    assert again.applied == 0 and again.duplicates == len(resent)
    assert parcels(central_factory, "#1001") == local_parcels and lines(central_factory, "#1001") == local_lines

    # And back: the pull finds the station's own parcel rows (no second row, no snapshot).
    result = pull(central, station, S1)
    assert not result.snapshot
    assert parcels(local, "#1001") == local_parcels and lines(local, "#1001") == local_lines


def test_a_pack_of_an_order_another_station_holds_is_not_applied(central: Engine, station: Engine) -> None:
    central_factory, local = session_factory(central), session_factory(station)
    pull(central, station, S1)
    claim_order(central_factory, S2, "#1001", statuses=("picked",))  # taken by S2 meanwhile
    a_pack(local)
    pushed = push_all(local, central_factory, S1)
    assert pushed.not_applied == ("#1001",)
    assert order(central_factory, "#1001")[:4] == ("picked", None, None, None)
    assert [(sku, verified) for sku, verified, _ in lines(central_factory, "#1001")] == [("MUG", 0), ("PHONE", 0)]
    assert parcels(central_factory, "#1001") == []
    with central_factory() as session:
        reasons = {(e.payload["kind"], e.payload["reason"])
                   for e in session.scalars(select(Event).where(Event.kind == EVENT_NOT_APPLIED))}
        recorded = session.scalar(select(Event.id).where(Event.kind == PACK_CLOSED, Event.station == S1))
    assert (PACK_CLOSED, "order #1001 is held by station PACK-02") in reasons
    assert (PACK_UNIT, "order #1001 is held by station PACK-02") in reasons
    assert recorded is not None  # recorded, never dropped


def event(seq: int, kind: str, payload: dict, number: str | None = None) -> EventIn:
    return EventIn(str(uuid.uuid4()), seq, datetime(2026, 11, 24, 7, seq, tzinfo=UTC), BADGE, kind,
                   number if number is not None else payload.get("order"), payload)


def test_an_sscc_already_on_another_parcel_is_not_applied_with_why(central: Engine) -> None:
    factory = session_factory(central)
    sscc = build_sscc(SETTINGS, 7)
    with transaction(factory) as session:
        other = session.scalars(select(Order).where(Order.number == "#1002")).one()
        session.add(Parcel(order_id=other.id, seq=1, sscc=sscc, status="closed"))
    claim_order(factory, S1, "#1001", statuses=("picked",))
    mug = ids(factory, "#1001")["MUG"]
    result = apply_batch(factory, S1, [
        event(1, ORDER_STATUS_CHANGED, {"order": "#1001", "from": "picked", "to": "packing", "reason": None}),
        event(2, PACK_CLOSED, {"order": "#1001", "carrier": "colissimo", "service": None, "packer": BADGE, "parcels": [
            {"seq": 1, "box": "BOX-S", "grams": 800, "items": {str(mug): 2}, "kind": "parcel", "sscc": sscc,
             "id": parcel_id(sscc, SETTINGS.company_prefix)}]}),
    ])
    assert result.not_applied == ("#1001",)
    assert parcels(factory, "#1001") == [] and order(factory, "#1001")[1:4] == (None, None, None)
    with factory() as session:
        why = session.scalars(select(Event).where(Event.kind == EVENT_NOT_APPLIED)).one().payload["reason"]
    assert why == f"SSCC {sscc} already labels parcel 1 of order #1002"


def test_a_cancelled_pack_starts_over_centrally_too(central: Engine, station: Engine) -> None:
    central_factory, local = session_factory(central), session_factory(station)
    claim_order(central_factory, S1, "#1002", statuses=("picked",))
    pull(central, station, S1)
    line = ids(local, "#1002")
    begin_pack(local, S1, BADGE, "#1002", [(PACK_STARTED, {"order": "#1002", "plan": {}, "config": {},
                                                           "packer": BADGE})])
    record_pack_events(local, S1, BADGE, [unit(line["MUG"], 1, number="#1002"),
                                          unit(line["PHONE"], 2, serial="SN-1", number="#1002")])
    push_all(local, central_factory, S1)
    assert [v for _, v, _ in lines(central_factory, "#1002")] == [1, 1]
    assert order(central_factory, "#1002")[0] == "packing"
    record_pack_events(local, S1, BADGE, [
        (PACK_CANCELLED, {"order": "#1002", "reason": "tote back"}),
        (ORDER_STATUS_CHANGED, {"order": "#1002", "from": "packing", "to": "picked", "reason": None}),
    ])
    assert push_all(local, central_factory, S1).not_applied == ()
    assert lines(central_factory, "#1002") == lines(local, "#1002") == [("MUG", 0, []), ("PHONE", 0, [])]
    assert order(central_factory, "#1002")[0] == "picked"
