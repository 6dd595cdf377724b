"""PostgreSQL only: a console's action reaching a running station (its sync loop in a thread,
listening for notifications) — reassigned, held, cancelled — told with why, progress kept.

The station polls only every 60 s and renews its leases every 15 s here, so being told
within the wait below can only come from the central database's notification
(``lost:<station>``, app.sync.capture) and the engine's claim check on it.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from app.domain.roles import Role
from app.store.db import session_factory, sqlite_url, transaction
from app.store.models import Order, OrderLine, Station
from app.store.orders import change_status
from app.store.users import add_user
from app.supervision import Cancel, Hold, Reassign
from app.sync.capture import install
from app.sync.engine import StationEngine
from app.sync.supervision import apply_action

pytestmark = pytest.mark.postgres

SUP, CONSOLE = "BDG0007", "SUP-DESK"


@pytest.fixture
def central(pg_engine: Engine) -> Engine:
    install(pg_engine)
    with transaction(session_factory(pg_engine)) as session:
        for n in range(1, 4):
            session.add(Order(number=f"CMD-{n}", priority=10 - n,
                              lines=[OrderLine(line_no=1, sku="SKU-A", quantity=2)]))
        session.add_all([Station(name="PICK-A"), Station(name="PICK-B", current_user="BDG0020")])
        add_user(session, name="Sam Sup", badge=SUP, roles=frozenset({Role.SUPERVISOR}), pin="4821")
        add_user(session, name="Bea Picker", badge="BDG0020", roles=frozenset({Role.PICKER}), pin="1111")
    return pg_engine


@pytest.fixture
def running(central: Engine, tmp_path: Path):
    """PICK-A holding CMD-1..3, CMD-1 in picking with one unit picked, its loop running."""
    station = StationEngine("PICK-A", sqlite_url(tmp_path / "pick-a.db"),
                            central.url.render_as_string(hide_password=False))
    station.cycle()
    claims = station.claim(3)
    assert [c.order_number for c in claims] == ["CMD-1", "CMD-2", "CMD-3"]
    with transaction(station.local_sessions) as session:
        order = session.scalars(select(Order).where(Order.number == "CMD-1")).one()
        change_status(session, order, "picking", station="PICK-A")
        session.scalars(select(OrderLine).where(OrderLine.order_id == order.id)).one().picked = 1
    station.cycle()
    # The unit's progress as the central order has it once pushed (the pick's own events are
    # app.store.picking's business; here only that an action keeps the lines matters).
    with transaction(session_factory(central)) as session:
        session.scalars(select(OrderLine).join(Order).where(Order.number == "CMD-1")).one().picked = 1
    told: list[tuple[str, str, tuple]] = []
    stop = threading.Event()
    thread = threading.Thread(
        target=station.run, args=(stop,),
        kwargs={"interval": 60, "on_lost": lambda lost: told.extend((x.order_number, x.why, x.put_back) for x in lost)},
    )
    thread.start()
    try:
        yield station, told
    finally:
        stop.set()
        thread.join(10)
        station.close()
    assert not thread.is_alive()


def _wait(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "not told in time"
        time.sleep(0.02)


def _local(station: StationEngine, number: str) -> Order:
    with station.local_sessions() as session:
        return session.scalars(select(Order).where(Order.number == number)).one()


def _central(central: Engine, number: str) -> Order:
    with session_factory(central)() as session:
        return session.scalars(select(Order).where(Order.number == number)).one()


def test_a_reassignment_reaches_the_running_station_with_why_and_the_progress_stays(central, running,
                                                                                    tmp_path) -> None:
    station, told = running
    assert [n for n, _ in station.held_claims()] == ["CMD-1", "CMD-2", "CMD-3"]
    result = apply_action(session_factory(central), CONSOLE, SUP, Reassign(["CMD-1"], to="BDG0020", reason="rush"))
    assert result.done == ("CMD-1",) and result.to_station == "PICK-B"
    _wait(lambda: told)
    assert told == [("CMD-1", "reassigned to PICK-B", ())]
    _wait(lambda: _local(station, "CMD-1").assigned_to == "PICK-B")  # the pull brought the row too
    assert "CMD-1" not in dict(station.held_claims())  # the station stopped holding it
    assert [n for n, _ in station.held_claims()] == ["CMD-2", "CMD-3"]
    # Back in the queue of new orders for PICK-B (a picker claims new orders), the unit picked
    # kept on the line; the station's replica follows.
    assert _central(central, "CMD-1").status == "new"
    _wait(lambda: _local(station, "CMD-1").status == "new")
    with session_factory(central)() as session:
        assert session.scalars(select(OrderLine.picked).join(Order).where(Order.number == "CMD-1")).one() == 1
    # PICK-B's own claim (the picker's: new orders) gets it, and only PICK-B's.
    other = StationEngine("PICK-B", sqlite_url(tmp_path / "pick-b.db"), central.url.render_as_string(hide_password=False))
    try:
        other.cycle()
        assert [c.order_number for c in other.claim(6, ("new",))] == ["CMD-1"]
        with other.local_sessions() as session:
            line = session.scalars(select(OrderLine).join(Order).where(Order.number == "CMD-1")).one()
            assert (line.quantity, line.picked) == (2, 1)  # one unit left to pick
    finally:
        other.close()


def test_hold_and_cancel_reach_the_running_station(central, running) -> None:
    station, told = running
    apply_action(session_factory(central), CONSOLE, SUP, Hold(["CMD-2"], reason="address to check"))
    _wait(lambda: told)
    assert told == [("CMD-2", "released by a supervisor", ())]
    told.clear()
    apply_action(session_factory(central), CONSOLE, SUP, Cancel(["CMD-1"], reason="customer cancelled"))
    _wait(lambda: told)
    assert told == [("CMD-1", "cancelled", (("SKU-A", 1),))]  # the picked unit to put back
    _wait(lambda: _local(station, "CMD-1").status == "cancelled")
    assert [n for n, _ in station.held_claims()] == ["CMD-3"]
