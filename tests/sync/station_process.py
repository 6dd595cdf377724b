"""A headless station in a child process, for tests/sync/test_station_processes.py.

    python -m tests.sync.station_process NAME LOCAL_DB CENTRAL_URL [--reserve K] [--lease S] [--block-mark N]

It runs app.sync.engine.StationEngine.run in a thread (push, pull, heartbeat, reserve,
wake-ups) while its main thread works like a picker on the orders its replica says it
holds: one local transaction per scan (a ``scan.recorded`` event naming the order), the
order moved new -> picking at its first scan and picking -> picked at its third. The
engine thread gives back (releases) the picked orders whose events are all pushed, and
its reserve then claims new ones, so claims churn all the time.

Commands on stdin, one a line: ``go`` (start working: the parent sends it to every station
at once, so they claim at the same moment), ``finish`` (stop recording, keep syncing),
``stop`` (stop the engine and exit 0). End of stdin counts as ``stop``.

Lines on stdout: ``ready``, ``cycle <pushed> <remaining>``, ``error <text>``, ``lost
<order> <why>``, ``recorded <n>`` (every few scans), ``finished <n>``, ``blocked`` (see
``--block-mark``), ``exit``.

``--block-mark N``: the N-th push that reached the central database blocks forever
between the central commit and the local mark (the parent kills the process there).
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

import app.sync.push as push_module
from app.store.db import make_engine, session_factory, sqlite_url, transaction
from app.store.events import record
from app.store.models import Event, Order
from app.store.orders import change_status
from app.sync.backoff import Backoff
from app.sync.engine import CycleReport, StationEngine

SCAN = "scan.recorded"
SCANS_TO_PICKED = 3

_print_lock = threading.Lock()


def say(*words: object) -> None:
    with _print_lock:
        print(*words, flush=True)


def _block_mark_at(n: int) -> None:
    # Whichever local "mark pushed" app.sync.push calls (by event ids, or by seqs).
    attribute = "mark_pushed_seqs" if hasattr(push_module, "mark_pushed_seqs") else "mark_pushed"
    original = getattr(push_module, attribute)
    calls = {"n": 0}

    def mark(session, keys, *args, **kwargs):
        if keys:
            calls["n"] += 1
            if calls["n"] == n:
                say("blocked")
                threading.Event().wait()  # the parent kills the process here
        return original(session, keys, *args, **kwargs)

    setattr(push_module, attribute, mark)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("name")
    parser.add_argument("local")
    parser.add_argument("central")
    parser.add_argument("--reserve", type=int, default=3)
    parser.add_argument("--lease", type=float, default=60.0)
    parser.add_argument("--block-mark", type=int, default=0)
    parser.add_argument("--pace", type=float, default=0.005, help="seconds between scans")
    args = parser.parse_args(argv)
    if args.block_mark:
        _block_mark_at(args.block_mark)

    name = args.name
    engine = StationEngine(name, sqlite_url(args.local), args.central, reserve=args.reserve,
                           lease=timedelta(seconds=args.lease))
    local = session_factory(make_engine(sqlite_url(args.local)))  # the main thread's own engine
    go, finish, stop = threading.Event(), threading.Event(), threading.Event()

    def read_commands() -> None:
        for line in sys.stdin:
            command = line.strip()
            if command == "go":
                go.set()
            elif command == "finish":
                finish.set()
            elif command == "stop":
                break
        finish.set()
        stop.set()
        go.set()

    threading.Thread(target=read_commands, daemon=True).start()

    def on_cycle(report: CycleReport) -> None:
        say("cycle", report.pushed, report.remaining)
        for lost in report.lost:
            say("lost", lost.order_number, lost.why.replace(" ", "_"))
        try:
            for number in _picked_and_pushed(engine):
                engine.release(number, reason="picked")
        except Exception as exc:  # the central database went away: the next cycle retries
            say("error", "release:", type(exc).__name__)

    def on_error(exc: Exception) -> None:
        say("error", type(exc).__name__)

    say("ready")
    go.wait()
    worker = threading.Thread(
        target=engine.run,
        kwargs=dict(stop=stop, interval=0.2, listen=True, on_cycle=on_cycle, on_error=on_error,
                    backoff=Backoff(initial=0.1, maximum=0.5)),
        daemon=True,
    )
    worker.start()

    with local() as session:
        n = session.scalar(select(func.count()).select_from(Event).where(Event.kind == SCAN)) or 0
    while not finish.is_set():
        try:
            scanned = _scan(local, name, n)
        except OperationalError as exc:  # local lock wait ran out: a real station retries too
            say("error", "local:", str(exc).splitlines()[0])
            scanned = False
        if scanned:
            n += 1
            if n % 5 == 0:
                engine.wake()
            if n % 10 == 0:
                say("recorded", n)
            time.sleep(args.pace)
        else:
            engine.wake()
            finish.wait(0.02)  # nothing held yet: the reserve fills at the next cycle
    engine.wake()
    say("finished", n)
    stop.wait()
    worker.join(30)
    engine.close()
    say("exit")
    return 0 if not worker.is_alive() else 1


def _scan(local, name: str, n: int) -> bool:
    with transaction(local) as session:
        orders = session.scalars(
            select(Order)
            .where(Order.claimed_by == name, Order.status.in_(["new", "picking"]))
            .order_by(Order.number)
        ).all()
        if not orders:
            return False
        order = orders[n % len(orders)]
        before = session.scalar(
            select(func.count()).select_from(Event).where(Event.kind == SCAN, Event.order_number == order.number)
        ) or 0
        record(session, SCAN, {"order": order.number, "n": n}, station=name, order_number=order.number)
        if order.status == "new":
            change_status(session, order, "picking", station=name)
        elif before + 1 >= SCANS_TO_PICKED:
            change_status(session, order, "picked", station=name)
        return True


def _picked_and_pushed(engine: StationEngine) -> list[str]:
    """Orders this station holds, picked, whose events have all reached the central database."""
    with engine.local_sessions() as session:
        pending = select(Event.order_number).where(Event.pushed_at.is_(None), Event.order_number.is_not(None))
        return list(
            session.scalars(
                select(Order.number)
                .where(Order.claimed_by == engine.station, Order.status == "picked", Order.number.not_in(pending))
                .order_by(Order.number)
            )
        )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
