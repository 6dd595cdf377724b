"""Closing a pack on the station's SQLite replica (app.store.packing_close, app.gui.pack_jobs):
SSCCs from the pool in the close's own transaction, Parcel rows, never a number twice (a retry,
a process killed after the commit), an empty pool records nothing; and a whole pack driven by
the real PackSession and plan."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, selectinload

from app.domain.events import ORDER_STATUS_CHANGED
from app.domain.sscc import Block, SsccSettings, is_valid_sscc, parse_sscc
from app.gui import pack_jobs
from app.packing.events import PACK_CLOSED, PACK_STARTED, PACK_UNIT
from app.packing.model import PackConfig, Reading
from app.scanning.classify import classify
from app.store.db import make_engine, session_factory, sqlite_url, transaction
from app.store.migrate import upgrade
from app.store.models import BoxType, Event, Order, OrderLine, Parcel, Product, ProductGtin, SsccPoolBlock
from app.store.packing import PackError, begin_pack, record_pack_events
from app.store.packing_close import PARCEL_ID_BASE, close_pack, parcel_id
from app.store.sscc_pool import SsccPoolEmpty, add_block, remaining

REPO = Path(__file__).resolve().parents[2]
STATION, BADGE = "PACK-01", "BDG0002"
SETTINGS = SsccSettings(3, "3760123", block_size=20, low_water=5)
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def seed(factory) -> None:
    with transaction(factory) as session:
        session.add_all([
            Product(sku="MUG", name="Mug", weight_g=350, length_mm=120, width_mm=90, height_mm=90,
                    gtins=[ProductGtin(gtin="03760000000017")]),
            Product(sku="TEA", name="Tea", weight_g=100, length_mm=80, width_mm=60, height_mm=60,
                    gtins=[ProductGtin(gtin="03760000000024")]),
            BoxType(code="BOX-S", name="Small", inner_length_mm=250, inner_width_mm=200, inner_height_mm=150,
                    max_weight_g=5000, tare_g=100, eco=True),
        ])
        for number in ("#1001", "#1002"):
            session.add(Order(number=number, status="picked", totes=["TOT" + number[1:]], created_at=T0,
                              lines=[OrderLine(line_no=1, sku="MUG", name="Mug", quantity=2, picked=2),
                                     OrderLine(line_no=2, sku="TEA", name="Tea", quantity=1, picked=1)]))


@pytest.fixture
def station(tmp_path: Path) -> Engine:
    engine = make_engine(sqlite_url(tmp_path / "station.db"))
    upgrade(engine)
    seed(session_factory(engine))
    yield engine
    engine.dispose()


def fill_pool(engine: Engine, first: int, last: int) -> None:
    with Session(engine) as session:
        add_block(session, Block(first, last, SETTINGS.extension_digit, SETTINGS.company_prefix))


def line_ids(factory, number: str) -> dict[str, int]:
    with factory() as session:
        return dict(session.execute(select(OrderLine.sku, OrderLine.id).join(Order).where(Order.number == number)).all())


def a_packed_order(factory, number: str = "#1001") -> list[tuple[str, dict]]:
    """A pack of ``number`` recorded up to its close; the close's events (two parcels)."""
    ids = line_ids(factory, number)
    begin_pack(factory, STATION, BADGE, number, [
        (PACK_STARTED, {"order": number, "plan": {}, "config": {}, "packer": BADGE}),
        (ORDER_STATUS_CHANGED, {"order": number, "from": "picked", "to": "packing", "reason": None}),
    ])
    record_pack_events(factory, STATION, BADGE, [
        (PACK_UNIT, {"n": 1, "order": number, "line_id": ids["MUG"], "sku": "MUG", "quantity": 2, "parcel": 1,
                     "source": "keyed", "lot": None, "expiry": None, "serial": None}),
        (PACK_UNIT, {"n": 2, "order": number, "line_id": ids["TEA"], "sku": "TEA", "quantity": 1, "parcel": 2,
                     "source": "scan", "lot": None, "expiry": None, "serial": None}),
    ])
    return [
        (PACK_CLOSED, {"order": number, "carrier": "chronopost", "service": "chrono13", "packer": BADGE, "parcels": [
            {"seq": 1, "box": "BOX-S", "grams": 810, "items": {str(ids["MUG"]): 2}, "kind": "parcel", "sscc": None},
            {"seq": 2, "box": None, "grams": 120, "items": {str(ids["TEA"]): 1}, "kind": "parcel", "sscc": None},
        ]}),
        (ORDER_STATUS_CHANGED, {"order": number, "from": "packing", "to": "ready_to_ship", "reason": None}),
    ]


