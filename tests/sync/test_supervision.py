"""A supervisor's actions applied centrally (app.sync.supervision), on SQLite and the real PostgreSQL."""

from __future__ import annotations

import itertools
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app.domain.events import ORDER_STATUS_CHANGED
from app.domain.roles import Role
from app.store.db import session_factory, transaction
from app.store.models import Event, Order, OrderLine, Station, User
from app.store.users import add_user
from app.supervision import Cancel, ForceRelease, Hold, NotAuthorized, Reassign, Release, SetPriority
from app.sync.central import EventIn, apply_batch
from app.sync.claims import Claim, ClaimRefused, claim_order, heartbeat, release
from app.sync.supervision import ORDER_PRIORITY_CHANGED, apply_action

SUP, PIN, CONSOLE = "BDG0007", "4821", "SUP-DESK"
FRAUD = "fraud_risk: Risk Level High"


@pytest.fixture
def central(any_engine):
    factory = session_factory(any_engine)
    with transaction(factory) as session:
        add_user(session, name="Sam Sup", badge=SUP, roles=frozenset({Role.SUPERVISOR}), pin=PIN)
        add_user(session, name="Pat Picker", badge="BDG0008", roles=frozenset({Role.PICKER}), pin=PIN)
        add_user(session, name="Ann Packer", badge="BDG0011", roles=frozenset({Role.PACKER}), pin=PIN)
        add_user(session, name="Max Packer", badge="BDG0012", roles=frozenset({Role.PACKER}), pin=PIN)
        add_user(session, name="Old Sup", badge="BDG0009", roles=frozenset({Role.SUPERVISOR}), pin=PIN).active = False
        session.add_all([Station(name="PICK-01", kind="picking"), Station(name="PICK-02", current_user="BDG0008"),
                         Station(name="PACK-01", kind="packing", current_user="BDG0012"),
                         Station(name=CONSOLE, kind="supervisor")])
        session.add_all([
            # One unit picked already (an earlier pick given back): started again by PICK-01 below.
            Order(number="CMD-1", lines=[OrderLine(line_no=1, sku="SKU-A", quantity=2, picked=1)]),
            Order(number="CMD-2"),
            Order(number="CMD-3", status="shipped"),
            Order(number="CMD-4", status="on_hold", resume_status="new", hold_reason=FRAUD),
            Order(number="CMD-5", status="on_hold", resume_status="picked", hold_reason="awaiting_payment: pending"),
        ])
    return factory


_SEQ = itertools.count(1)


def push_status(factory, station: str, number: str, before: str, after: str) -> None:
    """A station's status change as its push brings it (app.sync.central's applier)."""
    event = EventIn(str(uuid.uuid4()), next(_SEQ), datetime.now(UTC), "BDG0008", ORDER_STATUS_CHANGED, number,
                    {"order": number, "from": before, "to": after, "reason": None})
    assert apply_batch(factory, station, [event]).not_applied == ()


def start_picking(factory, station: str, number: str, now: datetime | None = None) -> Claim:
    """What a picking station does: claim the new order (the picker's claim, statuses
    ("new",)), then push its move to picking."""
    claim = claim_order(factory, station, number, now=now)
    push_status(factory, station, number, "new", "picking")
    return claim


def order(factory, number: str) -> Order:
    with factory() as session:
        return session.scalars(select(Order).where(Order.number == number)).one()


def events(factory, kind: str | None = None) -> list[Event]:
    with factory() as session:
        query = select(Event).where(Event.kind != "user.added").order_by(Event.seq)
        if kind:
            query = query.where(Event.kind == kind)
        return list(session.scalars(query))


@pytest.mark.parametrize("badge", ["BDG0008", "BDG0011", "BDG0404"])
def test_a_picker_a_packer_or_a_stranger_changes_nothing(central, badge) -> None:
    for action in (Cancel(["CMD-2"], reason="x"), SetPriority(["CMD-2"], priority=9), Hold(["CMD-2"], reason="x"),
                   Reassign(["CMD-2"], to="PICK-01"), ForceRelease(["CMD-2"]), Release(["CMD-4"], reason="x")):
        with pytest.raises(NotAuthorized) as refused:
            apply_action(central, CONSOLE, badge, action)
        assert refused.value.code == ("unknown" if badge == "BDG0404" else "not_supervisor")
    assert order(central, "CMD-2").status == "new" and order(central, "CMD-2").priority == 0
    assert events(central) == []


