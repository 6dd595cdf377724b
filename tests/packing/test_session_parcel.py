"""The box, the weight (in and out of tolerance, recheck), and orders in several parcels."""

from __future__ import annotations

from app.packing import events as ev
from app.packing.model import PackConfig, PackLine, ParcelPlan, Reading
from app.packing.outcome import Step
from tests.packing.plans import CONFIG, mug, plan, product, scan, stable, start, tea
from tests.packing.test_session_verify import refused_without_change


def verified(session, *scans) -> None:
    for s in scans:
        out = session.handle(s)
        assert out.ok, out


def mug_and_tea(config=CONFIG, **kw):
    """MUG x2 (350 g) + TEA x3 (100 g): 1000 g of units, 1250 g in BOX-M (tare 250)."""
    session, _ = start(plan(mug(quantity=2), tea(quantity=3), **kw), config)
    return session


def at_weigh(config=CONFIG):
    session = mug_and_tea(config)
    verified(session, scan("BOX-M"), product("MUG"), product("MUG"), product("TEA", count=3))
    assert session.view().step == Step.WEIGH
    return session


# ---- box ------------------------------------------------------------------------------------------

def test_the_box_is_asked_for_once_every_unit_is_verified() -> None:
    session = mug_and_tea()
    verified(session, product("MUG"), product("MUG"), product("TEA", count=3))
    assert session.view().step == Step.BOX and session.view().suggested_box == "BOX-M"
    refused_without_change(session, lambda: session.handle(scan("BOX-ZZ")), "unknown_box")
    refused_without_change(session, lambda: session.handle(product("ALIEN")), "wrong_product")
    out = session.choose_box("BOX-L")  # another box than the one suggested, tapped
    assert out.ok and out.needs == "weight"
    assert out.events[0] == (ev.PACK_BOX_CONFIRMED, {"n": 4, "order": "#1001", "parcel": 1, "box": "BOX-L",
                                                      "suggested": "BOX-M", "scanned": False})
    assert session.view().step == Step.WEIGH and session.view().box == "BOX-L"


def test_a_box_scanned_during_verification_is_confirmed_at_once() -> None:
    session = mug_and_tea()
    out = session.handle(scan("box-m"))
    assert out.ok and out.events[0][1]["scanned"] is True
    assert session.view().box == "BOX-M" and session.view().step == Step.VERIFY
    again = session.handle(scan("BOX-M"))
    assert (again.ok, again.events) == (True, [])  # the same box again: nothing new


def test_box_refusals() -> None:
    session = mug_and_tea()
    refused_without_change(session, lambda: session.choose_box("BOX-XX"), "unknown_box")
    # Before any unit, the plan's contents are checked: a 12 cm mug does not lie in a 2 cm flat box.
    small = refused_without_change(session, lambda: session.choose_box("BOX-FLAT"), "box_too_small")
    assert small.args["reason"] == "unit_too_big" and small.args["sku"] == "MUG"
    verified(session, product("TEA"))
    # Once units are in, those are what counts: a tea box fits the flat box? No (60 mm > 20 mm).
    refused_without_change(session, lambda: session.handle(scan("BOX-FLAT")), "box_too_small")


def test_box_too_small_by_volume_and_too_light_by_weight() -> None:
    session, _ = start(plan(mug(quantity=4), box=None))  # 4 x 350 g: 1400 g; 4 x 0.97 dm3
    verified(session, product("MUG"), product("MUG"), product("MUG"), product("MUG"))
    light = refused_without_change(session, lambda: session.choose_box("BOX-BAG"), "box_too_light")
    assert light.args == {"box": "BOX-BAG", "weight_g": 1400, "max_weight_g": 1000}
    # Each mug fits BOX-S (200 x 150 x 100), four of them do not (3.9 dm3 in 3 dm3).
    small = refused_without_change(session, lambda: session.choose_box("BOX-S"), "box_too_small")
    assert small.args["reason"] == "volume"
    assert session.choose_box("BOX-M").ok


def test_unknown_dimensions_and_weights_never_block_a_box() -> None:
    blank = PackLine(9, 1, "GIZMO", "Gadget", 2, ())
    session, _ = start(plan(blank, box=None))
    verified(session, scan("GIZMO"), scan("GIZMO"))
    assert session.choose_box("BOX-FLAT").ok


def test_no_box_change_once_weighing() -> None:
    session = at_weigh()
    refused_without_change(session, lambda: session.choose_box("BOX-L"), "wrong_step")
    refused_without_change(session, lambda: session.handle(product("MUG")), "extra_unit")


# ---- weight ---------------------------------------------------------------------------------------

def test_weight_within_tolerance_goes_on_to_the_label() -> None:
    session = at_weigh()
    assert session.view().expected_weight_g == 1250
    out = session.weigh(stable(1310))  # tolerance: max(30 g, 5 % of 1250 = 62 g)
    assert (out.ok, out.code, out.needs) == (True, "weight_ok", "countdown")
    assert out.events == [(ev.PACK_WEIGHED, {"n": 5, "order": "#1001", "parcel": 1, "grams": 1310,
                                             "expected_g": 1250, "source": "scale", "within": True})]
    view = session.view()
    assert (view.step, view.weight_g, view.countdown_s) == (Step.LABEL, 1310, 5)


def test_only_stable_readings_and_no_manual_weight_when_a_scale_is_required() -> None:
    session = at_weigh(PackConfig(require_scale=True))
    refused_without_change(session, lambda: session.weigh(Reading(1250, False)), "weight_unstable")
    refused_without_change(session, lambda: session.weigh(stable(1250, "manual")), "manual_weight_refused")
    refused_without_change(session, lambda: session.weigh(stable(0)), "weight_invalid")
    assert session.weigh(stable(1250)).ok


