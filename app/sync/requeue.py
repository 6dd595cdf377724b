"""An order taken from its station mid-stage goes back to the queue of that stage.

A supervisor's reassignment, forced release or hold clears the claim of the station working
on an order; left ``picking`` (or ``packing``) with nobody on it, no station would ever claim
it again (pickers claim ``new`` orders, packers ``picked`` ones). So, in the action's own
central transaction, the order goes back to the start of its stage through the status
machine (app.supervision.stages.back_in_queue), recorded as an ``order.status_changed``
event naming the action and the supervisor:

- ``picking`` -> ``new``: the units picked stay on the lines, and the next picker's route
  starts from what is left (as after a logout, app.gui.pick_jobs.release_pick);
- ``packing`` -> ``picked``: verification starts over (the effect of a ``pack.cancelled``,
  as when a packer gives the tote back): a pack cannot carry on from another station's
  half-filled parcel. The event says how many verified units were reset.

Threading: plain functions on the caller's Session (its transaction, its row locks).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain.events import ORDER_STATUS_CHANGED
from app.domain.status import OrderStatus
from app.store.events import record
from app.store.models import Order
from app.store.orders import apply_state, state_of
from app.store.packing import apply_pack_cancelled
from app.supervision.stages import back_in_queue as queue_status


def back_in_queue(session: Session, order: Order, action: str, station: str, badge: str, reason: str | None) -> bool:
    """Move ``order`` (locked by the caller) back to the start of its stage if it is work in
    progress that no station holds; True when it moved. An order still held (reassigned to
    its own holder) or not in progress is left as it is."""
    target = queue_status(order.status)
    if target is None or order.claimed_by is not None:
        return False
    extra = {"verification_reset": reset_verification(session, order)} if target == OrderStatus.PICKED else {}
    change_status(session, order, target, reason or None, action, station, badge, **extra)
    return True


def change_status(
    session: Session, order: Order, target: OrderStatus, reason: str | None, action: str, station: str, badge: str,
    **extra,
) -> None:
    """One status change by a supervisor, through the status machine, with its event (the
    machine's payload plus ``action`` and ``supervisor``)."""
    new_state, change = state_of(order).transition(target, reason)
    apply_state(order, new_state, reason)
    payload = {**change.payload(), "action": action, "supervisor": badge, **extra}
    record(session, ORDER_STATUS_CHANGED, payload, station=station, actor=badge, order_number=order.number)


def reset_verification(session: Session, order: Order) -> int:
    """The lines' verified units back to 0, their pack entries gone (the effect of a
    ``pack.cancelled``); returns how many units had been verified, for the audit event."""
    units = sum(line.verified or 0 for line in order.lines)
    apply_pack_cancelled(session, {"order": order.number})
    return units