def test_a_deactivated_supervisor_is_refused_even_if_the_console_still_shows_them(central) -> None:
    with pytest.raises(NotAuthorized) as refused:
        apply_action(central, CONSOLE, "BDG0009", Cancel(["CMD-2"], reason="x"))
    assert refused.value.code == "inactive"
    # ...and one whose supervisor role was taken away since they logged in.
    apply_action(central, CONSOLE, SUP, SetPriority(["CMD-2"], priority=3))
    with transaction(central) as session:
        session.scalars(select(User).where(User.badge == SUP)).one().roles = "picker"
    with pytest.raises(NotAuthorized) as refused:
        apply_action(central, CONSOLE, SUP, SetPriority(["CMD-2"], priority=4))
    assert refused.value.code == "not_supervisor"
    assert order(central, "CMD-2").priority == 3


def test_a_wrong_pin_is_refused_when_a_pin_is_given(central) -> None:
    with pytest.raises(NotAuthorized) as refused:
        apply_action(central, CONSOLE, SUP, SetPriority(["CMD-2"], priority=3), pin="0000")
    assert refused.value.code == "unknown"
    assert apply_action(central, CONSOLE, SUP, SetPriority(["CMD-2"], priority=3), pin=PIN).done == ("CMD-2",)


def test_priority_is_changed_and_audited(central) -> None:
    result = apply_action(central, CONSOLE, SUP, SetPriority(["CMD-2", "CMD-3", "NOPE"], priority=7))
    assert result.done == ("CMD-2",)
    assert result.refused == {"CMD-3": "already_shipped", "NOPE": "unknown_order"}
    assert order(central, "CMD-2").priority == 7
    [event] = events(central)
    assert (event.kind, event.station, event.actor, event.order_number) == (ORDER_PRIORITY_CHANGED, CONSOLE, SUP, "CMD-2")
    assert event.payload == {"order": "CMD-2", "from": 0, "to": 7, "supervisor": SUP}


def test_a_fraud_release_without_a_reason_is_refused_the_others_go_through(central) -> None:
    result = apply_action(central, CONSOLE, SUP, Release(["CMD-4", "CMD-5", "CMD-2"]))
    assert result.refused == {"CMD-4": "release_needs_reason", "CMD-2": "not_held"}
    assert order(central, "CMD-4").status == "on_hold"
    released = order(central, "CMD-5")
    assert (released.status, released.hold_reason) == ("picked", None)  # back exactly where it was held
    result = apply_action(central, CONSOLE, SUP, Release(["CMD-4"], reason="customer called back, ID checked"))
    assert result.done == ("CMD-4",) and order(central, "CMD-4").status == "new"
    fraud = [e for e in events(central, "order.status_changed") if e.order_number == "CMD-4"]
    assert [(e.actor, e.payload["from"], e.payload["to"], e.payload["action"], e.payload["hold"], e.payload["reason"])
            for e in fraud] == [(SUP, "on_hold", "new", "release", FRAUD, "customer called back, ID checked")]


def test_cancel_of_a_shipped_order_is_refused_and_a_claimed_one_keeps_its_claim(central) -> None:
    claim = start_picking(central, "PICK-01", "CMD-1")
    result = apply_action(central, CONSOLE, SUP, Cancel(["CMD-1", "CMD-3"], reason="customer cancelled"))
    assert result.refused == {"CMD-3": "cannot_cancel_shipped"}
    assert [(o.order, o.lost_by) for o in result.outcomes if o.done] == [("CMD-1", "PICK-01")]
    cancelled = order(central, "CMD-1")
    assert cancelled.status == "cancelled" and cancelled.claimed_by == "PICK-01"
    assert order(central, "CMD-3").status == "shipped"
    # The holder is told at its heartbeat: cancelled (the station then lists what to put back).
    assert [(lost.order_number, lost.why) for lost in heartbeat(central, "PICK-01", [claim.claim_id]).lost] == [
        ("CMD-1", "cancelled")]


