"""Packing on the station's replica: recording a pack's events durably, and their effects.

One accepted action is one local transaction: its events are recorded and their effects
written together, and committed (SQLite ``synchronous=FULL``, ``BEGIN IMMEDIATE``: the
unit of work of app.store.picking) before the station shows any feedback. A crash loses
nothing that was acknowledged; ``active_pack`` gives back the events of the unfinished
pack so app.packing's session can be replayed.

The effect functions (``apply_pack_unit``, ``reverse_pack_unit``, ``apply_recheck``,
``apply_pack_cancelled``, and app.store.packing_close.apply_closed) take a Session and plain
payloads: the central database applies pushed events with the same code (app.sync.central),
after the claim guard of picking.

Effects (the contract is app.packing.events):
- ``pack.unit`` → ``OrderLine.verified += quantity`` and a ``captured`` entry
  {event, stage: "pack", parcel, quantity, serial}: the serial number of a serial-tracked
  unit, and for every unit the record an undo or a recheck takes back.
- ``pack.undone`` of a ``pack.unit`` → exactly reversed, found by the undone event's id
  in ``captured`` (an undo applied twice does nothing the second time). Undoing a box,
  a parcel opened or inserts has no stored effect.
- ``pack.recheck_started`` {parcel, units} → ``verified -= units`` per line, and the
  parcel's pack entries of those lines leave ``captured`` (their serials are scanned again).
- ``pack.cancelled`` → the order's lines' ``verified`` back to 0, every pack entry gone.
- ``pack.closed`` → parcels (app.store.packing_close).
- ``order.status_changed`` → the status machine (app.store.picking.apply_status).
- every other kind (``pack.started``, ``pack.box_confirmed``, ``pack.weighed``,
  ``pack.override``, ``pack.inserts_done``, ``pack.print_cancelled``, …) is recorded only.

No Qt here. Threading: plain blocking calls; run them in the station's replica worker.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.events import ORDER_STATUS_CHANGED, EventRecord
from app.domain.status import OrderStatus
from app.packing.events import (
    PACK_CANCELLED, PACK_CLOSED, PACK_KINDS, PACK_RECHECK_STARTED, PACK_STARTED, PACK_UNDONE, PACK_UNIT, UNDOABLE,
)
from app.store.events import add_record
from app.store.models import Event, Order, OrderLine
from app.store.orders import change_status
from app.store.picking import SessionOrFactory, _line, _quantity, _unit_of_work, apply_status

PACK_STAGE = "pack"  # the ``stage`` of a captured entry written at packing (picking's have none)

EventIn = tuple[str, dict[str, Any]] | tuple[str, dict[str, Any], str]


class PackError(ValueError):
    """A pack event that cannot be applied (unknown line, an order not picked anymore, …).
    Raised before the transaction commits: nothing of the action is kept."""


class PackEvent(NamedTuple):
    kind: str
    payload: dict[str, Any]
    id: str


# --- recording ----------------------------------------------------------------------------------


def begin_pack(target: SessionOrFactory, station: str, badge: str | None, number: str,
               events: Iterable[EventIn]) -> list[str]:
    """Record the first events of a pack (``PackSession.start``'s: ``pack.started`` and the
    status change picked → packing) in one durable transaction; return their ids.

    PackError when the order is not ``picked`` any more (another station took it, a
    supervisor held it: read the order again), when there is no ``pack.started`` or it names
    another order. Without a status change among ``events`` the order is moved to packing
    here, before ``pack.started``.
    """
    events = list(events)
    started = [item for item in events if item[0] == PACK_STARTED]
    if len(started) != 1:
        raise PackError(f"a pack begins with one {PACK_STARTED}, got {len(started)}")
    if started[0][1].get("order") != number:
        raise PackError(f"{PACK_STARTED} names order {started[0][1].get('order')}, not {number}")
    with _unit_of_work(target) as session:
        order = session.scalars(select(Order).where(Order.number == number)).one_or_none()
        if order is None:
            raise PackError(f"order {number} is not in the station's copy: sync the station, then scan it again")
        if order.status != OrderStatus.PICKED:
            raise PackError(f"order {number} is {order.status} now, not picked: it cannot be packed here "
                            "(scan the next tote, or ask a supervisor)")
        if not any(kind == ORDER_STATUS_CHANGED for kind, *_ in events):
            change_status(session, order, OrderStatus.PACKING, station=station, actor=badge)
        return record_pack_events(session, station, badge, events)


def record_pack_events(target: SessionOrFactory, station: str, badge: str | None, events: Iterable[EventIn]) -> list[str]:
    """Record ``events`` ((kind, payload) or (kind, payload, id)) in order and apply their
    local effects (module docstring) in the same transaction; return their ids.

    A ``pack.undone`` names the undone action by its number ``n`` in the pack; the store
    adds the undone event's id (``of_event``) and records the undo under its order.
    ``pack.closed`` goes through app.store.packing_close.close_pack (it takes SSCCs), not
    here: PackError. Raises PackError / IllegalTransition before anything is committed when
    an event cannot be applied. With a Session the caller commits; with a sessionmaker this
    is one committed transaction (commit before feedback).
    """
    ids: list[str] = []
    with _unit_of_work(target) as session:
        for item in events:
            kind, payload = item[0], dict(item[1])
            if kind == PACK_CLOSED:
                raise PackError(f"{PACK_CLOSED} is recorded by close_pack, which gives its parcels their SSCCs")
            event_id = item[2] if len(item) > 2 and item[2] else None  # type: ignore[misc]
            ids.append(_record_one(session, station, badge, kind, payload, event_id))
        session.flush()
    return ids


def _record_one(session: Session, station: str, badge: str | None, kind: str, payload: dict[str, Any],
                event_id: str | None) -> str:
    rec = EventRecord(kind, payload, station, badge)
    if event_id:
        rec = EventRecord(kind, payload, station, badge, id=event_id)
    order_number = payload.get("order") if isinstance(payload.get("order"), str) else None
    if kind == PACK_UNDONE:
        undone = resolve_undone(session, station, payload.get("of"))
        if undone is not None:
            payload["of_event"] = undone
            rec = EventRecord(kind, payload, station, badge, id=rec.id)
            if order_number is None:
                order_number = session.scalar(select(Event.order_number).where(Event.id == undone))
    add_record(session, rec, order_number=order_number)
    apply_effect(session, kind, payload, rec.id, strict=True)
    return rec.id


def apply_effect(session: Session, kind: str, payload: dict[str, Any], event_id: str, *, strict: bool) -> str | None:
    """The stored effect of one pack event other than ``pack.closed`` (module docstring).
    None when applied (or when the kind has none), else why not; with ``strict`` (the
    station's own actions) a reason is raised as PackError. Status changes raise
    IllegalTransition."""
    if kind == PACK_UNIT:
        why = apply_pack_unit(session, event_id, payload)
    elif kind == PACK_UNDONE:
        why = reverse_pack_unit(session, undone_event_id(payload))
    elif kind == PACK_RECHECK_STARTED:
        why = apply_recheck(session, payload)
    elif kind == PACK_CANCELLED:
        why = apply_pack_cancelled(session, payload)
    elif kind == ORDER_STATUS_CHANGED:
        apply_status(session, payload)
        why = None
    else:
        why = None
    if why is not None and strict:
        raise PackError(f"{kind}: {why}")
    return why


# --- effects, shared with the central database ----------------------------------------------------


def _is_pack_entry(entry: Any) -> bool:
    return isinstance(entry, dict) and entry.get("stage") == PACK_STAGE


def apply_pack_unit(session: Session, event_id: str, payload: dict[str, Any]) -> str | None:
    """``pack.unit``: units verified on the order's line. None, or why not."""
    quantity = _quantity(payload)
    if quantity is None or quantity <= 0:
        return f"no positive quantity in {payload!r}"
    line, why = _line(session, payload)
    if line is None:
        return why
    captured = list(line.captured or [])
    if any(_is_pack_entry(e) and e.get("event") == event_id for e in captured):
        return None  # applied already (the same event id twice)
    line.verified = (line.verified or 0) + quantity
    entry = {"event": event_id, "stage": PACK_STAGE, "parcel": payload.get("parcel"), "quantity": quantity,
             "serial": payload.get("serial")}
    line.captured = [*captured, entry]  # a new list: the JSON column sees the change
    return None


def undone_event_id(payload: dict[str, Any]) -> str:
    """The id of the event a ``pack.undone`` takes back: ``of_event`` (added by the store),
    else ``of`` when it is an event id itself."""
    of = payload.get("of_event") or payload.get("of")
    return of if isinstance(of, str) else ""


def resolve_undone(session: Session, station: str, of: Any) -> str | None:
    """The event id of the undone action: ``of`` itself if it is an id, or the undoable
    event of this station's current pack (since its last ``pack.started``) whose ``n`` is ``of``."""
    if isinstance(of, str):
        return of or None
    if isinstance(of, bool) or not isinstance(of, int):
        return None
    started = session.scalar(select(func.max(Event.seq)).where(Event.station == station, Event.kind == PACK_STARTED))
    rows = session.execute(
        select(Event.id, Event.payload)
        .where(Event.station == station, Event.kind.in_(sorted(UNDOABLE)), Event.seq > (started or 0))
        .order_by(Event.seq.desc())
    )
    return next((event_id for event_id, payload in rows if (payload or {}).get("n") == of), None)


def reverse_pack_unit(session: Session, undone_id: str) -> str | None:
    """``pack.undone``: reverse the ``pack.unit`` ``undone_id`` (nothing for the other
    undoable kinds, or when it was reversed, rechecked or cancelled already)."""
    if not undone_id:
        return "the undo names no event"
    undone = session.scalars(select(Event).where(Event.id == undone_id)).one_or_none()
    if undone is None:
        return f"the undone event {undone_id} is unknown"
    if undone.kind != PACK_UNIT:
        return None  # a box, a parcel opened, inserts: nothing stored to reverse
    line, why = _line(session, undone.payload)
    if line is None:
        return why
    captured = list(line.captured or [])
    index = next((i for i, e in enumerate(captured) if _is_pack_entry(e) and e.get("event") == undone_id), None)
    if index is None:
        return None
    entry = captured.pop(index)
    line.captured = captured
    line.verified = max(0, (line.verified or 0) - int(entry.get("quantity") or 0))
    return None


def _order_lines(session: Session, number: Any) -> tuple[list[OrderLine] | None, str | None]:
    if not isinstance(number, str) or not number:
        return None, "the event names no order"
    order_id = session.scalar(select(Order.id).where(Order.number == number))
    if order_id is None:
        return None, f"order {number} is unknown"
    query = select(OrderLine).where(OrderLine.order_id == order_id).order_by(OrderLine.id)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update()
    return list(session.scalars(query)), None


def apply_recheck(session: Session, payload: dict[str, Any]) -> str | None:
    """``pack.recheck_started`` {order, parcel, units: {line_id: n}}: the parcel's units are to
    be scanned again: ``verified -= n`` per line, and the parcel's pack entries of the line
    leave ``captured`` (newest first, as many units as ``n``)."""
    units = payload.get("units")
    if not isinstance(units, dict):
        return f"no units in {payload!r}"
    lines, why = _order_lines(session, payload.get("order"))
    if lines is None:
        return why
    by_id = {line.id: line for line in lines}
    parcel = payload.get("parcel")
    for key, value in units.items():
        try:
            line = by_id[int(key)]
        except (KeyError, ValueError):
            return f"order line {key} is not a line of order {payload.get('order')}"
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            return f"units {value!r} of line {key}: not a whole number"
        left, kept = value, []
        for entry in reversed(list(line.captured or [])):
            if left > 0 and _is_pack_entry(entry) and entry.get("parcel") == parcel:
                left -= int(entry.get("quantity") or 0)
                continue
            kept.append(entry)
        line.captured = list(reversed(kept))
        line.verified = max(0, (line.verified or 0) - value)
    return None


def apply_pack_cancelled(session: Session, payload: dict[str, Any]) -> str | None:
    """``pack.cancelled`` {order, reason}: verification starts over next time."""
    lines, why = _order_lines(session, payload.get("order"))
    if lines is None:
        return why
    for line in lines:
        line.verified = 0
        if any(_is_pack_entry(e) for e in line.captured or []):
            line.captured = [e for e in line.captured or [] if not _is_pack_entry(e)]
    return None


# --- resuming -------------------------------------------------------------------------------------


def active_pack(session: Session, station: str) -> list[PackEvent]:
    """The events of this station's unfinished pack, oldest first, for replay: from its
    last ``pack.started`` on, the pack's kinds and the status changes of its order. Empty
    when there is none: none started, or it was closed or cancelled, or the order is no
    longer ``packing`` here (a supervisor took it back)."""
    started = session.scalars(
        select(Event).where(Event.station == station, Event.kind == PACK_STARTED).order_by(Event.seq.desc()).limit(1)
    ).first()
    if started is None:
        return []
    number = (started.payload or {}).get("order")
    status = session.scalar(select(Order.status).where(Order.number == number))
    if status != OrderStatus.PACKING:
        return []
    rows = session.execute(
        select(Event.kind, Event.payload, Event.id, Event.order_number)
        .where(Event.station == station, Event.seq >= started.seq)
        .order_by(Event.seq)
    ).all()
    found = [
        PackEvent(kind, payload, event_id) for kind, payload, event_id, order_number in rows
        if kind in PACK_KINDS and (kind != ORDER_STATUS_CHANGED or order_number == number)
    ]
    if any(e.kind in (PACK_CLOSED, PACK_CANCELLED) for e in found):
        return []
    return found
