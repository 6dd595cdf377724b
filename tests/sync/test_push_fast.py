"""The push's fast path: orders not applied reported back, the seq-range mark and its
fallback, the PostgreSQL stage table surviving a failed batch, the pipelined push_all."""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update
from sqlalchemy.exc import StatementError

from app.domain.events import ORDER_STATUS_CHANGED
from app.store.db import session_factory, transaction
from app.store.events import mark_pushed_seqs, outbox_after, outbox_length, record
from app.store.models import Event, Order
from app.sync.central import EventIn, apply_batch
from app.sync.push import push_all, push_once
from tests.sync.test_central import status_event
from tests.sync.test_push import assert_landed_exactly_once, make_station


def test_apply_result_lists_the_orders_not_applied_once_in_order(any_engine: Engine) -> None:
    central = session_factory(any_engine)
    with transaction(central) as session:
        session.add_all([
            Order(number="MINE", status="picking", claimed_by="S1"),
            Order(number="TAKEN", status="picking", claimed_by="S2"),
        ])
    events = [
        status_event(1, "TAKEN", "picking", "picked"),
        status_event(2, "MINE", "picking", "picked"),
        status_event(3, "GHOST", "new", "picking"),
        status_event(4, "TAKEN", "picked", "packing"),  # the same order again: listed once
        status_event(5, "MINE", "picked", "shipped"),  # illegal
    ]

    result = apply_batch(central, "S1", events)

    assert result.not_applied == ("TAKEN", "GHOST", "MINE")
    assert apply_batch(central, "S1", events).not_applied == ()  # a resend applies nothing, reports nothing
    assert apply_batch(central, "S1", []).not_applied == ()


def test_push_results_carry_the_orders_not_applied(any_engine: Engine, tmp_path: Path) -> None:
    central = session_factory(any_engine)
    with transaction(central) as session:
        session.add_all([
            Order(number="Q-1", status="picking", claimed_by="S1"),
            Order(number="Q-2", status="picking", claimed_by="S2"),
        ])
    local = make_station(tmp_path, "S1", 5)
    with transaction(local) as session:
        for number in ("Q-2", "Q-1", "Q-2"):
            record(session, ORDER_STATUS_CHANGED, {"order": number, "from": "picking", "to": "picked", "reason": None},
                   station="S1", order_number=number)
        # Q-1 is picked by now: picking -> picked again does not fit
        record(session, ORDER_STATUS_CHANGED, {"order": "Q-1", "from": "picking", "to": "picked", "reason": None},
               station="S1", order_number="Q-1")

    first = push_once(local, central, "S1", batch=7)  # 5 scans, Q-2, Q-1
    assert (first.sent, first.remaining, first.not_applied) == (7, 2, ("Q-2",))
    rest = push_all(local, central, "S1", batch=1)  # one batch each: totals over the batches
    assert (rest.sent, rest.remaining, rest.not_applied) == (2, 0, ("Q-2", "Q-1"))
    assert_landed_exactly_once(any_engine, local, "S1")


def test_an_outbox_with_gaps_is_read_and_marked_exactly(any_engine: Engine, tmp_path: Path) -> None:
    """Events already marked in the middle of the outbox (a concurrent pusher's batch):
    the batch is not a seq range, the mark falls back to the seqs themselves."""
    local = make_station(tmp_path, "S1", 3000)
    central = session_factory(any_engine)
    with transaction(local) as session:
        gap = [e.id for e in session.scalars(select(Event).where(Event.seq % 3 == 0))]
        session.execute(update(Event).where(Event.seq % 3 == 0).values(pushed_at=datetime.now().astimezone()))
        assert outbox_length(session) == 2000
        rows = outbox_after(session, 0, 5)
        assert [r[0] for r in rows] == [1, 2, 4, 5, 7]
        assert mark_pushed_seqs(session, [1, 2, 4]) == 3  # not contiguous: by seq
        assert mark_pushed_seqs(session, [5]) == 1  # contiguous: by range, only what still waits
        assert mark_pushed_seqs(session, [4, 5]) == 0  # already marked: nothing waits there
        assert [r[0] for r in outbox_after(session, 0, 3)] == [7, 8, 10]
        session.execute(update(Event).where(Event.seq.in_([1, 2, 4, 5])).values(pushed_at=None))

    result = push_all(local, central, "S1", batch=250)

    assert (result.sent, result.duplicates, result.remaining) == (2000, 0, 0)
    with local() as session:
        assert outbox_length(session) == 0
    with any_engine.connect() as conn:
        pushed = conn.execute(select(Event.id).where(Event.station == "S1").order_by(Event.seq)).scalars().all()
    with local() as session:
        expected = [i for i in session.scalars(select(Event.id).order_by(Event.seq)) if i not in set(gap)]
    assert pushed == expected


