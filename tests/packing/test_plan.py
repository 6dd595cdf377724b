"""build_plan (app.packing.plan): the proposal a pack starts from."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.demo.seed import DEMO_BOXES
from app.packing.boxes import fits
from app.packing.carriers import DEFAULT_TABLE, NoCarrierFits, with_overrides
from app.packing.inserts import InsertRule
from app.packing.model import BoxOption, LotPicked, OrderInfo, PackLine, PackPlan
from app.packing.plan import PlanRules, build_plan

BOXES = [BoxOption(code, name, dims, max_g, tare, eco) for code, name, dims, max_g, tare, eco in DEMO_BOXES]
BY_CODE = {b.code: b for b in BOXES}
MUG = PackLine(11, 1, "MUG-01", "Mug", 2, gtins=("03760123000011",), weight_g=350, dims_mm=(100, 80, 80))
BOOK = PackLine(12, 2, "BOOK-1", "Livre", 1, weight_g=450, dims_mm=(190, 140, 25),
                lots=(LotPicked("L1", date(2027, 1, 1), 1),), lot_tracked=True)


def test_a_small_order_one_parcel_in_the_suggested_box_with_its_expected_weight() -> None:
    order = OrderInfo("#1001", carrier="colissimo", service="domicile", gift_message="Bonne fête", created_on=date(2026, 11, 24))
    plan = build_plan(order, [MUG, BOOK], BOXES)
    [parcel] = plan.parcels
    assert (parcel.seq, parcel.box, parcel.items) == (1, "CARTON-S", {11: 2, 12: 1})
    assert parcel.expected_weight_g == 2 * 350 + 450 + BY_CODE["CARTON-S"].tare_g
    assert (plan.carrier.carrier, plan.carrier.reason, plan.carrier.cost_cents, plan.carrier.cutoff) == (
        "colissimo", "from_order", 700, "15:00")
    assert [(i.code, i.text) for i in plan.inserts] == [("gift_message", "Bonne fête")]
    assert not plan.pallet
    assert PackPlan.from_json(plan.as_json()) == plan  # what goes into pack.started


def test_a_generic_express_order_goes_to_chronopost_with_its_cutoff() -> None:
    order = OrderInfo("#1002", shipping_method="Livraison express 24h", customer_first_order=True)
    plan = build_plan(order, [BOOK], BOXES)
    assert (plan.carrier.carrier, plan.carrier.reason, plan.carrier.cutoff) == ("chronopost", "only_option", "12:00")
    assert plan.parcels[0].box == "POCHETTE-KRAFT"
    assert [i.code for i in plan.inserts] == ["promo_first_order"]


def test_unknown_weight_or_size_never_blocks_but_leaves_no_expected_weight() -> None:
    mystery = PackLine(13, 3, "MYST", "Inconnu", 3)
    plan = build_plan(OrderInfo("#1003"), [mystery, MUG], BOXES)
    [parcel] = plan.parcels
    assert parcel.box is not None and parcel.items == {11: 2, 13: 3}
    assert parcel.expected_weight_g is None
    assert plan.carrier.carrier == "colissimo"


def test_a_big_b2b_order_is_split_into_cartons_on_a_pallet() -> None:
    crate = PackLine(21, 1, "CRATE", "Caisse", 9, weight_g=8_000, dims_mm=(300, 250, 200))
    plan = build_plan(OrderInfo("#B2B-1", channel="b2b"), [crate], BOXES)
    assert len(plan.parcels) >= 3 and plan.pallet
    assert sum(p.items[21] for p in plan.parcels) == 9
    assert [p.seq for p in plan.parcels] == list(range(1, len(plan.parcels) + 1))
    for parcel in plan.parcels:
        box = BY_CODE[parcel.box]
        assert parcel.expected_weight_g == parcel.items[21] * 8_000 + box.tare_g <= box.max_weight_g
    assert plan.carrier.cost_cents == sum(1000 if p.expected_weight_g > 10_000 else 900 for p in plan.parcels)
    b2c = build_plan(OrderInfo("#B2C-1"), [crate], BOXES)
    assert len(b2c.parcels) > 1 and not b2c.pallet


def test_settings_rules_are_used() -> None:
    class Station:  # what PackingSettings offers
        def plan_rules(self) -> PlanRules:
            return PlanRules(carriers=with_overrides(DEFAULT_TABLE, {"colissimo": {"enabled": False}}),
                             cutoffs={"chronopost": time(11, 30)}, promise_days=2,
                             inserts=(InsertRule("sku:MUG-01", "mug_care", "Conseils mug"),))

    plan = build_plan(OrderInfo("#1004", delivery_mode="relay"), [MUG], BOXES, Station())
    assert (plan.carrier.carrier, plan.carrier.service, plan.carrier.cutoff) == ("chronopost", "chrono_relais", "11:30")
    assert [i.code for i in plan.inserts] == ["mug_care"]


def test_no_box_types_one_parcel_the_packer_chooses() -> None:
    plan = build_plan(OrderInfo("#1005"), [MUG], [])
    assert [(p.box, p.items, p.expected_weight_g) for p in plan.parcels] == [(None, {11: 2}, None)]


def test_a_generic_order_no_carrier_takes_is_refused_clearly() -> None:
    anvil = PackLine(31, 1, "ANVIL", "Enclume", 1, weight_g=45_000, dims_mm=(300, 200, 200))
    with pytest.raises(NoCarrierFits, match="#1006"):
        build_plan(OrderInfo("#1006"), [anvil], BOXES)
    # Named by the order, the carrier is kept (the shop sold it so): no cost known.
    named = build_plan(OrderInfo("#1007", carrier="colissimo"), [anvil], BOXES)
    assert named.carrier.cost_cents is None and named.parcels[0].box is None


line_strategy = st.builds(
    PackLine, line_id=st.integers(1, 10**6), line_no=st.just(1), sku=st.just("S"), name=st.just("n"),
    quantity=st.integers(1, 12),
    weight_g=st.one_of(st.none(), st.integers(1, 12_000)),
    dims_mm=st.one_of(st.none(), st.tuples(*[st.integers(5, 650)] * 3)),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(line_strategy, min_size=1, max_size=6, unique_by=lambda l: l.line_id),
       st.sampled_from(["colissimo", "chronopost", "mondial_relay", "click_collect"]), st.booleans())
def test_every_unit_is_planned_once_and_each_boxed_parcel_holds_its_units(lines, carrier, b2b) -> None:
    plan = build_plan(OrderInfo("#P", carrier=carrier, channel="b2b" if b2b else "b2c"), lines, BOXES)
    planned: dict[int, int] = {}
    for parcel in plan.parcels:
        for line_id, n in parcel.items.items():
            planned[line_id] = planned.get(line_id, 0) + n
        if parcel.box is not None:
            by_id = {l.line_id: l for l in lines}
            units = [(by_id[i].dims_mm, by_id[i].weight_g) for i, n in parcel.items.items() for _ in range(n)]
            assert fits(units, BY_CODE[parcel.box])
    assert planned == {l.line_id: l.quantity for l in lines}
    assert plan.pallet == (b2b and len(plan.parcels) > 1)
    assert PackPlan.from_json(plan.as_json()) == plan
