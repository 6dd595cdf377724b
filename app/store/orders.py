"""Order status changes through the domain's status machine, each recorded as an event."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, object_session

from app.domain.events import ORDER_STATUS_CHANGED
from app.domain.status import OrderState, OrderStatus, StatusChange
from app.store.events import record
from app.store.models import Order
from app.supervision.stages import assignment_lapses, stage_of


def state_of(order: Order) -> OrderState:
    resume = OrderStatus(order.resume_status) if order.resume_status else None
    status = OrderStatus(order.status)
    held = bool(order.hold_reason) and status in (OrderStatus.ON_HOLD, OrderStatus.EXCEPTION)
    return OrderState(order.number, status, resume, held)


def change_status(
    session: Session,
    order: Order,
    target: OrderStatus | str,
    *,
    station: str,
    actor: str | None = None,
    reason: str | None = None,
) -> StatusChange:
    """Apply one transition to ``order`` and add its event to the session.

    Raises ``IllegalTransition`` (naming both states) and changes nothing if the
    rules forbid it. The caller commits.
    """
    new_state, change = state_of(order).transition(target, reason)
    apply_state(order, new_state, reason)
    record(session, ORDER_STATUS_CHANGED, change.payload(), station=station, actor=actor, order_number=order.number)
    return change


def apply_state(order: Order, state: OrderState, reason: str | None) -> None:
    """Write a new state onto the order's columns, keeping the reasons true to it.

    ``hold_reason`` is set while the order is held (on_hold, or in exception with a
    hold still pending); ``exception_reason`` only while it is in exception. Back in
    the flow both are cleared; a cancelled order keeps them, to say why it stopped.

    A supervisor's assignment (``assigned_to``) lasts the stage it was made for: an order
    leaving it (picked, packed, cancelled) is free for any station of the next stage
    (app.supervision.stages). Every status change of an order goes through here, on the
    stations' replicas, in the central appliers of their events and in the console's
    actions alike, so they all lapse it the same way.
    """
    if order.assigned_to is not None and order.status and assignment_lapses(
        stage_of(order.status, order.resume_status), stage_of(state.status, state.resume_status)
    ) and _may_clear_assignment(order):
        order.assigned_to = None
    order.status = state.status.value
    order.resume_status = state.resume_status.value if state.resume_status else None
    if state.status == OrderStatus.ON_HOLD:
        order.hold_reason = reason
        order.exception_reason = None
    elif state.status == OrderStatus.EXCEPTION:
        order.exception_reason = reason
        if not state.held:
            order.hold_reason = None
    elif state.status != OrderStatus.CANCELLED:
        order.hold_reason = None
        order.exception_reason = None


def _may_clear_assignment(order: Order) -> bool:
    """Whether this session may write ``assigned_to``. A station's own PostgreSQL role may
    clear it only once the central database's policies grant it (app.sync.roles, rewritten
    by ``quai central add-station``); before, the assignment is left as it was rather than
    have the whole push refused. SQLite (replicas, the embedded central) always may."""
    session = object_session(order)
    if session is None or session.get_bind().dialect.name != "postgresql":
        return True
    return bool(session.execute(select(func.has_column_privilege("orders", "assigned_to", "UPDATE"))).scalar_one())
