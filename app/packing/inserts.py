"""What goes in the parcel besides the order's lines, or is done to it before it closes.

Always, from the order itself:

- ``gift_message``: the gift message card, when the order has a message (``Insert.text``
  holds the message, for the card printed or shown);
- ``gift_wrap``: the gift-wrap step, when the order asks for it.

Then the site's insert rules, in order, each adding its insert when its condition holds
(configured as ``[[packing.insert]]`` tables in the station file, app.config_packing)::

    when = "first_order"    the customer's first order (no earlier order with the same e-mail)
    when = "gift"           a gift message or gift wrap
    when = "b2b"            a business order
    when = "country:BE"     shipped to that country (ISO code)
    when = "sku:MUG-01"     the order holds that SKU

Without rules of its own, a site gets ``DEFAULT_RULES``: the promotion flyer with a
customer's first order. An insert code appears once even if several rules name it.

Pure functions; no Qt, no I/O. Any thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.packing.model import Insert, OrderInfo, PackLine

GIFT_MESSAGE, GIFT_WRAP, PROMO_FIRST_ORDER = "gift_message", "gift_wrap", "promo_first_order"
CONDITIONS = ("first_order", "gift", "b2b")
PREFIXED = ("country:", "sku:")


@dataclass(frozen=True)
class InsertRule:
    when: str
    code: str
    label: str

    def __post_init__(self) -> None:
        check_when(self.when)

    def applies(self, order: OrderInfo, lines: Sequence[PackLine]) -> bool:
        when = self.when
        if when == "first_order":
            return order.customer_first_order
        if when == "gift":
            return bool(order.gift_message) or order.gift_wrap
        if when == "b2b":
            return order.channel == "b2b"
        if when.startswith("country:"):
            return order.country.upper() == when.removeprefix("country:").strip().upper()
        sku = when.removeprefix("sku:").strip()
        return any(line.sku == sku for line in lines)


def check_when(when: str) -> str:
    """``when`` unchanged if it is a known condition; ValueError saying what is expected."""
    if when in CONDITIONS:
        return when
    for prefix in PREFIXED:
        if when.startswith(prefix) and when.removeprefix(prefix).strip():
            if prefix == "country:" and len(when.removeprefix(prefix).strip()) != 2:
                break
            return when
    raise ValueError(f"when = {when!r}; expected first_order, gift, b2b, country:XX (2-letter code) or sku:SKU")


DEFAULT_RULES: tuple[InsertRule, ...] = (
    InsertRule("first_order", PROMO_FIRST_ORDER, "Flyer bienvenue -10 % (première commande)"),
)


def inserts_for(order: OrderInfo, lines: Sequence[PackLine],
                rules: Sequence[InsertRule] = DEFAULT_RULES) -> tuple[Insert, ...]:
    """The inserts of ``order``: the gift card and gift wrap it asks for, then the rules' (see the module docstring)."""
    found: list[Insert] = []
    message = (order.gift_message or "").strip()
    if message:
        found.append(Insert(GIFT_MESSAGE, "Carte message cadeau", message))
    if order.gift_wrap:
        found.append(Insert(GIFT_WRAP, "Emballage cadeau"))
    for rule in rules:
        if rule.applies(order, lines) and all(insert.code != rule.code for insert in found):
            found.append(Insert(rule.code, rule.label))
    return tuple(found)
