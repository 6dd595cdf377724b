"""Claiming one order by its number (a scanned order barcode), on the embedded SQLite central
(a file) and on the real PostgreSQL: the rules, and two station processes racing for it."""

from __future__ import annotations

import multiprocessing as mp
import queue
import traceback
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.store.db import session_factory, transaction
from app.store.models import Event, Order
from app.sync.claims import (
    ORDER_CLAIMED,
    ClaimRefused,
    OrderAssignedElsewhere,
    OrderNotFound,
    OrderTaken,
    WrongStatus,
    claim_next,
    claim_order,
    heartbeat,
)

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LEASE = timedelta(seconds=90)
TIMEOUT = 60.0


@pytest.fixture
def factory(any_engine):
    factory = session_factory(any_engine)
    with transaction(factory) as session:
        session.add_all([
            Order(number="#1001", status="new"),
            Order(number="#1002", status="picked"),
            Order(number="#1003", status="new", assigned_to="S2"),
            Order(number="#1004", status="awaiting_stock"),
        ])
    return factory


def claimed(factory, number: str) -> tuple:
    with factory() as session:
        order = session.scalars(select(Order).where(Order.number == number)).one()
        return order.claimed_by, order.claim_id, order.lease_until


def claim_events(factory, number: str) -> list[Event]:
    with factory() as session:
        return list(session.scalars(
            select(Event).where(Event.kind == ORDER_CLAIMED, Event.order_number == number).order_by(Event.seq)
        ))


def test_a_free_order_is_claimed_with_its_event(factory) -> None:
    claim = claim_order(factory, "S1", "#1001", now=T0, lease=LEASE, actor="BDG0001")
    assert (claim.order_number, claim.lease_until) == ("#1001", T0 + LEASE)
    assert claimed(factory, "#1001") == ("S1", claim.claim_id, T0 + LEASE)
    [event] = claim_events(factory, "#1001")
    assert (event.station, event.actor, event.payload["claim_id"]) == ("S1", "BDG0001", claim.claim_id)
    assert heartbeat(factory, "S1", [claim.claim_id], now=T0).renewed == [claim.claim_id]


def test_each_refusal_says_why(factory) -> None:
    claim_order(factory, "S1", "#1001", now=T0, lease=LEASE)
    with pytest.raises(OrderTaken, match="taken by station S1") as taken:
        claim_order(factory, "S2", "#1001", now=T0 + timedelta(seconds=10), lease=LEASE)
    assert taken.value.station == "S1" and taken.value.order_number == "#1001"
    with pytest.raises(OrderNotFound, match="#9999"):
        claim_order(factory, "S1", "#9999", now=T0)
    with pytest.raises(WrongStatus, match="its status is picked, not new") as wrong:
        claim_order(factory, "S1", "#1002", now=T0)
    assert wrong.value.status == "picked"
    with pytest.raises(OrderAssignedElsewhere, match="assigned to S2"):
        claim_order(factory, "S1", "#1003", now=T0)
    with pytest.raises(WrongStatus):
        claim_order(factory, "S1", "#1004", now=T0)
    assert isinstance(OrderNotFound("#1"), LookupError) and issubclass(OrderTaken, ClaimRefused)
    # Nothing changed by a refusal.
    assert [claimed(factory, n)[0] for n in ("#1002", "#1003", "#1004")] == [None, None, None]
    assert len(claim_events(factory, "#1001")) == 1


def test_statuses_assignment_and_an_expired_lease(factory) -> None:
    assert claim_order(factory, "S2", "#1003", now=T0).order_number == "#1003"  # assigned to S2 itself
    assert claim_order(factory, "S1", "#1004", statuses=("new", "awaiting_stock"), now=T0).order_number == "#1004"
    first = claim_order(factory, "S1", "#1001", now=T0, lease=LEASE)
    later = T0 + LEASE + timedelta(seconds=1)  # S1 died: its lease ran out
    second = claim_order(factory, "S2", "#1001", now=later, lease=LEASE)
    assert second.claim_id != first.claim_id and claimed(factory, "#1001")[0] == "S2"
    assert claim_events(factory, "#1001")[-1].payload["expired_holder"] == "S1"


def test_an_order_the_station_holds_already_keeps_its_claim(factory) -> None:
    [reserved] = claim_next(factory, "S1", now=T0, lease=LEASE)  # its offline reserve
    assert reserved.order_number == "#1001"
    again = claim_order(factory, "S1", "#1001", now=T0 + timedelta(seconds=30), lease=LEASE)
    assert again.claim_id == reserved.claim_id and again.lease_until == T0 + timedelta(seconds=30) + LEASE
    assert len(claim_events(factory, "#1001")) == 1


def _racer(url: str, station: str, barrier, results) -> None:
    """A spawned station process: claims #RACE as soon as every racer is ready."""
    try:
        from app.store.db import make_engine, session_factory
        from app.sync.claims import ClaimRefused, claim_order

        engine = make_engine(url)
        factory = session_factory(engine)
        with factory() as session:  # connected and warmed up before the start
            session.execute(select(Order.id).limit(1)).all()
        barrier.wait(timeout=TIMEOUT)
        try:
            claim = claim_order(factory, station, "#RACE")
            results.put((station, "won", claim.claim_id))
        except ClaimRefused as exc:
            results.put((station, "refused", str(exc)))
        engine.dispose()
    except BaseException:
        results.put((station, "error", traceback.format_exc()))


@pytest.mark.parametrize("racers", [2, 4])
def test_stations_racing_for_one_order_exactly_one_wins(any_engine, racers: int) -> None:
    factory = session_factory(any_engine)
    with transaction(factory) as session:
        session.add(Order(number="#RACE", status="new"))
    url = any_engine.url.render_as_string(hide_password=False)
    any_engine.dispose()

    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(racers)
    results = ctx.Queue()
    procs = [ctx.Process(target=_racer, args=(url, f"S{n}", barrier, results), daemon=True) for n in range(racers)]
    for p in procs:
        p.start()
    try:
        reports = []
        for _ in procs:
            try:
                reports.append(results.get(timeout=TIMEOUT))
            except queue.Empty:
                pytest.fail(f"a station process gave no result within {TIMEOUT} s")
        for p in procs:
            p.join(timeout=TIMEOUT)
    finally:
        for p in procs:
            if p.is_alive():
                p.kill()
                p.join(timeout=10)

    errors = [f"{station}: {detail}" for station, outcome, detail in reports if outcome == "error"]
    assert not errors, "\n".join(errors)
    winners = [(station, detail) for station, outcome, detail in reports if outcome == "won"]
    assert len(winners) == 1, reports
    winner, claim_id = winners[0]
    for station, outcome, detail in reports:
        if outcome == "refused":
            assert f"taken by station {winner}" in detail  # the loser is told who took it
    with factory() as session:
        order = session.scalars(select(Order).where(Order.number == "#RACE")).one()
        assert (order.claimed_by, order.claim_id) == (winner, claim_id)
        count = session.scalar(select(func.count()).select_from(Event).where(Event.kind == ORDER_CLAIMED))
    assert count == 1
