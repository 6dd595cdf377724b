"""Push: station outbox -> central database, on the embedded SQLite central and the real PostgreSQL.

Each station is a SQLite file of its own (its replica and outbox); the central database
is ``any_engine``. Exactly once and in order is checked the same way everywhere: the
central events of a station, sorted by central seq, are the station's events in its
own order, and its pushed_seq is its last local seq.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.events import ORDER_STATUS_CHANGED
from app.store.db import make_engine, session_factory, sqlite_url, transaction
from app.store.events import outbox, outbox_length, record
from app.store.migrate import upgrade
from app.store.models import Event, Order, Station
from app.sync.central import EVENT_NOT_APPLIED, EventIn, apply_batch
from app.sync.push import push_all, push_once


def make_station(directory: Path, name: str, n_events: int) -> sessionmaker[Session]:
    """A station's local store (migrated SQLite file) with ``n_events`` in its outbox."""
    engine = make_engine(sqlite_url(directory / f"station-{name}.db"))
    upgrade(engine)
    factory = session_factory(engine)
    with transaction(factory) as session:
        for i in range(n_events):
            record(session, "scan.accepted", {"i": i, "station": name}, station=name, actor="B-1")
    return factory


def local_ids(local: sessionmaker[Session]) -> list[str]:
    with local() as session:
        return list(session.scalars(select(Event.id).order_by(Event.seq)))


def assert_landed_exactly_once(central: Engine, local: sessionmaker[Session], station: str) -> None:
    expected = local_ids(local)
    with central.connect() as conn:
        rows = conn.execute(
            select(Event.id, Event.origin_seq).where(Event.station == station).order_by(Event.seq)
        ).all()
        pushed_seq = conn.execute(select(Station.pushed_seq).where(Station.name == station)).scalar_one()
    assert [r.id for r in rows] == expected  # each once, in the station's order
    origin = [r.origin_seq for r in rows]
    assert origin == sorted(set(origin))
    with local() as session:
        assert outbox_length(session) == 0
        assert pushed_seq == session.scalar(select(func.max(Event.seq)))


def test_push_of_1000_events_lands_exactly_once_in_order(any_engine: Engine, tmp_path: Path) -> None:
    local = make_station(tmp_path, "S1", 1000)
    central = session_factory(any_engine)

    result = push_all(local, central, "S1", batch=128)

    assert (result.sent, result.duplicates, result.remaining) == (1000, 0, 0)
    assert_landed_exactly_once(any_engine, local, "S1")
    assert push_once(local, central, "S1").sent == 0  # nothing left to send


def test_resend_after_crash_between_central_commit_and_local_mark(any_engine: Engine, tmp_path: Path) -> None:
    central = session_factory(any_engine)
    with transaction(central) as session:
        session.add(Order(number="Q-1", status="picking", claimed_by="S1"))
    local = make_station(tmp_path, "S1", 300)
    with transaction(local) as session:
        record(session, ORDER_STATUS_CHANGED, {"order": "Q-1", "from": "picking", "to": "picked", "reason": None},
               station="S1", order_number="Q-1")

    # The "crash": the central transaction commits, the station never marks its outbox.
    with local() as session:
        sent = [EventIn.from_event(e) for e in outbox(session, 1000)]
    first = apply_batch(central, "S1", sent)
    assert (first.applied, first.duplicates) == (301, 0)

    result = push_all(local, central, "S1", batch=100)

    assert (result.sent, result.duplicates, result.remaining) == (301, 301, 0)
    assert_landed_exactly_once(any_engine, local, "S1")
    with central() as session:
        assert session.scalars(select(Order.status).where(Order.number == "Q-1")).one() == "picked"
        # Applied twice, picking -> picked would have been refused the second time.
        assert session.scalar(select(func.count()).select_from(Event).where(Event.kind == EVENT_NOT_APPLIED)) == 0


def test_a_partly_duplicated_batch_applies_only_the_new_events(any_engine: Engine, tmp_path: Path) -> None:
    local = make_station(tmp_path, "S1", 50)
    central = session_factory(any_engine)
    with local() as session:
        events = [EventIn.from_event(e) for e in outbox(session, 100)]

    assert apply_batch(central, "S1", events[:20]).pushed_seq == events[19].origin_seq
    # Out of order and overlapping: applied by origin seq, the first 20 skipped.
    result = apply_batch(central, "S1", list(reversed(events)))

    assert (result.applied, result.duplicates, result.pushed_seq) == (30, 20, events[-1].origin_seq)
    push_all(local, central, "S1")
    assert_landed_exactly_once(any_engine, local, "S1")


def test_empty_outbox_pushes_nothing(any_engine: Engine, tmp_path: Path) -> None:
    local = make_station(tmp_path, "S1", 0)
    result = push_all(local, session_factory(any_engine), "S1")
    assert (result.sent, result.duplicates, result.remaining) == (0, 0, 0)
