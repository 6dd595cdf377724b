"""The order's columns keep the status machine's state exactly (no database needed)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.status import ACTIVE, IllegalTransition, OrderStatus
from app.store.models import Order
from app.store.orders import apply_state, state_of

S = OrderStatus


@settings(max_examples=300)
@given(st.lists(st.tuples(st.sampled_from(list(OrderStatus)), st.sampled_from(["fraud_risk", "unknown_sku: X"])),
                max_size=30))
def test_columns_round_trip_the_state_and_reasons_match_it(steps) -> None:
    order = Order(number="#1", status="new")
    for target, reason in steps:
        try:
            state, _ = state_of(order).transition(target, reason)
        except IllegalTransition:
            continue
        apply_state(order, state, reason)
        assert state_of(order) == state  # what is stored is what the domain decided
        status = S(order.status)
        if status == S.ON_HOLD:
            assert order.hold_reason and order.exception_reason is None
        elif status == S.EXCEPTION:
            assert order.exception_reason
            assert bool(order.hold_reason) == state.held
        elif status in ACTIVE:
            assert order.hold_reason is None and order.exception_reason is None


def test_an_imported_held_exception_is_released_cleanly() -> None:
    order = Order(number="#2", status="exception", resume_status="new",
                  hold_reason="fraud_risk: Risk Level High", exception_reason="unknown_sku: X")
    for target, reason in ((S.ON_HOLD, "fraud_risk: Risk Level High"), (S.NEW, None)):
        state, _ = state_of(order).transition(target, reason)
        apply_state(order, state, reason)
    assert (order.status, order.hold_reason, order.exception_reason) == ("new", None, None)
