"""A station whose local database is recreated (same station name, seqs restarting at 1):
its new events all land, none lost as "duplicates", none doubled, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from app.store.db import session_factory
from app.store.events import outbox, outbox_length
from app.store.models import Event, Station, SyncState
from app.sync.central import CENTRAL, STATION_REINCARNATED, EventIn, apply_batch, incarnation_key
from app.sync.push import INCARNATION, incarnation, push_all
from tests.sync.test_push import local_ids, make_station


def central_rows(central: Engine, station: str) -> list[tuple[str, int]]:
    with central.connect() as conn:
        return [tuple(r) for r in conn.execute(
            select(Event.id, Event.origin_seq).where(Event.station == station).order_by(Event.seq))]


def reincarnations(central: Engine) -> list[dict]:
    with central.connect() as conn:
        rows = conn.execute(select(Event.station, Event.payload).where(Event.kind == STATION_REINCARNATED)
                            .order_by(Event.seq)).all()
    assert all(r.station == CENTRAL for r in rows)
    return [r.payload for r in rows]


def local_incarnation(local: sessionmaker[Session]) -> str | None:
    with local() as session:
        return session.scalar(select(SyncState.value).where(SyncState.name == INCARNATION))


def test_a_recreated_station_database_loses_nothing_and_doubles_nothing(any_engine: Engine, tmp_path: Path) -> None:
    central = session_factory(any_engine)
    first = make_station(tmp_path / "first", "S1", 30)
    assert local_incarnation(first) is None  # created on the first push

    assert push_all(first, central, "S1", batch=7).sent == 30
    first_id = local_incarnation(first)
    assert first_id is not None and incarnation(first) == first_id  # stable across pushes
    assert reincarnations(any_engine) == []  # a new station is no reincarnation

    # The station's disk is replaced: a new local database, same station name, seqs from 1 again.
    second = make_station(tmp_path / "second", "S1", 20)
    assert max(r[1] for r in central_rows(any_engine, "S1")) == 30

    result = push_all(second, central, "S1", batch=7)

    assert (result.sent, result.duplicates, result.remaining) == (20, 0, 0)
    second_id = local_incarnation(second)
    assert second_id not in (None, first_id)
    rows = central_rows(any_engine, "S1")
    assert [r[0] for r in rows] == local_ids(first) + local_ids(second)  # all landed, once, in order
    assert [r[1] for r in rows] == list(range(1, 31)) + list(range(1, 21))
    assert reincarnations(any_engine) == [
        {"station": "S1", "previous": first_id, "incarnation": second_id, "pushed_seq": 30}
    ]
    with central() as session:
        assert session.scalars(select(Station.pushed_seq).where(Station.name == "S1")).one() == 20
        assert session.scalars(select(SyncState.value).where(SyncState.name == incarnation_key("S1"))).one() \
            == second_id
    with second() as session:
        assert outbox_length(session) == 0

    # More events on the new database: pushed normally, no second reincarnation.
    more = make_station(tmp_path / "second", "S1", 5)  # the same file, 5 more events
    assert push_all(more, central, "S1").sent == 5
    assert len(central_rows(any_engine, "S1")) == 55
    assert len(reincarnations(any_engine)) == 1


def test_resends_around_a_reincarnation_are_never_applied_twice(any_engine: Engine, tmp_path: Path) -> None:
    central = session_factory(any_engine)
    first = make_station(tmp_path / "first", "S1", 10)
    with first() as session:
        old = [EventIn.from_event(e) for e in outbox(session, 100)]
    second = make_station(tmp_path / "second", "S1", 10)
    with second() as session:
        new = [EventIn.from_event(e) for e in outbox(session, 100)]

    assert apply_batch(central, "S1", old, incarnation="A").applied == 10
    # The new database's first batch: the central commit happens, the local mark never does.
    assert apply_batch(central, "S1", new[:6], incarnation="B").applied == 6
    assert apply_batch(central, "S1", new, incarnation="B").duplicates == 6  # resend: by pushed_seq
    # The old database comes back once with a late resend: seqs reset again, UUIDs keep it out.
    again = apply_batch(central, "S1", old, incarnation="A")
    assert (again.applied, again.duplicates) == (0, 10)
    assert apply_batch(central, "S1", new, incarnation="B").applied == 0

    rows = central_rows(any_engine, "S1")
    assert [r[0] for r in rows] == [e.id for e in old] + [e.id for e in new]
    assert [(p["previous"], p["incarnation"]) for p in reincarnations(any_engine)] == [
        ("A", "B"), ("B", "A"), ("A", "B")
    ]


def test_a_station_that_pushed_before_incarnations_is_reset_safely(any_engine: Engine, tmp_path: Path) -> None:
    central = session_factory(any_engine)
    local = make_station(tmp_path, "S1", 12)
    with local() as session:
        events = [EventIn.from_event(e) for e in outbox(session, 100)]
    apply_batch(central, "S1", events[:8])  # an older pusher: no incarnation sent

    result = push_all(local, central, "S1")

    assert (result.sent, result.duplicates) == (12, 8)  # the 8 already there: by UUID
    assert [r[0] for r in central_rows(any_engine, "S1")] == local_ids(local)
    assert [(p["previous"], p["pushed_seq"]) for p in reincarnations(any_engine)] == [(None, 8)]