def parcels(factory, number: str) -> list[Parcel]:
    with factory() as session:
        return session.scalars(select(Parcel).join(Order).where(Order.number == number).order_by(Parcel.seq)
                               .options(selectinload(Parcel.box_type))).all()


def closes(factory) -> int:
    with factory() as session:
        return len(session.scalars(select(Event).where(Event.kind == PACK_CLOSED)).all())


def test_close_takes_one_sscc_per_parcel_from_the_pool_with_the_close(station: Engine) -> None:
    factory = session_factory(station)
    fill_pool(station, 41, 60)
    events = a_packed_order(factory)
    ssccs = close_pack(factory, STATION, BADGE, events, SETTINGS)
    assert [parse_sscc(s, SETTINGS.company_prefix) for s in ssccs] == [(3, 41), (3, 42)]
    assert all(is_valid_sscc(s) for s in ssccs)
    with Session(station) as session:
        assert remaining(session, SETTINGS) == 18
    ids = line_ids(factory, "#1001")
    rows = parcels(factory, "#1001")
    assert [(p.seq, p.sscc, p.box_type.code if p.box_type else None, p.weight_g, p.contents, p.kind, p.status)
            for p in rows] == [
        (1, ssccs[0], "BOX-S", 810, {str(ids["MUG"]): 2}, "parcel", "closed"),
        (2, ssccs[1], None, 120, {str(ids["TEA"]): 1}, "parcel", "closed"),
    ]
    assert [p.id for p in rows] == [PARCEL_ID_BASE + 300_000_041, PARCEL_ID_BASE + 300_000_042]
    with factory() as session:
        order = session.scalars(select(Order).where(Order.number == "#1001")).one()
        closed = session.scalars(select(Event).where(Event.kind == PACK_CLOSED)).one()
    assert (order.status, order.carrier, order.service, order.packed_by) == (
        "ready_to_ship", "chronopost", "chrono13", BADGE)
    assert order.packed_at == closed.occurred_at and rows[0].closed_at == closed.occurred_at
    # The event carries the SSCCs and ids: the central database writes the same parcels.
    assert [(p["sscc"], p["id"]) for p in closed.payload["parcels"]] == [(s, parcel_id(s, "3760123")) for s in ssccs]
    # The next order gets the next numbers: never one twice.
    assert close_pack(factory, STATION, BADGE, a_packed_order(factory, "#1002"), SETTINGS) == [
        s for s in (parcels(factory, "#1002")[0].sscc, parcels(factory, "#1002")[1].sscc)]
    assert [parse_sscc(p.sscc, "3760123")[1] for p in parcels(factory, "#1002")] == [43, 44]


def test_an_empty_pool_records_nothing_and_uses_no_number(station: Engine) -> None:
    factory = session_factory(station)
    events = a_packed_order(factory)
    with pytest.raises(SsccPoolEmpty, match="reconnect"):
        close_pack(factory, STATION, BADGE, events, SETTINGS)
    with pytest.raises(SsccPoolEmpty, match="no SSCC numbers on this station yet"):
        pack_jobs.close(factory, STATION, BADGE, events)  # no settings given, no block ever held
    fill_pool(station, 1, 1)  # one number for two parcels: still nothing, and the number stays
    with pytest.raises(SsccPoolEmpty):
        close_pack(factory, STATION, BADGE, events, SETTINGS)
    with Session(station) as session:
        assert remaining(session, SETTINGS) == 1
    assert closes(factory) == 0 and parcels(factory, "#1001") == []
    with factory() as session:
        assert session.scalar(select(Order.status).where(Order.number == "#1001")) == "packing"
    fill_pool(station, 2, 10)
    assert [parse_sscc(s, "3760123")[1] for s in close_pack(factory, STATION, BADGE, events, SETTINGS)] == [1, 2]


