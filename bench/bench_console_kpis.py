"""The console's KPIs (app.store.kpis) over 100,000 orders and about a million events, on PostgreSQL.

A scratch PostgreSQL database (127.0.0.1:5432, or QUAI_TEST_PG), migrated, filled with COPY:
the orders of tests/support/many_orders.py (seeded) and, for each order, the events its
life on the floor leaves in the central log (import, status changes, pick.started and a
pick.unit per line, some undone, short lines, pack.started/unit/weighed/closed, some
refused scans and overrides, parcel.shipped, 1 % returned: the returns issue's event),
spread over the 60 days the orders were created in. Then ``kpis(session, day)`` for a busy
day, several runs: each figure on its own and the whole, p50 and max. Run again with the events' (kind, occurred_at) index
dropped, to show what migration 0008 buys.

    .venv/bin/python bench/bench_console_kpis.py [--orders 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PG_ADMIN_URL = os.environ.get("QUAI_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
DAY = date(2026, 11, 23)  # the day before many_orders.START: the busiest shipping day
PICKERS = [f"BDG{n:04d}" for n in range(1, 13)]
PACKERS = [f"BDG{n:04d}" for n in range(20, 26)]
FORWARD = ("new", "picking", "picked", "packing", "ready_to_ship", "shipped")


def events_of(order: dict, lines: list[dict], rng: random.Random):
    """The events of one order's life so far: (occurred_at, station, actor, kind, number, payload)."""
    number, status = order["number"], order["status"]
    t = order["created_at"] + timedelta(minutes=rng.randrange(1, 30))
    yield t, "central", None, "order.imported", number, {"order": number, "status": "new", "lines": len(lines)}
    if status in ("new", "awaiting_stock", "on_hold", "exception", "cancelled"):
        if status in ("on_hold", "exception", "cancelled"):
            t += timedelta(hours=rng.uniform(0.5, 6))
            yield t, "central", "BDG0099", "order.status_changed", number, {"order": number, "from": "new", "to": status}
        return
    reached = FORWARD.index(status)
    picker, packer = rng.choice(PICKERS), rng.choice(PACKERS)
    t += timedelta(hours=rng.uniform(1, 14))
    yield t, "PICK-01", picker, "order.status_changed", number, {"order": number, "from": "new", "to": "picking"}
    yield t, "PICK-01", picker, "pick.started", number, {"orders": [number]}
    for n, line in enumerate(lines, start=1):
        t += timedelta(seconds=rng.uniform(20, 90))
        unit_id = str(uuid.uuid4())
        payload = {"n": n, "order": number, "line_id": line["id"], "sku": line["sku"], "quantity": line["quantity"]}
        yield t, "PICK-01", picker, "pick.unit", number, payload, unit_id
        if rng.random() < 0.02:
            yield t, "PICK-01", picker, "pick.undone", number, {"of": n, "kind": "pick.unit", "of_event": unit_id,
                                                                "undone": payload}
    if reached < 2:
        return
    t += timedelta(minutes=rng.uniform(1, 5))
    yield t, "PICK-01", picker, "order.status_changed", number, {"order": number, "from": "picking", "to": "picked"}
    if reached < 3:
        return
    t += timedelta(hours=rng.uniform(0.2, 4))
    yield t, "PACK-01", packer, "order.status_changed", number, {"order": number, "from": "picked", "to": "packing"}
    yield t, "PACK-01", packer, "pack.started", number, {"order": number, "packer": packer}
    for n, line in enumerate(lines, start=1):
        t += timedelta(seconds=rng.uniform(5, 30))
        if rng.random() < 0.01:
            yield t, "PACK-01", packer, "pack.mismatch", number, {"order": number, "code": "wrong_product", "sku": "X"}
        yield t, "PACK-01", packer, "pack.unit", number, {"n": n, "order": number, "line_id": line["id"],
                                                          "quantity": line["quantity"]}
    if reached < 4:
        return
    within = rng.random() > 0.03
    yield t, "PACK-01", packer, "pack.weighed", number, {"order": number, "parcel": 1, "grams": 800,
                                                         "expected_g": 780, "within": within}
    if rng.random() < 0.005:
        yield t, "PACK-01", packer, "pack.override", number, {"order": number, "what": "verification",
                                                              "missing": {}}
    t += timedelta(minutes=rng.uniform(1, 3))
    yield t, "PACK-01", packer, "pack.closed", number, {"order": number, "parcels": []}
    yield t, "PACK-01", packer, "order.status_changed", number, {"order": number, "from": "packing",
                                                                 "to": "ready_to_ship"}
    if reached < 5:
        return
    t += timedelta(hours=rng.uniform(0.5, 8))
    yield t, "DOCK-01", "BDG0030", "parcel.shipped", number, {"order": number, "sscc": "0" * 18}
    yield t, "DOCK-01", "BDG0030", "order.status_changed", number, {"order": number, "from": "ready_to_ship",
                                                                    "to": "shipped"}
    if rng.random() < 0.01:  # the returns issue's event: 1 % come back within two weeks
        yield t + timedelta(days=rng.uniform(2, 14)), "RET-01", "BDG0031", "order.returned", number, {"order": number}


