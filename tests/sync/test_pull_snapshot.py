"""The station's replica is filled from the central database; its outbox is never touched."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, func, select

from app.domain.roles import Role
from app.store import events as event_log
from app.store.db import make_engine, session_factory, sqlite_url, transaction
from app.store.migrate import upgrade
from app.store.models import Order, OrderLine, Product, User
from app.store.users import add_user, find_by_badge
from app.sync.capture import install
from app.sync.pull import pull

STATION = "PICK-01"


@pytest.fixture
def replica(tmp_path) -> Engine:
    engine = make_engine(sqlite_url(tmp_path / "station-PICK-01.db"))
    upgrade(engine)
    return engine


def refresh_replica(central: Engine, replica: Engine):
    return pull(central, replica, STATION)


@pytest.fixture
def central(any_engine: Engine) -> Engine:
    install(any_engine)
    return any_engine


def test_snapshot_copies_central_data_and_keeps_the_outbox(central: Engine, replica: Engine) -> None:
    any_engine = central
    central = session_factory(any_engine)
    with transaction(central) as session:
        add_user(session, name="Camille Martin", badge="BDG0001", roles=frozenset({Role.PICKER}))
        session.add(Product(sku="SAV-300", name="Savon de Marseille"))
        order = Order(number="#1001")
        order.lines = [OrderLine(line_no=1, sku="SAV-300", quantity=3)]
        session.add(order)
    local = session_factory(replica)
    with transaction(local) as session:  # the station logged someone in before: an unpushed event
        event_log.record(session, "user.logged_in", {"badge": "BDG0001"}, station="PICK-01", actor="BDG0001")

    report = refresh_replica(any_engine, replica)
    assert report.snapshot and report.rows == 4  # user, product, order, line

    with transaction(central) as session:  # a later change centrally shows up at the next refresh
        session.scalar(select(Order)).lines[0].quantity = 5
    assert refresh_replica(any_engine, replica).rows == 1  # only the changed line

    with local() as session:
        assert find_by_badge(session, "BDG0001").name == "Camille Martin"
        assert session.scalar(select(OrderLine.quantity)) == 5
        assert session.scalar(select(func.count()).select_from(Order)) == 1
        assert [e.kind for e in event_log.outbox(session)] == ["user.logged_in"]
        # the central database's own events are not copied into the station's outbox
        assert event_log.outbox_length(session) == 1


def test_a_failed_snapshot_keeps_the_previous_replica(sqlite_engine: Engine, replica: Engine, tmp_path) -> None:
    install(sqlite_engine)
    with transaction(session_factory(sqlite_engine)) as session:
        session.add(User(name="Lucas", badge="BDG0002", roles="picker"))
    refresh_replica(sqlite_engine, replica)
    broken_central = make_engine(sqlite_url(tmp_path / "no-schema.db"))  # tables missing: the read fails
    with pytest.raises(Exception, match="sync_state"):
        refresh_replica(broken_central, replica)
    with session_factory(replica)() as session:
        assert find_by_badge(session, "BDG0002") is not None


def test_snapshot_is_one_moment_even_while_an_import_commits(central: Engine, replica: Engine) -> None:
    """An order committed between the reads of `orders` and `order_lines` must not half-appear,
    and the next pull (from the snapshot's cursor, not a snapshot) brings it in whole."""
    any_engine = central
    from sqlalchemy import event

    writer = make_engine(any_engine.url.render_as_string(hide_password=False))
    committed: list[bool] = []

    def commit_meanwhile(_conn, _cursor, statement, *_args) -> None:
        if "FROM orders" in statement and not committed:
            committed.append(True)
            with transaction(session_factory(writer)) as session:
                order = Order(number="#9001")
                order.lines = [OrderLine(line_no=1, sku="SAV-300", quantity=1)]
                session.add(order)

    event.listen(any_engine, "after_cursor_execute", commit_meanwhile)
    try:
        report = refresh_replica(any_engine, replica)
    finally:
        event.remove(any_engine, "after_cursor_execute", commit_meanwhile)
        writer.dispose()
    assert committed  # the concurrent import really happened during the refresh
    assert report.snapshot and report.rows == 0
    again = refresh_replica(any_engine, replica)  # and the next pull brings it in whole
    assert not again.snapshot and again.rows == 2
    with session_factory(replica)() as session:
        assert session.scalar(select(func.count()).select_from(OrderLine)) == 1
