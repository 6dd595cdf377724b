"""Which orders an action fits: per order, a refusal code or nothing.

``validate(action, facts)`` takes what the central database says of each order (read in
the action's transaction, rows locked) and returns the refusals; the orders without one
are the ones the action applies to. Status changes are checked by the order status
machine itself (app.domain.status.OrderState), so a supervisor can no more skip a step
than a station can.

Codes (the console translates them, app.supervision.texts):

=========================  ==========================================================
unknown_order              no such order in the central database
already_shipped            the order has left: nothing to hold, reassign or reprioritise
already_cancelled          the order is cancelled already
cannot_cancel_shipped      cancelling a shipped order
reason_required            hold and cancel need a reason
release_needs_reason       releasing a fraud hold needs a reason
not_held                   release of an order that is not on hold
already_held               hold of an order on hold already
illegal_transition         any other status change the status machine refuses
priority_out_of_range      a priority outside PRIORITY_MIN..PRIORITY_MAX
same_priority              the order has that priority already (nothing to do)
already_assigned           reassign to the station it is assigned to and held by already
no_target                  reassign without a station or badge
wrong_station_kind         reassign to a station that does not work on the order's stage
                           (a packing station for an order to pick, a picking station
                           for one to pack, a console; app.supervision.stages)
no_claim_to_release        force release of an order nobody holds
=========================  ==========================================================

(app.sync.supervision adds ``unknown_station``, ``unknown_picker`` and
``picker_not_on_a_station`` when it resolves a reassignment's target.)
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.domain.status import IllegalTransition, OrderState, OrderStatus
from app.supervision.stages import back_in_queue, kind_fits, stage_of
from app.supervision.actions import (
    PRIORITY_MAX,
    PRIORITY_MIN,
    Action,
    Cancel,
    ForceRelease,
    Hold,
    Reassign,
    Release,
    SetPriority,
)

S = OrderStatus

# Hold reasons are "kind: detail" parts joined by "; " (app.imports.allocation), e.g.
# "fraud_risk: Risk Level High; awaiting_payment: pending". A hold whose kind starts with
# "fraud" is a fraud hold: releasing it means someone decided the order is safe, and says why.
FRAUD_PREFIX = "fraud"


def is_fraud_hold(hold_reason: str | None) -> bool:
    for part in (hold_reason or "").split(";"):
        if part.strip().lower().startswith(FRAUD_PREFIX):
            return True
    return False


@dataclass(frozen=True)
class OrderFacts:
    """What an action needs to know of one order (the central row, locked)."""

    number: str
    status: str
    resume_status: str | None = None
    hold_reason: str | None = None
    priority: int = 0
    claimed_by: str | None = None
    assigned_to: str | None = None

    def state(self) -> OrderState:
        status = S(self.status)
        held = bool(self.hold_reason) and status in (S.ON_HOLD, S.EXCEPTION)
        return OrderState(self.number, status, S(self.resume_status) if self.resume_status else None, held)

    def release_target(self) -> OrderStatus:
        """Where a release sends the order: where it was held from, except that work in
        progress nobody holds any more (a hold takes the order from its station) goes back
        to the start of its stage, for the next station to claim (app.supervision.stages)."""
        resume = S(self.resume_status) if self.resume_status else S.NEW
        if self.claimed_by is None:
            return back_in_queue(resume) or resume
        return resume

    def stage(self) -> str | None:
        return stage_of(self.status, self.resume_status)


@dataclass(frozen=True)
class Refusal:
    order: str
    code: str
    detail: str = ""  # English, for logs (the status machine's words); the screen uses the code


def validate(
    action: Action, facts: Mapping[str, OrderFacts] | Iterable[OrderFacts], *, target_kind: str | None = None
) -> list[Refusal]:
    """The refusals of ``action``, one at most per order, in the action's order of orders.

    ``facts`` holds the orders known centrally (by number, or as a list); an order of the
    action missing from it is ``unknown_order``. ``target_kind``: for a reassignment, the
    kind of the station ``action.to`` names (picking, packing, supervisor, any); given, an
    order whose stage that kind does not work on is ``wrong_station_kind``.
    """
    known = facts if isinstance(facts, Mapping) else {f.number: f for f in facts}
    refusals: list[Refusal] = []
    for number in action.orders:
        fact = known.get(number)
        refusal = Refusal(number, "unknown_order") if fact is None else _check(action, fact, target_kind)
        if refusal is not None:
            refusals.append(refusal)
    return refusals


def _check(action: Action, fact: OrderFacts, target_kind: str | None = None) -> Refusal | None:
    number, status = fact.number, S(fact.status)
    if isinstance(action, ForceRelease):
        # A stale claim is freed whatever the order's status (a shipped order's dead claim too).
        return None if fact.claimed_by else Refusal(number, "no_claim_to_release")
    if isinstance(action, Cancel):
        if status == S.SHIPPED:
            return Refusal(number, "cannot_cancel_shipped")
        if status == S.CANCELLED:
            return Refusal(number, "already_cancelled")
        if not action.reason:
            return Refusal(number, "reason_required")
        return _transition(fact, S.CANCELLED, action.reason)
    if status == S.SHIPPED:
        return Refusal(number, "not_held" if isinstance(action, Release) else "already_shipped")
    if status == S.CANCELLED:
        return Refusal(number, "not_held" if isinstance(action, Release) else "already_cancelled")
    if isinstance(action, Hold):
        if status == S.ON_HOLD:
            return Refusal(number, "already_held")
        if not action.reason:
            return Refusal(number, "reason_required")
        return _transition(fact, S.ON_HOLD, action.reason)
    if isinstance(action, Release):
        if status != S.ON_HOLD:
            return Refusal(number, "not_held")
        if is_fraud_hold(fact.hold_reason) and not action.reason:
            return Refusal(number, "release_needs_reason")
        return _transition(fact, fact.release_target(), action.reason or None)
    if isinstance(action, SetPriority):
        if not isinstance(action.priority, int) or not PRIORITY_MIN <= action.priority <= PRIORITY_MAX:
            return Refusal(number, "priority_out_of_range", f"{action.priority!r} not in {PRIORITY_MIN}..{PRIORITY_MAX}")
        return Refusal(number, "same_priority") if fact.priority == action.priority else None
    if isinstance(action, Reassign):
        if not action.to:
            return Refusal(number, "no_target")
        if fact.assigned_to == action.to and fact.claimed_by in (None, action.to):
            return Refusal(number, "already_assigned")
        if target_kind is not None and not kind_fits(target_kind, fact.stage()):
            # Assigned there, the order could be claimed by no station at all: the one named
            # does not claim orders of this stage, and every other one is kept out.
            return Refusal(number, "wrong_station_kind",
                           f"a {target_kind} station does not take an order in {fact.status}")
        return None
    raise TypeError(f"not a supervisor action: {action!r}")


def _transition(fact: OrderFacts, target: OrderStatus, reason: str | None) -> Refusal | None:
    try:
        fact.state().transition(target, reason)
    except IllegalTransition as exc:
        return Refusal(fact.number, "illegal_transition", str(exc))
    return None
