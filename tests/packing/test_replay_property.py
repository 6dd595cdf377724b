"""Replaying the events a pack recorded rebuilds the same state, after any sequence of actions.

The crash-resume promise: the store keeps the events, a restarted station replays them (through
JSON, as the event log stores them), and the packer finds the same step and the same counts; a
refusal records nothing and changes nothing; and a few invariants hold whatever the packer does.
"""

from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.packing.model import Insert, PackConfig, PackLine, ParcelPlan, Reading
from app.packing.outcome import Step
from app.packing.session import PackSession
from tests.packing.plans import TODAY, jam, mug, phone, plan, product, scan, socks, tea

LINE_MAKERS = {
    "MUG": lambda i, q: mug(i, q), "TEA": lambda i, q: tea(i, q), "JAM": lambda i, q: jam(i),
    "PHONE": lambda i, q: phone(i, q), "SOCK": lambda i, q: socks(i, q + 4),
    "GIZMO": lambda i, q: PackLine(i, i, "GIZMO", "Gadget", q, ()),  # nothing known about it
}

plans = st.tuples(
    st.lists(st.tuples(st.sampled_from(sorted(LINE_MAKERS)), st.integers(1, 4)), min_size=1, max_size=4,
             unique_by=lambda x: x[0]),
    st.booleans(),  # two parcels planned
    st.booleans(),  # inserts
    st.sampled_from(["b2c", "b2b"]),
)

# The careful packer's next action most of the time, so the packs get through to their end;
# the rest, anything a person, a scanner or the scale can do at any moment.
other_action = st.one_of(
    st.tuples(st.just("weigh"), st.sampled_from(["right", "off", "off", "unstable", "manual", "zero"])),
    st.tuples(st.just("product"), st.sampled_from(["MUG", "TEA", "JAM", "PHONE", "SOCK", "ALIEN"]),
              st.sampled_from([None, None, "L-A", "L-B", "L-Z"]), st.sampled_from([None, None, "SN1", "SN2"]),
              st.sampled_from([None, None, None, 0, 2, 5])),
    st.tuples(st.just("code"), st.sampled_from(["GIZMO", "BOX-S", "BOX-M", "BOX-FLAT", "BOX-BAG", "SN1", "SN9",
                                                 "TOT-1", "3760000000018"])),
    st.tuples(st.just("command"), st.sampled_from(["UNDO", "UNDO", "DONE", "CANCEL", "REPRINT"])),
    st.tuples(st.just("confirm"), st.integers(-1, 9)),
    st.tuples(st.just("box"), st.sampled_from(["BOX-S", "BOX-M", "BOX-L", "BOX-XX"])),
    st.just(("open",)),
    st.tuples(st.just("override"), st.sampled_from(["verification", "weight"]), st.booleans(),
              st.sampled_from(["", "catalogue_weight_wrong"])),
    st.tuples(st.just("inserts"), st.booleans()),
    st.just(("cancel_print",)),
    st.just(("close",)),
    st.tuples(st.just("cancel_pack"), st.sampled_from(["", "", "", "wrong tote"])),
)
action = st.integers(0, 19).flatmap(lambda k: st.just(("right", k)) if k < 12 else other_action)


def build(lines_spec, two_parcels: bool, inserts: bool, channel: str):
    lines = [LINE_MAKERS[sku](i, q) for i, (sku, q) in enumerate(lines_spec, start=1)]
    parcels = None
    if two_parcels and len(lines) > 1:
        parcels = (ParcelPlan(1, "BOX-M", {lines[0].line_id: lines[0].quantity}, None),
                   ParcelPlan(2, "BOX-L", {x.line_id: x.quantity for x in lines[1:]}, None))
    p = plan(*lines, parcels=parcels, channel=channel, pallet=channel == "b2b", box="BOX-L")
    if inserts:
        p = replace(p, inserts=(Insert("gift_wrap", "Paquet cadeau"),))
    return p


def right(session: PackSession, k: int = 1):
    """What a careful packer does next; ``k`` 0 now and then brings a weight off, and a supervisor."""
    s = session.state
    view = session.view()
    if k == 0 and view.step == Step.WEIGH:
        return session.weigh(Reading((view.expected_weight_g or 500) + 3000, True))
    if k == 0 and view.step == Step.RECHECK:
        return session.override("weight", "BDG0009", frozenset({"supervisor"}), "catalogue_weight_wrong")
    if view.serial_wanted:
        return session.handle(scan(f"SN-{view.units_verified + 1}"))
    if view.step in (Step.VERIFY, Step.RECHECK):
        line = next(x for x in s.plan.lines if session._room(x.line_id) > 0)
        seq = s.progress.current
        if view.step == Step.VERIFY and seq < len(s.plan.parcels):  # follow the plan's split
            planned = s.plan.parcels[seq - 1].items
            todo = [s.lines[i] for i, n in planned.items() if s.parcel(seq).items.get(i, 0) < n]
            if not todo:
                return session.open_parcel() if s.parcel(seq).box else session.choose_box("BOX-L")
            line = next((x for x in todo if session._room(x.line_id) > 0), line)
        lot = None
        if line.lots:
            units = s.lot_units(line.line_id)
            lot = next(x.lot for x in line.lots if units.get(x.lot, 0) < x.quantity)
        serial = None
        if line.serial_tracked and view.units_verified % 2 == 0:
            serial = f"SN-{view.units_verified + 1}"
        if line.gtins:
            return session.handle(product(line.sku, lot=lot, serial=serial))
        return session.handle(scan(line.sku))
    if view.step == Step.BOX:
        return session.choose_box("BOX-L")
    if view.step == Step.WEIGH:
        return session.weigh(Reading(view.expected_weight_g or 500, True))
    if view.step == Step.INSERTS:
        return session.confirm_inserts()
    # LABEL: the countdown runs (or DONE starts it again); "close" is another action, so that
    # the random runs spend time at the label step too.
    return session.handle(scan("CMD-DONE"))


