"""A station that loses power resumes the pack at the exact step it was on (replay of its events)."""

from __future__ import annotations

import json
from dataclasses import replace

from app.packing.outcome import Step
from app.packing.session import PackSession
from tests.packing.plans import TODAY, mug, phone, plan, product, scan, socks, stable, start, tea


def resumed(events: list) -> PackSession:
    return PackSession.replay(json.loads(json.dumps(events)), TODAY)


def record(events: list, outcome) -> None:
    assert outcome.ok, outcome
    events += outcome.events


def test_resume_in_the_middle_of_a_recheck() -> None:
    session, events = start(plan(mug(quantity=2), tea(quantity=3)))
    for s in (product("MUG"), product("MUG"), product("TEA", count=3), scan("BOX-M")):
        record(events, session.handle(s))
    record(events, session.weigh(stable(2000)))
    record(events, session.handle(product("MUG")))
    back = resumed(events)
    assert back.snapshot() == session.snapshot()
    view = back.view()
    assert (view.step, view.units_verified, view.parcel, view.box) == (Step.RECHECK, 1, 1, "BOX-M")
    # The resumed station goes on exactly as the live one would.
    for s in (product("MUG"), product("TEA", count=3)):
        assert back.handle(s).events == session.handle(s).events
    assert back.view().step == session.view().step == Step.WEIGH


def test_resume_between_two_parcels_waiting_for_the_weight() -> None:
    session, events = start(plan(mug(quantity=1), tea(quantity=1)))
    for s in (product("MUG"), scan("BOX-S")):
        record(events, session.handle(s))
    record(events, session.open_parcel())
    back = resumed(events)
    assert (back.view().step, back.view().parcel, back.view().expected_weight_g) == (Step.WEIGH, 1, 450)
    assert back.weigh(stable(450)).events == session.weigh(stable(450)).events
    assert back.view() == session.view()


def test_a_unit_waiting_for_its_serial_is_scanned_again_after_a_crash() -> None:
    session, events = start(plan(phone(quantity=1)))
    wait = session.handle(product("PHONE"))
    assert wait.events == []  # nothing recorded until the serial is read
    back = resumed(events)
    assert back.view().serial_wanted is None and back.view().units_verified == 0
    assert back.handle(scan("SN-77")).code == "wrong_product"  # not taken for a serial any more


def test_a_stopped_countdown_stays_stopped_after_a_crash() -> None:
    session, events = start(plan(mug(quantity=1)))
    for s in (product("MUG"), scan("BOX-S")):
        record(events, session.handle(s))
    record(events, session.weigh(stable(450)))
    record(events, session.cancel_print())
    session.handle(scan("CMD-DONE"))  # started again, then the power goes
    back = resumed(events)
    assert (back.view().step, back.view().countdown_s) == (Step.LABEL, None)
    assert back.close().code == "wrong_step"  # never prints on its own after a stop
    assert back.handle(scan("CMD-DONE")).needs == "countdown"
    assert back.close().ok


def test_resumed_view_equals_the_live_one_at_each_step() -> None:
    session, events = start(plan(mug(quantity=2)))
    actions = [lambda: session.handle(product("MUG")), lambda: session.handle(product("MUG")),
               lambda: session.choose_box("BOX-S"), lambda: session.weigh(stable(800)), session.close]
    for act in actions:
        record(events, act())
        assert resumed(events).view() == replace(session.view(), last_error=None)
    assert resumed(events).view().step == Step.CLOSED


def test_keyed_quantity_is_offered_with_its_line_and_maximum() -> None:
    session, _ = start(plan(socks(quantity=10)))
    out = session.handle(product("SOCK"))
    assert out.needs == "quantity_entry_available"
    assert (out.args["keyed_sku"], out.args["keyed_max"]) == ("SOCK", 9)
