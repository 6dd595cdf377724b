"""The documents' data read from the database (``app.labels.label_data``), for the CLI, the
packing station and the preview.

Every reader takes an open ``Session`` and only reads: the caller owns the transaction
(a station's worker thread, never the GUI thread). An order, parcel, location or badge that
is not there is a ``LookupError`` whose message says which and what to do.
"""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.labels.label_data import (
    Address,
    BadgeData,
    LocationData,
    LogisticLabelData,
    PackingSlipData,
    RelayPoint,
    ShippingLabelData,
    SlipLine,
)
from app.store.models import Location, Order, OrderLine, Parcel, Product, User

PARIS = ZoneInfo("Europe/Paris")
ROLE_NAMES = {"picker": "Préparateur", "packer": "Emballeur", "supervisor": "Superviseur"}


def _order(session: Session, order_number: str) -> Order:
    number = order_number.strip()
    if not number.startswith("#") and number.isdigit():
        number = f"#{number}"  # "1001" typed on a command line means "#1001"
    order = session.scalar(
        select(Order).where(Order.number == number)
        .options(selectinload(Order.lines), selectinload(Order.parcels).selectinload(Parcel.box_type))
    )
    if order is None:
        raise LookupError(f"order {number} not found: check the number, or sync this station with the central database")
    return order


def _parcel(order: Order, parcel_seq: int) -> tuple[Parcel | None, int]:
    """The parcel ``parcel_seq`` of ``order`` (None when the order has no parcel yet and 1 is
    asked: the label of a one-parcel order before packing) and the parcel count."""
    if not order.parcels:
        if parcel_seq != 1:
            raise LookupError(f"order {order.number} has no parcels yet, so no parcel {parcel_seq}: "
                              "close its parcels at the packing station first, or ask for parcel 1")
        return None, 1
    # Parcels are numbered from 1 without gaps; should one be missing, N is still never less than n.
    count = max(len(order.parcels), max(p.seq for p in order.parcels))
    for parcel in order.parcels:
        if parcel.seq == parcel_seq:
            return parcel, count
    known = ", ".join(str(p.seq) for p in order.parcels)
    raise LookupError(f"order {order.number} has no parcel {parcel_seq} (its parcels: {known})")


def recipient_of(order: Order) -> Address:
    # Some checkouts put the building and the street on two lines of the same field.
    lines = [part.strip() for field in (order.ship_address1, order.ship_address2) if field
             for part in field.splitlines() if part.strip()]
    return Address(
        name=order.ship_name or order.customer_name,
        company=order.ship_company or "",
        lines=tuple(lines),
        zip=order.ship_zip,
        city=order.ship_city,
        country=order.ship_country or "FR",
        phone=order.customer_phone or "",
    )


def _shipped_lines(order: Order) -> list[tuple[OrderLine, int]]:
    """Lines that go in the parcel with their quantity (short units left out, digital goods
    and gift cards too)."""
    result = []
    for line in order.lines:
        if not line.requires_shipping:
            continue
        quantity = line.quantity - (line.short_quantity or 0)
        if quantity > 0:
            result.append((line, quantity))
    return result


def expected_weight_g(session: Session, order: Order, parcel: Parcel | None = None) -> int | None:
    """What the order should weigh: its products' weights times the quantities shipped, plus
    the tare of the parcel's box when a box is known. None when no product of the order has
    a weight (a preview then prints "—" rather than a made-up figure). A product without a
    weight counts 0 g: the figure is an estimate for the preview and the scale check."""
    lines = _shipped_lines(order)
    skus = {line.sku for line, _ in lines if line.sku}
    weights = dict(session.execute(select(Product.sku, Product.weight_g).where(Product.sku.in_(skus))).all()) if skus else {}
    if not any(weights.get(line.sku) for line, _ in lines):
        return None
    total = sum((weights.get(line.sku) or 0) * quantity for line, quantity in lines)
    if parcel is not None and parcel.box_type is not None:
        total += parcel.box_type.tare_g
    return total


def shipping_label_data(session: Session, order_number: str, parcel_seq: int = 1, *, sender: Address, sscc: str,
                        weight_g: int | None = None, pickup_store: Address | None = None) -> ShippingLabelData:
    """The shipping label's data for parcel ``parcel_seq`` of an order.

    ``weight_g`` is the weighed parcel; without it the parcel's recorded weight, else the
    expected weight (``expected_weight_g``: the preview's case). ``pickup_store`` is the shop
    where a click & collect parcel is collected; the sender (the shop's warehouse counter)
    when not given."""
    order = _order(session, order_number)
    parcel, count = _parcel(order, parcel_seq)
    if weight_g is None:
        weight_g = parcel.weight_g if parcel is not None and parcel.weight_g else expected_weight_g(session, order, parcel)
    recipient = recipient_of(order)
    relay = None
    if order.delivery_mode == "relay":
        if not order.relay_point_id:
            raise LookupError(f"order {order.number} is for a relay point but has no relay point id: "
                              "ask the shop which relay the customer chose and correct the order")
        relay = RelayPoint(id=order.relay_point_id, name=order.relay_point_name or "", zip=order.ship_zip,
                           city=order.ship_city)
    # A configured store without a name (an empty setting) is no store: the sender's counter then.
    if pickup_store is not None and not (pickup_store.name or pickup_store.company):
        pickup_store = None
    store = (pickup_store or sender) if order.delivery_mode == "pickup" else None
    return ShippingLabelData(
        carrier=order.carrier or "",
        service=order.service or "",
        sender=sender,
        delivery_mode=order.delivery_mode if order.delivery_mode in ("home", "relay", "pickup") else "home",  # type: ignore[arg-type]
        recipient=recipient,
        order_number=order.number,
        parcel_seq=parcel_seq,
        parcel_count=count,
        weight_g=weight_g,
        sscc=sscc,
        tracking_code=parcel.tracking_code if parcel is not None else None,
        relay=relay,
        pickup_store=store,
    )


