"""The packing work the station's workers run: no Qt, plain functions over sessionmakers.

Replica worker (the station's SQLite): find the order a packer scanned, start a pack (read
what the pack is built from, build the plan, open the session, move the order to
``packing`` and record the session's first events: one transaction), record each accepted
action (one committed, synchronous=FULL transaction: safe on disk before the feedback),
close it (SSCCs from the station's pool in the same transaction), read back an unfinished
pack for a restart, check a supervisor's badge and PIN.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from app.domain.sscc import SsccSettings
from app.store.sscc_pool import SsccPoolEmpty


class NoSsccBlock(SsccPoolEmpty):
    """The station's pool has never held a block, and no settings were given: an empty pool."""

    def __init__(self) -> None:
        super().__init__(SsccSettings(0, "0000000"))
        self.args = ("no SSCC numbers on this station yet: reconnect it to the central database "
                     "(it then fetches a block of numbers)",)


def order_for_scan(sessions: sessionmaker[Session], value: str, kind: str = "tote") -> str | None:
    """The order to pack named by ``value`` (a tote by default; ``order``, ``pick_list`` or
    ``code``: app.store.packing_inputs.order_for_scan). None when nothing is known by that
    value; PackScanError (its message names the order and what to do) when the order it
    names cannot be packed now."""
    from app.store.packing_inputs import PackScanError
    from app.store.packing_inputs import order_for_scan as find

    with sessions() as session:
        try:
            return find(session, value, kind)
        except PackScanError as exc:
            if exc.code in ("unknown_tote", "unknown_order", "unknown_pick_list", "unknown_scan"):
                return None
            raise


def begin(sessions: sessionmaker[Session], station: str, badge: str, number: str, settings: Any, config: Any,
          today: date):
    """(PackSession, Outcome) for a new pack of ``number``, its first events committed.

    ``settings``: the station's PackingSettings (its plan rules), or a PlanRules, or None
    (the defaults); ``config``: the PackConfig the session applies. Raises PackError when
    the order is not ``picked`` any more, app.packing.carriers.NoCarrierFits when no carrier
    of the table fits an order that names none."""
    from app.packing.plan import build_plan
    from app.packing.session import PackSession
    from app.store.packing import begin_pack
    from app.store.packing_inputs import pack_inputs

    with sessions() as session:
        info, lines, boxes = pack_inputs(session, number)
    plan = build_plan(info, lines, boxes, settings)
    pack, outcome = PackSession.start(plan, config, packer=badge, today=today)
    begin_pack(sessions, station, badge, number, outcome.events)
    return pack, outcome


def record(sessions: sessionmaker[Session], station: str, badge: str, events: list) -> list[str]:
    """Record one accepted action's events (app.store.packing.record_pack_events)."""
    from app.store.packing import record_pack_events

    return record_pack_events(sessions, station, badge, events)


def record_mismatch(sessions: sessionmaker[Session], station: str, badge: str | None, order: str, code: str,
                    args: dict[str, Any]) -> str:
    """Record a refused verification scan as an audit-only ``pack.mismatch`` event {order,
    code, sku | raw, ...} (app.store.overview.PACK_MISMATCH): no effect on the replica's
    state nor, once pushed, on the central one; the supervisor's exceptions queue and the
    "errors caught at packing" figure read it. Returns the event's id."""
    from app.store.db import transaction
    from app.store.events import record as record_event
    from app.store.overview import PACK_MISMATCH, mismatch_payload

    with transaction(sessions) as session:
        event = record_event(session, PACK_MISMATCH, mismatch_payload(order, code, args), station=station, actor=badge)
        return event.id


def sscc_settings(sessions: sessionmaker[Session], labels: Any = None):
    """The SSCC settings a close numbers its parcels with: from ``labels`` (an SsccSettings,
    or the station's LabelSettings), else those of the newest block in the station's pool
    (the refill adds blocks for the current settings). SsccPoolEmpty when there is neither."""
    from sqlalchemy import select

    from app.store.models import SsccPoolBlock

    if isinstance(labels, SsccSettings):
        return labels
    if labels is not None:
        return SsccSettings.for_block_size(labels.sscc_extension, labels.gs1_company_prefix, labels.sscc_block_size)
    with sessions() as session:
        newest = session.execute(
            select(SsccPoolBlock.extension_digit, SsccPoolBlock.company_prefix).order_by(SsccPoolBlock.id.desc())
        ).first()
    if newest is None:
        raise NoSsccBlock()
    return SsccSettings(newest[0], newest[1])


def close(sessions: sessionmaker[Session], station: str, badge: str, events: list,
          labels: Any = None) -> list[dict[str, Any]]:
    """Record the close (``PackSession.close``'s events) with an SSCC from the pool for each
    parcel, in one transaction; return the parcels as recorded ({seq, box, grams, items,
    kind, sscc, id}), for the labels. A retry after a commit returns the same parcels and
    takes no number. Raises SsccPoolEmpty (nothing recorded): the pool must be refilled
    (the station reconnects to the central database)."""
    from sqlalchemy import select

    from app.packing.events import PACK_CLOSED
    from app.store.models import Event
    from app.store.packing_close import close_pack

    ssccs = close_pack(sessions, station, badge, events, sscc_settings(sessions, labels))
    number = next(payload.get("order") for kind, payload, *_ in events if kind == PACK_CLOSED)
    with sessions() as session:
        payloads = session.scalars(
            select(Event.payload).where(Event.kind == PACK_CLOSED, Event.order_number == number)
            .order_by(Event.seq.desc()).limit(1)
        ).all()
    parcels = [dict(p) for p in (payloads[0].get("parcels") if payloads else []) or []]
    if [p.get("sscc") for p in parcels] != ssccs:  # never expected: the close and its record disagree
        raise RuntimeError(f"order {number}: the recorded close holds {[p.get('sscc') for p in parcels]}, "
                           f"not the SSCCs taken ({ssccs})")
    return parcels


def unfinished_pack(sessions: sessionmaker[Session], station: str) -> list:
    """The events of this station's unfinished pack (app.store.packing.active_pack), oldest
    first, for ``PackSession.replay``; [] when there is none."""
    from app.store.packing import active_pack

    with sessions() as session:
        return active_pack(session, station)


def supervisor(sessions: sessionmaker[Session], badge: str, pin: str) -> tuple[str, str, frozenset[str]]:
    """(badge, name, roles) of the active supervisor whose badge and PIN these are; raises
    app.store.users.SupervisorRefused (``code``: unknown | inactive | not_supervisor)."""
    from app.store.users import authenticate_supervisor

    with sessions() as session:
        user = authenticate_supervisor(session, badge, pin)
        return user.badge, user.name, user.role_set