def test_a_retry_after_the_commit_takes_no_second_number(station: Engine) -> None:
    factory = session_factory(station)
    fill_pool(station, 1, 20)
    events = a_packed_order(factory)
    first = close_pack(factory, STATION, BADGE, events, SETTINGS)
    assert close_pack(factory, STATION, BADGE, events, SETTINGS) == first  # the worker's answer was lost
    assert closes(factory) == 1 and [p.sscc for p in parcels(factory, "#1001")] == first
    with Session(station) as session:
        assert remaining(session, SETTINGS) == 18
    with pytest.raises(PackError, match="one pack.closed"):
        close_pack(factory, STATION, BADGE, events[1:], SETTINGS)


CHILD = """
import os, sys
sys.path.insert(0, {repo!r})
from app.domain.sscc import SsccSettings
from app.store.db import make_engine, session_factory, sqlite_url
from app.store.packing_close import close_pack
from app.packing.events import PACK_CLOSED
import json
events = [tuple(e) for e in json.loads(sys.stdin.read())]
factory = session_factory(make_engine(sqlite_url({db!r})))
ssccs = close_pack(factory, "PACK-01", "BDG0002", events, SsccSettings(3, "3760123", 20, 5))
print(",".join(ssccs), flush=True)
os._exit(9)  # killed right after the commit: nobody hears the answer
"""


def test_a_station_killed_after_the_close_resumes_without_a_second_number(station: Engine, tmp_path: Path) -> None:
    import json

    factory = session_factory(station)
    fill_pool(station, 100, 119)
    events = a_packed_order(factory)
    db = str(station.url.database)
    child = subprocess.run([sys.executable, "-c", CHILD.format(repo=str(REPO), db=db)], input=json.dumps(events),
                           capture_output=True, text=True, timeout=120)
    assert child.returncode == 9, child.stderr
    taken = child.stdout.strip().split(",")
    station.dispose()  # what a restarted station reads: the file
    again = make_engine(sqlite_url(db))
    try:
        retried = close_pack(session_factory(again), STATION, BADGE, events, SETTINGS)
        with Session(again) as session:
            assert remaining(session, SETTINGS) == 18
    finally:
        again.dispose()
    assert retried == taken and [parse_sscc(s, "3760123")[1] for s in taken] == [100, 101]


def test_a_whole_pack_through_the_real_session_and_plan(station: Engine) -> None:
    factory = session_factory(station)
    fill_pool(station, 500, 519)
    config = PackConfig(quantity_threshold=5, tolerance_g=30, print_delay_s=3)
    assert pack_jobs.order_for_scan(factory, "TOT1001") == "#1001"
    assert pack_jobs.order_for_scan(factory, "TOT9999") is None
    pack, outcome = pack_jobs.begin(factory, STATION, BADGE, "#1001", None, config, date(2026, 11, 20))
    assert outcome.ok and pack.view().suggested_box == "BOX-S"
    with factory() as session:
        assert session.scalar(select(Order.status).where(Order.number == "#1001")) == "packing"
    for action in (lambda: pack.handle(classify("03760000000017")), lambda: pack.handle(classify("03760000000017")),
                   lambda: pack.handle(classify("03760000000024")), lambda: pack.choose_box("BOX-S", scanned=True),
                   lambda: pack.weigh(Reading(900, True))):
        out = action()
        assert out.ok, out
        pack_jobs.record(factory, STATION, BADGE, out.events)
    with factory() as session:
        verified = dict(session.execute(
            select(OrderLine.sku, OrderLine.verified).join(Order).where(Order.number == "#1001")).all())
    assert verified == {"MUG": 2, "TEA": 1}
    # A restart here replays the same session from the store.
    from app.packing.session import PackSession

    replayed = PackSession.replay([(e.kind, e.payload) for e in pack_jobs.unfinished_pack(factory, STATION)],
                                  date(2026, 11, 20))
    assert replayed.view() == pack.view()
    out = pack.close()
    assert out.ok, out
    closed = pack_jobs.close(factory, STATION, BADGE, out.events, SETTINGS)
    assert [(p["seq"], p["box"], p["grams"], p["kind"]) for p in closed] == [(1, "BOX-S", 900, "parcel")]
    assert parse_sscc(closed[0]["sscc"], "3760123") == (3, 500)
    assert pack_jobs.unfinished_pack(factory, STATION) == []
    with factory() as session:
        assert session.scalar(select(Order.status).where(Order.number == "#1001")) == "ready_to_ship"
    # Without settings, the pool's newest block says how to number.
    assert pack_jobs.sscc_settings(factory) == SsccSettings(3, "3760123")
    with factory() as session:
        assert session.scalar(select(SsccPoolBlock.next_serial)) == 501
