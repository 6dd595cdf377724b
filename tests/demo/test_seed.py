"""Seeding the demo through the real importers, on SQLite and on the real PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, func, select

from app.demo.seed import DEMO_SUPERVISOR_PIN, build_demo
from app.domain.gtin import has_valid_check_digit
from app.domain.roles import Role
from app.store.db import session_factory
from app.store.models import BoxType, Location, Order, Product, ProductGtin, Station, Stock, User
from app.store.users import check_pin, find_by_badge

NOW = datetime(2026, 11, 24, 14, 0, tzinfo=UTC)  # a Tuesday


def test_build_demo_gives_the_issue_figures(any_engine: Engine, tmp_path: Path) -> None:
    factory = session_factory(any_engine)
    summary = build_demo(factory, workdir=tmp_path / "demo", now=NOW)

    assert summary.products >= 60 and summary.locations >= 200 and summary.orders >= 40
    assert summary.orders_by_status.get("on_hold", 0) >= 2
    assert summary.orders_by_status.get("awaiting_stock", 0) >= 2
    assert all(path.exists() for path in summary.files.values())
    assert not any(report.warnings for report in summary.reports.values())
    assert "64 products" in str(summary)

    with factory() as session:
        products = session.scalars(select(Product)).all()
        assert all(p.gtins for p in products), "every product has a barcode"
        assert all(has_valid_check_digit(g) for g in session.scalars(select(ProductGtin.gtin)))
        assert all(p.length_mm and p.weight_g for p in products)
        assert sum(p.lot_tracked for p in products) >= 5 and sum(p.serial_tracked for p in products) >= 2
        stocked = set(session.scalars(select(Stock.product_id).where(Stock.quantity > 0)))
        assert stocked == {p.id for p in products}
        assert session.scalar(select(func.count()).select_from(Stock).where(Stock.lot != "", Stock.expiry.is_not(None))) >= 10
        assert set(session.scalars(select(Location.zone).distinct())) >= {"A", "B", "C", "D", "F", "R"}

        orders = session.scalars(select(Order)).all()
        channels = {o.channel for o in orders}
        assert channels == {"b2b", "b2c"}
        assert {o.carrier for o in orders} == {"colissimo", "chronopost", "mondial_relay", "click_collect"}
        assert all(o.delivery_mode == "pickup" for o in orders if o.carrier == "click_collect")
        relays = [o for o in orders if o.carrier == "mondial_relay"]
        assert relays and all(o.delivery_mode == "relay" and o.relay_point_id and o.relay_point_name for o in relays)
        assert sum(bool(o.gift_message) for o in orders) >= 3
        assert any(len(o.lines) >= 3 for o in orders)
        assert any("\n" in o.ship_address1 for o in orders)
        assert all(o.cutoff_at is not None and o.ship_by is not None and o.cutoff_at < o.ship_by for o in orders)
        holds = " ".join(o.hold_reason or "" for o in orders)
        assert "fraud_risk" in holds and "awaiting_payment" in holds

        for role in Role:
            assert any(role.value in u.role_set for u in session.scalars(select(User)))
        assert any(len(u.role_set) > 1 for u in session.scalars(select(User)))
        supervisor = find_by_badge(session, "BDG0006")
        assert supervisor is not None and supervisor.name == "Nathalie Laurent"
        assert check_pin(supervisor, DEMO_SUPERVISOR_PIN)
        assert find_by_badge(session, "BDG0001").name == "Camille Martin"
        assert session.scalar(select(func.count()).select_from(BoxType).where(BoxType.eco.is_(True))) >= 2
        assert {"PICK-01", "PACK-01", "SUP-01"} <= set(session.scalars(select(Station.name)))


def test_build_demo_twice_changes_nothing(sqlite_engine: Engine, tmp_path: Path) -> None:
    factory = session_factory(sqlite_engine)
    first = build_demo(factory, workdir=tmp_path / "demo", now=NOW)
    with factory() as session:
        cutoffs = dict(session.execute(select(Order.number, Order.cutoff_at)).all())
    second = build_demo(factory, workdir=tmp_path / "demo", now=NOW)
    assert (second.products, second.locations, second.stock_rows, second.orders_by_status, second.users) == (
        first.products, first.locations, first.stock_rows, first.orders_by_status, first.users)
    # Only the stock file changes something: it is a count of the shelves, and the demo's robot
    # picker (app.demo.prepick) took units off them after the first import.
    assert all(r.imported == 0 and r.updated == 0 for name, r in second.reports.items() if name != "stock")
    assert second.reports["stock"].imported == 0
    with factory() as session:
        assert dict(session.execute(select(Order.number, Order.cutoff_at)).all()) == cutoffs


def test_the_demo_leaves_a_few_orders_picked_in_totes_for_the_packer(sqlite_engine: Engine, tmp_path: Path) -> None:
    """Picked by the real picking session and store: lines picked in full, lots captured for
    lot-tracked products, stock taken off the shelves, one tote each."""
    from app.demo.prepick import FIRST_TOTE
    from app.demo.seed import DEMO_PREPICKED
    from app.store.models import OrderLine, Product, Stock

    factory = session_factory(sqlite_engine)
    build_demo(factory, workdir=tmp_path / "demo", now=NOW)
    with factory() as session:
        picked = session.scalars(select(Order).where(Order.status == "picked").order_by(Order.number)).all()
        assert len(picked) == DEMO_PREPICKED
        totes = sorted(tote for order in picked for tote in order.totes)
        assert totes == [f"TOT{FIRST_TOTE + i}" for i in range(DEMO_PREPICKED)]
        lot_tracked = set(session.scalars(select(Product.sku).where(Product.lot_tracked.is_(True))))
        lines = [line for order in picked for line in order.lines if line.requires_shipping]
        assert lines and all(line.picked == line.quantity for line in lines)
        assert any(line.sku in lot_tracked for line in lines)
        for line in lines:
            captured = sum(entry.get("quantity", 1) for entry in line.captured)
            assert captured == line.picked
            if line.sku in lot_tracked:
                assert all(entry["lot"] for entry in line.captured)
        after_pick = session.scalar(select(func.sum(Stock.quantity)))
    build_demo(factory, workdir=tmp_path / "demo", now=NOW)  # built again: nothing picked twice
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(Order).where(Order.status == "picked")) == DEMO_PREPICKED
        # the stock file is a count of the shelves: imported again, it puts back what the robot took
        units = sum(line.picked for line in lines)
        assert session.scalar(select(func.sum(Stock.quantity))) == after_pick + units
