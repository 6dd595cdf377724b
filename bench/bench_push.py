"""Benchmark: push throughput (station outbox -> central PostgreSQL) against a raw COPY.

In one run, on a fresh scratch database (created and dropped here), with the same N rows:

- push: a station's SQLite outbox of N events (recorded before the clock starts) is pushed
  with push_all, timed from the call to its return. Included: reading the outbox, every
  central transaction (lock the station's row, incarnation check, binary COPY into the
  stage table, INSERT ... ON CONFLICT (id) DO NOTHING into ``events`` with all its
  indexes, pushed_seq update, commit with its WAL flush), marking the events pushed in the
  SQLite outbox (a commit each, synchronous=FULL), the outbox count at the end. The batches
  are push_all's own (adaptive by default, ``--batch`` fixes them).
- COPY: the same rows, already built in memory (not timed), written by psycopg's
  ``COPY ... FROM STDIN`` into ``copy_events``, a table ``LIKE events INCLUDING ALL`` (its
  primary key, unique id index and other indexes), one transaction, timed from the COPY
  to its commit. Nothing else: no outbox read, no dedup, no ordering, no local mark.

The two alternate, ``--rounds`` times (3 by default), each round with a station of its own
and N new events, so ``events`` and ``copy_events`` grow alike; the rates of every round
and the medians, with their ratio, are printed (a single sub-second run is at the mercy of
whatever else the machine is doing). Goal: push at least 50% of COPY's rate.

    .venv/bin/python bench/bench_push.py [--events 20000] [--batch N] [--rounds 3] [--pg postgresql://postgres@127.0.0.1:5432/postgres]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import psycopg
from sqlalchemy import select
from sqlalchemy.engine import make_url

from app.store.db import make_engine, session_factory, sqlite_url, transaction
from app.store.events import record
from app.store.migrate import upgrade
from app.store.models import Event
from app.sync.push import push_all

COLUMNS = ("id", "occurred_at", "station", "actor", "kind", "order_number", "payload", "pushed_at", "origin_seq")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=None, help="fixed batch size (default: push_all's adaptive batches)")
    parser.add_argument("--rounds", type=int, default=3, help="push then COPY, this many times; medians reported")
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()

    name = f"quai_bench_push_{uuid.uuid4().hex[:8]}"
    admin_url = make_url(args.pg).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    try:
        run(url, args.events, args.batch, args.rounds)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def run(url: str, n: int, batch: int | None, rounds: int) -> None:
    central_engine = make_engine(url)
    upgrade(central_engine)
    central = session_factory(central_engine)
    copy_url = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(copy_url) as conn:
        conn.execute("CREATE TABLE copy_events (LIKE events INCLUDING ALL)")
        conn.commit()
    push_rates, copy_rates = [], []
    print(f"events: {n} per round, {rounds} rounds, push batch: {batch or 'adaptive'}")
    for r in range(1, rounds + 1):
        station = f"BENCH-{r}"
        with tempfile.TemporaryDirectory() as tmp:
            local_engine = make_engine(sqlite_url(Path(tmp) / "station.db"))
            upgrade(local_engine)
            local = session_factory(local_engine)
            with transaction(local) as session:  # the station's outbox, not timed
                for i in range(n):
                    record(session, "scan.accepted",
                           {"sku": f"SKU-{i % 300:04d}", "qty": 1, "location": f"A-{i % 97:04d}"},
                           station=station, actor="B-0001", order_number=f"Q-{i // 20:06d}")
            with local() as session:  # the same rows for the COPY, built in memory, not timed
                rows = [(e.id, e.occurred_at, e.station, e.actor, e.kind, e.order_number, json.dumps(e.payload),
                         e.occurred_at, e.seq) for e in session.scalars(select(Event).order_by(Event.seq))]

            started = time.perf_counter()
            result = push_all(local, central, station, batch=batch)
            push_s = time.perf_counter() - started
            assert (result.sent, result.duplicates, result.remaining) == (n, 0, 0), result
            local_engine.dispose()

        with psycopg.connect(copy_url) as conn:
            started = time.perf_counter()
            with conn.cursor() as cursor:
                with cursor.copy(f"COPY copy_events ({', '.join(COLUMNS)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            conn.commit()
            copy_s = time.perf_counter() - started
            copied = conn.execute("SELECT count(*) FROM copy_events").fetchone()[0]
            assert copied == n * r, copied

        push_rates.append(n / push_s)
        copy_rates.append(n / copy_s)
        print(f"  round {r}: push {push_s:.2f} s, {n / push_s:,.0f} events/s; "
              f"COPY {copy_s:.2f} s, {n / copy_s:,.0f} events/s; push / COPY {100 * copy_s / push_s:.0f}%")
    central_engine.dispose()

    push_rate, copy_rate = statistics.median(push_rates), statistics.median(copy_rates)
    print(f"push_all (outbox read + apply_batch + mark pushed), median: {push_rate:,.0f} events/s")
    print(f"raw COPY of the same rows, median:                          {copy_rate:,.0f} events/s")
    print(f"push / COPY: {100 * push_rate / copy_rate:.0f}% (goal >= 50%)")


if __name__ == "__main__":
    main()
