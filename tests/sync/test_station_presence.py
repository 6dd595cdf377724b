"""Who is on which station, and when they last acted: set centrally by the push, pulled by every replica.

The central side sets ``stations.current_user`` and ``last_seen_at`` from the events of
each pushed batch (app.sync.central), under the station row lock it already holds; the
change capture logs that row (app.sync.capture), so another station's replica (the
supervisor's console) has it at its next pull. A push that only moves ``pushed_seq`` is
quiet: no change logged, no station woken for nothing.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from app.domain.events import USER_LOGGED_IN, USER_LOGGED_OUT
from app.store.db import make_engine, session_factory, sqlite_url
from app.store.migrate import upgrade
from app.store.models import Change, Station
from app.sync.capture import install
from app.sync.central import EventIn, apply_batch
from app.sync.pull import pull
# The PostgreSQL roles' fixtures: ``central`` (a prepared PostgreSQL central) and ``make_station``.
from tests.sync.test_security_pg import central, make_station  # noqa: F401

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def event(seq: int, kind: str, actor: str | None, minute: int, order: str | None = None) -> EventIn:
    payload = {"order": order} if order else {}
    return EventIn(str(uuid.uuid4()), seq, T0.replace(minute=minute), actor, kind, order, payload)


def station_row(engine: Engine, name: str) -> Station | None:
    with session_factory(engine)() as session:
        row = session.scalars(select(Station).where(Station.name == name)).one_or_none()
        if row is not None:
            session.expunge(row)
        return row


def station_changes(engine: Engine) -> int:
    with engine.connect() as connection:
        return connection.execute(
            select(func.count()).select_from(Change).where(Change.table_name == "stations")
        ).scalar_one()


@pytest.fixture
def central_db(any_engine: Engine) -> Engine:
    """A central database with its change capture, SQLite and PostgreSQL."""
    install(any_engine)
    return any_engine


@pytest.fixture
def console(tmp_path: Path) -> Engine:
    """The supervisor console's replica: another station's local SQLite file."""
    engine = make_engine(sqlite_url(tmp_path / "console.db"))
    upgrade(engine)
    yield engine
    engine.dispose()


def test_a_login_then_scans_set_who_is_on_the_station_and_when_last_seen(central_db: Engine) -> None:
    factory = session_factory(central_db)
    apply_batch(factory, "PICK-01", [
        event(1, USER_LOGGED_IN, "BDG0001", 1),
        event(2, "pick.unit", "BDG0001", 4, "#1"),
        event(3, "pick.unit", "BDG0001", 7, "#1"),
        event(4, "order.put_back_required", None, 9, "#2"),  # no person: not "seen"
    ])
    row = station_row(central_db, "PICK-01")
    assert row is not None
    assert row.current_user == "BDG0001"
    assert row.last_seen_at == T0.replace(minute=7)
    assert row.pushed_seq == 4

    apply_batch(factory, "PICK-01", [event(5, USER_LOGGED_OUT, "BDG0001", 12)])
    row = station_row(central_db, "PICK-01")
    assert row.current_user is None  # nobody on it now
    assert row.last_seen_at == T0.replace(minute=12)


def test_a_resent_batch_changes_nothing_and_a_batch_without_a_person_is_quiet(central_db: Engine) -> None:
    factory = session_factory(central_db)
    batch = [event(1, USER_LOGGED_IN, "BDG0002", 1), event(2, "pack.unit", "BDG0002", 3, "#9")]
    apply_batch(factory, "PACK-01", batch)
    logged = station_changes(central_db)
    assert logged >= 1  # the row's creation and its presence are news for the replicas

    apply_batch(factory, "PACK-01", batch)  # a resend: duplicates, skipped
    assert station_changes(central_db) == logged
    # Only pushed_seq moves (an event nobody made): a quiet column, nothing logged.
    apply_batch(factory, "PACK-01", [event(3, "order.put_back_required", None, 5, "#9")])
    assert station_row(central_db, "PACK-01").pushed_seq == 3
    assert station_changes(central_db) == logged
    assert station_row(central_db, "PACK-01").current_user == "BDG0002"


def test_the_stations_row_reaches_another_stations_replica_by_pull(central_db: Engine, console: Engine) -> None:
    factory = session_factory(central_db)
    pull(central_db, console, "SUP-01")  # the first pull: a snapshot (no stations yet)
    assert station_row(console, "PICK-01") is None

    apply_batch(factory, "PICK-01", [event(1, USER_LOGGED_IN, "BDG0001", 2), event(2, "pick.unit", "BDG0001", 5)])
    result = pull(central_db, console, "SUP-01")
    assert not result.snapshot and result.rows >= 1
    row = station_row(console, "PICK-01")
    assert row is not None and row.current_user == "BDG0001" and row.last_seen_at == T0.replace(minute=5)

    apply_batch(factory, "PICK-01", [event(3, USER_LOGGED_OUT, "BDG0001", 8)])
    pull(central_db, console, "SUP-01")
    row = station_row(console, "PICK-01")
    assert row.current_user is None and row.last_seen_at == T0.replace(minute=8)


@pytest.mark.postgres
def test_a_station_role_sets_its_own_presence_through_row_level_security(make_station, central,  # noqa: F811
                                                                         tmp_path: Path) -> None:
    station = make_station("P")
    apply_batch(station.factory, station.name, [
        event(1, USER_LOGGED_IN, "BDG0007", 1),
        event(2, "pack.unit", "BDG0007", 6, "O-1"),
    ])
    row = station_row(central, station.name)
    assert row.current_user == "BDG0007" and row.last_seen_at == T0.replace(minute=6)

    console = make_engine(sqlite_url(tmp_path / "console.db"))
    upgrade(console)
    try:
        pull(central, console, "SUP-01")
        assert station_row(console, station.name).current_user == "BDG0007"
        apply_batch(station.factory, station.name, [event(3, USER_LOGGED_OUT, "BDG0007", 9)])
        result = pull(central, console, "SUP-01")
        assert not result.snapshot
        assert station_row(console, station.name).current_user is None
    finally:
        console.dispose()
