"""Several headless station processes (StationEngine.run: push, pull, claims, reserve,
heartbeat) against one central database, with real faults: SIGKILL of a station between
the central commit of a push and its local mark (then restarted on the same local file),
SIGKILL of another one at any moment, PostgreSQL backends terminated in the middle of their
transactions, the PostgreSQL database refusing every connection for a while, and three
stations claiming at the same moment. The embedded SQLite central gets the same, minus the
PostgreSQL-only faults.

Each child is tests/sync/station_process.py (a plain subprocess, no fork of pytest). The
parent synchronises on what the children print and on what the databases show, with
deadlines; it kills every child in ``finally``. At the end it checks: every event once
centrally, in each station's order; ``stations.pushed_seq``; each replica equal to the
central orders after a final cycle (pull cursor consistent); and, from the central claim
events, that no order was ever held by two stations at once.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, select
from sqlalchemy.engine import make_url

from app.store.db import make_engine, session_factory, sqlite_url, transaction
from app.store.models import Event, Order, OrderLine, Station
from app.sync.capture import prepare_central
from app.sync.claims import ORDER_CLAIMED, ORDER_FORCE_RELEASED, ORDER_REASSIGNED, ORDER_RELEASED, WHY_RELEASED
from app.sync.engine import StationEngine
from tests.conftest import PG_ADMIN_URL

ROOT = Path(__file__).resolve().parents[2]
NAMES = ("ST-A", "ST-B", "ST-C")
ORDERS = 1500
TIMEOUT = 60.0  # bound of every wait; a normal run is far below


class Child:
    """One station process and what it printed so far."""

    def __init__(self, name: str, local: Path, central_url: str, log_dir: Path) -> None:
        self.name, self.local, self.central_url, self.log_dir = name, local, central_url, log_dir
        self.proc: subprocess.Popen | None = None
        self.lock = threading.Lock()
        self.lines: list[str] = []
        self.runs = 0

    def start(self, *extra: str) -> None:
        self.runs += 1
        self.stderr = open(self.log_dir / f"{self.name}-{self.runs}.err", "w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.sync.station_process", self.name, str(self.local), self.central_url, *extra],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            text=True,
            bufsize=1,
        )
        with self.lock:
            self.lines = []
        threading.Thread(target=self._read, args=(self.proc,), daemon=True).start()

    def _read(self, proc: subprocess.Popen) -> None:
        for line in proc.stdout:
            with self.lock:
                if proc is self.proc:
                    self.lines.append(line.strip())

    def send(self, command: str) -> None:
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()

    def seen(self, prefix: str) -> list[str]:
        with self.lock:
            return [line for line in self.lines if line.startswith(prefix)]

    def count(self, prefix: str) -> int:
        return len(self.seen(prefix))

    def recorded(self) -> int:
        found = self.seen("recorded ")
        return int(found[-1].split()[1]) if found else 0

    def kill9(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(TIMEOUT)
        assert self.proc.returncode == -signal.SIGKILL

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stderr_tail(self) -> str:
        path = self.log_dir / f"{self.name}-{self.runs}.err"
        return path.read_text()[-3000:] if path.exists() else ""

    def cleanup(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(TIMEOUT)
        if self.runs:
            self.stderr.close()


def wait_until(what: str, condition: Callable[[], bool], children: list[Child], timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        for child in children:
            if not child.alive():
                pytest.fail(f"{child.name} died (exit {child.proc.returncode}) waiting for {what}:\n{child.stderr_tail()}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}: " + "; ".join(f"{c.name}: {c.lines[-3:]}" for c in children))
        time.sleep(0.02)  # polling interval of a bounded wait, not synchronisation by time


def seed(central: Engine) -> None:
    prepare_central(central)
    with transaction(session_factory(central)) as session:
        session.add_all(
            Order(number=f"ORD-{n:05d}", priority=n % 7, lines=[OrderLine(line_no=1, sku="SKU-1", quantity=1)])
            for n in range(ORDERS)
        )


def station_origin_events(central: Engine, station: str) -> list[tuple[str, int]]:
    with central.connect() as connection:
        return [
            (row.id, row.origin_seq)
            for row in connection.execute(
                select(Event.id, Event.origin_seq)
                .where(Event.station == station, Event.origin_seq.is_not(None))
                .order_by(Event.seq)
            )
        ]


def local_events(local: Path) -> list[tuple[str, int]]:
    engine = make_engine(sqlite_url(local))
    try:
        with engine.connect() as connection:
            return [(row.id, row.seq) for row in connection.execute(select(Event.id, Event.seq).order_by(Event.seq))]
    finally:
        engine.dispose()


def unpushed_ids(local: Path) -> list[str]:
    engine = make_engine(sqlite_url(local))
    try:
        with engine.connect() as connection:
            return list(connection.execute(select(Event.id).where(Event.pushed_at.is_(None))).scalars())
    finally:
        engine.dispose()


def all_landed(central: Engine, child: Child) -> bool:
    return len(station_origin_events(central, child.name)) == len(local_events(child.local))


def run_stations(
    central: Engine, central_url_of: Callable[[str], str], tmp_path: Path, faults: Callable[[list[Child]], None]
) -> None:
    children = [Child(name, tmp_path / f"{name}.db", central_url_of(name), tmp_path) for name in NAMES]
    a, b, c = children
    try:
        # Three stations claim at the same moment: all ready, then "go" to each at once.
        b.start("--block-mark", "3")
        a.start()
        c.start()
        wait_until("every station ready", lambda: all(ch.count("ready") for ch in children), children)
        for child in children:
            child.send("go")

        # SIGKILL of B between a push's central commit and its local mark, and of A at
        # whatever it is doing (recording and syncing); both restarted on the same files.
        wait_until("B blocked between central commit and local mark, A busy",
                   lambda: b.count("blocked") == 1 and a.recorded() >= 30, children)
        b.kill9()
        a.kill9()
        before_kill = len(local_events(b.local))
        # The batch B was pushing is central, yet still in B's outbox: it will be sent again.
        central_ids = {i for i, _ in station_origin_events(central, b.name)}
        assert central_ids & set(unpushed_ids(b.local))
        b.start()
        a.start()
        wait_until("A and B ready again", lambda: a.count("ready") == 1 and b.count("ready") == 1, children)
        a.send("go")
        b.send("go")
        wait_until("A and B recording again", lambda: a.recorded() >= 10 and b.recorded() >= 10, children)

        faults(children)

        progress = {ch.name: ch.recorded() for ch in children}
        wait_until("every station recorded more after the faults",
                   lambda: all(ch.recorded() >= progress[ch.name] + 20 for ch in children), children)
        for child in children:
            child.send("finish")
        wait_until("every station finished", lambda: all(ch.count("finished") for ch in children), children)
        wait_until("every outbox landed centrally", lambda: all(all_landed(central, ch) for ch in children), children)
        for child in children:
            child.send("stop")
        for child in children:
            child.proc.wait(TIMEOUT)
            assert child.proc.returncode == 0, child.stderr_tail()
            assert child.count("exit") == 1
        assert len(local_events(b.local)) > before_kill
        # The only claim a station may lose here is one it gave back itself before a kill
        # let it tell its replica: leases (60 s) never run out, nobody reassigns.
        for child in children:
            for line in child.seen("lost "):
                assert line.split()[2] == WHY_RELEASED, (child.name, line)
    finally:
        for child in children:
            child.cleanup()

    check_everything(central, children, central_url_of)


def check_everything(central: Engine, children: list[Child], central_url_of: Callable[[str], str]) -> None:
    # Every event exactly once centrally, in the station's order; pushed_seq at its last seq.
    with session_factory(central)() as session:
        pushed = dict(session.execute(select(Station.name, Station.pushed_seq)).all())
    for child in children:
        mine = local_events(child.local)
        theirs = station_origin_events(central, child.name)
        assert len(mine) >= 40  # scans and status changes, across a kill for A and B
        assert theirs == mine, child.name  # same ids, once each, same origin seqs, same order
        assert pushed[child.name] == mine[-1][1]

    # No order ever held by two stations: replay the central claim events.
    holder: dict[str, tuple[str, str] | None] = {}
    with session_factory(central)() as session:
        events = session.scalars(
            select(Event)
            .where(Event.kind.in_([ORDER_CLAIMED, ORDER_RELEASED, ORDER_FORCE_RELEASED, ORDER_REASSIGNED]))
            .order_by(Event.seq)
        ).all()
        claimed_by = dict(session.execute(select(Order.number, Order.claimed_by)).all())
    assert sum(e.kind == ORDER_CLAIMED for e in events) >= 3 * 3
    assert any(e.kind == ORDER_RELEASED for e in events)
    for event in events:
        current = holder.get(event.order_number)
        if event.kind == ORDER_CLAIMED:
            assert current is None, f"{event.order_number} claimed by {event.station} while {current} held it"
            assert "expired_holder" not in event.payload
            holder[event.order_number] = (event.payload["station"], event.payload["claim_id"])
        elif event.kind == ORDER_RELEASED:
            assert current == (event.payload["station"], event.payload["claim_id"]), event.payload
            holder[event.order_number] = None
        else:
            holder[event.order_number] = None
    for number, station in claimed_by.items():
        assert station == (holder.get(number) or (None, None))[0], number

    # Each replica, after one more cycle, equals the central orders (the pull cursor is right),
    # and the claims the stations believe they hold are theirs centrally, never shared.
    with session_factory(central)() as session:
        truth = {
            row.number: tuple(row)[1:]
            for row in session.execute(select(Order.number, Order.status, Order.claimed_by, Order.claim_id, Order.assigned_to))
        }
    held_anywhere: dict[str, str] = {}
    for child in children:
        engine = StationEngine(child.name, sqlite_url(child.local), central_url_of(child.name), reserve=0)
        try:
            report = engine.cycle()
            assert report.pushed == 0 and report.remaining == 0 and report.snapshot is False
            with engine.local_sessions() as session:
                replica = {
                    row.number: tuple(row)[1:]
                    for row in session.execute(
                        select(Order.number, Order.status, Order.claimed_by, Order.claim_id, Order.assigned_to)
                    )
                }
            held = engine.held_claims()
        finally:
            engine.close()
        assert replica == truth, child.name
        for number, claim_id in held:
            assert truth[number][1:3] == (child.name, claim_id)
            assert number not in held_anywhere, (number, child.name, held_anywhere.get(number))
            held_anywhere[number] = child.name
    assert held_anywhere  # the reserves were full when the stations stopped


# --- PostgreSQL -------------------------------------------------------------------------------


@pytest.fixture
def pg_central(pg_url: str) -> Iterator[tuple[Engine, str]]:
    engine = make_engine(pg_url)
    seed(engine)
    yield engine, pg_url
    engine.dispose()


def _admin() -> psycopg.Connection:
    return psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=3)


def _terminate(database: str, busy_only: bool) -> int:
    query = (
        "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
        "WHERE datname = %s AND application_name LIKE 'quai-station-%%'"
    )
    if busy_only:  # in the middle of a transaction (or of a statement)
        query += " AND state IN ('active', 'idle in transaction', 'idle in transaction (aborted)')"
    with _admin() as admin:
        return admin.execute(query, (database,)).fetchone()[0]


@pytest.mark.postgres
def test_station_processes_survive_kills_dropped_connections_and_an_outage_on_postgres(pg_central, tmp_path) -> None:
    central, url = pg_central
    database = make_url(url).database

    def url_of(station: str) -> str:
        return make_url(url).update_query_dict({"application_name": f"quai-station-{station}"}).render_as_string(
            hide_password=False
        )

    def faults(children: list[Child]) -> None:
        # Connections dropped in the middle of transactions, many times over ~2 s.
        errors = sum(ch.count("error") for ch in children)
        terminated = 0
        deadline = time.monotonic() + 1.5
        while time.monotonic() < deadline:
            terminated += _terminate(database, busy_only=True)
            time.sleep(0.01)  # pace of the terminations, not a synchronisation
        terminated += _terminate(database, busy_only=False)  # the idle ones and the listeners too
        assert terminated >= 3
        wait_until("a failed cycle after the terminations",
                   lambda: sum(ch.count("error") for ch in children) > errors, children)
        cycles = {ch.name: ch.count("cycle") for ch in children}
        wait_until("every station syncing again", lambda: all(ch.count("cycle") > cycles[ch.name] for ch in children),
                   children)

        # The database unreachable (it refuses every connection), then back.
        errors = {ch.name: ch.count("error") for ch in children}
        with _admin() as admin:
            admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
        try:
            _terminate(database, busy_only=False)
            # A few failed cycles each (backoff 0.1 s to 0.5 s): over a second offline, during
            # which the stations go on scanning the orders of their reserve.
            wait_until("every station failing against the unreachable database",
                       lambda: all(ch.count("error") >= errors[ch.name] + 4 for ch in children), children)
        finally:
            with _admin() as admin:
                admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')
        cycles = {ch.name: ch.count("cycle") for ch in children}
        wait_until("every station back", lambda: all(ch.count("cycle") > cycles[ch.name] + 1 for ch in children),
                   children)

    run_stations(central, url_of, tmp_path, faults)


# --- the embedded SQLite central ---------------------------------------------------------------


def test_station_processes_survive_kills_on_the_embedded_sqlite_central(tmp_path) -> None:
    central = make_engine(sqlite_url(tmp_path / "central.db"))
    seed(central)

    def url_of(_station: str) -> str:
        return sqlite_url(tmp_path / "central.db")

    def faults(children: list[Child]) -> None:
        # No backends to terminate: one more SIGKILL, of C, while everyone is busy.
        c = children[2]
        wait_until("C busy", lambda: c.recorded() >= 60, children)
        c.kill9()
        c.start()
        wait_until("C ready again", lambda: c.count("ready") == 1, children)
        c.send("go")

    try:
        run_stations(central, url_of, tmp_path, faults)
    finally:
        central.dispose()

