"""Test support: a real TCP proxy (``tcp_proxy``) and station child processes for fault-injection tests.

``StationChild`` runs one station as a plain ``python -c`` process (no fork of pytest) with
its own SQLite outbox, in one of two modes:

- ``push``: records ``scan.accepted`` events (``per_tick`` per local transaction, while
  ``live``, until the parent sends ``finish``) and pushes its outbox with push_once,
  retrying every failure with app.sync.backoff.Backoff (after disposing of the central
  engine, as the station engine does). Exits 0 once finishing and its outbox is empty.
- ``claim``: claims orders with claim_next until none is left, same retries.

Lines on stdout: ``ready``, ``recorded <n>``, ``attempt``, ``pushed <sent> <dups> <remaining>``,
``claimed <order> <claim_id>``, ``error <Class> <DriverClass> <message>``, ``finishing <n>``, ``done``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from app.store.db import make_engine, sqlite_url
from app.store.models import Event, Station

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 30.0  # bound of every wait; normal runs are far below

CHILD = r"""
import json, random, select, sys, time
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.pool import NullPool
from app.store.db import make_engine, session_factory, transaction
from app.store.events import record
from app.sync.backoff import Backoff

cfg = json.loads(sys.argv[1])
station = cfg["station"]
def say(*words):
    print(*words, flush=True)
central_engine = make_engine(cfg["central"], **({"poolclass": NullPool} if cfg.get("fresh_connections") else {}))
central = session_factory(central_engine)
backoff = Backoff(initial=cfg.get("initial", 0.05), maximum=cfg.get("maximum", 0.3), rng=random.Random(cfg.get("seed", 1)))
next_try = 0.0

def failed(exc):
    global next_try
    central_engine.dispose()  # fresh connections for the retry, as app.sync.engine does
    next_try = time.monotonic() + backoff.next_delay()
    say("error", type(exc).__name__, type(getattr(exc, "orig", None)).__name__, " ".join(str(exc).split())[:200])

def command():
    if select.select([sys.stdin], [], [], 0)[0]:
        line = sys.stdin.readline()
        if not line:
            sys.exit("stdin closed: the parent is gone")
        return line.strip()
    return None

say("ready")
if cfg["mode"] == "claim":
    from app.sync.claims import claim_next
    while True:
        if time.monotonic() < next_try:
            time.sleep(min(0.01, next_try - time.monotonic()))
            continue
        try:
            got = claim_next(central, station, count=cfg.get("count", 1))
        except (OperationalError, InterfaceError) as exc:
            failed(exc)
            continue
        backoff.reset()
        for claim in got:
            say("claimed", claim.order_number, claim.claim_id)
        if not got:
            break
        time.sleep(cfg.get("tick", 0.0))  # the pace of a station, so that the faults land mid-run
    say("done")
    sys.exit(0)

from app.sync.push import push_once
local = session_factory(make_engine(cfg["local"]))
live = cfg.get("live", False)
finishing = not live
recorded = 0
while True:
    if not finishing:
        if command() == "finish":
            finishing = True
            say("finishing", recorded)
        else:
            with transaction(local) as session:
                for _ in range(cfg.get("per_tick", 5)):
                    record(session, "scan.accepted", {"i": recorded, "station": station}, station=station, actor="B-1")
                    recorded += 1
            say("recorded", recorded)
    if time.monotonic() >= next_try:
        say("attempt")
        try:
            result = push_once(local, central, station, batch=cfg.get("batch", 500))
        except (OperationalError, InterfaceError) as exc:
            failed(exc)
        else:
            backoff.reset()
            say("pushed", result.sent, result.duplicates, result.remaining)
            if finishing and result.remaining == 0:
                break
    if not finishing:
        time.sleep(cfg.get("tick", 0.01))  # the pace of the scans
    elif time.monotonic() < next_try:
        time.sleep(min(0.01, next_try - time.monotonic()))
say("done")
"""


class StationChild:
    """One station process and what it printed so far."""

    def __init__(self, log_dir: Path, **cfg) -> None:
        self.cfg = cfg
        self.name = cfg["station"]
        self.lock = threading.Lock()
        self.lines: list[str] = []
        self.err_path = log_dir / f"{self.name}-{cfg['mode']}.err"
        self._err = open(self.err_path, "w")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", CHILD, json.dumps(cfg)],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._err,
            text=True,
            bufsize=1,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            with self.lock:
                self.lines.append(line.strip())

    def send(self, command: str) -> None:
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()

    def seen(self, prefix: str) -> list[str]:
        with self.lock:
            return [line for line in self.lines if line == prefix or line.startswith(prefix + " ")]

    def count(self, prefix: str) -> int:
        return len(self.seen(prefix))

    def recorded(self) -> int:
        found = self.seen("recorded")
        return int(found[-1].split()[1]) if found else 0

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stderr_tail(self) -> str:
        self._err.flush()
        return self.err_path.read_text()[-3000:]

    def finished_cleanly(self) -> None:
        self.proc.wait(TIMEOUT)
        self._reader.join(TIMEOUT)
        assert self.proc.returncode == 0, f"{self.name} exit {self.proc.returncode}:\n{self.stderr_tail()}"
        assert self.count("done") == 1
        assert "Traceback" not in self.stderr_tail()

    def cleanup(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(TIMEOUT)
        self._err.close()


def wait_until(what: str, condition: Callable[[], bool], children: Sequence[StationChild], timeout: float = TIMEOUT,
               allow_exit: bool = False) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        for child in children:
            if not allow_exit and not child.alive():
                pytest.fail(f"{child.name} exited ({child.proc.returncode}) waiting for {what}:\n{child.stderr_tail()}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}: " + "; ".join(f"{c.name}: {c.lines[-3:]}" for c in children))
        time.sleep(0.01)  # polling interval of a bounded wait, not synchronisation by time


def central_count(central: Engine, station: str) -> int:
    with central.connect() as conn:
        return conn.execute(
            select(func.count()).select_from(Event).where(Event.station == station, Event.origin_seq.is_not(None))
        ).scalar_one()


def assert_landed_exactly_once(central: Engine, local_path: Path, station: str) -> int:
    """Every local event of ``station`` once centrally, in its order; pushed_seq at its last
    seq; its outbox empty. Returns how many events."""
    local = make_engine(sqlite_url(local_path))
    try:
        with local.connect() as conn:
            mine = [tuple(r) for r in conn.execute(select(Event.id, Event.seq).order_by(Event.seq))]
            unpushed = conn.execute(select(func.count()).select_from(Event).where(Event.pushed_at.is_(None))).scalar_one()
    finally:
        local.dispose()
    with central.connect() as conn:
        theirs = [
            tuple(r)
            for r in conn.execute(
                select(Event.id, Event.origin_seq)
                .where(Event.station == station, Event.origin_seq.is_not(None))
                .order_by(Event.seq)
            )
        ]
        pushed_seq = conn.execute(select(Station.pushed_seq).where(Station.name == station)).scalar_one()
    assert mine, station
    assert len(theirs) == len({event_id for event_id, _ in theirs}), f"{station}: an event landed twice"
    assert theirs == mine, f"{station}: central events differ from the station's ({len(theirs)} vs {len(mine)})"
    assert pushed_seq == mine[-1][1], station
    assert unpushed == 0, station
    return len(mine)
