"""The data model, shared by station replicas (SQLite) and the central database.

Conventions: quantities are integers (units), weights are grams, dimensions are
millimetres, times are aware UTC datetimes, GTINs are stored as GTIN-14.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    column,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.domain.events import utc_now
from app.store.types import UtcDateTime

# Named constraints: Alembic's SQLite batch mode needs names to drop or alter them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Product(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    weight_g: Mapped[int | None] = mapped_column(Integer)
    length_mm: Mapped[int | None] = mapped_column(Integer)
    width_mm: Mapped[int | None] = mapped_column(Integer)
    height_mm: Mapped[int | None] = mapped_column(Integer)
    image_url: Mapped[str | None] = mapped_column(String(1024))
    lot_tracked: Mapped[bool] = mapped_column(Boolean, default=False)
    serial_tracked: Mapped[bool] = mapped_column(Boolean, default=False)
    requires_shipping: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)

    gtins: Mapped[list[ProductGtin]] = relationship(
        back_populates="product", cascade="all, delete-orphan", order_by="ProductGtin.gtin"
    )


class ProductGtin(Base):
    """One barcode of a product, normalised to GTIN-14 so UPC-A, EAN-13 and GTIN-14 scans agree."""

    __tablename__ = "product_gtins"

    gtin: Mapped[str] = mapped_column(String(14), primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)

    product: Mapped[Product] = relationship(back_populates="gtins")


class Location(Base):
    __tablename__ = "locations"
    __table_args__ = (Index("ix_locations_route", "pick_sequence", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    zone: Mapped[str] = mapped_column(String(16))
    aisle: Mapped[str] = mapped_column(String(16))
    bay: Mapped[str] = mapped_column(String(16))
    level: Mapped[str] = mapped_column(String(16))
    pick_sequence: Mapped[int] = mapped_column(Integer)


class Stock(Base):
    """Units of a product at a location; ``lot`` is '' when the product is not lot-tracked.

    The empty string rather than NULL keeps the unique constraint meaningful:
    PostgreSQL and SQLite both treat NULLs as distinct.
    """

    __tablename__ = "stock"
    __table_args__ = (UniqueConstraint("product_id", "location_id", "lot", name="uq_stock_product_location_lot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id", ondelete="CASCADE"), index=True)
    location_id: Mapped[int] = mapped_column(ForeignKey("locations.id", ondelete="CASCADE"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    lot: Mapped[str] = mapped_column(String(64), default="")
    expiry: Mapped[date | None] = mapped_column(Date)

    product: Mapped[Product] = relationship()
    location: Mapped[Location] = relationship()


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        Index("ix_orders_status_cutoff", "status", "cutoff_at", "priority"),
        # The console's order list, in its order (app.store.order_browser, migration 0007).
        Index("ix_orders_urgency", "cutoff_at", column("priority").desc(), "number", "status", "carrier"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(String(16), default="quai")  # shopify | quai | demo
    external_id: Mapped[str | None] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(8), default="b2c")  # b2c | b2b
    customer_name: Mapped[str] = mapped_column(String(255), default="")
    customer_email: Mapped[str | None] = mapped_column(String(255))
    customer_phone: Mapped[str | None] = mapped_column(String(64))
    ship_name: Mapped[str] = mapped_column(String(255), default="")
    ship_company: Mapped[str | None] = mapped_column(String(255))
    ship_address1: Mapped[str] = mapped_column(String(255), default="")
    ship_address2: Mapped[str | None] = mapped_column(String(255))
    ship_zip: Mapped[str] = mapped_column(String(32), default="")
    ship_city: Mapped[str] = mapped_column(String(128), default="")
    ship_province: Mapped[str | None] = mapped_column(String(128))
    ship_country: Mapped[str] = mapped_column(String(2), default="FR")
    shipping_method: Mapped[str | None] = mapped_column(String(255))  # as the shop wrote it
    carrier: Mapped[str | None] = mapped_column(String(32))  # colissimo | chronopost | mondial_relay | click_collect
    service: Mapped[str | None] = mapped_column(String(64))
    delivery_mode: Mapped[str] = mapped_column(String(8), default="home")  # home | relay | pickup
    relay_point_id: Mapped[str | None] = mapped_column(String(64))
    relay_point_name: Mapped[str | None] = mapped_column(String(255))
    payment_method: Mapped[str | None] = mapped_column(String(128))
    financial_status: Mapped[str | None] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    ship_by: Mapped[datetime | None] = mapped_column(UtcDateTime)
    cutoff_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    priority: Mapped[int] = mapped_column(Integer, default=0)  # higher goes first
    gift_message: Mapped[str | None] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="new", index=True)
    # Where a held or excepted order goes back to (see app.domain.status.OrderState).
    resume_status: Mapped[str | None] = mapped_column(String(16))
    hold_reason: Mapped[str | None] = mapped_column(String(255))
    exception_reason: Mapped[str | None] = mapped_column(String(255))
    # Claims (app.sync.claims): the station working on the order holds a lease it renews
    # with a heartbeat; ``claim_id`` tells a stale holder's renewal from the current one's.
    claimed_by: Mapped[str | None] = mapped_column(String(64), index=True)
    claim_id: Mapped[str | None] = mapped_column(String(36))
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    assigned_to: Mapped[str | None] = mapped_column(String(64))  # a supervisor's choice: station or badge
    # The totes the order was picked into (set when it becomes ``picked``, app.store.picking).
    totes: Mapped[list[str] | None] = mapped_column(JSON)
    # Who packed it (badge) and when it was closed (app.store.packing).
    packed_by: Mapped[str | None] = mapped_column(String(64))
    packed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.line_no"
    )
    parcels: Mapped[list[Parcel]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="Parcel.seq"
    )


class OrderLine(Base):
    __tablename__ = "order_lines"
    __table_args__ = (UniqueConstraint("order_id", "line_no", name="uq_order_lines_order_line_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    sku: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(255), default="")
    quantity: Mapped[int] = mapped_column(Integer)
    picked: Mapped[int] = mapped_column(Integer, default=0)
    verified: Mapped[int] = mapped_column(Integer, default=0)
    # False for lines that are not picked (gift cards, digital goods).
    requires_shipping: Mapped[bool] = mapped_column(Boolean, default=True)
    # Lots and serials captured while picking/packing: [{"lot": "L1", "expiry": "2027-01-31", "qty": 2}, {"serial": "S9"}]
    captured: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # A short pick (app.store.picking): units found missing and not covered since, and why
    # (location_empty | damaged | not_found). NULL: never short.
    short_quantity: Mapped[int | None] = mapped_column(Integer)
    short_reason: Mapped[str | None] = mapped_column(String(32))

    order: Mapped[Order] = relationship(back_populates="lines")


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(128))
    badge: Mapped[str] = mapped_column(String(64), unique=True)
    roles: Mapped[str] = mapped_column(String(64))  # comma-separated: picker,packer,supervisor
    pin_hash: Mapped[str | None] = mapped_column(String(255))  # scrypt, see app.domain.pin
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)

    @property
    def role_set(self) -> frozenset[str]:
        return frozenset(r for r in self.roles.split(",") if r)


class Station(Base):
    __tablename__ = "stations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16), default="any")  # picking | packing | supervisor | any
    current_user: Mapped[str | None] = mapped_column(String(64))  # badge
    last_seen_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # Central side: the highest station-local event seq applied from this station, so its
    # events are applied once and in order (app.sync.central).
    pushed_seq: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class BoxType(Base):
    __tablename__ = "box_types"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(128))
    inner_length_mm: Mapped[int] = mapped_column(Integer)
    inner_width_mm: Mapped[int] = mapped_column(Integer)
    inner_height_mm: Mapped[int] = mapped_column(Integer)
    max_weight_g: Mapped[int] = mapped_column(Integer)
    tare_g: Mapped[int] = mapped_column(Integer)
    eco: Mapped[bool] = mapped_column(Boolean, default=False)


class Parcel(Base):
    __tablename__ = "parcels"
    __table_args__ = (UniqueConstraint("order_id", "seq", name="uq_parcels_order_seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # parcel n of N
    sscc: Mapped[str | None] = mapped_column(String(18), unique=True)
    box_type_id: Mapped[int | None] = mapped_column(ForeignKey("box_types.id", ondelete="SET NULL"))
    weight_g: Mapped[int | None] = mapped_column(Integer)
    tracking_code: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="open")  # open | closed | shipped
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
    # What went in it: {"<line_id>": units} (JSON keys are strings). NULL for a pallet.
    contents: Mapped[dict[str, int] | None] = mapped_column(JSON)
    kind: Mapped[str] = mapped_column(String(8), default="parcel", server_default="parcel")  # parcel | carton | pallet
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # labelled, ready to ship
    shipped_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # handed to the courier

    order: Mapped[Order] = relationship(back_populates="parcels")
    box_type: Mapped[BoxType | None] = relationship()


class Event(Base):
    """The event log: audit trail and outbox in one.

    ``seq`` orders events within one database (a station's own order locally, the
    order of arrival centrally, which is the pull cursor). ``id`` is the UUID that
    makes applying an event idempotent. ``pushed_at`` is NULL while the event
    waits in the station's outbox.
    """

    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_outbox", "pushed_at", "seq"),
        # One day of one kind (the console's KPIs, app.store.kpis; migration 0008).
        Index("ix_events_kind_time", "kind", "occurred_at"),
    )

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    occurred_at: Mapped[datetime] = mapped_column(UtcDateTime)
    station: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str | None] = mapped_column(String(64))  # badge of the person, None for system jobs
    kind: Mapped[str] = mapped_column(String(64), index=True)
    order_number: Mapped[str | None] = mapped_column(String(64), index=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    pushed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # Central side: the event's seq in its station's outbox (NULL for events written centrally).
    origin_seq: Mapped[int | None] = mapped_column(Integer)


class SyncState(Base):
    """A station's own bookkeeping, never replicated: pull cursor, last successful sync."""

    __tablename__ = "sync_state"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(255))