def logistic_label_data(session: Session, order_number: str, parcel_seq: int = 1, *, sender: Address, sscc: str,
                        weight_g: int | None = None) -> LogisticLabelData:
    """The GS1 logistic label's data of a B2B parcel. The content (GTIN, count, batch, best
    before) is given only when the order ships one product, from one lot: a mixed carton
    carries its SSCC alone, as GS1 asks."""
    order = _order(session, order_number)
    parcel, count = _parcel(order, parcel_seq)
    if weight_g is None:
        weight_g = parcel.weight_g if parcel is not None and parcel.weight_g else expected_weight_g(session, order, parcel)
    lines = _shipped_lines(order)
    gtin = name = batch = None
    quantity = None
    best_before: date | None = None
    if len(lines) == 1 and count == 1:
        line, quantity = lines[0]
        product = session.scalar(select(Product).where(Product.sku == line.sku).options(selectinload(Product.gtins)))
        if product is not None and product.gtins:
            gtin, name = product.gtins[0].gtin, product.name
            lots = {entry.get("lot") for entry in line.captured or [] if entry.get("lot")}
            expiries = {entry.get("expiry") for entry in line.captured or [] if entry.get("expiry")}
            if len(lots) == 1:
                batch = lots.pop()
            if len(expiries) == 1:
                best_before = date.fromisoformat(str(expiries.pop()))
    return LogisticLabelData(
        sender=sender, recipient=recipient_of(order), sscc=sscc, order_number=order.number,
        content_gtin=gtin, content_name=name or "", count=quantity if gtin else None, batch=batch,
        best_before=best_before, weight_g=weight_g, parcel_seq=parcel_seq, parcel_count=count,
    )


def packing_slip_data(session: Session, order_number: str, *, packer_badge: str | None = None,
                      packer_first_name: str = "", shop_name: str = "Quai") -> PackingSlipData:
    """The packing slip's data: the lines that go in the parcel, the gift message and the
    packer's first name (given, or the first word of the name of ``packer_badge``'s user)."""
    order = _order(session, order_number)
    if not packer_first_name and packer_badge:
        user = session.scalar(select(User).where(User.badge == packer_badge.strip().upper()))
        if user is None:
            raise LookupError(f"badge {packer_badge} not found: scan the packer's badge again or check the users list")
        packer_first_name = user.name.split()[0] if user.name.split() else ""
    created = order.created_at
    if created.tzinfo is not None:
        created = created.astimezone(PARIS)  # the date the customer sees on the shop
    note = ""
    if order.delivery_mode == "relay" and order.relay_point_id:
        note = f"Livraison en point relais : {order.relay_point_name or ''} ({order.relay_point_id})".replace(" ()", "")
    elif order.delivery_mode == "pickup":
        note = "Retrait en magasin"
    return PackingSlipData(
        order_number=order.number,
        order_date=created.date(),
        customer=order.customer_name or order.ship_name,
        ship_to=recipient_of(order),
        lines=tuple(SlipLine(line.sku, line.name, quantity) for line, quantity in _shipped_lines(order)),
        gift_message=order.gift_message or None,
        packer_first_name=packer_first_name,
        shop_name=shop_name,
        delivery_note=note,
    )


def location_data(session: Session, code: str) -> LocationData:
    location = session.scalar(select(Location).where(Location.code == code.strip().upper()))
    if location is None:
        raise LookupError(f"location {code} not found: check the code, or import the locations first")
    return LocationData(location.code, location.zone, location.aisle, location.bay, location.level)


def _roles(user: User) -> tuple[str, ...]:
    return tuple(ROLE_NAMES.get(role, role) for role in ("picker", "packer", "supervisor") if role in user.role_set)


def badge_data(session: Session, badge: str) -> BadgeData:
    user = session.scalar(select(User).where(User.badge == badge.strip().upper()))
    if user is None:
        raise LookupError(f"badge {badge} not found: check the code, or add the user first")
    return BadgeData(user.name, user.badge, _roles(user))


def all_locations_data(session: Session, zone: str | None = None) -> list[LocationData]:
    """Every location (of ``zone`` when given) in walking order: a batch of shelf labels is
    stuck on in the order a person walks the aisles."""
    query = select(Location).order_by(Location.pick_sequence, Location.code)
    if zone:
        query = query.where(Location.zone == zone.strip().upper())
    return [LocationData(loc.code, loc.zone, loc.aisle, loc.bay, loc.level) for loc in session.scalars(query)]


def all_badges_data(session: Session) -> list[BadgeData]:
    """A badge card for every active user, by badge code."""
    users = session.scalars(select(User).where(User.active.is_(True)).order_by(User.badge))
    return [BadgeData(user.name, user.badge, _roles(user)) for user in users]
