"""Four station processes claiming at the same moment, on SQLite (a file) and PostgreSQL.

Each process is spawned fresh (its own engine, its own connections), waits at a
barrier so they all start together, then claims until nothing is left. Every wait
is bounded, so a deadlock fails the test instead of hanging CI.
"""

from __future__ import annotations

import multiprocessing as mp
import queue
import traceback
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.store.db import session_factory, transaction
from app.store.models import Event, Order
from app.sync.claims import ORDER_CLAIMED

STATIONS = 4
ORDERS = 120
TIMEOUT = 60.0


def _claim(factory, station: str, count: int):
    """claim_next, tried again (at most twice) when SQLite's lock wait timed out.

    SQLite's lock is not fair: on a slow machine one station can keep winning it
    while another waits out busy_timeout (5 s) and gets "database is locked",
    which a real station's sync worker retries too. It never yields a double claim.
    """
    from sqlalchemy.exc import OperationalError

    from app.sync.claims import claim_next

    for attempt in range(3):
        try:
            return claim_next(factory, station, count=count)
        except OperationalError as exc:
            if "database is locked" not in str(exc) or attempt == 2:
                raise
    raise AssertionError("unreachable")


def _station(url: str, station: str, count: int, barrier, results) -> None:
    """Runs in a spawned process: claim until claim_next comes back empty."""
    try:
        from app.store.db import make_engine, session_factory
        from app.sync.claims import claim_next

        engine = make_engine(url)
        factory = session_factory(engine)
        # Warm up (connection, compiled statements) before the barrier, so that all
        # stations really start claiming together: nothing has this status.
        claim_next(factory, station, statuses=("no-such-status",))
        barrier.wait(timeout=TIMEOUT)
        claimed: list[tuple[str, str]] = []
        for _ in range(ORDERS + 1):  # bounded: never more rounds than orders
            batch = _claim(factory, station, count)
            if not batch:
                break
            claimed.extend((c.order_number, c.claim_id) for c in batch)
        engine.dispose()
        results.put((station, claimed, None))
    except BaseException:
        results.put((station, [], traceback.format_exc()))


@pytest.mark.parametrize("count", [1, 3])
def test_stations_claiming_at_the_same_moment(any_engine, count: int) -> None:
    factory = session_factory(any_engine)
    t0 = datetime.now(UTC) - timedelta(hours=1)
    with transaction(factory) as session:
        session.add_all(
            Order(number=f"RACE-{i:03d}", status="new", priority=i % 3, cutoff_at=t0 + timedelta(minutes=i % 7))
            for i in range(ORDERS)
        )
    url = any_engine.url.render_as_string(hide_password=False)
    any_engine.dispose()  # the children open their own connections

    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(STATIONS)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_station, args=(url, f"P{n}", count, barrier, results), daemon=True)
        for n in range(STATIONS)
    ]
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
            assert p.exitcode == 0, f"{p.name} exit code {p.exitcode}"
    finally:
        for p in procs:
            if p.is_alive():
                p.kill()
                p.join(timeout=10)

    errors = [f"{station}:\n{error}" for station, _, error in reports if error]
    assert not errors, "\n".join(errors)

    by_order = Counter(number for _, claimed, _ in reports for number, _ in claimed)
    assert sorted(by_order) == [f"RACE-{i:03d}" for i in range(ORDERS)], "an order was never claimed"
    assert max(by_order.values()) == 1, f"claimed twice: {[n for n, c in by_order.items() if c > 1]}"

    holder = {number: (station, claim_id) for station, claimed, _ in reports for number, claim_id in claimed}
    with factory() as session:
        rows = session.execute(select(Order.number, Order.claimed_by, Order.claim_id)).all()
        assert {number: (by, cid) for number, by, cid in rows} == holder
        claimed_events = session.scalar(select(func.count()).select_from(Event).where(Event.kind == ORDER_CLAIMED))
        assert claimed_events == ORDERS
