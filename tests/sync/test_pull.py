"""The pull: a station's replica follows the central change log, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text, update

from app.store.db import make_engine, session_factory, sqlite_url, transaction
from app.store.events import mark_pushed, outbox, record
from app.store.migrate import upgrade
from app.store.models import Change, Event, Order, OrderLine, Product, SyncState
from app.sync.capture import install, installed
from app.sync.claims import claim_next, heartbeat
from app.sync.change_log import CentralNotPrepared, Cursor
from app.sync.lost_claims import ORDER_PUT_BACK_REQUIRED
from app.sync.pull import CURSOR, pull

STATION = "PICK-01"


@pytest.fixture
def central(any_engine: Engine) -> Engine:
    install(any_engine)
    with transaction(session_factory(any_engine)) as session:
        session.add_all([Product(sku="SKU-A", name="Mug"), Product(sku="SKU-B", name="Plate")])
        session.add_all([_order("CMD-1"), _order("CMD-2")])
    return any_engine


@pytest.fixture
def local(tmp_path: Path) -> Engine:
    engine = make_engine(sqlite_url(tmp_path / "station.db"))
    upgrade(engine)
    yield engine
    engine.dispose()


def _order(number: str, **kw) -> Order:
    return Order(
        number=number,
        lines=[OrderLine(line_no=1, sku="SKU-A", quantity=2), OrderLine(line_no=2, sku="SKU-B", quantity=1)],
        **kw,
    )


def _local_order(local: Engine, number: str) -> Order | None:
    with session_factory(local)() as session:
        order = session.scalars(select(Order).where(Order.number == number)).one_or_none()
        if order is not None:
            order.lines  # loaded while the session is open
        return order


def _skus(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(connection.execute(select(Product.sku)).scalars())


def test_first_pull_is_a_snapshot_then_nothing_new(central: Engine, local: Engine) -> None:
    first = pull(central, local, STATION)
    assert first.snapshot and first.rows == 2 + 2 + 4  # products, orders, lines
    assert _skus(local) == {"SKU-A", "SKU-B"}
    second = pull(central, local, STATION)
    assert not second.snapshot and second.rows == 0 and second.lost == ()


def test_inserts_updates_and_deletes_reach_the_replica(central: Engine, local: Engine) -> None:
    pull(central, local, STATION)
    factory = session_factory(central)
    with transaction(factory) as session:
        session.add(_order("CMD-3"))
        session.execute(update(Order).where(Order.number == "CMD-1").values(status="on_hold", hold_reason="fraud?"))
        session.delete(session.scalars(select(Product).where(Product.sku == "SKU-B")).one())
    result = pull(central, local, STATION)
    assert not result.snapshot
    assert result.rows == 1 + 2 + 1 + 1  # new order + its 2 lines, changed order, deleted product
    assert _local_order(local, "CMD-3") is not None and len(_local_order(local, "CMD-3").lines) == 2
    assert _local_order(local, "CMD-1").status == "on_hold"
    assert _skus(local) == {"SKU-A"}


def test_a_heartbeat_is_not_a_change(central: Engine, local: Engine) -> None:
    claim = claim_next(central, STATION)[0]
    pull(central, local, STATION)
    with central.connect() as connection:
        before = connection.execute(select(Change.seq).order_by(Change.seq.desc()).limit(1)).scalar()
    assert heartbeat(central, STATION, [claim.claim_id]).renewed == [claim.claim_id]
    with central.connect() as connection:
        after = connection.execute(select(Change.seq).order_by(Change.seq.desc()).limit(1)).scalar()
    assert after == before
    assert pull(central, local, STATION).rows == 0


def test_an_order_with_unpushed_local_events_waits_for_its_push(central: Engine, local: Engine) -> None:
    pull(central, local, STATION)
    local_factory = session_factory(local)
    with transaction(local_factory) as session:  # the station picked on CMD-1, not pushed yet
        session.execute(update(Order).where(Order.number == "CMD-1").values(status="picking"))
        record(session, "order.status_changed", {"order": "CMD-1", "to": "picking"}, station=STATION)
    with transaction(session_factory(central)) as session:
        session.execute(update(Order).where(Order.number == "CMD-1").values(priority=5))
    held = pull(central, local, STATION)
    assert held.deferred == 1
    assert _local_order(local, "CMD-1").status == "picking"  # not put back to "new"
    with transaction(local_factory) as session:
        mark_pushed(session, [e.id for e in outbox(session)])
    again = pull(central, local, STATION)  # no new central change: the remembered order is re-read
    assert again.deferred == 0
    assert _local_order(local, "CMD-1").priority == 5
    with local.connect() as connection:
        assert connection.execute(select(SyncState.name).where(SyncState.name.like("repull:%"))).all() == []


def test_a_claimed_order_reassigned_centrally_is_reported_lost(central: Engine, local: Engine) -> None:
    claim = claim_next(central, STATION)[0]
    pull(central, local, STATION)
    assert _local_order(local, claim.order_number).claimed_by == STATION
    with transaction(session_factory(central)) as session:  # what claims.reassign writes
        session.execute(
            update(Order).where(Order.number == claim.order_number)
            .values(assigned_to="PICK-02", claimed_by=None, claim_id=None, lease_until=None)
        )
    result = pull(central, local, STATION)
    assert [(lost.order_number, lost.why, lost.put_back) for lost in result.lost] == [
        (claim.order_number, "reassigned to PICK-02", ())
    ]
    assert pull(central, local, STATION).lost == ()  # told once


def test_a_cancelled_order_lists_the_picked_units_to_put_back(central: Engine, local: Engine) -> None:
    claim = claim_next(central, STATION)[0]
    pull(central, local, STATION)
    local_factory = session_factory(local)
    with transaction(local_factory) as session:  # picked 2 mugs (pushed already)
        session.execute(update(OrderLine).where(OrderLine.sku == "SKU-A").values(picked=2))
    with transaction(session_factory(central)) as session:
        session.execute(update(Order).where(Order.number == claim.order_number).values(status="cancelled"))
    result = pull(central, local, STATION)
    assert [(lost.order_number, lost.why, lost.put_back) for lost in result.lost] == [
        (claim.order_number, "cancelled", (("SKU-A", 2),))
    ]
    with local_factory() as session:
        event = session.scalars(select(Event).where(Event.kind == ORDER_PUT_BACK_REQUIRED)).one()
    assert event.pushed_at is None and event.payload["lines"] == [{"sku": "SKU-A", "quantity": 2}]


def test_a_central_database_without_a_change_log_is_refused(sqlite_engine: Engine, local: Engine) -> None:
    assert not installed(sqlite_engine)
    with pytest.raises(CentralNotPrepared, match="quai central upgrade"):
        pull(sqlite_engine, local, STATION)


def test_another_central_database_means_a_new_snapshot(central: Engine, local: Engine, tmp_path: Path) -> None:
    pull(central, local, STATION)
    other = make_engine(sqlite_url(tmp_path / "other-central.db"))
    upgrade(other)
    install(other)
    with transaction(session_factory(other)) as session:
        session.add(Product(sku="SKU-Z", name="Bowl"))
    result = pull(other, local, STATION)
    assert result.snapshot and _skus(local) == {"SKU-Z"}
    other.dispose()


@pytest.mark.postgres
def test_a_change_committed_out_of_seq_order_is_not_skipped(pg_engine: Engine, local: Engine) -> None:
    """T1 logs its change first (lower seq) but commits after T2: a "seq > cursor" reader
    would move past T1's seq on seeing T2's and never read it."""
    install(pg_engine)
    pull(pg_engine, local, STATION)
    slow = pg_engine.connect()
    slow_tx = slow.begin()
    slow.execute(text("INSERT INTO products (sku, name, lot_tracked, serial_tracked, requires_shipping, updated_at) "
                      "VALUES ('SLOW', 'first to log', false, false, true, now())"))
    with pg_engine.begin() as fast:
        fast.execute(text("INSERT INTO products (sku, name, lot_tracked, serial_tracked, requires_shipping, updated_at) "
                          "VALUES ('FAST', 'first to commit', false, false, true, now())"))
    with pg_engine.connect() as connection:
        seqs = dict(connection.execute(text(
            "SELECT p.sku, c.seq FROM changes c JOIN products p ON p.id::text = c.row_key "
            "WHERE c.table_name = 'products'")).all())
    assert seqs == {"FAST": seqs["FAST"]}  # the slow row is not visible yet...
    pull(pg_engine, local, STATION)
    assert _skus(local) == {"FAST"}  # the cursor moves past FAST's seq, not past SLOW's transaction
    slow_tx.commit()
    slow.close()
    done = pull(pg_engine, local, STATION)
    assert done.rows == 1 and _skus(local) == {"SLOW", "FAST"}  # SLOW read now, FAST not again
    with pg_engine.connect() as connection:
        order = connection.execute(text(
            "SELECT p.sku FROM changes c JOIN products p ON p.id::text = c.row_key ORDER BY c.seq")).scalars().all()
    assert order == ["SLOW", "FAST"]  # SLOW did take the lower seq


def test_cursor_text_round_trips_and_garbage_means_snapshot() -> None:
    for cursor in (Cursor("a1b2-c3", "snap", "1234:1240:1235,1237"), Cursor("a1b2-c3", "seq", "88")):
        assert Cursor.parse(str(cursor)) == cursor
    for garbage in ("nonsense", None, "a1:xid:12", "a1:snap:12; DROP TABLE orders", "a1:seq:-3", ":seq:4"):
        assert Cursor.parse(garbage) is None
    assert CURSOR == "pull_cursor"


def test_a_snapshot_keeps_the_orders_with_unpushed_local_events(central: Engine, local: Engine) -> None:
    pull(central, local, STATION)
    local_factory = session_factory(local)
    with transaction(local_factory) as session:
        session.execute(update(Order).where(Order.number == "CMD-1").values(status="picking"))
        record(session, "order.status_changed", {"order": "CMD-1", "to": "picking"}, station=STATION)
        session.execute(SyncState.__table__.delete().where(SyncState.name == CURSOR))  # forces a snapshot
    with transaction(session_factory(central)) as session:
        session.execute(update(Order).values(priority=7))
    again = pull(central, local, STATION)
    assert again.snapshot and again.deferred == 1
    assert _local_order(local, "CMD-1").status == "picking" and _local_order(local, "CMD-1").priority == 0
    assert _local_order(local, "CMD-2").priority == 7 and len(_local_order(local, "CMD-1").lines) == 2
    with transaction(local_factory) as session:
        mark_pushed(session, [e.id for e in outbox(session)])
    pull(central, local, STATION)  # the remembered order and its lines are re-read
    assert _local_order(local, "CMD-1").priority == 7 and _local_order(local, "CMD-1").status == "new"


def test_two_badges_swapped_centrally_still_pull(central: Engine, local: Engine) -> None:
    """Written row by row, the swap collides on the unique badge: the pull falls back to a snapshot."""
    from app.store.models import User

    with transaction(session_factory(central)) as session:
        session.add_all([User(name="Ana", badge="BDG0001", roles="picker"), User(name="Bob", badge="BDG0002", roles="picker")])
    pull(central, local, STATION)
    with transaction(session_factory(central)) as session:
        ana, bob = (session.scalars(select(User).where(User.name == n)).one() for n in ("Ana", "Bob"))
        ana.badge = "TMP"
        session.flush()
        bob.badge = "BDG0001"
        session.flush()
        ana.badge = "BDG0002"
    result = pull(central, local, STATION)
    assert result.snapshot
    with local.connect() as connection:
        assert dict(connection.execute(select(User.name, User.badge)).all()) == {"Ana": "BDG0002", "Bob": "BDG0001"}


def test_a_pull_commits_without_fsync_but_hands_back_a_fully_durable_connection(central: Engine, tmp_path: Path) -> None:
    """synchronous=NORMAL for the pull's own commit only: the next user of the connection (a
    scan, the outbox) must find synchronous=FULL (2) again, after a failed pull too."""
    one = make_engine(sqlite_url(tmp_path / "one.db"), pool_size=1, max_overflow=0)  # always the same connection
    upgrade(one)
    try:
        seen: list[int] = []
        from sqlalchemy import event

        @event.listens_for(one, "before_cursor_execute")
        def spy(conn, cursor, statement, *_args) -> None:
            if statement.startswith("BEGIN IMMEDIATE"):
                seen.append(conn.exec_driver_sql("PRAGMA synchronous").scalar())

        pull(central, one, STATION)
        assert seen == [1]  # NORMAL during the pull
        with one.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        with transaction(session_factory(central)) as session:
            session.add(Product(sku="SKU-C", name="Cup"))
        with one.begin() as connection:  # the replica broken under the pull: its write fails
            connection.exec_driver_sql("ALTER TABLE products RENAME TO products_gone")
        with pytest.raises(Exception):
            pull(central, one, STATION)
        with one.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
    finally:
        one.dispose()
