"""Fill an (already migrated) database with the demo warehouse.

The catalogue, floor, stock and orders go through the real importers, from the
files the generator writes, so the demo shows exactly what a shop's exports
would give. People, box types and stations have no import format: they are
inserted directly. Running it again changes nothing already there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.demo.cutoffs import cutoff_for, pickup_for
from app.demo.cutoffs import PARIS
from app.demo.generate import KIND_OF, generate, write_files
from app.demo.prepick import prepick
from app.domain.events import ORDER_UPDATED
from app.domain.roles import Role
from app.imports import ImportReport, run_import
from app.store.db import transaction
from app.store.events import record
from app.store.models import BoxType, Location, Order, Product, Station, Stock, User
from app.store.users import add_user

DEMO_STATION = "admin"

# The supervisor's PIN is printed in the README: demo only, never on a real site.
DEMO_SUPERVISOR_PIN = "1234"
P, K, S = Role.PICKER, Role.PACKER, Role.SUPERVISOR
DEMO_USERS: list[tuple[str, str, frozenset[Role], str | None]] = [
    ("BDG0001", "Camille Martin", frozenset({P}), None),
    ("BDG0002", "Lucas Bernard", frozenset({P}), None),
    ("BDG0003", "Chloé Dubois", frozenset({K}), None),
    ("BDG0004", "Hugo Moreau", frozenset({K}), None),
    ("BDG0005", "Inès Roux", frozenset({P, K}), None),
    ("BDG0006", "Nathalie Laurent", frozenset({S}), DEMO_SUPERVISOR_PIN),
]

# (code, name, inner L×W×H mm, max weight g, tare g, eco)
DEMO_BOXES: list[tuple[str, str, tuple[int, int, int], int, int, bool]] = [
    ("POCHETTE-KRAFT", "Pochette kraft rembourrée papier", (250, 180, 30), 1000, 25, True),
    ("CARTON-S", "Carton S recyclé", (200, 150, 100), 3000, 120, True),
    ("CARTON-M", "Carton M recyclé", (300, 220, 150), 8000, 250, True),
    ("CARTON-L", "Carton L double cannelure", (400, 300, 250), 15000, 450, False),
    ("ETUI-BOUTEILLE", "Étui bouteille calé", (320, 100, 100), 2000, 180, False),
    ("CARTON-B2B", "Carton export B2B", (600, 400, 400), 30000, 900, False),
]

DEMO_PREPICKED = 5  # orders the demo's robot picker leaves in totes TOT801… for packing

DEMO_STATIONS = [("PICK-01", "picking"), ("PICK-02", "picking"), ("PACK-01", "packing"),
                 ("SUP-01", "supervisor"), ("DEMO-01", "any")]


@dataclass
class DemoSummary:
    products: int
    locations: int
    stock_rows: int
    orders_by_status: dict[str, int]
    users: int
    box_types: int
    stations: int
    files: dict[str, Path] = field(default_factory=dict)
    reports: dict[str, ImportReport] = field(default_factory=dict)

    @property
    def orders(self) -> int:
        return sum(self.orders_by_status.values())

    def __str__(self) -> str:
        statuses = ", ".join(f"{status} {count}" for status, count in sorted(self.orders_by_status.items()))
        return (
            f"demo warehouse: {self.products} products, {self.locations} locations, {self.stock_rows} stock rows, "
            f"{self.orders} orders ({statuses}), {self.users} users, {self.box_types} box types, "
            f"{self.stations} stations"
        )


def build_demo(factory: sessionmaker[Session], *, workdir: Path, now: datetime | None = None) -> DemoSummary:
    """Write the demo files into ``workdir`` and import them; returns what the database holds."""
    now = now or datetime.now(UTC)
    files = write_files(generate(now), Path(workdir))
    reports = {}
    for name, path in files.items():
        reports[name] = run_import(factory, KIND_OF[name], path, station=DEMO_STATION, now=now)
    with transaction(factory) as session:
        _add_people_and_equipment(session)
        _set_cutoffs(session, now)
    # A few orders already picked into totes, so the packing station has work at once.
    prepick(factory, DEMO_PREPICKED, now.astimezone(PARIS).date())
    summary = summarise(factory)
    summary.files, summary.reports = files, reports
    return summary


def _add_people_and_equipment(session: Session) -> None:
    known_badges = set(session.scalars(select(User.badge)))
    for badge, name, roles, pin in DEMO_USERS:
        if badge not in known_badges:
            add_user(session, name=name, badge=badge, roles=roles, pin=pin, station=DEMO_STATION)
    known_boxes = set(session.scalars(select(BoxType.code)))
    for code, name, (length, width, height), max_g, tare_g, eco in DEMO_BOXES:
        if code not in known_boxes:
            session.add(BoxType(code=code, name=name, inner_length_mm=length, inner_width_mm=width,
                                inner_height_mm=height, max_weight_g=max_g, tare_g=tare_g, eco=eco))
    known_stations = set(session.scalars(select(Station.name)))
    for name, kind in DEMO_STATIONS:
        if name not in known_stations:
            session.add(Station(name=name, kind=kind))


def _set_cutoffs(session: Session, now: datetime) -> None:
    # Only orders without a pickup: a re-run must not move a cutoff the floor already works to.
    # (The importer set each new order's generic carrier cutoff; the demo's trucks replace it.)
    for order in session.scalars(select(Order).where(Order.ship_by.is_(None)).order_by(Order.id)):
        order.ship_by = pickup_for(order.carrier, order.created_at, now)
        order.cutoff_at = cutoff_for(order.carrier, order.created_at, now)
        record(session, ORDER_UPDATED, {"order": order.number, "ship_by": order.ship_by.isoformat(),
                                        "cutoff_at": order.cutoff_at.isoformat(), "reason": "demo carrier pickups"},
               station=DEMO_STATION, order_number=order.number)


def summarise(factory: sessionmaker[Session]) -> DemoSummary:
    with factory() as session:
        def count(model: type) -> int:
            return session.scalar(select(func.count()).select_from(model)) or 0

        statuses = dict(session.execute(select(Order.status, func.count()).group_by(Order.status)).all())
        return DemoSummary(
            products=count(Product), locations=count(Location), stock_rows=count(Stock),
            orders_by_status={str(k): int(v) for k, v in statuses.items()},
            users=count(User), box_types=count(BoxType), stations=count(Station),
        )