def test_hold_takes_the_order_from_its_station_and_release_puts_it_back_in_the_queue(central) -> None:
    claim = start_picking(central, "PICK-01", "CMD-1")
    result = apply_action(central, CONSOLE, SUP, Hold(["CMD-1", "CMD-2"], reason="address to check"))
    assert result.done == ("CMD-1", "CMD-2") and result.outcomes[0].lost_by == "PICK-01"
    held = order(central, "CMD-1")
    assert (held.status, held.resume_status, held.hold_reason, held.claimed_by) == (
        "on_hold", "picking", "address to check", None)
    assert [(lost.order_number, lost.why) for lost in heartbeat(central, "PICK-01", [claim.claim_id]).lost] == [
        ("CMD-1", "released by a supervisor")]
    assert apply_action(central, CONSOLE, SUP, Hold(["CMD-1"], reason="again")).refused == {"CMD-1": "already_held"}
    apply_action(central, CONSOLE, SUP, Release(["CMD-1"]))
    # Held from picking, but no station holds it any more (the hold took it from PICK-01):
    # back to new, where a picker claims it; the unit picked stays on its line.
    back = order(central, "CMD-1")
    assert (back.status, back.hold_reason, back.claimed_by) == ("new", None, None)
    with central() as session:
        assert session.scalars(select(OrderLine.picked).where(OrderLine.sku == "SKU-A")).one() == 1  # progress kept
    [release] = [e for e in events(central, ORDER_STATUS_CHANGED) if e.payload.get("action") == "release"]
    assert (release.payload["from"], release.payload["to"], release.payload["resume_status"]) == (
        "on_hold", "new", "picking")


def test_reassign_to_a_station_or_to_a_picker_by_badge(central) -> None:
    claim = start_picking(central, "PICK-01", "CMD-1")
    result = apply_action(central, CONSOLE, SUP, Reassign(["CMD-1"], to="PICK-02", reason="rush"))
    assert result.done == ("CMD-1",) and result.to_station == "PICK-02" and result.outcomes[0].lost_by == "PICK-01"
    moved = order(central, "CMD-1")
    # Back in the queue of new orders, for PICK-02 alone (app.sync.requeue).
    assert (moved.assigned_to, moved.claimed_by, moved.status) == ("PICK-02", None, "new")
    assert [(lost.order_number, lost.why) for lost in heartbeat(central, "PICK-01", [claim.claim_id]).lost] == [
        ("CMD-1", "reassigned to PICK-02")]
    # A person is reached at the station they are logged in at.
    result = apply_action(central, CONSOLE, SUP, Reassign(["CMD-2"], to="bdg0008"))
    assert result.to_station == "PICK-02" and order(central, "CMD-2").assigned_to == "PICK-02"
    [event] = [e for e in events(central, "order.reassigned") if e.order_number == "CMD-2"]
    assert (event.payload["to_station"], event.payload["to_badge"], event.actor) == ("PICK-02", "BDG0008", SUP)
    assert apply_action(central, CONSOLE, SUP, Reassign(["CMD-2"], to="PICK-02")).refused == {
        "CMD-2": "already_assigned"}


def test_reassign_to_nobody_reachable_is_refused(central) -> None:
    for to, code in (("PICK-99", "unknown_station"), ("BDG0011", "picker_not_on_a_station"),
                     ("BDG0404", "unknown_picker"), ("BDG0009", "unknown_picker")):
        assert apply_action(central, CONSOLE, SUP, Reassign(["CMD-2"], to=to)).refused == {"CMD-2": code}, to
    assert order(central, "CMD-2").assigned_to is None
    assert events(central) == []


def test_reassign_to_a_station_that_does_not_take_the_order_s_stage_is_refused(central) -> None:
    # A new order (to pick) to a packing station, directly or through the packer on it, or to a
    # console; a picked one (CMD-5 held from picked) to a picking station: no station could claim them.
    for number, to in (("CMD-2", "PACK-01"), ("CMD-2", "BDG0012"), ("CMD-2", CONSOLE), ("CMD-5", "PICK-01")):
        result = apply_action(central, CONSOLE, SUP, Reassign([number], to=to))
        assert result.refused == {number: "wrong_station_kind"}, to
        assert order(central, number).assigned_to is None
    assert events(central) == []
    # The right kind, or a station of kind "any" (PICK-02), takes them.
    assert apply_action(central, CONSOLE, SUP, Reassign(["CMD-5"], to="PACK-01")).done == ("CMD-5",)
    assert apply_action(central, CONSOLE, SUP, Reassign(["CMD-2"], to="PICK-02")).done == ("CMD-2",)


