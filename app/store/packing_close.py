"""Closing a pack on the station: each parcel gets its SSCC from the station's pool, in the same
transaction as ``pack.closed``, its Parcel row and the order's move to ``ready_to_ship``.

Never twice, never lost:
- the SSCCs are taken with app.store.sscc_pool.reserve_next inside the close's own
  transaction (``BEGIN IMMEDIATE`` first, committed with ``synchronous=FULL``): a number is
  used if and only if the close commits; an empty pool raises SsccPoolEmpty and records
  nothing (the screen says to refill the pool);
- a retry (the worker died after the commit, the station restarted) finds the order's
  ``pack.closed`` after its last ``pack.started`` and returns its SSCCs again, taking none.

Parcel ids: a parcel written here and the same parcel written centrally by the push
(``apply_closed``) get the same id, derived from its SSCC (``parcel_id``): the pull then
finds the station's own row, not a second parcel with the same SSCC. Blocks of serial
references go to one station each, so two stations never derive the same id; should the
id be taken anyway (another extension digit, a parcel made by hand), the database picks one.

``apply_closed`` is the effect, shared with the central database (app.sync.central).
No Qt here; plain blocking calls for the station's replica worker.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.events import ORDER_STATUS_CHANGED, EventRecord, utc_now
from app.domain.sscc import InvalidSscc, SsccSettings, parse_sscc
from app.domain.status import OrderStatus
from app.packing.events import PACK_CLOSED, PACK_STARTED
from app.store.events import add_record
from app.store.models import BoxType, Event, Order, Parcel
from app.store.orders import change_status
from app.store.packing import EventIn, PackError, _record_one
from app.store.picking import SessionOrFactory, _unit_of_work
from app.store.sscc_pool import reserve_next

# Derived parcel ids live above what a database sequence reaches in practice, below 2**31
# (PostgreSQL ``integer``): 1e9 + extension digit * 1e8 + serial reference mod 1e8.
PARCEL_ID_BASE = 1_000_000_000


def parcel_id(sscc: str, company_prefix: str) -> int | None:
    """The id a parcel labelled ``sscc`` gets on every database (module docstring); None
    for an SSCC not numbered under ``company_prefix``."""
    try:
        extension, serial = parse_sscc(sscc, company_prefix)
    except InvalidSscc:
        return None
    return PARCEL_ID_BASE + extension * 100_000_000 + serial % 100_000_000


def closed_ssccs(session: Session, number: str) -> list[str] | None:
    """The SSCCs of the order's ``pack.closed`` recorded after its last ``pack.started``, or
    None when the current pack is not closed (the retry test of ``close_pack``)."""
    started = session.scalar(
        select(Event.seq).where(Event.kind == PACK_STARTED, Event.order_number == number)
        .order_by(Event.seq.desc()).limit(1)
    )
    closed = session.scalars(
        select(Event).where(Event.kind == PACK_CLOSED, Event.order_number == number, Event.seq > (started or 0))
        .order_by(Event.seq.desc()).limit(1)
    ).first()
    if closed is None:
        return None
    return [str(p.get("sscc")) for p in (closed.payload or {}).get("parcels") or []]


def close_pack(target: SessionOrFactory, station: str, badge: str | None, events: Iterable[EventIn],
               settings: SsccSettings) -> list[str]:
    """Record the close of a pack (``PackSession.close``'s events: ``pack.closed`` and the
    status change packing → ready_to_ship, any other before them) in one durable
    transaction; return the parcels' SSCCs, in the order of ``pack.closed``'s parcels.

    Each parcel's ``sscc`` (None from the session) is taken from the station's pool and
    written into the payload with its ``id`` (``parcel_id``). Without a status change among
    ``events`` the order goes to ready_to_ship here. A close already recorded for the
    order's current pack is not recorded again: its SSCCs are returned (a retry).

    Raises app.store.sscc_pool.SsccPoolEmpty (nothing recorded, no number used) when the
    pool has too few numbers; PackError / IllegalTransition when the close cannot be applied.
    """
    events = [(item[0], dict(item[1]), *item[2:]) for item in events]
    closes = [item for item in events if item[0] == PACK_CLOSED]
    if len(closes) != 1:
        raise PackError(f"a close holds one {PACK_CLOSED}, got {len(closes)}")
    number = closes[0][1].get("order")
    if not isinstance(number, str) or not number:
        raise PackError(f"{PACK_CLOSED} names no order")
    with _unit_of_work(target) as session:
        done = closed_ssccs(session, number)
        if done is not None:
            return done
        ssccs: list[str] = []
        for item in events:
            kind, payload = item[0], item[1]
            event_id = item[2] if len(item) > 2 and item[2] else None
            if kind != PACK_CLOSED:
                _record_one(session, station, badge, kind, payload, event_id)
                continue
            parcels = []
            for parcel in payload.get("parcels") or []:
                parcel = dict(parcel)
                if not parcel.get("sscc"):
                    parcel["sscc"] = reserve_next(session, settings)
                parcel["id"] = parcel_id(parcel["sscc"], settings.company_prefix)
                ssccs.append(parcel["sscc"])
                parcels.append(parcel)
            payload = {**payload, "parcels": parcels}
            rec = EventRecord(kind, payload, station, badge, **({"id": event_id} if event_id else {}))
            add_record(session, rec, order_number=number)
            why = apply_closed(session, payload, actor=badge, when=rec.occurred_at)
            if why is not None:
                raise PackError(f"{PACK_CLOSED}: {why}")
            if not any(kind == ORDER_STATUS_CHANGED for kind, *_ in events):
                order = session.scalars(select(Order).where(Order.number == number)).one()
                change_status(session, order, OrderStatus.READY_TO_SHIP, station=station, actor=badge)
        session.flush()
    return ssccs


def apply_closed(session: Session, payload: dict[str, Any], *, actor: str | None, when: datetime | None) -> str | None:
    """``pack.closed`` {order, carrier, service, parcels: [{seq, box, grams, items, sscc, kind,
    id}], packer}: the order's parcels, status ``closed`` (a parcel already there with the
    same number is rewritten: a reopened order closed again; a later one not shipped is
    removed), the carrier and service the plan chose, who packed it and when.

    Not applied (None returned otherwise, nothing written) when a parcel has no SSCC or
    its SSCC labels a parcel of another order or number: two parcels never share one."""
    number = payload.get("order")
    order = session.scalars(select(Order).where(Order.number == number)).one_or_none() if number else None
    if order is None:
        return f"order {number} is unknown"
    parcels = [p for p in payload.get("parcels") or [] if isinstance(p, dict)]
    if not parcels:
        return "the close has no parcel"
    seqs = []
    for parcel in parcels:
        sscc, seq = parcel.get("sscc"), parcel.get("seq")
        if not sscc or isinstance(seq, bool) or not isinstance(seq, int):
            return f"parcel {parcel!r} has no SSCC or no number"
        other = session.execute(select(Parcel.order_id, Parcel.seq).where(Parcel.sscc == sscc)).first()
        if other is not None and tuple(other) != (order.id, seq):
            owner = session.scalar(select(Order.number).where(Order.id == other[0]))
            return f"SSCC {sscc} already labels parcel {other[1]} of order {owner}"
        seqs.append(seq)
    if len(set(seqs)) != len(seqs):
        return f"parcel numbers repeat: {seqs}"
    boxes = dict(session.execute(select(BoxType.code, BoxType.id)).all())
    existing = {p.seq: p for p in session.scalars(select(Parcel).where(Parcel.order_id == order.id))}
    when = when or utc_now()
    for seq, row in existing.items():
        if seq not in seqs and row.status != "shipped":
            session.delete(row)
    session.flush()  # a removed or renumbered parcel frees its SSCC before the new rows take theirs
    for parcel in parcels:
        row = existing.get(parcel["seq"])
        if row is None:
            wanted = parcel.get("id")
            free = isinstance(wanted, int) and not isinstance(wanted, bool) and session.get(Parcel, wanted) is None
            row = Parcel(order_id=order.id, seq=parcel["seq"], **({"id": wanted} if free else {}))
            session.add(row)
        items = parcel.get("items")
        row.sscc = parcel["sscc"]
        row.box_type_id = boxes.get(parcel.get("box"))
        row.weight_g = parcel.get("grams")
        row.contents = {str(k): int(v) for k, v in items.items()} if isinstance(items, dict) and items else (
            None if parcel.get("kind") == "pallet" else {})
        row.kind = str(parcel.get("kind") or "parcel")
        row.status = "closed"
        row.closed_at = when
        row.shipped_at = None
    if payload.get("carrier"):
        order.carrier = str(payload["carrier"])
        order.service = payload.get("service") or None
    order.packed_by = str(payload.get("packer") or actor or "") or None
    order.packed_at = when
    session.flush()
    return None
