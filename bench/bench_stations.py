"""Simulation: N headless stations (app.sync.engine.StationEngine, no widgets) against the central PostgreSQL.

For each N (default 10 and 50), on a scratch database created and dropped here:

1. N station processes (multiprocessing, "spawn") each run ``engine.run(stop, interval=1.0,
   listen=True)`` in a thread, with its own SQLite replica and a reserve of claimed orders,
   while the process's main thread records scan events in its outbox (one local commit per
   scan, as a station does) and calls ``engine.wake()`` every 100 ms.
2. Throughput, "as fast as the stations can record": for ``--seconds`` every station records
   scans flat out (``--rate 0``; or at ``--rate`` scans/s each: an offered load, to step by
   hand). On this machine the stations' own recording (SQLite commits with synchronous=FULL,
   Python, 2 cores shared by N processes and PostgreSQL) is what bounds it, so the figure is
   the load the whole site produces at most; it is *sustained* if the outboxes keep up: the
   drain (time from the end of the window to the last event's arrival centrally) stays within
   a few seconds. Reported: events recorded, events that landed centrally within the window
   (by their central arrival time) per second, the drain, and the zero-loss check: per
   station, central count == recorded count, no duplicate ids, origin seqs 1..n in order,
   ``stations.pushed_seq`` == the last local seq.
3. Reassignment latency: a supervisor (this process) repeatedly reassigns an order that some
   station holds (app.sync.claims.reassign, supervisor badge + PIN) to another station and
   notes ``time.time()`` after its commit; the holder's process notes ``time.time()`` when its
   engine tells it the claim on that order is lost (``on_lost``, same clock). Measured twice: during the flat-out
   window ("full load") and then at a light, realistic load (``--light-rate`` scans/s per
   station). Goal: p95 <= 500 ms.

Connections: each station holds one for its LISTEN, and its engine a small pool (one kept,
one more while the listener's thread checks the claims), as a real station does. When the
server's max_connections cannot hold that for N stations (PostgreSQL's default is 100: not
enough for 50), the engines use a NullPool instead (a connection per transaction, each one
paying a PostgreSQL backend start): the output says which. Cycles that fail anyway ("too
many clients") are retried by the engine and counted in the output.

    .venv/bin/python bench/bench_stations.py [--stations 10 50] [--seconds 20] [--rate 0]
        [--light-rate 2] [--samples 60] [--pg postgresql://postgres@127.0.0.1:5432/postgres]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import queue
import random
import statistics
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

ORDERS = 4000
RESERVE = 3
SCAN = "scan.recorded"
SUPERVISOR_BADGE = "BDG9001"
SUPERVISOR_PIN = "4321"
TOLD_TIMEOUT = 5.0  # a reassignment not reported within this is counted as missing


# --- the station process ----------------------------------------------------------------------


def station_main(name: str, local_path: str, central_url: str, phases: dict, out: mp.Queue, pooled: bool = False) -> None:
    """One headless station. ``phases``: mp.Events heavy, light, stop; ``out``: reports."""
    import logging

    from sqlalchemy.pool import NullPool

    from app.store.db import make_engine, session_factory, sqlite_url, transaction
    from app.store.events import record
    from app.store.models import Event, Order
    from app.sync.engine import StationEngine

    logging.basicConfig(level=logging.WARNING)
    try:
        pool = {"pool_size": 1, "max_overflow": 1} if pooled else {"poolclass": NullPool}
        central = make_engine(central_url, connect_args={"connect_timeout": 3}, **pool)
        engine = StationEngine(name, sqlite_url(Path(local_path)), central_url, reserve=RESERVE, central_engine=central)
        local = session_factory(make_engine(sqlite_url(Path(local_path))))
        stop = threading.Event()
        errors = {"n": 0}

        def on_lost(lost_claims) -> None:  # called by the engine as soon as it knows
            now = time.time()
            for lost in lost_claims:
                out.put(("lost", name, lost.order_number, lost.why, now))

        def on_error(exc: Exception) -> None:
            errors["n"] += 1

        first = engine.cycle()  # the first snapshot, before the clock starts
        out.put(("ready", name, len(first.claimed)))
        worker = threading.Thread(
            target=engine.run, kwargs=dict(stop=stop, interval=1.0, listen=True, on_lost=on_lost, on_error=on_error),
            daemon=True,
        )
        worker.start()

        held: list[str] = []
        held_at = 0.0
        n = 0

        def record_for(seconds: float, rate: float) -> int:
            nonlocal held, held_at, n
            started = time.monotonic()
            end = started + seconds
            last_wake = started
            count = 0
            while True:
                now = time.monotonic()
                if now >= end:
                    break
                if rate > 0:
                    due = started + count / rate
                    if due > now:
                        time.sleep(min(due - now, end - now))
                        continue
                if now - held_at > 1.0:
                    with local() as session:
                        held = list(session.scalars(select(Order.number).where(Order.claimed_by == name)))
                    held_at = now
                order = held[n % len(held)] if held else None
                with transaction(local) as session:
                    record(session, SCAN, {"order": order, "n": n, "sku": f"SKU-{n % 300:04d}"}, station=name,
                           order_number=order)
                n += 1
                count += 1
                if now - last_wake >= 0.1:
                    engine.wake()
                    last_wake = now
            engine.wake()
            return count

        phases["heavy"].wait()
        heavy = record_for(phases["seconds"], phases["rate"])
        out.put(("heavy-done", name, heavy))
        phases["light"].wait()
        light_seconds = 0.0
        while not phases["stop"].is_set():
            record_for(0.5, phases["light_rate"])
            light_seconds += 0.5
        # Recording has stopped: let the engine push what is left before stopping it (a
        # station closed at the end of a shift does the same), at most 30 s.
        from app.store.events import outbox_length

        drain_until = time.monotonic() + 30
        while time.monotonic() < drain_until:
            engine.wake()
            with local() as session:
                if outbox_length(session) == 0:
                    break
            time.sleep(0.05)
        with local() as session:
            count, last = session.execute(select(func.count(), func.max(Event.seq)).select_from(Event)).one()
        stop.set()
        worker.join(30)
        engine.close()
        out.put(("done", name, count, last or 0, errors["n"]))
    except BaseException as exc:  # reported, then the parent sees the exit code
        import traceback

        out.put(("crashed", name, f"{exc!r}\n{traceback.format_exc()[-1500:]}"))
        raise


# --- the bench ----------------------------------------------------------------------------------


@dataclass
class Latencies:
    samples: list[float] = field(default_factory=list)
    missing: int = 0
    issued: int = 0

    def line(self, label: str) -> str:
        if not self.samples:
            return f"{label:<28} no samples ({self.issued} issued, {self.missing} not told within {TOLD_TIMEOUT:.0f} s)"
        ordered = sorted(self.samples)
        p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)]
        goal = "met" if p95 <= 0.5 and not self.missing else "NOT met"
        return (
            f"{label:<28} n={len(ordered):>3}  p50={1000 * statistics.median(ordered):6.0f} ms  "
            f"p95={1000 * p95:6.0f} ms  max={1000 * ordered[-1]:6.0f} ms  missing={self.missing}  "
            f"goal p95<=500 ms: {goal}"
        )


class Supervisor:
    """Reassigns held orders from this process and matches the stations' lost reports."""

    def __init__(self, url: str, names: list[str]) -> None:
        from app.store.db import make_engine, session_factory

        self.engine = make_engine(url)
        self.sessions = session_factory(self.engine)
        self.names = names
        self.pending: dict[str, tuple[str, float]] = {}  # order -> (holder, commit time)
        self.lock = threading.Lock()
        self.current = Latencies()
        self.rng = random.Random(7)

    def reassign_one(self) -> None:
        from app.store.models import Order
        from app.sync.claims import reassign

        now = time.time()
        with self.lock:
            busy = set(self.pending)
        with self.sessions() as session:
            candidates = session.execute(
                select(Order.number, Order.claimed_by)
                .where(Order.claimed_by.is_not(None), Order.status == "new")
                .order_by(func.random())
                .limit(10)
            ).all()
        candidates = [(n, h) for n, h in candidates if n not in busy]
        if not candidates:
            return
        number, holder = candidates[0]
        to = self.rng.choice([s for s in self.names if s != holder])
        lost = reassign(self.sessions, number, to_station=to, supervisor=SUPERVISOR_BADGE, pin=SUPERVISOR_PIN,
                        reason="bench")
        committed = time.time()
        if lost is None:
            return  # released in between: nothing to tell anyone
        with self.lock:
            self.pending[number] = (lost, committed)
            self.current.issued += 1
        del now

    def told(self, station: str, order: str, why: str, when: float) -> None:
        with self.lock:
            item = self.pending.get(order)
            if item and item[0] == station and why.startswith("reassigned"):
                del self.pending[order]
                self.current.samples.append(when - item[1])

    def expire(self, force: bool = False) -> None:
        now = time.time()
        with self.lock:
            for order, (_holder, at) in list(self.pending.items()):
                if force or now - at > TOLD_TIMEOUT:
                    del self.pending[order]
                    self.current.missing += 1

    def next_phase(self) -> Latencies:
        with self.lock:
            done, self.current = self.current, Latencies()
        return done