def test_events_recorded_during_push_all_are_pushed_too(any_engine: Engine, tmp_path: Path) -> None:
    local = make_station(tmp_path, "S1", 500)
    central_calls = {"n": 0}
    real = session_factory(any_engine)

    def central():  # records a new local event during each of the first batches' central transactions
        central_calls["n"] += 1
        if central_calls["n"] <= 3:
            with transaction(local) as session:
                record(session, "scan.accepted", {"late": central_calls["n"]}, station="S1")
        return real()

    result = push_all(local, central, "S1", batch=100)  # type: ignore[arg-type]

    assert (result.sent, result.duplicates, result.remaining) == (503, 0, 0)
    assert_landed_exactly_once(any_engine, local, "S1")


def test_a_failed_central_error_keeps_the_batches_already_pushed(any_engine: Engine, tmp_path: Path) -> None:
    local = make_station(tmp_path, "S1", 1000)
    real = session_factory(any_engine)
    calls = {"n": 0}

    def central():
        calls["n"] += 1
        if calls["n"] == 4:
            raise ConnectionError("the central database went away")
        return real()

    with pytest.raises(ConnectionError):
        push_all(local, central, "S1", batch=100)  # type: ignore[arg-type]
    with local() as session:
        assert outbox_length(session) == 700  # three batches committed centrally and marked
    result = push_all(local, real, "S1", batch=100)
    assert (result.sent, result.duplicates, result.remaining) == (700, 0, 0)
    assert_landed_exactly_once(any_engine, local, "S1")


def test_a_batch_rolled_back_after_creating_the_stage_table_does_not_break_the_next(any_engine: Engine) -> None:
    """On PostgreSQL the first batch of a connection creates its temporary stage table; if
    that transaction rolls back, the table is gone and the next batch creates it again."""
    central = session_factory(any_engine)
    naive = EventIn(str(uuid.uuid4()), 1, datetime(2025, 5, 1, 9, 0), "B-1", "scan.accepted", None, {})
    with pytest.raises((ValueError, StatementError), match="naive datetime"):
        apply_batch(central, "S1", [naive])
    good = [status_event(i, "NONE", "new", "picking")._replace(kind="scan.accepted") for i in (1, 2)]
    assert apply_batch(central, "S1", good).applied == 2
    more = [status_event(i, "NONE", "new", "picking")._replace(kind="scan.accepted") for i in (3, 4)]
    assert apply_batch(central, "S1", more).applied == 2  # the stage table kept, emptied at commit
    with central() as session:
        assert session.scalars(select(Event.origin_seq).where(Event.station == "S1").order_by(Event.seq)).all() == [
            1, 2, 3, 4]


def test_push_all_batches_grow_while_the_outbox_is_backlogged(
    any_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.sync import push

    monkeypatch.setattr(push, "DEFAULT_BATCH", 10)
    monkeypatch.setattr(push, "MAX_BATCH", 40)
    sizes: list[int] = []
    real_apply = push.apply_batch

    def apply_batch_spy(factory, station, events, **kwargs):
        sizes.append(len(events))
        return real_apply(factory, station, events, **kwargs)

    monkeypatch.setattr(push, "apply_batch", apply_batch_spy)
    local = make_station(tmp_path, "S1", 125)
    central = session_factory(any_engine)

    assert push_all(local, central, "S1").sent == 125
    assert sizes == [10, 20, 40, 40, 15]
    assert_landed_exactly_once(any_engine, local, "S1")

    sizes.clear()
    with transaction(local) as session:
        for i in range(25):
            record(session, "scan.accepted", {"i": i}, station="S1")
    assert push_all(local, central, "S1", batch=10).sent == 25  # a fixed size stays fixed
    assert sizes == [10, 10, 5]
