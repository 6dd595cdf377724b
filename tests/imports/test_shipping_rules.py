"""Shipping method -> carrier/service/delivery rules, default table and TOML file."""

from __future__ import annotations

import pytest

from app.imports import ImportFailed, run_import
from app.imports.shipping_rules import RulesFileError, ShippingRules
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


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("rule = 5\n", 1, "'rule' must be a list of [[rule]] tables"),
        ("extend_defaults = true\nrule = [1, 2]\n", 2, "'rule' must be a list of [[rule]] tables"),
        ('[[rule]]\nmatch = "x"\ndelivery = ["home"]\n', 1, "delivery must be a string"),
        ('[[rule]]\nmatch = "x"\nservice = 13\n', 1, "service must be a string"),
        ('[[rule]]\nmatch = "x"\nservice = "' + "s" * 65 + '"\n', 1, "service is 65 characters"),
        ('[[rule]]\nmatch = "x"\ncarier = "chronopost"\n', 1, "unknown key 'carier'"),
        ('extend_default = true\n', 1, "unknown key 'extend_default'"),
        ('extend_defaults = "yes"\n', 1, "extend_defaults must be true or false"),
    ],
)
def test_bad_rule_files_raise_rules_file_error(tmp_path, text, line, message):
    path = tmp_path / "shipping.toml"
    path.write_text(text)
    with pytest.raises(RulesFileError) as caught:
        ShippingRules.from_toml(path)
    assert isinstance(caught.value, ImportFailed) and isinstance(caught.value, ValueError)
    assert caught.value.line == line and message in caught.value.message


def test_unreadable_rule_files_raise_rules_file_error(tmp_path):
    with pytest.raises(RulesFileError, match="cannot read"):
        ShippingRules.from_toml(tmp_path / "missing.toml")
    path = tmp_path / "latin1.toml"
    path.write_bytes('[[rule]]\nmatch = "entrepôt"\n'.encode("latin-1"))
    with pytest.raises(RulesFileError, match="UTF-8"):
        ShippingRules.from_toml(path)