class Change(Base):
    """The central change log the stations pull from (app.sync.capture, app.sync.pull).

    Filled only by database triggers (installed by app.sync.capture on the central
    database), one row per changed row of a replicated table: whatever writes (an import,
    a claim, a supervisor, psql) cannot forget to log its change. ``txid`` is the writing
    transaction's id on PostgreSQL (pull cursor, see app.sync.pull); NULL on SQLite, where
    writers are serialised and ``seq`` alone is the cursor.
    """

    __tablename__ = "changes"
    __table_args__ = (Index("ix_changes_txid", "txid", "seq"),)

    seq: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True)
    txid: Mapped[int | None] = mapped_column(BigInteger)
    table_name: Mapped[str] = mapped_column(String(32))
    row_key: Mapped[str] = mapped_column(String(64))


# --- SSCC numbering (app.domain.sscc, app.sync.sscc, app.store.sscc_pool) -----------------
# Central-only tables (sscc_counters, sscc_blocks) and a station-only one (sscc_pool). None
# of them is in app.sync.capture.CAPTURED: the central ones are never pulled to a station,
# and the pull never writes the pool (it deletes and writes only the captured tables).
# Every database gets all three from the same migration; the unused ones stay empty.

from sqlalchemy import CheckConstraint  # noqa: E402  (kept with the SSCC tables, its only users)


