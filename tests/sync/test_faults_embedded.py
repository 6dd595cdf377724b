"""Fault injection on the push and the claims with the embedded SQLite central, with station processes.

The embedded central is a file: no backends to terminate, no network. What can happen to it:
another writer holding its write lock (``BEGIN IMMEDIATE`` on a connection of its own) for a
while, and the file becoming unavailable (its directory renamed away, as an unmounted share
would, then back). Stations (tests.support.StationChild, one SQLite outbox each) keep scanning
and retry on their own with app.sync.backoff.Backoff. Afterwards: every event once centrally,
in its station's order, pushed_seq at its last seq, outboxes empty, no order held twice.
SIGKILL mid-push is in tests/sync/test_push_processes.py.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.store.db import make_engine, sqlite_url
from app.store.migrate import upgrade
from tests.support import StationChild, assert_landed_exactly_once, central_count, wait_until
from tests.sync.test_faults_pg import assert_no_order_held_twice, make_local, seed_orders

BUSY_TIMEOUT = 5.0  # app.store.db's PRAGMA busy_timeout


@pytest.fixture
def central_file(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "central" / "central.db"
    engine = make_engine(sqlite_url(path))
    upgrade(engine)
    engine.dispose()
    yield path


def lock_holder(path: Path) -> sqlite3.Connection:
    """Another writer: a plain connection that takes the central file's write lock and keeps it."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=30)
    conn.execute("BEGIN IMMEDIATE")
    return conn


def engine_of(path: Path) -> Engine:
    return make_engine(sqlite_url(path))


def test_central_locked_by_another_writer_short_then_beyond_busy_timeout(central_file: Path, tmp_path: Path) -> None:
    names = ("A", "B")
    central = engine_of(central_file)
    children: list[StationChild] = []
    holder = None
    try:
        for n, name in enumerate(names):
            local = make_local(tmp_path, name, 500)
            children.append(StationChild(tmp_path, station=name, mode="push", live=True, batch=200, per_tick=2,
                                         seed=n, local=sqlite_url(local), central=sqlite_url(central_file)))
        wait_until("every station pushing", lambda: all(central_count(central, n) >= 500 for n in names), children)

        # 1. A short hold: the stations' pushes wait for it (busy_timeout) and nothing fails.
        attempts = {c.name: c.count("attempt") for c in children}
        holder = lock_holder(central_file)
        frozen = {name: central_count(central, name) for name in names}  # WAL: reads still work
        wait_until("every station trying to push into the lock",
                   lambda: all(c.count("attempt") > attempts[c.name] for c in children), children)
        assert {name: central_count(central, name) for name in names} == frozen
        holder.rollback()
        holder.close()
        holder = None
        pushed = {c.name: c.count("pushed") for c in children}
        wait_until("pushing again", lambda: all(c.count("pushed") > pushed[c.name] for c in children), children)
        # Nothing but the lock can fail a push here (a machine loaded enough to keep a push
        # waiting beyond busy_timeout would see "database is locked", retried like phase 2).
        for child in children:
            assert all("database is locked" in line for line in child.seen("error")), child.seen("error")

        # 2. A hold beyond busy_timeout: every station's push gives up, backs off, retries.
        holder = lock_holder(central_file)
        frozen = {name: central_count(central, name) for name in names}
        wait_until("every station's push timed out on the lock",
                   lambda: all(c.count("error") >= 1 for c in children), children, timeout=BUSY_TIMEOUT + 30)
        assert {name: central_count(central, name) for name in names} == frozen
        holder.rollback()
        holder.close()
        holder = None

        backlog = {c.name: c.recorded() + 500 for c in children}
        wait_until("every backlog landed, with no action",
                   lambda: all(central_count(central, c.name) >= backlog[c.name] for c in children), children)
        for child in children:
            child.send("finish")
        wait_until("every station done", lambda: all(c.count("done") for c in children), children, allow_exit=True)
        for child in children:
            child.finished_cleanly()
            for line in child.seen("error"):
                assert line.split()[1] == "OperationalError" and "database is locked" in line, line
    finally:
        if holder is not None:
            holder.close()
        for child in children:
            child.cleanup()

    for name in names:
        assert assert_landed_exactly_once(central, tmp_path / f"station-{name}.db", name) >= backlog[name]
    central.dispose()