def scratch_database(admin_url: str) -> tuple[str, str]:
    name = f"quai_bench_stations_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    return name, make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop_database(admin_url: str, name: str) -> None:
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def seed(url: str) -> None:
    from app.domain.roles import Role
    from app.store.db import make_engine, session_factory, transaction
    from app.store.models import Order, OrderLine
    from app.store.users import add_user
    from app.sync.capture import prepare_central

    engine = make_engine(url)
    prepare_central(engine)
    with transaction(session_factory(engine)) as session:
        session.add_all(
            Order(number=f"ORD-{n:05d}", priority=n % 5, lines=[OrderLine(line_no=1, sku=f"SKU-{n % 300:04d}", quantity=1)])
            for n in range(ORDERS)
        )
        add_user(session, name="Bench Supervisor", badge=SUPERVISOR_BADGE, roles=frozenset({Role.SUPERVISOR}),
                 pin=SUPERVISOR_PIN)
    engine.dispose()


def run(url: str, n: int, args: argparse.Namespace) -> dict:
    from app.store.db import make_engine
    from app.store.models import Event, Station

    ctx = mp.get_context("spawn")
    names = [f"BENCH-{i:02d}" for i in range(n)]
    out: mp.Queue = ctx.Queue()
    manager_events = {"heavy": ctx.Event(), "light": ctx.Event(), "stop": ctx.Event()}
    phases = {**manager_events, "seconds": args.seconds, "rate": args.rate, "light_rate": args.light_rate}
    procs: dict[str, mp.Process] = {}
    result: dict = {"n": n, "died": []}
    supervisor = Supervisor(url, names)
    messages: list[tuple] = []
    with psycopg.connect(make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)) as probe:
        max_connections = int(probe.execute("SHOW max_connections").fetchone()[0])
    pooled = 3 * n + 10 <= max_connections
    result["pool"] = "pooled (1 + 1 per station)" if pooled else f"NullPool (max_connections {max_connections} < 3 x {n} + 10)"

    def drain_queue(timeout: float = 0.05) -> None:
        try:
            item = out.get(timeout=timeout)
        except queue.Empty:
            return
        while True:
            if item[0] == "lost":
                supervisor.told(item[1], item[2], item[3], item[4])
            else:
                messages.append(item)
            try:
                item = out.get_nowait()
            except queue.Empty:
                return

    def count(kind: str) -> list[tuple]:
        return [m for m in messages if m[0] == kind]

    def check_alive() -> None:
        for name, proc in procs.items():
            if proc.exitcode is not None and name not in result["died"] and not any(m[1] == name for m in count("done")):
                result["died"].append(name)
                crash = [m[2] for m in count("crashed") if m[1] == name]
                print(f"  !! station {name} died (exit {proc.exitcode}) {crash[0] if crash else ''}")

    def wait(what: str, condition, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not condition():
            drain_queue()
            check_alive()
            if time.monotonic() > deadline or len(result["died"]) == n:
                print(f"  !! timed out waiting for {what}")
                return False
        return True

    with tempfile.TemporaryDirectory() as tmp:
        try:
            started = time.monotonic()
            for name in names:
                station_url = make_url(url).update_query_dict({"application_name": f"quai-{name}"}).render_as_string(
                    hide_password=False
                )
                proc = ctx.Process(target=station_main, args=(name, str(Path(tmp) / f"{name}.db"), station_url, phases, out, pooled),
                                   daemon=True)
                proc.start()
                procs[name] = proc
            if not wait("every station ready", lambda: len(count("ready")) + len(result["died"]) >= n, 60 + 3 * n):
                return result
            result["startup_s"] = time.monotonic() - started
            time.sleep(1.0)  # let the first wake-ups settle before the clock starts (not a synchronisation)

            # Phase 1: flat out (or --rate), with reassignments.
            t0 = time.time()
            manager_events["heavy"].set()
            next_reassign = time.monotonic() + 0.5
            while len(count("heavy-done")) + len(result["died"]) < n and time.time() < t0 + args.seconds + 60:
                if time.monotonic() >= next_reassign:
                    supervisor.reassign_one()
                    next_reassign = time.monotonic() + args.reassign_every
                supervisor.expire()
                drain_queue(0.01)
                check_alive()
            t1 = t0 + args.seconds
            recorded_heavy = sum(m[2] for m in count("heavy-done"))
            wait("the full-load reassignments to be told", lambda: not supervisor.pending or supervisor.expire() or False,
                 TOLD_TIMEOUT + 1)
            supervisor.expire(force=True)
            result["heavy_latency"] = supervisor.next_phase()

            # Everything recorded in the window must land: wait for the central counts.
            central = make_engine(url)
            heavy_counts = {m[1]: m[2] for m in count("heavy-done")}

            def landed() -> int:
                with central.connect() as connection:
                    return connection.execute(
                        select(func.count()).select_from(Event).where(Event.origin_seq.is_not(None))
                    ).scalar_one()

            wait("the window's events to land", lambda: landed() >= recorded_heavy, 120)
            with central.connect() as connection:
                in_window = connection.execute(
                    select(func.count()).select_from(Event)
                    .where(Event.origin_seq.is_not(None), Event.pushed_at <= func.to_timestamp(t1))
                ).scalar_one()
                last_arrival = connection.execute(
                    select(func.extract("epoch", func.max(Event.pushed_at))).where(Event.origin_seq.is_not(None))
                ).scalar_one()
            result.update(
                recorded_heavy=recorded_heavy, heavy_counts=heavy_counts, landed_in_window=in_window,
                drain_s=float(last_arrival) - t1 if last_arrival else float("nan"),
            )

            # Phase 2: light load, reassignments until enough samples.
            manager_events["light"].set()
            deadline = time.monotonic() + args.light_max_seconds
            next_reassign = time.monotonic() + 0.5
            while len(supervisor.current.samples) < args.samples and time.monotonic() < deadline:
                if time.monotonic() >= next_reassign:
                    supervisor.reassign_one()
                    next_reassign = time.monotonic() + args.reassign_every
                supervisor.expire()
                drain_queue(0.01)
                check_alive()
            wait("the light-load reassignments to be told", lambda: not supervisor.pending, TOLD_TIMEOUT + 1)
            supervisor.expire(force=True)
            result["light_latency"] = supervisor.next_phase()

            manager_events["stop"].set()
            wait("every station to stop", lambda: len(count("done")) + len(result["died"]) >= n, 60)
            done = {m[1]: m for m in count("done")}

            # Zero loss: every recorded event once, in order, pushed_seq at the last seq.
            wait("every outbox to land",
                 lambda: landed() >= sum(m[2] for m in done.values()), 60)
            problems: list[str] = []
            with central.connect() as connection:
                pushed = dict(connection.execute(select(Station.name, Station.pushed_seq)).all())
                for name, (_k, _n, local_count, last_seq, _errors) in done.items():
                    rows = connection.execute(
                        select(Event.origin_seq, Event.id).where(Event.station == name, Event.origin_seq.is_not(None))
                        .order_by(Event.seq)
                    ).all()
                    seqs = [r[0] for r in rows]
                    if len(rows) != local_count:
                        problems.append(f"{name}: {len(rows)} central events for {local_count} recorded")
                    if len({r[1] for r in rows}) != len(rows):
                        problems.append(f"{name}: duplicate event ids")
                    if seqs != list(range(1, local_count + 1)):
                        problems.append(f"{name}: origin seqs out of order or with holes")
                    if pushed.get(name) != last_seq:
                        problems.append(f"{name}: pushed_seq {pushed.get(name)} != last seq {last_seq}")
            central.dispose()
            result["problems"] = problems
            result["total_events"] = sum(m[2] for m in done.values())
            result["cycle_errors"] = sum(m[4] for m in done.values())
            result["stopped"] = len(done)
            return result
        finally:
            for event in manager_events.values():
                event.set()
            for proc in procs.values():
                proc.join(timeout=2 if proc.exitcode is None else 0)
                if proc.is_alive():
                    proc.kill()
                    proc.join(5)
            supervisor.engine.dispose()


def report(result: dict, args: argparse.Namespace) -> None:
    n = result["n"]
    print(f"\n=== N = {n} stations ===")
    if "startup_s" in result:
        print(f"start-up (spawn, first snapshot):  {result['startup_s']:.1f} s")
    if "pool" in result:
        print(f"stations' central connections:     {result['pool']}")
    if result["died"]:
        print(f"stations that died: {', '.join(result['died'])}")
    if "recorded_heavy" not in result:
        print("no throughput figures (see above)")
        return
    secs = args.seconds
    offered = "as fast as each station can record" if args.rate == 0 else f"{args.rate:g} scans/s per station"
    per = sorted(result["heavy_counts"].values())
    print(f"offered load:                      {offered}, {secs:g} s window")
    print(f"recorded in the window:            {result['recorded_heavy']} events "
          f"({result['recorded_heavy'] / secs:,.0f}/s; per station {per[0] / secs:,.0f} to {per[-1] / secs:,.0f}/s)")
    print(f"landed centrally within the window: {result['landed_in_window']} events "
          f"= {result['landed_in_window'] / secs:,.0f} events/s aggregate")
    print(f"last event landed:                 {result['drain_s']:+.2f} s after the window closed")
    if "problems" in result:
        verdict = "ZERO LOSS" if not result["problems"] else "LOSS/DUPLICATES: " + "; ".join(result["problems"][:5])
        print(f"zero-loss check ({result['stopped']} stations, {result['total_events']} events in all): {verdict}")
        print(f"failed sync cycles (retried):      {result['cycle_errors']}")
    for key, label in (("heavy_latency", "reassign -> told, full load"), ("light_latency",
                                                                           f"reassign -> told, {args.light_rate:g}/s")):
        if key in result:
            print(result[key].line(label))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stations", type=int, nargs="+", default=[10, 50])
    parser.add_argument("--seconds", type=float, default=20.0, help="throughput window")
    parser.add_argument("--rate", type=float, default=0.0, help="offered scans/s per station (0: as fast as it can)")
    parser.add_argument("--light-rate", type=float, default=2.0, help="scans/s per station in the latency phase")
    parser.add_argument("--samples", type=int, default=60, help="reassignments to measure at light load")
    parser.add_argument("--reassign-every", type=float, default=0.25, help="seconds between reassignments")
    parser.add_argument("--light-max-seconds", type=float, default=40.0)
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()

    admin_url = make_url(args.pg).set(drivername="postgresql").render_as_string(hide_password=False)
    results = []
    for n in args.stations:
        name, url = scratch_database(admin_url)
        try:
            seed(url)
            print(f"N = {n}: running ...", flush=True)
            results.append(run(url, n, args))
        finally:
            drop_database(admin_url, name)
        report(results[-1], args)


if __name__ == "__main__":
    main()
