"""Handover at the dock: parcels scanned as the courier takes them, and the end-of-day manifest.

``ship_parcel`` is one scan at the dock, one durable transaction (as a pick scan: SQLite
``BEGIN IMMEDIATE``, committed with ``synchronous=FULL`` before the feedback, see
app.store.picking): the parcel is found by its SSCC, checked, and ``parcel.shipped`` is
recorded with its effect; with the order's last parcel, ``order.status_changed``
ready_to_ship -> shipped follows in the same transaction. Click & collect parcels are
handed to the shop's counter the same way (carrier ``click_collect``).

What a scan can meet (``HandoverError.code``, with ``args`` for the screen's sentence):
- ``not_a_parcel``: the text is not an SSCC (a GS1-128 ``(00)``, or its bare 18 digits);
- ``unknown_parcel``: no parcel has this SSCC here (not packed, or not synced yet);
- ``order_on_hold`` / ``order_exception`` / ``order_cancelled``: the order was stopped
  after it was packed: the parcel must not leave (the dock puts it aside);
- ``order_not_ready``: the order is not ready_to_ship (reopened at the packing bench…);
- ``parcel_open``: the parcel is not closed (no label yet);
- ``wrong_carrier``: the dock is loading another carrier's van; ``args`` name both.
A parcel handed over already is not an error: ``ShipResult.already`` is set, with the time
it left, and nothing is recorded again.

A pallet (B2B) carries the order's cartons: scanning its SSCC hands over the pallet and
every carton of the order still at the dock (one ``parcel.shipped`` each).

``parcel.shipped`` {order, sscc, carrier, dock}: ``dock`` is the carrier the dock was set to
(None when it takes any carrier); the station is the event's own. Its effect
(``apply_shipped``) is shared with the central database (``central_apply_shipped``, in
app.sync.central.APPLIERS). The dock never claims orders: there, the order's status is the
guard, not a claim (a reopened order is back in packing, a held one on hold, and the parcel
is then not marked shipped; the central database records why, ``event.not_applied``).

The day of a manifest is the warehouse's calendar day (Europe/Paris).

No Qt here; plain blocking calls for the station's replica worker or the CLI.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.domain.events import EventRecord, utc_now
from app.domain.sscc import InvalidSscc, normalise_sscc
from app.domain.status import OrderStatus
from app.packing.events import MANIFEST_CLOSED, PARCEL_SHIPPED
from app.packing.manifest import LOCAL, ManifestRow
from app.store.events import add_record
from app.store.models import Order, Parcel
from app.store.orders import change_status
from app.store.picking import SessionOrFactory, _unit_of_work

STOPPED = {
    OrderStatus.ON_HOLD.value: "order_on_hold",
    OrderStatus.EXCEPTION.value: "order_exception",
    OrderStatus.CANCELLED.value: "order_cancelled",
}


class HandoverError(ValueError):
    """A scan the dock refuses; nothing was recorded. ``code`` and ``args`` let the screen say
    it in the person's language; the message is the English for logs and the CLI."""

    def __init__(self, code: str, message: str, **args: str) -> None:
        super().__init__(message)
        self.code = code
        self.details = {k: ("" if v is None else str(v)) for k, v in args.items()}


@dataclass(frozen=True)
class DockParcel:
    """A parcel as the dock shows it."""

    sscc: str
    order: str
    seq: int
    count: int  # the order's parcels and cartons (a pallet left out)
    kind: str  # parcel | carton | pallet
    carrier: str | None
    weight_g: int | None
    recipient: str
    zip: str
    city: str
    country: str
    relay_point: str
    status: str  # the parcel's: closed | shipped
    order_status: str
    hold_reason: str | None
    closed_at: datetime | None
    shipped_at: datetime | None

    @property
    def number_text(self) -> str:
        """"2/3", or "palette"."""
        return "palette" if self.kind == "pallet" else f"{self.seq}/{self.count}"

    def manifest_row(self) -> ManifestRow:
        return ManifestRow(self.sscc, self.order, self.number_text, self.recipient, self.city, self.zip, self.country,
                           self.relay_point, self.weight_g, self.shipped_at, self.kind)


@dataclass(frozen=True)
class ShipResult:
    parcel: DockParcel  # as it is now (shipped)
    already: bool  # it had left before: ``parcel.shipped_at`` says when; nothing recorded
    order_shipped: bool  # this scan handed over the order's last parcel: the order is shipped
    left: int  # the order's parcels still at the dock
    with_pallet: tuple[str, ...] = ()  # cartons handed over with the pallet scanned
    event_id: str | None = None