def test_claims_while_the_central_file_is_locked_beyond_busy_timeout(central_file: Path, tmp_path: Path) -> None:
    names = ("A", "B", "C")
    central = engine_of(central_file)
    numbers = seed_orders(central, 150)
    children: list[StationChild] = []
    holder = None
    try:
        for n, name in enumerate(names):
            children.append(StationChild(tmp_path, station=name, mode="claim", count=1, tick=0.01, seed=n,
                                         central=sqlite_url(central_file)))
        wait_until("claims under way", lambda: sum(c.count("claimed") for c in children) >= 10, children)
        holder = lock_holder(central_file)
        wait_until("every station's claim timed out on the lock",
                   lambda: all(c.count("error") >= 1 for c in children), children, timeout=BUSY_TIMEOUT + 30)
        holder.rollback()
        holder.close()
        holder = None
        wait_until("every order claimed", lambda: all(c.count("done") for c in children), children, allow_exit=True)
        for child in children:
            child.finished_cleanly()
            for line in child.seen("error"):
                assert "database is locked" in line, line
    finally:
        if holder is not None:
            holder.close()
        for child in children:
            child.cleanup()

    # SQLite: a claim that timed out on the lock never began, so every station knows all it holds.
    assert assert_no_order_held_twice(central, numbers, children) == 0
    central.dispose()


def test_central_file_unavailable_then_back_stations_catch_up_on_their_own(central_file: Path, tmp_path: Path) -> None:
    names = ("A", "B")
    directory = central_file.parent
    away = tmp_path / "central-away"
    central = engine_of(central_file)
    children: list[StationChild] = []
    moved = False
    try:
        for n, name in enumerate(names):
            local = make_local(tmp_path, name)
            # A connection already open keeps working on a renamed file (POSIX): the fault shows
            # when a station (re)connects, so these stations connect for every push (NullPool).
            children.append(StationChild(tmp_path, station=name, mode="push", live=True, batch=200, per_tick=2,
                                         seed=n, fresh_connections=True, local=sqlite_url(local),
                                         central=sqlite_url(central_file)))
        wait_until("every station pushing", lambda: all(central_count(central, n) >= 20 for n in names), children)

        central.dispose()
        errors = {c.name: c.count("error") for c in children}
        os.rename(directory, away)
        moved = True
        recorded = {c.name: c.recorded() for c in children}
        wait_until("stations working without their central file",
                   lambda: all(c.count("error") >= errors[c.name] + 3 and c.recorded() >= recorded[c.name] + 40
                               for c in children), children)
        assert not directory.exists()  # no station created an empty central database meanwhile
        os.rename(away, directory)
        moved = False

        backlog = {c.name: c.recorded() for c in children}
        wait_until("every backlog landed, with no action",
                   lambda: all(central_count(central, c.name) >= backlog[c.name] for c in children), children)
        for child in children:
            child.send("finish")
        wait_until("every station done", lambda: all(c.count("done") for c in children), children, allow_exit=True)
        for child in children:
            child.finished_cleanly()
            unavailable = [line for line in child.seen("error") if "unable to open database file" in line]
            assert unavailable, child.seen("error")
            for line in child.seen("error"):
                assert line.split()[1] == "OperationalError", line
    finally:
        for child in children:
            child.cleanup()
        if moved:
            os.rename(away, directory)

    for name in names:
        assert assert_landed_exactly_once(central, tmp_path / f"station-{name}.db", name) >= backlog[name]
    central.dispose()
