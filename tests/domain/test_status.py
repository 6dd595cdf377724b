from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.status import ACTIVE, ALLOWED, TERMINAL, IllegalTransition, OrderState, OrderStatus

S = OrderStatus
statuses = st.sampled_from(list(OrderStatus))
reasons = st.one_of(st.none(), st.just(""), st.just("fraud risk"))


def test_happy_path_reaches_shipped() -> None:
    state = OrderState("#1001")
    for target in (S.PICKING, S.PICKED, S.PACKING, S.READY_TO_SHIP, S.SHIPPED):
        state, change = state.transition(target)
        assert change.status == target
    assert state.status == S.SHIPPED


def test_illegal_transition_names_both_states() -> None:
    with pytest.raises(IllegalTransition) as caught:
        OrderState("#1", S.NEW).transition(S.SHIPPED)
    assert "new" in str(caught.value) and "shipped" in str(caught.value)
    assert caught.value.current == S.NEW and caught.value.target == S.SHIPPED


@pytest.mark.parametrize("terminal", sorted(TERMINAL))
def test_terminal_states_accept_nothing(terminal: OrderStatus) -> None:
    for target in OrderStatus:
        assert not OrderState("#1", terminal).can_become(target)


def test_hold_needs_a_reason_and_release_returns_where_it_was() -> None:
    state = OrderState("#1", S.PICKED)
    with pytest.raises(IllegalTransition, match="reason"):
        state.transition(S.ON_HOLD)
    held, _ = state.transition(S.ON_HOLD, "fraud risk")
    assert held.resume_status == S.PICKED
    # Releasing to a later step would skip packing checks.
    with pytest.raises(IllegalTransition, match="picked before"):
        held.transition(S.READY_TO_SHIP)
    released, change = held.transition(S.PICKED)
    assert released.status == S.PICKED and released.resume_status is None
    assert change.payload() == {"order": "#1", "from": "on_hold", "to": "picked", "reason": None}


def test_exception_while_on_hold_keeps_the_original_resume_point() -> None:
    held, _ = OrderState("#1", S.PACKING).transition(S.ON_HOLD, "check address")
    excepted, _ = held.transition(S.EXCEPTION, "damaged item")
    assert excepted.resume_status == S.PACKING
    rehold, _ = excepted.transition(S.ON_HOLD, "check address")
    assert rehold.resume_status == S.PACKING
    # going back to an earlier step (restart the pick) is allowed
    restarted, _ = rehold.transition(S.PICKING)
    assert restarted.status == S.PICKING


@settings(max_examples=400)
@given(st.lists(st.tuples(statuses, reasons), max_size=40))
def test_random_sequences_never_reach_an_illegal_state(steps) -> None:
    state = OrderState("#42")
    history = [state.status]
    for target, reason in steps:
        before = state
        try:
            state, change = state.transition(target, reason)
        except IllegalTransition as exc:
            assert state == before  # a refused change leaves the order as it was
            assert before.status.value in str(exc) and target.value in str(exc)
            continue
        # every accepted step is one the table allows, recorded as such
        assert target in ALLOWED[before.status]
        assert (change.previous, change.status) == (before.status, target)
        if target in (S.ON_HOLD, S.EXCEPTION):
            assert reason and reason.strip()
            assert state.resume_status in ACTIVE
        else:
            assert state.resume_status is None
        history.append(state.status)
        # leaving a hold or an exception never lands later in the flow than where the order was
        flow = ["new", "awaiting_stock", "picking", "picked", "packing", "ready_to_ship"]
        if before.status in (S.ON_HOLD, S.EXCEPTION) and target in ACTIVE:
            assert flow.index(target.value) <= flow.index((before.resume_status or S.NEW).value)
        # a hold is only ever left through on_hold itself (or cancellation)
        if before.held and target in ACTIVE:
            assert before.status == S.ON_HOLD
    # once terminal, nothing moves it again
    for i, status in enumerate(history):
        if status in TERMINAL:
            assert all(later == status for later in history[i:])


@given(statuses, statuses)
def test_can_become_agrees_with_transition(current: OrderStatus, target: OrderStatus) -> None:
    state = OrderState("#7", current, S.NEW if current in (S.ON_HOLD, S.EXCEPTION) else None)
    ok = state.can_become(target)
    try:
        state.transition(target, "reason")
        accepted = True
    except IllegalTransition:
        accepted = False
    if target not in (S.ON_HOLD, S.EXCEPTION):
        assert ok == accepted


def test_resolving_an_exception_cannot_skip_a_pending_hold() -> None:
    held, _ = OrderState("#9", S.NEW).transition(S.ON_HOLD, "fraud_risk")
    excepted, _ = held.transition(S.EXCEPTION, "unknown_sku: X")
    assert excepted.held
    with pytest.raises(IllegalTransition, match="also on hold"):
        excepted.transition(S.NEW)
    back_on_hold, _ = excepted.transition(S.ON_HOLD, "fraud_risk")
    released, _ = back_on_hold.transition(S.NEW)
    assert released.status == S.NEW and not released.held
