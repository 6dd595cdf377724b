"""Overrides, inserts, the label countdown, close, cancel, commands and undo."""

from __future__ import annotations

from app.packing import events as ev
from app.packing.outcome import Step
from tests.packing.plans import gift, mug, plan, product, scan, stable, start, tea
from tests.packing.test_session_parcel import at_weigh, mug_and_tea, verified
from tests.packing.test_session_verify import refused_without_change

SUPERVISOR = frozenset({"supervisor", "packer"})
PICKER = frozenset({"picker", "packer"})


def at_label(p=None):
    session, _ = start(p or plan(mug(quantity=1)))
    verified(session, product("MUG"), scan("BOX-S"))
    out = session.weigh(stable(450))
    return session, out


# ---- overrides -------------------------------------------------------------------------------------

def test_verification_override_needs_a_supervisor_and_a_reason() -> None:
    session = mug_and_tea()
    verified(session, product("MUG"), product("MUG"), product("TEA"))
    refused_without_change(session, lambda: session.override("verification", "BDG0002", PICKER, "barcode_unreadable"),
                           "not_a_supervisor")
    refused_without_change(session, lambda: session.override("verification", "BDG0009", SUPERVISOR, "  "),
                           "reason_needed")
    refused_without_change(session, lambda: session.close(), "not_verified")
    out = session.override("verification", "BDG0009", SUPERVISOR, "barcode_unreadable")
    assert (out.ok, out.code) == (True, "verification_overridden")
    assert out.events == [(ev.PACK_OVERRIDE, {"n": 4, "order": "#1001", "what": "verification", "missing": {"2": 2},
                                              "supervisor": "BDG0009", "reason": "barcode_unreadable"})]
    view = session.view()
    assert (view.step, view.overridden, view.units_verified) == (Step.BOX, True, 3)
    verified(session, scan("BOX-M"))
    assert session.view().expected_weight_g == 1250  # the unverified teas are in the parcel too
    session.weigh(stable(1250))
    assert session.parcels()[0]["items"] == {"1": 2, "2": 3}


def test_verification_override_only_with_units_missing() -> None:
    session = at_weigh()
    refused_without_change(session, lambda: session.override("verification", "BDG0009", SUPERVISOR, "x"),
                           "wrong_step")


def test_weight_override_accepts_the_parcel_as_weighed() -> None:
    session = at_weigh()
    refused_without_change(session, lambda: session.override("weight", "BDG0009", SUPERVISOR, "catalogue_weight_wrong"),
                           "wrong_step")  # nothing weighed out of tolerance yet
    session.weigh(stable(1600))
    assert session.view().step == Step.RECHECK
    verified(session, product("MUG"))  # one unit scanned again, then the supervisor comes
    refused_without_change(session, lambda: session.override("weight", "BDG0002", PICKER, "catalogue_weight_wrong"),
                           "not_a_supervisor")
    out = session.override("weight", "BDG0009", SUPERVISOR, "catalogue_weight_wrong")
    assert (out.ok, out.code, out.needs) == (True, "weight_overridden", "countdown")
    assert out.events[0][1] == {"n": 8, "order": "#1001", "what": "weight", "parcel": 1, "grams": 1600,
                                "expected_g": 1250, "unverified": {"1": 1, "2": 3}, "supervisor": "BDG0009",
                                "reason": "catalogue_weight_wrong"}
    view = session.view()
    # The units not scanned again stay unverified (as the store counts them), and go in the parcel.
    assert (view.step, view.weight_g, view.units_verified, view.overridden) == (Step.LABEL, 1600, 1, True)
    assert session.parcels()[0]["items"] == {"1": 2, "2": 3}


def test_weight_override_after_the_recheck() -> None:
    session = at_weigh()
    session.weigh(stable(1600))
    verified(session, product("MUG"), product("MUG"), product("TEA", count=3))
    assert session.view().step == Step.WEIGH
    assert session.override("weight", "BDG0009", SUPERVISOR, "customer_agreed").ok
    assert session.view().step == Step.LABEL


# ---- inserts and the countdown ----------------------------------------------------------------------

def test_inserts_are_confirmed_before_the_label() -> None:
    session, out = at_label(gift(plan(mug(quantity=1), gift_message="Joyeux anniversaire")))
    assert out.needs is None
    view = session.view()
    assert (view.step, view.inserts, view.gift_message) == (Step.INSERTS, ("gift_message", "gift_wrap"),
                                                             "Joyeux anniversaire")
    refused_without_change(session, session.close, "wrong_step")
    done = session.handle(scan("CMD-DONE"))
    assert (done.ok, done.code, done.needs) == (True, "inserts_done", "countdown")
    assert done.events[0][1] == {"n": 4, "order": "#1001", "inserts": ["gift_message", "gift_wrap"],
                                 "gift_wrapped": True}
    assert session.view().step == Step.LABEL and session.view().inserts == ()


def test_no_inserts_step_without_inserts() -> None:
    session, out = at_label()
    assert out.needs == "countdown" and session.view().step == Step.LABEL
    refused_without_change(session, session.confirm_inserts, "wrong_step")


