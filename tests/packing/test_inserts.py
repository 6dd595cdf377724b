"""Inserts (app.packing.inserts): gift card, gift wrap and the site's rules."""

from __future__ import annotations

import pytest

from app.packing.inserts import DEFAULT_RULES, InsertRule, check_when, inserts_for
from app.packing.model import OrderInfo, PackLine

MUG = PackLine(1, 1, "MUG-01", "Mug", 1)
TEE = PackLine(2, 2, "TEE-S", "Tee-shirt S", 2)


def codes(order: OrderInfo, lines=(MUG,), rules=DEFAULT_RULES) -> list[str]:
    return [insert.code for insert in inserts_for(order, lines, rules)]


def test_a_plain_order_has_no_insert() -> None:
    assert inserts_for(OrderInfo("#1"), [MUG]) == ()


def test_the_gift_card_carries_the_message_and_wrap_is_a_step() -> None:
    found = inserts_for(OrderInfo("#1", gift_message="  Joyeux anniversaire Léa !\n", gift_wrap=True), [MUG])
    assert [(i.code, i.text) for i in found] == [("gift_message", "Joyeux anniversaire Léa !"), ("gift_wrap", None)]
    assert codes(OrderInfo("#1", gift_message="   ")) == []  # a blank message is no message


def test_the_first_order_gets_the_promotion_flyer_by_default() -> None:
    assert codes(OrderInfo("#1", customer_first_order=True)) == ["promo_first_order"]
    assert codes(OrderInfo("#1", customer_first_order=True), rules=()) == []  # a site may drop it


def test_site_rules_by_condition_and_each_code_once() -> None:
    rules = (
        InsertRule("b2b", "delivery_note", "Bon de livraison en double"),
        InsertRule("country:be", "be_leaflet", "Notice FR/NL"),
        InsertRule("sku:MUG-01", "mug_care", "Conseils d'entretien du mug"),
        InsertRule("gift", "ribbon", "Ruban"),
        InsertRule("sku:TEE-S", "mug_care", "again"),
    )
    order = OrderInfo("#1", channel="b2b", country="BE", gift_wrap=True)
    assert codes(order, [MUG, TEE], rules) == ["gift_wrap", "delivery_note", "be_leaflet", "mug_care", "ribbon"]
    assert codes(OrderInfo("#2", country="FR"), [TEE], rules) == ["mug_care"]


@pytest.mark.parametrize("bad", ["first", "country:", "country:BEL", "sku:", "SKU:X", ""])
def test_unknown_conditions_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="expected first_order"):
        check_when(bad)
    with pytest.raises(ValueError):
        InsertRule(bad, "x", "x")