def test_an_assignment_lasts_the_stage_it_was_made_for(central) -> None:
    apply_action(central, CONSOLE, SUP, Reassign(["CMD-2"], to="PICK-02"))  # a station of kind any
    # Held and released within its stage: still PICK-02's.
    apply_action(central, CONSOLE, SUP, Hold(["CMD-2"], reason="address"))
    apply_action(central, CONSOLE, SUP, Release(["CMD-2"]))
    assert (order(central, "CMD-2").status, order(central, "CMD-2").assigned_to) == ("new", "PICK-02")
    with pytest.raises(ClaimRefused, match="assigned to PICK-02"):
        claim_order(central, "PICK-01", "CMD-2")
    claim = start_picking(central, "PICK-02", "CMD-2")
    push_status(central, "PICK-02", "CMD-2", "picking", "picked")  # its pick done, as its push brings it
    assert release(central, "PICK-02", claim.claim_id)  # then its claim given back
    picked = order(central, "CMD-2")
    assert (picked.status, picked.assigned_to) == ("picked", None)
    # Any packer may take it now (the packer's claim, app.gui.pack_claims).
    assert claim_order(central, "PACK-01", "CMD-2", statuses=("picked",)).order_number == "CMD-2"
    # Assigned for its pack, it lapses when the order leaves packing too (cancelled here).
    apply_action(central, CONSOLE, SUP, Reassign(["CMD-5"], to="PACK-01"))
    apply_action(central, CONSOLE, SUP, Cancel(["CMD-5"], reason="customer"))
    assert order(central, "CMD-5").assigned_to is None


def test_force_release_of_a_stale_claim(central) -> None:
    start_picking(central, "PICK-01", "CMD-1", now=datetime.now(UTC) - timedelta(hours=1))
    result = apply_action(central, CONSOLE, SUP, ForceRelease(["CMD-1", "CMD-2"]))
    assert result.done == ("CMD-1",) and result.refused == {"CMD-2": "no_claim_to_release"}
    freed = order(central, "CMD-1")
    assert (freed.claimed_by, freed.status) == (None, "new")  # back in the queue for the next picker
    [event] = events(central, "order.force_released")
    assert (event.payload["holder"], event.payload["supervisor"], event.station) == ("PICK-01", SUP, CONSOLE)


def test_one_transaction_a_failure_midway_changes_nothing(central, monkeypatch) -> None:
    import app.sync.supervision as supervision

    calls = []
    real = supervision.change_status

    def fail_second(*args, **kw):
        calls.append(args[1].number)
        if len(calls) == 2:
            raise RuntimeError("power cut")
        return real(*args, **kw)

    start_picking(central, "PICK-01", "CMD-1")
    before = len(events(central))
    monkeypatch.setattr(supervision, "change_status", fail_second)
    with pytest.raises(RuntimeError):
        apply_action(central, CONSOLE, SUP, Hold(["CMD-1", "CMD-2"], reason="check"))
    assert order(central, "CMD-1").status == "picking" and order(central, "CMD-2").status == "new"
    assert order(central, "CMD-1").claimed_by == "PICK-01"
    assert len(events(central)) == before


def test_the_consoles_central_context_applies_an_action(central, any_engine) -> None:
    from app.gui.queries import CentralContext

    context = CentralContext(any_engine.url.render_as_string(hide_password=False))
    try:
        result = context.supervise(CONSOLE, SUP, Hold(["CMD-2"], reason="address"))
        assert result.done == ("CMD-2",) and order(central, "CMD-2").status == "on_hold"
        with pytest.raises(NotAuthorized):
            context.supervise(CONSOLE, "BDG0008", Release(["CMD-2"]))
        assert order(central, "CMD-2").status == "on_hold"
    finally:
        context.close()


def test_two_consoles_holding_the_same_orders_at_once_hold_each_once(central) -> None:
    import threading

    results, errors = [], []
    start = threading.Barrier(2)

    def hold(console: str) -> None:
        try:
            start.wait(5)
            results.append(apply_action(central, console, SUP, Hold(["CMD-1", "CMD-2"], reason=f"from {console}")))
        except Exception as exc:  # pragma: no cover - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=hold, args=(name,)) for name in ("SUP-1", "SUP-2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    # The orders were locked: one console held both, the other found them held already.
    assert sorted(len(r.done) for r in results) == [0, 2]
    assert [r.refused for r in results if not r.done] == [{"CMD-1": "already_held", "CMD-2": "already_held"}]
    assert len(events(central, "order.status_changed")) == 2