@dataclass(frozen=True)
class DockState:
    carrier: str | None  # None: every carrier
    day: date
    shipped: tuple[DockParcel, ...]  # handed over that day, in the order they left
    expected: tuple[DockParcel, ...]  # closed, order ready_to_ship, still at the dock
    held: tuple[DockParcel, ...]  # closed, but the order was stopped since: put aside

    @property
    def missing(self) -> tuple[DockParcel, ...]:
        """At the end of the day: what was expected and did not leave."""
        return self.expected


@dataclass(frozen=True)
class ClosedManifest:
    carrier: str
    day: date
    rows: tuple[ManifestRow, ...]  # handed over that day
    missing: tuple[ManifestRow, ...]  # expected, not handed over
    held: tuple[ManifestRow, ...]  # put aside (order stopped)
    closed_at: datetime
    event_id: str


# --- reading an SSCC ---------------------------------------------------------------------------


def read_sscc(text: str) -> str:
    """The 18 digits of a parcel's SSCC from a scan (GS1-128 ``(00)``, with or without an AIM
    prefix or FNC1) or from the digits typed; HandoverError ``not_a_parcel`` otherwise."""
    from app.scanning.classify import ScanKind, classify

    scan = classify(text)
    if scan.kind == ScanKind.PARCEL:
        return scan.value
    try:
        return normalise_sscc(text)
    except InvalidSscc as exc:
        raise HandoverError("not_a_parcel", f"{text.strip()!r} is not a parcel's SSCC: {exc}", text=text.strip()) from None


# --- the day -------------------------------------------------------------------------------------


def local_day(when: datetime | None = None) -> date:
    """The warehouse's calendar day of ``when`` (now by default)."""
    return (when or utc_now()).astimezone(LOCAL).date()


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The day's start and the next day's start, in UTC (a day of a change of time is 23 or
    25 h: in UTC, subtraction and comparison count real hours, not the wall clock's)."""
    start = datetime.combine(day, time(0), tzinfo=LOCAL).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=LOCAL).astimezone(UTC)
    return start, end


# --- the effect, shared with the central database ----------------------------------------------


