"""The order status machine.

Only the transitions listed in ``ALLOWED`` succeed. Holding an order remembers
where it was, and releasing it returns it exactly there, so a hold can never be
used to skip a step (a held ``picking`` order cannot be released as ``packing``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class OrderStatus(StrEnum):
    NEW = "new"
    AWAITING_STOCK = "awaiting_stock"
    PICKING = "picking"
    PICKED = "picked"
    PACKING = "packing"
    READY_TO_SHIP = "ready_to_ship"
    SHIPPED = "shipped"
    ON_HOLD = "on_hold"
    EXCEPTION = "exception"
    CANCELLED = "cancelled"


S = OrderStatus

#: Statuses in which the order is still on the floor and can be held,
#: sent to exception or cancelled.
ACTIVE = frozenset({S.NEW, S.AWAITING_STOCK, S.PICKING, S.PICKED, S.PACKING, S.READY_TO_SHIP})
TERMINAL = frozenset({S.SHIPPED, S.CANCELLED})

_FORWARD: dict[OrderStatus, frozenset[OrderStatus]] = {
    S.NEW: frozenset({S.AWAITING_STOCK, S.PICKING}),
    S.AWAITING_STOCK: frozenset({S.NEW, S.PICKING}),
    # picking -> new: the pick list was released (logout, dead station); progress is kept on the lines.
    S.PICKING: frozenset({S.PICKED, S.NEW, S.AWAITING_STOCK}),
    # picked -> packing; packing -> picked when a packer puts the tote back.
    S.PICKED: frozenset({S.PACKING}),
    S.PACKING: frozenset({S.READY_TO_SHIP, S.PICKED}),
    # ready_to_ship -> packing: a parcel reopened before the courier takes it.
    S.READY_TO_SHIP: frozenset({S.SHIPPED, S.PACKING}),
    S.SHIPPED: frozenset(),
    S.CANCELLED: frozenset(),
}

ALLOWED: dict[OrderStatus, frozenset[OrderStatus]] = {}
for _status, _targets in _FORWARD.items():
    extra: set[OrderStatus] = set()
    if _status in ACTIVE:
        extra = {S.ON_HOLD, S.EXCEPTION, S.CANCELLED}
    ALLOWED[_status] = _targets | extra
# Leaving hold or exception: back into the flow (checked further by OrderState), or cancel.
ALLOWED[S.ON_HOLD] = frozenset(ACTIVE | {S.EXCEPTION, S.CANCELLED})
ALLOWED[S.EXCEPTION] = frozenset(ACTIVE | {S.ON_HOLD, S.CANCELLED})


class IllegalTransition(ValueError):
    """A change of status the rules forbid. The message names both states."""

    def __init__(self, current: OrderStatus, target: OrderStatus, why: str = "") -> None:
        self.current = current
        self.target = target
        message = f"illegal order status change: {current.value} -> {target.value}"
        if why:
            message += f" ({why})"
        super().__init__(message)


@dataclass(frozen=True)
class StatusChange:
    """One accepted transition; the store records it as an ``order.status_changed`` event."""

    order_number: str
    previous: OrderStatus
    status: OrderStatus
    reason: str | None = None

    def payload(self) -> dict[str, str | None]:
        return {
            "order": self.order_number,
            "from": self.previous.value,
            "to": self.status.value,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class OrderState:
    """The status of one order, plus the status it was held or excepted from."""

    number: str
    status: OrderStatus = S.NEW
    resume_status: OrderStatus | None = None
    # A hold is still pending: the order went from on_hold to exception (or was
    # imported as both). Only releasing the hold itself may put it back in the flow,
    # so resolving the exception cannot quietly skip a fraud or payment hold.
    held: bool = False

    def can_become(self, target: OrderStatus) -> bool:
        try:
            self._check(target, reason=None)
        except IllegalTransition:
            return False
        return True

    def _check(self, target: OrderStatus, reason: str | None) -> None:
        target = OrderStatus(target)
        if target == self.status:
            raise IllegalTransition(self.status, target, "already in that status")
        if target not in ALLOWED[self.status]:
            raise IllegalTransition(self.status, target)
        if target in (S.ON_HOLD, S.EXCEPTION) and not (reason and reason.strip()):
            raise IllegalTransition(self.status, target, "a reason is required")
        if self.status == S.EXCEPTION and self.held and target in ACTIVE:
            raise IllegalTransition(self.status, target, "the order is also on hold: put it back on hold, then release it")
        if self.status in (S.ON_HOLD, S.EXCEPTION) and target in ACTIVE:
            # Leaving a hold or an exception goes back where the order was, or
            # to an earlier step of the flow (an exception may restart the pick).
            allowed_back = _resume_targets(self.resume_status)
            if target not in allowed_back:
                raise IllegalTransition(
                    self.status,
                    target,
                    f"the order was {self.resume_status.value if self.resume_status else 'new'} before",
                )

    def transition(self, target: OrderStatus | str, reason: str | None = None) -> tuple[OrderState, StatusChange]:
        """Return the new state and the change to record, or raise IllegalTransition."""
        target = OrderStatus(target)
        self._check(target, reason)
        if target in (S.ON_HOLD, S.EXCEPTION):
            resume = self.resume_status if self.status in (S.ON_HOLD, S.EXCEPTION) else self.status
        else:
            resume = None
        if target == S.ON_HOLD:
            held = True
        elif target == S.EXCEPTION:
            held = self.held or self.status == S.ON_HOLD
        else:
            held = False
        new_state = OrderState(self.number, target, resume, held)
        return new_state, StatusChange(self.number, self.status, target, reason)


# Flow order of the active statuses, used to allow "go back to an earlier step".
_FLOW = [S.NEW, S.AWAITING_STOCK, S.PICKING, S.PICKED, S.PACKING, S.READY_TO_SHIP]


def _resume_targets(resume: OrderStatus | None) -> frozenset[OrderStatus]:
    """Active statuses an order held or excepted from ``resume`` may go back to.

    The status it came from, or any earlier one (restarting a pick or a pack is
    always safe); never a later one, which would skip work.
    """
    resume = resume or S.NEW
    index = _FLOW.index(resume)
    return frozenset(_FLOW[: index + 1])