class SsccCounter(Base):
    """Central: the next serial reference to hand out, per (extension digit, company prefix).

    Only ever moves forward: database triggers (migration 0005) refuse an update that would
    lower ``next_serial`` or rename the counter, and refuse a delete, so no number is reused.
    """

    __tablename__ = "sscc_counters"
    __table_args__ = (CheckConstraint("next_serial >= 1", name="serial_from_1"),)

    extension_digit: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    company_prefix: Mapped[str] = mapped_column(String(10), primary_key=True)
    next_serial: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now, onupdate=utc_now)


class SsccBlock(Base):
    """Central: the log of the serial references handed out, one row per block and station."""

    __tablename__ = "sscc_blocks"
    __table_args__ = (
        UniqueConstraint("extension_digit", "company_prefix", "first_serial", name="uq_sscc_blocks_first"),
        CheckConstraint("last_serial >= first_serial", name="not_empty"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    station: Mapped[str] = mapped_column(String(64), index=True)
    extension_digit: Mapped[int] = mapped_column(Integer)
    company_prefix: Mapped[str] = mapped_column(String(10))
    first_serial: Mapped[int] = mapped_column(BigInteger)
    last_serial: Mapped[int] = mapped_column(BigInteger)
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)


class SsccPoolBlock(Base):
    """Station: a block of serial references this station holds, and the next one it will use.

    ``next_serial`` = ``last_serial + 1`` once the block is used up (the row stays: it says
    which block an SSCC came from).
    """

    __tablename__ = "sscc_pool"
    __table_args__ = (
        UniqueConstraint("extension_digit", "company_prefix", "first_serial", name="uq_sscc_pool_first"),
        CheckConstraint("next_serial >= first_serial AND next_serial <= last_serial + 1", name="next_in_block"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    extension_digit: Mapped[int] = mapped_column(Integer)
    company_prefix: Mapped[str] = mapped_column(String(10))
    first_serial: Mapped[int] = mapped_column(BigInteger)
    last_serial: Mapped[int] = mapped_column(BigInteger)
    next_serial: Mapped[int] = mapped_column(BigInteger)
    added_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utc_now)
