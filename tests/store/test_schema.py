"""The schema on SQLite and on the real PostgreSQL, from the same migration scripts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.exc import IntegrityError

from app.domain.status import IllegalTransition
from app.store import events as event_log
from app.store.db import make_engine, session_factory, sqlite_url, transaction
from app.store.migrate import current_revision, downgrade, head_revision, run_migration, upgrade
from app.store.models import Base, Order, OrderLine, Product, ProductGtin
from app.store.orders import change_status

EXPECTED_TABLES = {
    "products", "product_gtins", "locations", "stock", "orders", "order_lines", "users",
    "stations", "box_types", "parcels", "events",
}


def test_migrations_create_every_table_at_head(any_engine: Engine) -> None:
    assert current_revision(any_engine) == head_revision()
    assert EXPECTED_TABLES <= set(inspect(any_engine).get_table_names())


def test_migrations_match_the_models(any_engine: Engine) -> None:
    """The migration scripts and the ORM models describe the same schema."""
    from alembic.autogenerate import compare_metadata

    with any_engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_downgrade_then_upgrade_round_trip(any_engine: Engine) -> None:
    downgrade(any_engine, "base")
    assert "orders" not in inspect(any_engine).get_table_names()
    upgrade(any_engine)
    assert current_revision(any_engine) == head_revision()


def test_sqlite_runs_in_wal_with_foreign_keys(sqlite_engine: Engine) -> None:
    with sqlite_engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_foreign_keys_are_enforced(any_engine: Engine) -> None:
    factory = session_factory(any_engine)
    with pytest.raises(IntegrityError):
        with transaction(factory) as session:
            session.add(OrderLine(order_id=999_999, line_no=1, sku="X", quantity=1))


def _order_with_lines(factory) -> None:
    with transaction(factory) as session:
        order = Order(number="#1001", customer_name="Camille")
        order.lines = [OrderLine(line_no=i, sku=f"SKU-{i}", quantity=1) for i in (1, 2, 3)]
        session.add(order)


def _rebuild_orders_table(config) -> None:
    """A batch migration that makes SQLite rebuild the orders table (copy, drop, rename)."""
    context = MigrationContext.configure(config.attributes["connection"])
    with Operations.context(context) as op, op.batch_alter_table("orders", recreate="always") as batch:
        batch.alter_column("notes", existing_type=None, comment=None)


def test_batch_rebuild_keeps_child_rows(tmp_path) -> None:
    engine = make_engine(sqlite_url(tmp_path / "batch.db"))
    upgrade(engine)
    factory = session_factory(engine)
    _order_with_lines(factory)

    run_migration(engine, _rebuild_orders_table)

    with factory() as session:
        assert session.scalar(select(Order).where(Order.number == "#1001")) is not None
        assert len(session.scalars(select(OrderLine)).all()) == 3
    with engine.connect() as connection:  # and the foreign keys are back on afterwards
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_the_hazard_the_migration_runner_avoids(tmp_path) -> None:
    """Control: the same rebuild with foreign keys on cascades and deletes the lines."""
    engine = make_engine(sqlite_url(tmp_path / "hazard.db"))
    upgrade(engine)
    factory = session_factory(engine)
    _order_with_lines(factory)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1

        class _Config:
            attributes = {"connection": connection}

        _rebuild_orders_table(_Config)
        connection.commit()
    with factory() as session:
        assert session.scalars(select(OrderLine)).all() == []


def test_status_change_and_its_event_commit_together(any_engine: Engine) -> None:
    factory = session_factory(any_engine)
    _order_with_lines(factory)
    with transaction(factory) as session:
        order = session.scalar(select(Order).where(Order.number == "#1001"))
        change_status(session, order, "on_hold", station="SUP-01", actor="BDG0005", reason="fraud risk")
    with pytest.raises(IllegalTransition, match="on_hold -> shipped"):
        with transaction(factory) as session:
            order = session.scalar(select(Order).where(Order.number == "#1001"))
            change_status(session, order, "shipped", station="SUP-01")
    with factory() as session:
        order = session.scalar(select(Order).where(Order.number == "#1001"))
        assert (order.status, order.hold_reason, order.resume_status) == ("on_hold", "fraud risk", "new")
        history = event_log.history(session, "#1001")
        assert [e.kind for e in history] == ["order.status_changed"]
        assert history[0].payload == {"order": "#1001", "from": "new", "to": "on_hold", "reason": "fraud risk"}
        assert history[0].station == "SUP-01" and history[0].actor == "BDG0005"
        assert event_log.outbox_length(session) == 1
    with transaction(factory) as session:
        event_log.mark_pushed(session, [history[0].id])
    with factory() as session:
        assert event_log.outbox_length(session) == 0


def test_times_come_back_aware_utc(any_engine: Engine) -> None:
    factory = session_factory(any_engine)
    paris = timezone(timedelta(hours=1))
    with transaction(factory) as session:
        session.add(Order(number="#T", created_at=datetime(2026, 11, 20, 9, 14, 3, tzinfo=paris)))
    with factory() as session:
        created = session.scalar(select(Order.created_at).where(Order.number == "#T"))
    assert created == datetime(2026, 11, 20, 8, 14, 3, tzinfo=UTC)
    assert created.tzinfo is not None


def test_gtin_belongs_to_one_product(any_engine: Engine) -> None:
    factory = session_factory(any_engine)
    with transaction(factory) as session:
        session.add(Product(sku="A", name="A", gtins=[ProductGtin(gtin="03760000000017")]))
    with pytest.raises(IntegrityError):
        with transaction(factory) as session:
            session.add(Product(sku="B", name="B", gtins=[ProductGtin(gtin="03760000000017")]))


def test_event_uuid_is_unique(any_engine: Engine) -> None:
    """The central side applies events keyed by UUID; the key must hold in every store."""
    factory = session_factory(any_engine)
    with transaction(factory) as session:
        first = event_log.record(session, "test.kind", {"n": 1}, station="S1")
    with pytest.raises(IntegrityError):
        with factory() as session, session.begin():
            session.execute(
                text(
                    "INSERT INTO events (id, occurred_at, station, kind, payload) "
                    "VALUES (:id, :at, 'S2', 'test.kind', '{}')"
                ),
                {"id": first.id, "at": datetime.now(UTC).replace(tzinfo=None)},
            )


@pytest.mark.postgres
def test_postgres_connections_give_up_quickly_and_keep_alive(pg_engine: Engine) -> None:
    """A station must not hang for minutes on a central host that drops packets."""
    with pg_engine.connect() as connection:
        dsn = connection.connection.driver_connection.info.dsn
    assert "connect_timeout=5" in dsn and "keepalives=1" in dsn