def _is_pg(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _parcel_by_sscc(session: Session, sscc: str) -> Parcel | None:
    query = select(Parcel).where(Parcel.sscc == sscc)
    if _is_pg(session):
        query = query.with_for_update()
    return session.scalars(query).one_or_none()


def apply_shipped(session: Session, payload: dict[str, Any], when: datetime | None) -> str | None:
    """``parcel.shipped`` {order, sscc, …}: the parcel's status ``shipped`` and ``shipped_at``.
    None when applied (or when the parcel had left already: the first time is kept), else why
    not: an unknown parcel, one of another order, an open one, or an order stopped or
    reopened since (the parcel is then not marked shipped)."""
    sscc = str(payload.get("sscc") or "")
    parcel = _parcel_by_sscc(session, sscc) if sscc else None
    if parcel is None:
        return f"parcel {sscc or '(no SSCC)'} is unknown"
    order = session.get(Order, parcel.order_id)
    number = payload.get("order")
    if order is None or (number is not None and order.number != number):
        return f"parcel {sscc} belongs to order {order.number if order else '?'}, not {number}"
    if parcel.status == "shipped":
        return None
    if order.status in STOPPED:
        reason = order.hold_reason or order.exception_reason or ""
        return f"order {order.number} is {order.status}{f' ({reason})' if reason else ''}: parcel {sscc} not marked shipped"
    if order.status not in (OrderStatus.READY_TO_SHIP.value, OrderStatus.SHIPPED.value):
        return f"order {order.number} is {order.status}, not ready_to_ship: parcel {sscc} not marked shipped"
    if parcel.status != "closed":
        return f"parcel {sscc} is {parcel.status}, not closed"
    parcel.status = "shipped"
    parcel.shipped_at = when or utc_now()
    return None


def central_apply_shipped(session: Session, station: str, event: Any) -> str | None:
    """The central applier of ``parcel.shipped`` (app.sync.central.APPLIERS): no claim guard
    (the dock claims nothing; the order's status is the guard, see the module docstring)."""
    return apply_shipped(session, event.body(), event.occurred_at)


# --- a scan at the dock --------------------------------------------------------------------------


def _dock_parcel(parcel: Parcel, order: Order, count: int) -> DockParcel:
    relay = ""
    if order.delivery_mode == "relay" or order.relay_point_id or order.relay_point_name:
        relay = " ".join(p for p in (order.relay_point_id, order.relay_point_name) if p)
    return DockParcel(
        sscc=parcel.sscc or "", order=order.number, seq=parcel.seq, count=count, kind=parcel.kind or "parcel",
        carrier=order.carrier, weight_g=parcel.weight_g, recipient=order.ship_name or order.customer_name or "",
        zip=order.ship_zip or "", city=order.ship_city or "", country=order.ship_country or "", relay_point=relay,
        status=parcel.status, order_status=order.status, hold_reason=order.hold_reason or order.exception_reason,
        closed_at=parcel.closed_at, shipped_at=parcel.shipped_at,
    )


def _count(parcels: Iterable[Parcel]) -> int:
    return sum(1 for p in parcels if p.kind != "pallet")


def _check(parcel: Parcel, order: Order, carrier: str | None) -> None:
    sscc = parcel.sscc or ""
    if order.status in STOPPED:
        reason = order.hold_reason or order.exception_reason or ""
        raise HandoverError(STOPPED[order.status], f"order {order.number} is {order.status}"
                            f"{f' ({reason})' if reason else ''}: put parcel {sscc} aside, it must not leave",
                            order=order.number, reason=reason, sscc=sscc)
    if order.status not in (OrderStatus.READY_TO_SHIP.value, OrderStatus.SHIPPED.value):
        raise HandoverError("order_not_ready", f"order {order.number} is {order.status}, not ready to ship: "
                            f"take parcel {sscc} back to the packing bench", order=order.number,
                            status=order.status, sscc=sscc)
    if parcel.status != "closed":
        raise HandoverError("parcel_open", f"parcel {parcel.seq} of order {order.number} is not closed (no label): "
                            "finish it at the packing bench", order=order.number, seq=str(parcel.seq), sscc=sscc)
    if carrier and order.carrier != carrier:
        raise HandoverError("wrong_carrier", f"parcel {sscc} of order {order.number} goes with "
                            f"{order.carrier or 'no carrier yet'}, not {carrier}: keep it for its own carrier",
                            order=order.number, sscc=sscc, carrier=order.carrier or "", dock=carrier)


def _ship_one(session: Session, station: str, badge: str | None, parcel: Parcel, order: Order,
              carrier: str | None, when: datetime) -> str:
    payload = {"order": order.number, "sscc": parcel.sscc, "carrier": order.carrier, "dock": carrier}
    rec = EventRecord(PARCEL_SHIPPED, payload, station, badge, occurred_at=when)
    add_record(session, rec, order_number=order.number)
    why = apply_shipped(session, payload, when)
    if why is not None:  # _check said it could: only a bug gets here; nothing is committed
        raise HandoverError("not_applied", why)
    return rec.id


def ship_parcel(target: SessionOrFactory, station: str, badge: str | None, sscc_text: str,
                carrier: str | None = None, *, when: datetime | None = None) -> ShipResult:
    """Hand over the parcel ``sscc_text`` names (module docstring); raises HandoverError and
    records nothing when it must not leave. With a sessionmaker: one durable transaction,
    committed before this returns; with a Session the caller commits."""
    sscc = read_sscc(sscc_text)
    with _unit_of_work(target) as session:
        parcel = _parcel_by_sscc(session, sscc)
        if parcel is None:
            raise HandoverError("unknown_parcel", f"no parcel has SSCC {sscc} on this station: check that it was "
                                "packed here or that the station is in sync", sscc=sscc)
        order = session.scalars(select(Order).where(Order.id == parcel.order_id)
                                .options(selectinload(Order.parcels))).one()
        count = _count(order.parcels)
        if parcel.status == "shipped":
            left = sum(1 for p in order.parcels if p.status != "shipped")
            # Every parcel gone but the order still ready_to_ship: its status change did not
            # hold (refused centrally while another station held a claim, then pulled back).
            # Scanning a parcel again ships the order now, rather than never.
            catch_up = left == 0 and order.status == OrderStatus.READY_TO_SHIP.value
            if catch_up:
                change_status(session, order, OrderStatus.SHIPPED, station=station, actor=badge,
                              reason="all parcels handed over")
            return ShipResult(_dock_parcel(parcel, order, count), already=True, order_shipped=catch_up, left=left)
        _check(parcel, order, carrier)
        when = when or utc_now()
        event_id = _ship_one(session, station, badge, parcel, order, carrier, when)
        with_pallet: list[str] = []
        if parcel.kind == "pallet":  # the order's cartons travel on it
            for carton in order.parcels:
                if carton is not parcel and carton.status == "closed":
                    _ship_one(session, station, badge, carton, order, carrier, when)
                    with_pallet.append(carton.sscc or "")
        left = sum(1 for p in order.parcels if p.status != "shipped")
        order_shipped = left == 0 and order.status == OrderStatus.READY_TO_SHIP.value
        if order_shipped:
            change_status(session, order, OrderStatus.SHIPPED, station=station, actor=badge)
        session.flush()
        return ShipResult(_dock_parcel(parcel, order, count), already=False, order_shipped=order_shipped, left=left,
                          with_pallet=tuple(with_pallet), event_id=event_id)


# --- what the dock shows, and the manifest ---------------------------------------------------------


def _rows(session: Session, carrier: str | None, *where: Any) -> list[DockParcel]:
    query = select(Parcel, Order).join(Order, Order.id == Parcel.order_id).where(Parcel.sscc.is_not(None), *where)
    if carrier:
        query = query.where(Order.carrier == carrier)
    found = session.execute(query).all()
    order_ids = {order.id for _parcel, order in found}
    counts: dict[int, int] = {}
    if order_ids:
        for order_id, kind in session.execute(select(Parcel.order_id, Parcel.kind).where(Parcel.order_id.in_(order_ids))):
            counts[order_id] = counts.get(order_id, 0) + (kind != "pallet")
    return [_dock_parcel(parcel, order, counts.get(order.id, 0)) for parcel, order in found]


def _by_order(parcels: list[DockParcel]) -> tuple[DockParcel, ...]:
    # Orders by number, the pallet after its cartons: how they stand on the dock.
    return tuple(sorted(parcels, key=lambda p: (p.order, p.kind == "pallet", p.seq)))


def dock_state(session: Session, carrier: str | None, day: date) -> DockState:
    """The dock for ``carrier`` (None: all) on ``day``: handed over that day, still expected,
    and put aside (closed parcels of orders stopped since)."""
    start, end = day_bounds(day)
    shipped = _rows(session, carrier, Parcel.status == "shipped", Parcel.shipped_at >= start, Parcel.shipped_at < end)
    shipped.sort(key=lambda p: (p.shipped_at or start, p.order, p.seq))
    expected = _rows(session, carrier, Parcel.status == "closed", Order.status == OrderStatus.READY_TO_SHIP.value)
    held = _rows(session, carrier, Parcel.status == "closed", Order.status.in_(sorted(STOPPED)))
    return DockState(carrier, day, tuple(shipped), _by_order(expected), _by_order(held))


def dock_counts(session: Session, day: date) -> dict[str, tuple[int, int]]:
    """Per carrier: (parcels still expected, parcels handed over on ``day``), for the dock's
    carrier buttons. Pallets left out (their cartons are counted)."""
    state = dock_state(session, None, day)
    counts: dict[str, list[int]] = {}
    for index, parcels in ((0, state.expected), (1, state.shipped)):
        for parcel in parcels:
            if parcel.kind != "pallet":
                counts.setdefault(parcel.carrier or "", [0, 0])[index] += 1
    return {carrier: (a, b) for carrier, (a, b) in counts.items()}


def manifest_rows(session: Session, carrier: str, day: date) -> list[ManifestRow]:
    """The manifest's rows: ``carrier``'s units handed over on ``day``, in the order they left."""
    return [parcel.manifest_row() for parcel in dock_state(session, carrier, day).shipped]


def close_manifest(target: SessionOrFactory, station: str, badge: str | None, carrier: str, day: date, *,
                   when: datetime | None = None) -> ClosedManifest:
    """Close ``carrier``'s day: record ``manifest.closed`` {carrier, day, parcels, missing}
    (SSCCs) and return what the manifest prints. Closing again later records a new one (the
    last one is the day's manifest: parcels may still have left after the first)."""
    if not carrier:
        raise ValueError("a manifest is for one carrier: name it")
    with _unit_of_work(target) as session:
        state = dock_state(session, carrier, day)
        when = when or utc_now()
        payload = {"carrier": carrier, "day": day.isoformat(), "parcels": [p.sscc for p in state.shipped],
                   "missing": [p.sscc for p in state.missing]}
        rec = EventRecord(MANIFEST_CLOSED, payload, station, badge, occurred_at=when)
        add_record(session, rec, order_number=None)
        session.flush()
        return ClosedManifest(carrier, day, tuple(p.manifest_row() for p in state.shipped),
                              tuple(p.manifest_row() for p in state.missing),
                              tuple(p.manifest_row() for p in state.held), when, rec.id)
