"""Fault injection on the push and the claims, against the real PostgreSQL, with station processes.

Each station is a child process (tests.support.StationChild) with its own SQLite outbox; it
retries every failure on its own with app.sync.backoff.Backoff. The faults are real: backends
terminated with pg_terminate_backend in the middle of a push transaction, and the database made
unreachable by a TCP proxy (tests.support.tcp_proxy) that resets every live connection and
refuses new ones, then comes back. Afterwards: no event lost, none twice, each station's events
in its order, pushed_seq at its last seq, outboxes empty, no order held by two stations.
Every wait has a deadline; every child is killed in ``finally``.
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url

from app.store.db import make_engine, session_factory, sqlite_url, transaction
from app.store.events import record
from app.store.migrate import upgrade
from app.store.models import Event, Order
from app.sync.claims import ORDER_CLAIMED
from tests.conftest import PG_ADMIN_URL
from tests.support import StationChild, assert_landed_exactly_once, central_count, wait_until
from tests.support.tcp_proxy import TcpProxy

pytestmark = pytest.mark.postgres


def station_url(url: str, station: str, proxy: TcpProxy | None = None) -> str:
    """The central URL as this station uses it: libpq's application_name passes through."""
    parsed = make_url(url).update_query_dict({"application_name": f"quai-station-{station}"})
    if proxy is not None:
        parsed = parsed.set(host=proxy.host, port=proxy.port)
    return parsed.render_as_string(hide_password=False)


def make_local(tmp_path: Path, station: str, n_events: int = 0) -> Path:
    path = tmp_path / f"station-{station}.db"
    engine = make_engine(sqlite_url(path))
    upgrade(engine)
    with transaction(session_factory(engine)) as session:
        for i in range(n_events):
            record(session, "scan.accepted", {"i": i, "station": station, "pad": "x" * 200}, station=station, actor="B-1")
    engine.dispose()
    return path


def admin() -> psycopg.Connection:
    return psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5)


def test_backend_terminated_mid_push_transaction_then_retries_land_exactly_once(
    pg_engine: Engine, pg_url: str, tmp_path: Path
) -> None:
    names = ("A", "B")
    database = make_url(pg_url).database
    children: list[StationChild] = []
    hits = Counter()
    try:
        for name in names:
            # A backlog (big batches, long transactions) and live scans on top.
            local = make_local(tmp_path, name, 3000)
            children.append(StationChild(tmp_path, station=name, mode="push", live=True, batch=400, per_tick=3,
                                         local=sqlite_url(local), central=station_url(pg_url, name)))
        wait_until("every station pushing", lambda: all(c.count("pushed") for c in children), children)

        # Terminate the stations' backends while they are inside a transaction, until each
        # station has both been hit that way twice and seen its push fail.
        with admin() as conn:
            deadline = time.monotonic() + 20
            while not all(hits[c.name] >= 2 and c.count("error") >= 1 for c in children):
                assert time.monotonic() < deadline, f"no mid-transaction hit: {hits}, {[c.lines[-3:] for c in children]}"
                assert all(c.alive() for c in children), [c.stderr_tail() for c in children]
                for (app_name,) in conn.execute(
                    "SELECT application_name FROM pg_stat_activity "
                    "WHERE datname = %s AND application_name LIKE 'quai-station-%%' AND pid <> pg_backend_pid() "
                    "AND xact_start IS NOT NULL AND state IN ('active', 'idle in transaction') "
                    "AND pg_terminate_backend(pid)",
                    (database,),
                ):
                    hits[app_name.removeprefix("quai-station-")] += 1
                time.sleep(0.002)  # pace of the polling, not a synchronisation

        errors = {c.name: c.count("error") for c in children}
        pushes = {c.name: c.count("pushed") for c in children}
        wait_until("every station pushing again on its own",
                   lambda: all(c.count("pushed") >= pushes[c.name] + 3 for c in children), children)
        for child in children:
            child.send("finish")
        wait_until("every station done", lambda: all(c.count("done") for c in children), children, allow_exit=True)
        for child in children:
            child.finished_cleanly()
            # The failures were the terminations (AdminShutdown, or the connection found closed).
            assert all(line.split()[1] == "OperationalError" for line in child.seen("error")), child.seen("error")
    finally:
        for child in children:
            child.cleanup()

    for name in names:
        assert hits[name] >= 2 and errors[name] >= 1
        assert assert_landed_exactly_once(pg_engine, tmp_path / f"station-{name}.db", name) > 3000


