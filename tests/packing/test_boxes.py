"""Box suggestion and splitting (app.packing.boxes), on the demo's boxes and by property."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.demo.seed import DEMO_BOXES
from app.packing.boxes import (
    ECO_MARGIN, FILL_FACTOR, box_volume, fits, split_into_parcels, suggest_box, unit_fits_alone,
)
from app.packing.model import BoxOption

BOXES = [BoxOption(code, name, dims, max_g, tare, eco) for code, name, dims, max_g, tare, eco in DEMO_BOXES]
BY_CODE = {box.code: box for box in BOXES}


def test_a_flat_item_goes_in_the_padded_envelope() -> None:
    assert suggest_box([((200, 150, 20), 300)], BOXES).code == "POCHETTE-KRAFT"


def test_an_item_turned_any_way_fits() -> None:
    # 90 x 180 x 140 is 180 x 140 x 90 turned: carton S (200 x 150 x 100).
    assert suggest_box([((90, 180, 140), 500)], BOXES).code == "CARTON-S"


def test_a_bottle_goes_in_the_bottle_case_when_nothing_eco_is_close() -> None:
    # 300 mm long: too long for S and the envelope; the bottle case (3.2 L) is far smaller than
    # carton M (9.9 L), so the eco preference does not apply.
    assert suggest_box([((300, 90, 90), 1400)], BOXES).code == "ETUI-BOUTEILLE"


def test_weight_counts_the_tare() -> None:
    # 900 g + 25 g tare fits the envelope (1 kg); 990 g + 25 g does not.
    assert suggest_box([((200, 150, 20), 900)], BOXES).code == "POCHETTE-KRAFT"
    assert suggest_box([((200, 150, 20), 990)], BOXES).code == "CARTON-S"


def test_an_eco_box_within_the_margin_beats_a_smaller_one() -> None:
    snug = BoxOption("SNUG", "double cannelure", (200, 200, 200), 5000, 300)
    eco = BoxOption("ECO", "recyclé", (210, 200, 210), 5000, 200, eco=True)  # 10.25 % more room
    far = BoxOption("FAR", "recyclé grand", (300, 300, 300), 5000, 200, eco=True)
    assert suggest_box([((150, 150, 150), 500)], [snug, eco]).code == "ECO"
    assert suggest_box([((150, 150, 150), 500)], [snug, far]).code == "SNUG"


def test_unknown_dimensions_never_block_and_unknown_weight_counts_nothing() -> None:
    assert suggest_box([(None, None)], BOXES).code == "POCHETTE-KRAFT"
    assert suggest_box([(None, 200)] * 3, BOXES) is not None


def test_the_fill_factor_keeps_room_for_padding() -> None:
    box = BoxOption("B", "b", (100, 100, 100), 10_000, 0)
    cube = ((50, 50, 50), 10)  # 1/8 of the box each
    assert fits([cube] * 6, box)  # 75 %
    assert not fits([cube] * 7, box)  # 87.5 % > 85 %


def test_nothing_fits_then_split_into_cartons_of_the_largest_box() -> None:
    heavy = ((300, 200, 200), 9_000)
    parcels = split_into_parcels([heavy] * 7, BOXES)
    assert suggest_box([heavy] * 7, BOXES) is None
    assert sorted(i for p in parcels for i in p.units) == list(range(7))
    assert len(parcels) == 3  # 30 kg B2B cartons: 3 + 3 + 1 (by weight)
    assert [p.box.code for p in parcels] == ["CARTON-B2B", "CARTON-B2B", "CARTON-L"]


def test_a_unit_no_box_holds_gets_a_parcel_without_a_box() -> None:
    rug = ((2000, 300, 300), 4000)
    parcels = split_into_parcels([rug, ((100, 100, 100), 200)], BOXES)
    assert [(p.box.code if p.box else None, p.units) for p in parcels] == [("CARTON-S", (1,)), (None, (0,))]


dims = st.tuples(*[st.integers(5, 700)] * 3)
units_strategy = st.lists(st.tuples(st.one_of(st.none(), dims), st.one_of(st.none(), st.integers(1, 20_000))),
                          min_size=1, max_size=12)
box_strategy = st.builds(
    BoxOption, code=st.text("ABCDEFGH", min_size=1, max_size=4), name=st.just("box"),
    inner_mm=st.tuples(*[st.integers(20, 800)] * 3), max_weight_g=st.integers(500, 40_000),
    tare_g=st.integers(0, 1000), eco=st.booleans(),
)
boxes_strategy = st.lists(box_strategy, min_size=0, max_size=7).map(
    lambda boxes: list({b.code: b for b in boxes}.values()))


@settings(max_examples=300, deadline=None)
@given(units_strategy, st.one_of(st.just(BOXES), boxes_strategy))
def test_the_suggestion_fits_and_is_the_smallest_but_for_an_eco_preference(units, boxes) -> None:
    box = suggest_box(units, boxes)
    fitting = [b for b in boxes if fits(units, b)]
    if box is None:
        assert not fitting
        return
    assert fits(units, box)
    smallest = min(box_volume(b) for b in fitting)
    smaller = [b for b in fitting if box_volume(b) < box_volume(box)]
    if smaller:
        assert box.eco and box_volume(box) <= smallest * (1 + ECO_MARGIN)


@settings(max_examples=200, deadline=None)
@given(units_strategy, st.one_of(st.just(BOXES), boxes_strategy))
def test_a_split_places_every_unit_once_in_a_box_that_holds_it(units, boxes) -> None:
    parcels = split_into_parcels(units, boxes)
    placed = sorted(i for p in parcels for i in p.units)
    assert placed == list(range(len(units)))
    for parcel in parcels:
        members = [units[i] for i in parcel.units]
        if parcel.box is not None:
            assert fits(members, parcel.box, FILL_FACTOR)
        else:
            assert len(members) == 1 and not any(unit_fits_alone(members[0], b) and fits(members, b) for b in boxes)
