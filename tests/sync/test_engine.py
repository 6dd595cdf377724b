"""The headless station engine: push, pull, claims and wake-ups together, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select, text, update

from app.domain.roles import Role
from app.store.db import make_engine, session_factory, sqlite_url, transaction
from app.store.models import Event, Order, OrderLine
from app.store.orders import change_status
from app.store.users import add_user
from app.sync.capture import install
from app.sync.claims import claim_next, reassign
from app.sync.engine import CycleReport, StationEngine
from app.sync.listen import ChangeListener


@pytest.fixture
def central(any_engine: Engine) -> Engine:
    install(any_engine)
    with transaction(session_factory(any_engine)) as session:
        for n in range(1, 6):
            session.add(Order(number=f"CMD-{n}", priority=10 - n, lines=[OrderLine(line_no=1, sku="SKU-A", quantity=1)]))
        add_user(session, name="Sam Sup", badge="BDG0007", roles=frozenset({Role.SUPERVISOR}), pin="4821")
    return any_engine


def _url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


@pytest.fixture
def stations(central: Engine, tmp_path: Path):
    made: list[StationEngine] = []

    def make(name: str, **kw) -> StationEngine:
        station = StationEngine(name, sqlite_url(tmp_path / f"{name}.db"), _url(central), **kw)
        made.append(station)
        return station

    yield make
    for station in made:
        station.close()


def _central_order(central: Engine, number: str) -> Order:
    with session_factory(central)() as session:
        return session.scalars(select(Order).where(Order.number == number)).one()


def _work_locally(station: StationEngine, number: str, target: str) -> None:
    with transaction(station.local_sessions) as session:
        order = session.scalars(select(Order).where(Order.number == number)).one()
        change_status(session, order, target, station=station.station)


def test_two_stations_claim_different_orders_and_see_each_others_work(stations, central: Engine) -> None:
    a, b = stations("PICK-A"), stations("PICK-B")
    a.cycle(), b.cycle()
    mine_a = a.claim(1)[0].order_number
    mine_b = b.claim(1)[0].order_number
    assert mine_a != mine_b
    _work_locally(a, mine_a, "picking")
    report = a.cycle()
    assert report.pushed == 1 and report.remaining == 0 and report.lost == ()
    assert _central_order(central, mine_a).status == "picking"
    b.cycle()
    with b.local_sessions() as session:
        assert session.scalars(select(Order.status).where(Order.number == mine_a)).one() == "picking"
        assert session.scalars(select(Order.claimed_by).where(Order.number == mine_a)).one() == "PICK-A"


def test_a_reassigned_order_is_reported_once_and_late_events_are_still_recorded(stations, central: Engine) -> None:
    a = stations("PICK-A")
    a.cycle()
    number = a.claim(1)[0].order_number
    _work_locally(a, number, "picking")
    a.cycle()
    holder = reassign(central, number, to_station="PICK-B", supervisor="BDG0007", pin="4821", reason="rush")
    assert holder == "PICK-A"
    _work_locally(a, number, "picked")  # the station did not know yet
    report = a.cycle()
    assert [(lost.order_number, lost.why) for lost in report.lost] == [(number, "reassigned to PICK-B")]
    assert a.held_claims() == []
    assert a.cycle().lost == ()  # told once
    with session_factory(central)() as session:
        late = session.scalars(
            select(Event).where(Event.kind == "order.status_changed", Event.order_number == number, Event.station == "PICK-A")
        ).all()
        refused = session.scalars(select(Event).where(Event.kind == "event.not_applied")).all()
    assert [e.payload["to"] for e in late] == ["picking", "picked"]  # recorded, never dropped
    assert [e.payload["order"] for e in refused] == [number]  # ...but not applied: the order is not its
    # Back in the queue of new orders for PICK-B (app.sync.requeue), PICK-A's late
    # picking -> picked refused: the order is not its any more.
    assert _central_order(central, number).status == "new"


def test_offline_the_station_works_on_its_reserve_and_everything_lands_once(stations, central: Engine, tmp_path) -> None:
    a = stations("PICK-A", reserve=2)
    first = a.cycle()
    assert len(first.claimed) == 2 and len(a.held_claims()) == 2
    reachable = a.central
    # The central database goes away: a port where nothing answers, a file without the schema.
    dead = make_engine(
        sqlite_url(tmp_path / "missing" / "nowhere.db") if central.dialect.name == "sqlite"
        else "postgresql://postgres@127.0.0.1:1/nowhere",
        **({} if central.dialect.name == "sqlite" else {"connect_args": {"connect_timeout": 1}}),
    )
    a.central, a.central_sessions = dead, session_factory(dead)
    for number, _claim in a.held_claims():
        _work_locally(a, number, "picking")
    with pytest.raises(Exception):
        a.cycle()
    held = [number for number, _ in a.held_claims()]
    assert len(held) == 2  # still its claims, still its work
    a.central, a.central_sessions = reachable, session_factory(reachable)
    back = a.cycle()
    assert back.pushed == 2 and back.remaining == 0
    again = a.cycle()
    assert again.pushed == 0
    with session_factory(central)() as session:
        statuses = dict(session.execute(select(Order.number, Order.status).where(Order.number.in_(held))).all())
        count = session.scalar(
            select(func.count()).select_from(Event).where(Event.kind == "order.status_changed", Event.station == "PICK-A")
        )
    assert statuses == {n: "picking" for n in held} and count == 2


def test_the_run_loop_pulls_a_central_change_and_stops(stations, central: Engine) -> None:
    a = stations("PICK-A")
    reports: list[CycleReport] = []
    stop = threading.Event()
    thread = threading.Thread(target=a.run, args=(stop,), kwargs={"interval": 0.2, "on_cycle": reports.append})
    thread.start()
    try:
        _wait(lambda: reports and reports[0].snapshot)
        with transaction(session_factory(central)) as session:
            session.execute(update(Order).where(Order.number == "CMD-3").values(priority=99))
        _wait(lambda: any(r.pulled for r in reports[1:]))
    finally:
        stop.set()
        thread.join(5)
    assert not thread.is_alive()
    with a.local_sessions() as session:
        assert session.scalars(select(Order.priority).where(Order.number == "CMD-3")).one() == 99


@pytest.mark.postgres
def test_a_notification_wakes_the_listener(pg_engine: Engine) -> None:
    install(pg_engine)
    woken = threading.Event()
    listener = ChangeListener(_url(pg_engine), woken.set, poll_seconds=0.2).start()
    try:
        assert listener.connected.wait(5)
        assert woken.wait(5)  # the first wake-up after connecting
        woken.clear()
        with pg_engine.begin() as connection:
            connection.execute(text("UPDATE orders SET priority = priority + 1"))  # no rows: no change
        assert not woken.wait(0.5)
        started = time.monotonic()
        with transaction(session_factory(pg_engine)) as session:
            session.add(Order(number="CMD-NEW"))
        assert woken.wait(5)
        assert time.monotonic() - started < 1.0 and listener.notifications == 1
    finally:
        listener.stop()


def _wait(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


def test_a_cancelled_claim_is_told_at_once_with_the_units_to_put_back(stations, central: Engine) -> None:
    a = stations("PICK-A")
    a.cycle()
    number = a.claim(1)[0].order_number
    with transaction(a.local_sessions) as session:  # one unit picked (pushed, or not: either way)
        session.execute(update(OrderLine).where(OrderLine.order_id == select(Order.id).where(Order.number == number)
                                                .scalar_subquery()).values(picked=1))
    with transaction(session_factory(central)) as session:
        session.execute(update(Order).where(Order.number == number).values(status="cancelled"))
    told: list[tuple] = []
    report = a.cycle(on_lost=told.append)  # the heartbeat, first in the cycle, finds it
    assert [(lost.order_number, lost.why, lost.put_back) for lost in report.lost] == [(number, "cancelled", (("SKU-A", 1),))]
    assert told == [report.lost]
    assert a.cycle().lost == ()
    with a.local_sessions() as session:
        put_back = session.scalars(select(Event).where(Event.kind == "order.put_back_required")).all()
    assert [e.payload["lines"] for e in put_back] == [[{"sku": "SKU-A", "quantity": 1}]]  # recorded once


@pytest.mark.postgres
def test_the_holder_gets_its_own_notification_when_its_claim_changes_hands(pg_engine: Engine) -> None:
    install(pg_engine)
    with transaction(session_factory(pg_engine)) as session:
        session.add_all([Order(number="CMD-1"), Order(number="CMD-2")])
        add_user(session, name="Sam Sup", badge="BDG0007", roles=frozenset({Role.SUPERVISOR}), pin="4821")
    payloads: list[str] = []
    got = threading.Event()
    listener = ChangeListener(_url(pg_engine), lambda: None, on_notify=lambda p: (payloads.append(p), got.set()),
                              poll_seconds=0.2).start()
    try:
        assert listener.connected.wait(5)
        claim = claim_next(pg_engine, "PICK-A")[0]
        _wait(lambda: "" in payloads)  # a claim is a change: everybody's wake-up
        payloads.clear()
        reassign(pg_engine, claim.order_number, to_station="PICK-B", supervisor="BDG0007", pin="4821", reason="rush")
        _wait(lambda: "lost:PICK-A" in payloads)
        assert sorted(payloads) == ["", "lost:PICK-A"]
    finally:
        listener.stop()


def test_a_reassignment_is_told_while_the_sync_loop_is_busy(stations, central: Engine) -> None:
    """PostgreSQL: told by the listener's thread at once. The embedded SQLite central has no
    notifications: told by the next cycle."""
    a = stations("PICK-A")
    a.cycle()
    number = a.claim(1)[0].order_number
    told: list[tuple] = []
    busy = threading.Event()
    release = threading.Event()
    stop = threading.Event()

    def slow_cycle(report) -> None:  # the loop stuck after its first cycle: a long push, say
        busy.set()
        release.wait(10)

    thread = threading.Thread(target=a.run, args=(stop,), kwargs={"interval": 60, "on_cycle": slow_cycle,
                                                                  "on_lost": told.append})
    thread.start()
    try:
        assert busy.wait(10)
        reassign(central, number, to_station="PICK-B", supervisor="BDG0007", pin="4821", reason="rush")
        if central.dialect.name == "sqlite":
            time.sleep(1.0)
            assert told == []  # nobody to tell it while the loop is stuck...
            release.set()
            a.wake()  # ...until its next cycle
        _wait(lambda: told, timeout=5)  # PostgreSQL: told by the listener's thread, the loop still stuck
        assert [(lost.order_number, lost.why) for lost in told[0]] == [(number, "reassigned to PICK-B")]
        assert central.dialect.name == "sqlite" or not release.is_set()
    finally:
        release.set()
        stop.set()
        thread.join(10)
    assert not thread.is_alive()


def test_giving_a_claim_back_is_not_reported_as_lost(stations, central: Engine) -> None:
    a = stations("PICK-A")
    a.cycle()
    first, second = (c.order_number for c in a.claim(2))
    told: list[tuple] = []
    cycles: list[CycleReport] = []
    stop = threading.Event()
    thread = threading.Thread(target=a.run, args=(stop,), kwargs={"interval": 0.2, "on_lost": told.append,
                                                                  "on_cycle": cycles.append})
    thread.start()
    try:
        _wait(lambda: cycles)
        assert a.release(first) is True
        reassign(central, second, to_station="PICK-B", supervisor="BDG0007", pin="4821", reason="rush")
        _wait(lambda: told)  # the reassignment is told...
        time.sleep(0.5)
    finally:
        stop.set()
        thread.join(10)
    assert [[(lost.order_number, lost.why) for lost in item] for item in told] == [[(second, "reassigned to PICK-B")]]
    assert a.held_claims() == []  # ...the release was not