def perform(session: PackSession, act: tuple):
    name = act[0]
    if name == "right":
        return right(session, act[1])
    if name == "product":
        return session.handle(product(act[1], lot=act[2], serial=act[3], count=act[4]))
    if name == "code":
        return session.handle(scan(act[1]))
    if name == "command":
        return session.handle(scan(f"CMD-{act[1]}"))
    if name == "confirm":
        return session.confirm_quantity(act[1])
    if name == "box":
        return session.choose_box(act[1])
    if name == "open":
        return session.open_parcel()
    if name == "weigh":
        expected = session.view().expected_weight_g or 500
        reading = {"right": Reading(expected, True), "off": Reading(expected + 5000, True),
                   "unstable": Reading(expected, False), "manual": Reading(expected, True, "manual"),
                   "zero": Reading(0, True)}[act[1]]
        return session.weigh(reading)
    if name == "override":
        roles = frozenset({"supervisor"}) if act[2] else frozenset({"picker"})
        return session.override(act[1], "BDG0009", roles, act[3])
    if name == "inserts":
        return session.confirm_inserts(act[1])
    if name == "cancel_print":
        return session.cancel_print()
    if name == "close":
        return session.close()
    return session.cancel_pack(act[1])


def summary(outcome) -> tuple:
    return (outcome.ok, outcome.code, outcome.args, outcome.events, outcome.needs)


def transient_free(view):
    return replace(view, last_error=None, serial_wanted=None, countdown_s=None, can_undo=None)


def check_invariants(session: PackSession) -> None:
    s = session.state
    prog = s.progress
    for line in s.plan.lines:
        verified = prog.verified.get(line.line_id, 0)
        assert 0 <= verified <= line.quantity
        in_parcels = sum(p.items.get(line.line_id, 0) for p in prog.parcels)
        assert in_parcels == verified
        assert sum(c["quantity"] for c in prog.captures if c["line_id"] == line.line_id) == verified
        for lot in line.lots:
            assert s.lot_units(line.line_id).get(lot.lot, 0) <= lot.quantity
    serials = s.serials()
    assert len(serials) == len(set(serials))
    if s.step in (Step.LABEL, Step.CLOSED):
        assert s.all_verified() and all(p.grams is not None for p in prog.parcels)
    if s.step == Step.CLOSED:
        assert prog.status == "ready_to_ship"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans, st.integers(2, 6), st.booleans(), st.lists(action, min_size=5, max_size=60))
def test_replay_of_any_prefix_equals_the_live_state(spec, threshold, require_scale, actions) -> None:
    config = PackConfig(quantity_threshold=threshold, require_scale=require_scale)
    session, started = PackSession.start(build(*spec), config, packer="BDG0007", today=TODAY)
    recorded = list(started.events)
    for act in actions:
        before = session.snapshot()
        outcome = perform(session, act)
        if not outcome.ok:
            assert outcome.events == [] and session.snapshot() == before, (act, outcome)
            assert session.view().last_error == outcome.code
        recorded += outcome.events
        replayed = PackSession.replay(json.loads(json.dumps(recorded)), TODAY)
        assert replayed.snapshot() == session.snapshot(), act
        assert transient_free(replayed.view()) == transient_free(session.view())
        assert replayed.parcels() == session.parcels()
        check_invariants(session)
    # A resumed station answers as the live one would (nothing transient pending on the live one).
    if session._awaiting is None and not session._countdown_restarted:
        resumed = PackSession.replay(json.loads(json.dumps(recorded)), TODAY)
        for act in actions[:8]:
            assert summary(perform(session, act)) == summary(perform(resumed, act)), act


@settings(max_examples=60, deadline=None)
@given(plans, st.integers(2, 6))
def test_a_careful_packer_always_closes_the_pack(spec, threshold) -> None:
    """No right order is held up: scanning right, boxing and weighing right always ends closed."""
    session, _ = PackSession.start(build(*spec), PackConfig(quantity_threshold=threshold), packer="BDG0007",
                                   today=TODAY)
    for _ in range(200):
        if session.view().step == Step.CLOSED:
            break
        outcome = session.close() if session.view().step == Step.LABEL else right(session)
        assert outcome.ok, (outcome, session.view())
    assert session.view().step == Step.CLOSED
    assert not session.view().overridden
    assert len(session.parcels()) >= len(session.state.plan.parcels)