def test_manual_weight_when_allowed() -> None:
    session = at_weigh()
    out = session.weigh(stable(1250, "manual"))
    assert out.ok and out.events[0][1]["source"] == "manual"


def test_weighing_outside_the_weigh_step_is_refused() -> None:
    session = mug_and_tea()
    refused_without_change(session, lambda: session.weigh(stable(1250)), "wrong_step")


def test_out_of_tolerance_starts_a_recheck_of_the_parcel() -> None:
    session = at_weigh()
    out = session.weigh(stable(1600))  # a mug too many?
    assert (out.ok, out.code) == (True, "recheck_started")
    assert [kind for kind, _ in out.events] == [ev.PACK_WEIGHED, ev.PACK_RECHECK_STARTED]
    assert out.events[0][1]["within"] is False
    assert out.events[1][1] == {"n": 6, "order": "#1001", "parcel": 1, "units": {"1": 2, "2": 3}}
    assert out.args["difference_g"] == 350 and out.args["tolerance_g"] == 62
    view = session.view()
    assert (view.step, view.units_verified, view.last_error) == (Step.RECHECK, 0, "weight_out_of_tolerance")
    verified(session, product("MUG"), product("MUG"))
    refused_without_change(session, lambda: session.handle(product("MUG")), "extra_unit")  # the culprit
    verified(session, product("TEA", count=3))
    assert session.view().step == Step.WEIGH
    assert session.weigh(stable(1240)).code == "weight_ok"


def test_unknown_unit_weight_accepts_any_stable_reading() -> None:
    blank = PackLine(9, 1, "GIZMO", "Gadget", 1, ())
    session, _ = start(plan(blank, mug(quantity=1)))
    verified(session, scan("GIZMO"), product("MUG"), scan("BOX-M"))
    assert session.view().expected_weight_g is None
    out = session.weigh(stable(99999))
    assert out.code == "weight_ok" and out.events[0][1]["expected_g"] is None and out.events[0][1]["within"]


# ---- several parcels ------------------------------------------------------------------------------

def two_parcels():
    p = plan(mug(quantity=2), tea(quantity=3), parcels=(ParcelPlan(1, "BOX-S", {1: 2}, 800),
                                                         ParcelPlan(2, "BOX-S", {2: 3}, 400)))
    session, _ = start(p)
    return session


def test_multi_parcel_each_parcel_boxed_and_weighed() -> None:
    session = two_parcels()
    assert session.view().parcel_count == 2
    refused_without_change(session, session.open_parcel, "empty_parcel")
    verified(session, product("MUG"), product("MUG"))
    refused_without_change(session, session.open_parcel, "box_needed")
    verified(session, scan("BOX-S"))
    out = session.open_parcel()
    assert (out.ok, out.code, out.needs) == (True, "parcel_opened", "weight")
    assert out.events[0][1] == {"n": 4, "order": "#1001", "parcel": 2}
    view = session.view()
    assert (view.step, view.parcel, view.expected_weight_g) == (Step.WEIGH, 1, 800)
    # The closed parcel is weighed before anything goes in the next one.
    refused_without_change(session, lambda: session.handle(product("TEA")), "wrong_step")
    assert session.weigh(stable(790)).events[0][1]["parcel"] == 1
    view = session.view()
    assert (view.step, view.parcel, view.box, view.suggested_box) == (Step.VERIFY, 2, None, "BOX-S")
    out = session.handle(product("TEA", count=3))
    assert out.events[0][1]["parcel"] == 2
    verified(session, scan("BOX-S"))
    assert session.view().expected_weight_g == 400
    assert session.weigh(stable(400)).needs == "countdown"
    assert session.parcels() == [
        {"seq": 1, "box": "BOX-S", "grams": 790, "items": {"1": 2}, "kind": "parcel", "sscc": None},
        {"seq": 2, "box": "BOX-S", "grams": 400, "items": {"2": 3}, "kind": "parcel", "sscc": None},
    ]
    closed = session.close()
    assert closed.events[0][1]["parcels"] == session.parcels()


def test_open_parcel_only_while_verifying() -> None:
    session = at_weigh()
    refused_without_change(session, session.open_parcel, "wrong_step")


def test_recheck_of_a_closed_parcel_takes_only_its_units() -> None:
    session = two_parcels()
    verified(session, product("MUG"), product("MUG"), scan("BOX-S"))
    session.open_parcel()
    out = session.weigh(stable(1200))
    assert out.code == "recheck_started" and out.events[1][1]["units"] == {"1": 2}
    assert (session.view().step, session.view().parcel) == (Step.RECHECK, 1)
    refused_without_change(session, lambda: session.handle(product("TEA")), "extra_unit")  # parcel 2's
    verified(session, product("MUG"), product("MUG"))
    assert (session.view().step, session.view().parcel) == (Step.WEIGH, 1)
    session.weigh(stable(800))
    assert (session.view().step, session.view().parcel) == (Step.VERIFY, 2)


def test_b2b_cartons_and_a_pallet() -> None:
    session, _ = start(plan(mug(quantity=1), channel="b2b", pallet=True))
    verified(session, product("MUG"), scan("BOX-S"))
    session.weigh(stable(450))
    assert [(p["kind"], p["grams"]) for p in session.parcels()] == [("carton", 450), ("pallet", 450)]
