"""Role enforcement and per-order rules of the supervisor's actions, in the domain (no database)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.roles import Role
from app.supervision import (
    Actor,
    Cancel,
    ForceRelease,
    Hold,
    NotAuthorized,
    OrderFacts,
    Reassign,
    Release,
    SetPriority,
    authorize,
    is_fraud_hold,
    validate,
)
from app.supervision.texts import NOT_AUTHORIZED, REFUSALS

ALL_ACTIONS = [
    Reassign(("CMD-1",), to="PICK-02"),
    SetPriority(("CMD-1",), priority=5),
    Hold(("CMD-1",), reason="address check"),
    Release(("CMD-1",), reason="checked"),
    Cancel(("CMD-1",), reason="customer asked"),
    ForceRelease(("CMD-1",)),
]
SUPERVISOR = Actor("BDG0007", frozenset({Role.SUPERVISOR}))


@pytest.mark.parametrize("action", ALL_ACTIONS, ids=lambda a: a.name)
@pytest.mark.parametrize("roles", [{Role.PICKER}, {Role.PACKER}, {Role.PICKER, Role.PACKER}, set()], ids=str)
def test_pickers_and_packers_may_take_no_action(action, roles) -> None:
    with pytest.raises(NotAuthorized) as refused:
        authorize(Actor("BDG0042", frozenset(roles)), action)
    assert refused.value.code == "not_supervisor"


@pytest.mark.parametrize("action", ALL_ACTIONS, ids=lambda a: a.name)
def test_an_active_supervisor_may_take_every_action(action) -> None:
    authorize(SUPERVISOR, action)  # no exception
    authorize(Actor("BDG0007", frozenset({"supervisor", "picker"})), action)  # roles as stored text


@pytest.mark.parametrize("action", ALL_ACTIONS, ids=lambda a: a.name)
def test_a_deactivated_supervisor_may_take_none(action) -> None:
    with pytest.raises(NotAuthorized) as refused:
        authorize(Actor("BDG0009", frozenset({Role.SUPERVISOR}), active=False), action)
    assert refused.value.code == "inactive"


@given(roles=st.sets(st.sampled_from(list(Role))), index=st.integers(0, len(ALL_ACTIONS) - 1), active=st.booleans())
def test_authorized_exactly_when_an_active_supervisor(roles, index, active) -> None:
    actor = Actor("BDG0001", frozenset(roles), active=active)
    try:
        authorize(actor, ALL_ACTIONS[index])
        allowed = True
    except NotAuthorized:
        allowed = False
    assert allowed == (active and Role.SUPERVISOR in roles)


def test_something_that_is_not_an_action_is_not_authorized_by_accident() -> None:
    with pytest.raises(TypeError):
        authorize(SUPERVISOR, "cancel everything")  # type: ignore[arg-type]


def test_orders_are_a_tuple_without_duplicates_and_reasons_are_stripped() -> None:
    assert Hold(["B", "A", "B", " "], reason="  why ").orders == ("B", "A")
    assert Hold(["B"], reason="  why ").reason == "why"
    assert Cancel("CMD-7", reason="x").orders == ("CMD-7",)  # one number, not its letters


def facts(number="CMD-1", status="new", **kw) -> OrderFacts:
    return OrderFacts(number=number, status=status, **kw)


def codes(action, *order_facts, target_kind=None) -> dict[str, str]:
    return {r.order: r.code for r in validate(action, list(order_facts), target_kind=target_kind)}


def test_fraud_holds_are_recognised_among_the_import_hold_reasons() -> None:
    assert is_fraud_hold("fraud_risk: Risk Level High")
    assert is_fraud_hold("awaiting_payment: pending; fraud_risk: Risk Level High")
    assert not is_fraud_hold("awaiting_payment: pending")
    assert not is_fraud_hold(None)


def test_releasing_a_fraud_hold_needs_a_reason_another_hold_does_not() -> None:
    fraud = facts("F", "on_hold", resume_status="new", hold_reason="fraud_risk: Risk Level High")
    payment = facts("P", "on_hold", resume_status="new", hold_reason="awaiting_payment: pending")
    assert codes(Release(("F", "P")), fraud, payment) == {"F": "release_needs_reason"}
    assert codes(Release(("F", "P"), reason="called the customer"), fraud, payment) == {}


def test_release_only_of_held_orders() -> None:
    assert codes(Release(("A", "B", "C")), facts("A", "new"), facts("B", "shipped"), facts("C", "exception",
                 resume_status="picking", hold_reason=None)) == {"A": "not_held", "B": "not_held", "C": "not_held"}


def test_hold_needs_a_reason_and_an_order_still_on_the_floor() -> None:
    rows = [facts("A"), facts("S", "shipped"), facts("X", "cancelled"), facts("H", "on_hold", resume_status="new",
                                                                                hold_reason="r")]
    assert codes(Hold(("A", "S", "X", "H")), *rows) == {
        "A": "reason_required", "S": "already_shipped", "X": "already_cancelled", "H": "already_held",
    }
    assert codes(Hold(("A", "S", "X", "H"), reason="damaged parcel"), *rows) == {
        "S": "already_shipped", "X": "already_cancelled", "H": "already_held",
    }


def test_cancel_of_a_shipped_order_is_refused() -> None:
    rows = [facts("A", "picking"), facts("S", "shipped"), facts("X", "cancelled"), facts("R", "ready_to_ship")]
    assert codes(Cancel(("A", "S", "X", "R"), reason="customer asked"), *rows) == {
        "S": "cannot_cancel_shipped", "X": "already_cancelled",
    }
    assert codes(Cancel(("A",)), *rows) == {"A": "reason_required"}


def test_a_held_order_in_exception_goes_through_the_status_machine() -> None:
    # Held, then excepted: the status machine wants the hold put back before a release; a
    # new hold from the exception is allowed.
    row = facts("E", "exception", resume_status="picking", hold_reason="fraud_risk: x")
    assert codes(Hold(("E",), reason="again"), row) == {}
    assert codes(Release(("E",), reason="ok"), row) == {"E": "not_held"}


def test_force_release_needs_a_claim_whatever_the_status() -> None:
    rows = [facts("A", claimed_by="PICK-01"), facts("B"), facts("S", "shipped", claimed_by="PACK-01")]
    assert codes(ForceRelease(("A", "B", "S")), *rows) == {"B": "no_claim_to_release"}


def test_priority_range_and_no_op() -> None:
    rows = [facts("A", priority=0), facts("B", priority=5), facts("S", "shipped")]
    assert codes(SetPriority(("A", "B", "S"), priority=5), *rows) == {"B": "same_priority", "S": "already_shipped"}
    assert set(codes(SetPriority(("A",), priority=100), *rows).values()) == {"priority_out_of_range"}
    assert set(codes(SetPriority(("A",), priority=-1), *rows).values()) == {"priority_out_of_range"}


def test_reassign_rules() -> None:
    rows = [facts("A"), facts("B", assigned_to="PICK-02"), facts("C", assigned_to="PICK-02", claimed_by="PICK-01"),
            facts("S", "shipped")]
    assert codes(Reassign(("A", "B", "C", "S"), to="PICK-02"), *rows) == {"B": "already_assigned",
                                                                          "S": "already_shipped"}
    assert codes(Reassign(("A",), to=" "), *rows) == {"A": "no_target"}


def test_unknown_orders_are_refused_by_name() -> None:
    assert codes(Cancel(("NOPE", "A"), reason="x"), facts("A")) == {"NOPE": "unknown_order"}


def test_every_code_the_rules_can_give_has_a_text() -> None:
    from app.supervision import rules

    documented = {line.split()[0] for line in rules.__doc__.splitlines() if line[:1].islower() and "  " in line}
    assert documented <= set(REFUSALS)
    assert {"not_supervisor", "inactive", "unknown", "database_role"} <= set(NOT_AUTHORIZED)


# --- stages: which station kind takes an order, where it goes back, how long an assignment lasts


@pytest.mark.parametrize(("status", "resume", "fits"), [
    ("new", None, {"picking", "any"}), ("awaiting_stock", None, {"picking", "any"}),
    ("picking", None, {"picking", "any"}), ("picked", None, {"packing", "any"}), ("packing", None, {"packing", "any"}),
    ("on_hold", "picking", {"picking", "any"}), ("on_hold", "packing", {"packing", "any"}),
    ("exception", "picked", {"packing", "any"}), ("on_hold", None, {"picking", "any"}), ("ready_to_ship", None, set()),
])
def test_a_reassignment_needs_a_station_of_the_order_s_stage(status, resume, fits) -> None:
    row = facts("A", status, resume_status=resume, hold_reason="r" if status in ("on_hold", "exception") else None)
    for kind in ("picking", "packing", "any", "supervisor", "dock"):
        refused = codes(Reassign(("A",), to="X-1"), row, target_kind=kind)
        assert refused == ({} if kind in fits else {"A": "wrong_station_kind"}), kind
    assert codes(Reassign(("A",), to="X-1"), row) == {}  # no kind given: not checked (the central side gives it)


def test_a_reassignment_to_the_station_it_is_assigned_to_says_so_before_the_kind() -> None:
    row = facts("A", "picked", assigned_to="PICK-01")
    assert codes(Reassign(("A",), to="PICK-01"), row, target_kind="picking") == {"A": "already_assigned"}


@pytest.mark.parametrize(("resume", "claimed_by", "target"), [
    ("picking", None, "new"), ("packing", None, "picked"), ("new", None, "new"), ("picked", None, "picked"),
    ("awaiting_stock", None, "awaiting_stock"), (None, None, "new"),
    ("picking", "PICK-01", "picking"),  # a station still holds it: back exactly where it was
])
def test_a_release_sends_work_nobody_holds_back_to_the_start_of_its_stage(resume, claimed_by, target) -> None:
    row = facts("A", "on_hold", resume_status=resume, hold_reason="r", claimed_by=claimed_by)
    assert row.release_target() == target
    assert codes(Release(("A",)), row) == {}  # a move the status machine allows


def test_stages_of_the_status_machine() -> None:
    from app.supervision.stages import PACK, PICK, assignment_lapses, back_in_queue, kind_fits, stage_of

    assert [stage_of(s) for s in ("new", "awaiting_stock", "picking", "picked", "packing", "ready_to_ship",
                                  "shipped", "cancelled")] == [PICK, PICK, PICK, PACK, PACK, None, None, None]
    assert [back_in_queue(s) for s in ("picking", "packing", "new", "picked", "on_hold")] == [
        "new", "picked", None, None, None]
    assert kind_fits("Any", PACK) and not kind_fits("picking", None) and not kind_fits(None, PICK)
    assert assignment_lapses(PICK, PACK) and assignment_lapses(PACK, None) and not assignment_lapses(PICK, PICK)
