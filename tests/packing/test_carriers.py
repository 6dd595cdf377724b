"""Carrier rules (app.packing.carriers): the order's carrier, else the cheapest that fits."""

from __future__ import annotations

from datetime import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.packing.carriers import (
    DEFAULT_TABLE, EUROPE, FRANCE, INTERNATIONAL, NoCarrierFits, choose_carrier, promise_days, with_overrides,
    zone_of,
)
from app.packing.model import OrderInfo


def order(**kw) -> OrderInfo:
    return OrderInfo(number=kw.pop("number", "#1001"), **kw)


def test_zones_from_the_country() -> None:
    assert [zone_of(c) for c in ("FR", "mc", "DE", "CH", "GB", "NO", "US", "RE", "")] == [
        FRANCE, FRANCE, EUROPE, EUROPE, EUROPE, EUROPE, INTERNATIONAL, INTERNATIONAL, FRANCE]


def test_the_promise_comes_from_the_shops_method_text() -> None:
    assert promise_days("Livraison EXPRESS", 5) == 1
    assert promise_days("Livraison 24h", 5) == 1
    assert promise_days("Chrono 13h", 4) == 1
    assert promise_days("Livraison standard", 4) == 4
    assert promise_days(None, 3) == 3


def test_the_orders_carrier_wins_even_when_dearer() -> None:
    choice = choose_carrier(order(carrier="chronopost", service="chrono18"), 800, DEFAULT_TABLE, 5,
                            cutoffs={"chronopost": time(12, 0)})
    assert (choice.carrier, choice.service, choice.reason, choice.cost_cents, choice.cutoff) == (
        "chronopost", "chrono18", "from_order", 1500, "12:00")


def test_click_and_collect() -> None:
    choice = choose_carrier(order(carrier="click_collect", delivery_mode="pickup"), 5000)
    assert (choice.carrier, choice.reason, choice.cost_cents) == ("click_collect", "click_collect", 0)
    generic_pickup = choose_carrier(order(delivery_mode="pickup"), 5000)
    assert (generic_pickup.carrier, generic_pickup.service) == ("click_collect", "store_pickup")


def test_generic_home_delivery_goes_to_the_cheapest_home_carrier() -> None:
    choice = choose_carrier(order(), 1500, DEFAULT_TABLE, 5)
    assert (choice.carrier, choice.service, choice.reason, choice.cost_cents) == (
        "colissimo", "domicile", "cheapest", 700)


def test_generic_relay_delivery_goes_to_mondial_relay_if_the_promise_allows() -> None:
    assert choose_carrier(order(delivery_mode="relay"), 1500, DEFAULT_TABLE, 5).carrier == "mondial_relay"
    # A 3-day promise: Mondial Relay (up to 5 days) cannot keep it; Colissimo's relay can.
    slow_ok = choose_carrier(order(delivery_mode="relay"), 1500, DEFAULT_TABLE, 3)
    assert (slow_ok.carrier, slow_ok.service) == ("colissimo", "point_retrait")


def test_express_and_international_go_to_chronopost() -> None:
    express = order(shipping_method="Livraison express")
    assert choose_carrier(express, 500, DEFAULT_TABLE, promise_days(express.shipping_method, 5)).carrier == "chronopost"
    only = choose_carrier(order(country="US"), 500, DEFAULT_TABLE, 5)
    assert (only.carrier, only.reason, only.cost_cents) == ("chronopost", "only_option", 1500)


def test_cost_grows_with_weight_and_sums_over_parcels() -> None:
    costs = [choose_carrier(order(), w).cost_cents for w in (500, 1000, 1001, 4000, 9000, 30000)]
    assert costs == [600, 600, 700, 800, 900, 1000]
    several = choose_carrier(order(), None, parcel_weights=[25_000, 25_000, 3_000])
    assert several.cost_cents == 1000 + 1000 + 800


def test_nothing_fits_is_a_clear_error() -> None:
    with pytest.raises(NoCarrierFits) as caught:
        choose_carrier(order(number="#2002"), 31_000)
    assert "#2002" in str(caught.value) and "Aucun transporteur" in str(caught.value) and "No carrier" in str(caught.value)
    with pytest.raises(NoCarrierFits):
        choose_carrier(order(country="JP"), 500, DEFAULT_TABLE, 0)  # a same-day promise nobody keeps


def test_overrides_replace_a_carriers_fields() -> None:
    table = with_overrides(DEFAULT_TABLE, {"colissimo": {"enabled": False}})
    assert choose_carrier(order(), 1500, table, 5).carrier == "chronopost"
    cheap = with_overrides(DEFAULT_TABLE, {"chronopost": {"bands": ((30000, 100),)}})
    assert choose_carrier(order(), 1500, cheap, 5).carrier == "chronopost"


@given(st.sampled_from(["FR", "DE", "CH", "US", "JP"]), st.sampled_from(["home", "relay"]),
       st.integers(0, 30_000), st.integers(1, 6), st.text(max_size=20))
def test_the_choice_is_never_dearer_than_another_fitting_carrier(country, mode, grams, promise, method) -> None:
    info = order(country=country, delivery_mode=mode, shipping_method=method)
    try:
        choice = choose_carrier(info, grams, DEFAULT_TABLE, promise)
    except NoCarrierFits:
        choice = None
    zone = zone_of(country)
    fitting = [r for r in DEFAULT_TABLE if r.serves(zone, mode) and r.days_max <= promise and r.cost_cents(grams) is not None]
    if choice is None:
        assert not fitting
        return
    rate = next(r for r in DEFAULT_TABLE if r.carrier == choice.carrier)
    assert rate in fitting and choice.cost_cents == min(r.cost_cents(grams) for r in fitting)
    assert choice.carrier != "mondial_relay" or mode == "relay"