def test_central_unreachable_then_back_stations_catch_up_on_their_own(
    pg_engine: Engine, pg_url: str, tmp_path: Path
) -> None:
    names = ("A", "B", "C")
    proxy = TcpProxy((make_url(pg_url).host or "127.0.0.1", make_url(pg_url).port or 5432))
    children: list[StationChild] = []
    try:
        for n, name in enumerate(names):
            local = make_local(tmp_path, name)
            children.append(StationChild(tmp_path, station=name, mode="push", live=True, batch=200, per_tick=2,
                                         seed=n, local=sqlite_url(local), central=station_url(pg_url, name, proxy)))
        wait_until("every station pushing", lambda: all(central_count(pg_engine, n) >= 20 for n in names), children)

        errors = {c.name: c.count("error") for c in children}
        proxy.cut()
        try:
            wait_until("every station failing", lambda: all(c.count("error") > errors[c.name] for c in children),
                       children)
            frozen = {name: central_count(pg_engine, name) for name in names}
            recorded = {c.name: c.recorded() for c in children}
            # Offline for a while: each station keeps scanning and keeps retrying with backoff.
            wait_until("stations working offline",
                       lambda: all(c.recorded() >= recorded[c.name] + 40 and c.count("error") >= errors[c.name] + 3
                                   for c in children), children)
            assert {name: central_count(pg_engine, name) for name in names} == frozen  # nothing got through
            assert proxy.live_connections() == 0
        finally:
            proxy.restore()

        # Nobody does anything: each station's backlog lands by itself.
        backlog = {c.name: c.recorded() for c in children}
        wait_until("every backlog landed", lambda: all(central_count(pg_engine, c.name) >= backlog[c.name]
                                                       for c in children), children)
        for child in children:
            child.send("finish")
        wait_until("every station done", lambda: all(c.count("done") for c in children), children, allow_exit=True)
        for child in children:
            child.finished_cleanly()
            assert all(line.split()[1] == "OperationalError" for line in child.seen("error")), child.seen("error")
    finally:
        for child in children:
            child.cleanup()
        proxy.close()

    for name in names:
        assert assert_landed_exactly_once(pg_engine, tmp_path / f"station-{name}.db", name) >= backlog[name]


def seed_orders(central: Engine, n: int) -> list[str]:
    t0 = datetime.now(UTC) - timedelta(hours=1)
    numbers = [f"F-{i:04d}" for i in range(n)]
    with transaction(session_factory(central)) as session:
        session.add_all(
            Order(number=number, status="new", priority=i % 3, cutoff_at=t0 + timedelta(minutes=i % 5))
            for i, number in enumerate(numbers)
        )
    return numbers


def assert_no_order_held_twice(central: Engine, numbers: list[str], children: list[StationChild]) -> int:
    """Returns how many orders are held centrally by a station that never heard it got them."""
    with central.connect() as conn:
        holders = {r.number: (r.claimed_by, r.claim_id) for r in conn.execute(select(Order.number, Order.claimed_by, Order.claim_id))}
        claimed = conn.execute(select(Event.order_number, Event.station, Event.payload).where(Event.kind == ORDER_CLAIMED)).all()
    assert sorted(holders) == numbers
    assert all(by is not None for by, _ in holders.values()), "an order was left unclaimed"
    per_order = Counter(number for number, _, _ in claimed)
    assert set(per_order) == set(numbers) and max(per_order.values()) == 1, "an order was claimed twice"
    for number, station, payload in claimed:
        assert holders[number] == (station, payload["claim_id"]), number
    told: dict[str, tuple[str, str]] = {}
    for child in children:
        for line in child.seen("claimed"):
            _, number, claim_id = line.split()
            assert number not in told, f"{number} claimed by {told[number][0]} and {child.name}"
            told[number] = (child.name, claim_id)
            assert holders[number] == (child.name, claim_id), number
    return len(numbers) - len(told)


def test_stations_claiming_while_the_central_database_is_cut_and_restored(
    pg_engine: Engine, pg_url: str, tmp_path: Path
) -> None:
    names = ("A", "B", "C")
    numbers = seed_orders(pg_engine, 300)
    proxy = TcpProxy((make_url(pg_url).host or "127.0.0.1", make_url(pg_url).port or 5432))
    children: list[StationChild] = []
    try:
        for n, name in enumerate(names):
            children.append(StationChild(tmp_path, station=name, mode="claim", count=2, tick=0.01, seed=n,
                                         central=station_url(pg_url, name, proxy)))
        wait_until("claims under way", lambda: sum(c.count("claimed") for c in children) >= 30, children)
        proxy.cut()
        try:
            wait_until("every station failing to claim", lambda: all(c.count("error") >= 2 for c in children),
                       children)
        finally:
            proxy.restore()
        wait_until("every order claimed", lambda: all(c.count("done") for c in children), children, allow_exit=True)
        for child in children:
            child.finished_cleanly()
        errors = sum(c.count("error") for c in children)
    finally:
        for child in children:
            child.cleanup()
        proxy.close()

    unknown = assert_no_order_held_twice(pg_engine, numbers, children)
    # A claim whose commit's answer was lost in the cut is held by a station that does not know
    # it (its lease runs out); there can be at most one per failed attempt.
    assert unknown <= errors