def test_the_countdown_can_be_stopped_and_started_again() -> None:
    session, _ = at_label()
    stop = session.handle(scan("CMD-CANCEL"))
    assert (stop.ok, stop.code, stop.events) == (True, "print_cancelled", [(ev.PACK_PRINT_CANCELLED,
                                                                            {"n": 4, "order": "#1001"})])
    assert session.view().countdown_s is None and session.view().step == Step.LABEL
    refused_without_change(session, session.close, "wrong_step")  # nothing prints after a stop
    refused_without_change(session, session.cancel_print, "wrong_step")
    again = session.handle(scan("CMD-DONE"))
    assert (again.ok, again.code, again.needs, again.events) == (True, "print_countdown", "countdown", [])
    assert session.view().countdown_s == 5
    closed = session.close()
    assert [kind for kind, _ in closed.events] == [ev.PACK_CLOSED, "order.status_changed"]


def test_close_records_the_parcels_and_ready_to_ship() -> None:
    session, _ = at_label()
    out = session.close()
    assert (out.ok, out.code) == (True, "closed")
    closed, status = out.events
    assert closed[1] == {"order": "#1001", "carrier": "colissimo", "service": "home", "packer": "BDG0007",
                         "parcels": [{"seq": 1, "box": "BOX-S", "grams": 450, "items": {"1": 1}, "kind": "parcel",
                                      "sscc": None}]}
    assert status[1] == {"order": "#1001", "from": "packing", "to": "ready_to_ship", "reason": None}
    view = session.view()
    assert (view.step, view.can_undo, view.countdown_s) == (Step.CLOSED, False, None)
    refused_without_change(session, lambda: session.handle(product("MUG")), "already_closed")
    refused_without_change(session, session.close, "already_closed")
    refused_without_change(session, session.undo, "already_closed")


def test_cancel_the_pack() -> None:
    session = mug_and_tea()
    verified(session, product("MUG"))
    refused_without_change(session, lambda: session.cancel_pack(""), "reason_needed")
    out = session.cancel_pack("wrong tote")
    assert out.events == [(ev.PACK_CANCELLED, {"order": "#1001", "reason": "wrong tote"}),
                          ("order.status_changed", {"order": "#1001", "from": "packing", "to": "picked",
                                                    "reason": None})]
    assert session.view().step == Step.CANCELLED
    refused_without_change(session, lambda: session.cancel_pack("again"), "already_closed")


def test_commands() -> None:
    session = mug_and_tea()
    refused_without_change(session, lambda: session.handle(scan("CMD-CANCEL")), "wrong_step")
    refused_without_change(session, lambda: session.handle(scan("CMD-DONE")), "wrong_step")
    for gui_command in ("CMD-REPRINT", "CMD-LOGOUT", "CMD-NEXT", "CMD-PAUSE"):
        refused_without_change(session, lambda: session.handle(scan(gui_command)), "unexpected_scan")


# ---- undo ------------------------------------------------------------------------------------------------

def test_undo_takes_back_units_and_the_box_one_by_one() -> None:
    session = mug_and_tea()
    refused_without_change(session, session.undo, "nothing_to_undo")
    verified(session, product("MUG"), scan("BOX-M"))
    out = session.handle(scan("CMD-UNDO"))
    assert out.events == [(ev.PACK_UNDONE, {"n": 3, "order": "#1001", "of": 2, "kind": ev.PACK_BOX_CONFIRMED})]
    assert session.view().box is None and session.view().units_verified == 1
    out = session.undo()
    assert out.events[0][1]["of"] == 1 and session.view().units_verified == 0
    assert not session.view().can_undo


def test_undo_after_weighing_means_weighing_again() -> None:
    session, _ = at_label()
    assert session.view().countdown_s == 5
    out = session.undo()  # during the countdown: the step goes back, which stops it
    assert out.ok and out.events[0][1]["kind"] == ev.PACK_BOX_CONFIRMED
    view = session.view()
    assert (view.step, view.weight_g, view.countdown_s) == (Step.BOX, None, None)
    verified(session, scan("BOX-S"))
    assert session.view().step == Step.WEIGH


def test_undo_reopens_inserts_and_a_parcel() -> None:
    session, _ = at_label(gift(plan(mug(quantity=1))))
    session.confirm_inserts()
    session.undo()
    assert session.view().step == Step.INSERTS
    session2, _ = start(plan(mug(quantity=1), tea(quantity=1)))
    verified(session2, product("MUG"), scan("BOX-S"))
    session2.open_parcel()
    session2.undo()
    view = session2.view()
    assert (view.step, view.parcel, view.box) == (Step.VERIFY, 1, "BOX-S")
    assert session2.state.progress.parcels[-1].seq == 1


def test_no_undo_across_a_recheck_or_an_override() -> None:
    session = at_weigh()
    session.weigh(stable(2000))
    refused_without_change(session, session.undo, "nothing_to_undo")
    verified(session, product("MUG"))
    assert session.undo().ok
    refused_without_change(session, session.undo, "nothing_to_undo")