def fill(url: str, orders: int) -> tuple[int, int]:
    from sqlalchemy import text

    from app.store.db import make_engine
    from app.store.migrate import upgrade
    from tests.support.many_orders import add_orders, order_rows

    engine = make_engine(url)
    upgrade(engine)
    generated = add_orders(engine, orders, seed=1)
    rng = random.Random(8)
    count = 0
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        with cursor.copy("COPY users (name, badge, roles, active, created_at) FROM STDIN") as copy:
            for badge in (*PICKERS, *PACKERS):
                copy.write_row([f"Personne {badge[-2:]}", badge, "picker,packer", True, "2026-01-01T00:00:00Z"])
        columns = "id, occurred_at, station, actor, kind, order_number, payload, pushed_at"
        with cursor.copy(f"COPY events ({columns}) FROM STDIN") as copy:
            for order, lines in order_rows(orders, 1, generated.first_id):
                for item in events_of(order, lines, rng):
                    when, station, actor, kind, number, payload = item[:6]
                    event_id = item[6] if len(item) > 6 else str(uuid.uuid4())
                    copy.write_row([event_id, when, station, actor, kind, number, json.dumps(payload), when])
                    count += 1
        raw.commit()
        # A short line on 2 % of the orders (the fulfilment rate's case).
        cursor.execute("UPDATE order_lines SET short_quantity = 1 WHERE id % 50 = 7")
        raw.commit()
    finally:
        raw.close()
    with engine.begin() as connection:
        connection.execute(text("ANALYZE"))
    engine.dispose()
    return generated.lines, count


def timed(function, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        function()
        times.append((time.perf_counter() - began) * 1000)
    return times


def measure(url: str, runs: int, label: str) -> None:
    from app.store import kpis as k
    from app.store.db import make_engine, session_factory

    engine = make_engine(url)
    sessions = session_factory(engine)
    start, end = k.day_bounds(DAY)
    parts = {
        "picks per hour per picker": lambda s: k.picks_by_hour(s, start, end),
        "shipped vs due": lambda s: k.shipping(s, start, end),
        "packing errors": lambda s: k.packing_errors(s, start, end),
        "fulfilment": lambda s: k.fulfilment(s, start, end),
        "returns (30 days)": lambda s: k.returns(s, start, end),
        "cycle time": lambda s: k.cycle_time(s, start, end),
        "ALL: kpis(session, day)": lambda s: k.kpis(s, DAY),
    }
    print(f"\n{label}")
    # The console: kpis() every minute on the central worker's pooled connection (one
    # session per refresh, the same connection). psycopg prepares a statement run 5 times
    # and the server may then keep a generic plan, made without the day's bounds: the
    # later runs show it, with kpis() asking for custom plans (as shipped) and without.
    for force in (True, False):
        k.FORCE_CUSTOM_PLANS = force
        fresh = make_engine(url)
        fresh_sessions = session_factory(fresh)
        runs_ms = []
        for _ in range(max(runs, 20)):
            with fresh_sessions() as session:
                runs_ms.extend(timed(lambda session=session: k.kpis(session, DAY), 1))
        fresh.dispose()
        late = runs_ms[10:]
        print(f"  refreshes on one connection, {'custom plans (as shipped)' if force else 'server plan cache '}: "
              f"p50 {statistics.median(runs_ms):.0f} ms, from the 11th run p50 {statistics.median(late):.0f} ms; "
              "runs " + " ".join(f"{ms:.0f}" for ms in runs_ms))
    k.FORCE_CUSTOM_PLANS = True
    with sessions() as session:
        result = k.kpis(session, DAY)
        for name, part in parts.items():
            times = timed(lambda part=part: part(session), runs)
            print(f"  {name:28s} p50 {statistics.median(times):8.1f} ms   max {max(times):8.1f} ms   (n={runs})")
    engine.dispose()
    p = result.pickers()
    print(f"  day {DAY}: {sum(r.units for r in p)} units by {len(p)} pickers; due {result.shipping.due}, "
          f"due shipped {result.shipping.due_shipped}, shipped {result.shipping.shipped}; packing errors "
          f"{result.packing.errors}/{result.packing.packed}; fulfilment {result.fulfilment.complete}/"
          f"{result.fulfilment.shipped}; cycle mean {result.cycle.mean_h:.1f} h median {result.cycle.median_h:.1f} h")


def main() -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    name = f"quai_bench_kpis_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    try:
        began = time.perf_counter()
        lines, events = fill(url, args.orders)
        print(f"{args.orders} orders, {lines} lines, {events} events written with COPY in "
              f"{time.perf_counter() - began:.1f} s")
        measure(url, args.runs, "With the index on events (kind, occurred_at) (migration 0008):")
        with psycopg.connect(url, autocommit=True) as connection:
            found = connection.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'ix_events_kind_time'").fetchone()
            connection.execute("DROP INDEX IF EXISTS ix_events_kind_time")
        if found:
            measure(url, args.runs, "Without it (kind alone, as before 0008):")
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


if __name__ == "__main__":
    main()
