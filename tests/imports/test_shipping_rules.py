"""Shipping method -> carrier/service/delivery rules, default table and TOML file."""

from __future__ import annotations

import pytest

from app.imports import ImportFailed, run_import
from app.imports.shipping_rules import ShippingRules
from tests.imports.helpers import DATA, order


@pytest.mark.parametrize(
    ("method", "expected"),
    [
        ("Colissimo Domicile sans signature", ("colissimo", "domicile", "home")),
        ("Colissimo Point Retrait", ("colissimo", "point_retrait", "relay")),
        ("Chrono 13", ("chronopost", "chrono13", "home")),
        ("Chronopost Relais", ("chronopost", "chrono_relais", "relay")),
        ("Livraison en Point Relais", ("mondial_relay", "point_relais", "relay")),
        ("Retrait en magasin", ("click_collect", "store_pickup", "pickup")),
        ("Click & Collect", ("click_collect", "store_pickup", "pickup")),
        ("Retrait à l'ENTREPÔT", ("click_collect", "store_pickup", "pickup")),
        ("Livraison drone", (None, None, "home")),
    ],
)
def test_default_rules(method, expected):
    choice = ShippingRules().map(method)
    assert (choice.carrier, choice.service, choice.delivery) == expected
    assert choice.matched == (expected[0] is not None)


def test_rules_from_toml_override_then_defaults(stocked, tmp_path):
    path = tmp_path / "shipping.toml"
    path.write_text('extend_defaults = true\n\n[[rule]]\nmatch = "drone"\ncarrier = "chronopost"\n'
                    'service = "chrono10"\n\n[[rule]]\nregex = "^livraison\\\\s+express"\ncarrier = "chronopost"\n')
    rules = ShippingRules.from_toml(path)
    assert rules.map("Livraison express 24h").carrier == "chronopost"
    assert rules.map("Mondial Relay").delivery == "relay"  # defaults follow
    report = run_import(stocked, "orders", DATA / "orders_mapping.csv", rules=rules)
    assert report.warnings == []
    assert (order(stocked, "#1023").carrier, order(stocked, "#1023").service) == ("chronopost", "chrono10")


def test_toml_errors_name_file_and_line(tmp_path):
    path = tmp_path / "shipping.toml"
    path.write_text('[[rule]]\nmatch = "x"\ncarrier = "chronopost"\n\n[[rule]]\nmatch = "y"\ncarrier = "ups"\n')
    with pytest.raises(ImportFailed) as caught:
        ShippingRules.from_toml(path)
    assert caught.value.line == 5 and "ups" in caught.value.message
    path.write_text('[[rule]]\nmatch = "x\n')
    with pytest.raises(ImportFailed) as caught:
        ShippingRules.from_toml(path)
    assert caught.value.line == 2
