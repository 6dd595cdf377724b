"""Carrier rules: which carrier takes a parcel when the order does not say.

The order's carrier wins whenever it names one (the customer chose and paid for it). When
the shop's method is generic or unknown (``OrderInfo.carrier`` is None), Quai takes the
cheapest carrier of the table that

- delivers to the order's zone (``zone_of(country)``: France, Europe, international);
- offers the order's delivery mode (home, relay point);
- takes the parcel's weight (its last band);
- meets the delivery promise: its slowest delivery time, in working days, is at most the
  promise (``promise_days``: 1 when the shop's method says express, 24h or chrono, else
  the site's default).

Ties go to the faster carrier, then to the name. The default table is issue 7's:

  ============== ============= ========== ===================================================
  carrier        working days  cost       zones / delivery
  ============== ============= ========== ===================================================
  Colissimo      2-3           6-10 EUR   France, Europe; home or post-office relay
  Chronopost     1 (24 h)      15-25 EUR  France, Europe, international; home or relay
  Mondial Relay  3-5           4-7 EUR    France, Europe; relay points only
  click_collect  0             0          the customer collects in the shop (pickup only)
  ============== ============= ========== ===================================================

Cost grows with the parcel's weight within each range, by bands (up to the weight, the
price): Colissimo 1 kg 6 EUR, 2 kg 7, 5 kg 8, 10 kg 9, 30 kg 10; Chronopost 1 kg 15, 2 kg 17,
5 kg 20, 10 kg 22, 30 kg 25; Mondial Relay 1 kg 4, 2 kg 5, 5 kg 6, 30 kg 7. The zone does not
change the price in this table (a site with real contracts overrides the bands per carrier,
see app.config_packing). A multi-parcel order costs the sum of its parcels.

Pure functions; no Qt, no I/O. Any thread.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import time

from app.packing.model import CarrierChoice, OrderInfo

FRANCE, EUROPE, INTERNATIONAL = "france", "europe", "international"
ZONES = (FRANCE, EUROPE, INTERNATIONAL)
DELIVERY_MODES = ("home", "relay", "pickup")

#: Monaco is served as France by French carriers.
_FRANCE = frozenset({"FR", "MC"})
#: EU member states, and the rest of geographic Europe the carriers' "Europe" offers serve.
_EUROPE = frozenset({
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT",
    "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    "CH", "GB", "NO", "IS", "LI", "AD", "SM", "VA",
})


def zone_of(country: str) -> str:
    """France, Europe or international, from an ISO 3166 two-letter code (any case).

    The French overseas departments (GP, MQ, GF, RE, YT...) have their own codes and
    count as international here, which is how carriers price them.
    """
    code = (country or "FR").strip().upper()
    if code in _FRANCE:
        return FRANCE
    return EUROPE if code in _EUROPE else INTERNATIONAL


def _fold(text: str) -> str:
    # As app.imports.shipping_rules.fold, not imported: packing stays apart from the importers (SQL).
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


#: What in the shop's method text promises next-day delivery (folded: lower case, no accents).
EXPRESS_WORDS = ("express", "24h", "24 h", "chrono")


def promise_days(shipping_method: str | None, default_days: int,
                 express_words: Sequence[str] = EXPRESS_WORDS) -> int:
    """The delivery promise in working days: 1 for an express method, else ``default_days``."""
    text = _fold(shipping_method or "")
    return 1 if any(word in text for word in express_words) else default_days


@dataclass(frozen=True)
class CarrierRate:
    """One carrier's offer. ``bands``: (up to grams, cents), by increasing weight; a parcel
    heavier than the last band is not taken. ``services``: the service code per delivery
    mode (also the delivery modes offered)."""

    carrier: str
    days_min: int
    days_max: int
    zones: frozenset[str]
    services: Mapping[str, str]
    bands: tuple[tuple[int, int], ...]
    enabled: bool = True

    @property
    def max_weight_g(self) -> int:
        return self.bands[-1][0] if self.bands else 0

    def cost_cents(self, weight_g: int | None) -> int | None:
        """The price of one parcel of this weight (unknown weight: the first band); None if too heavy."""
        grams = weight_g or 0
        return next((cents for up_to, cents in self.bands if grams <= up_to), None)

    def serves(self, zone: str, delivery_mode: str) -> bool:
        return self.enabled and zone in self.zones and delivery_mode in self.services


def _rate(carrier: str, days: tuple[int, int], zones: tuple[str, ...], services: dict[str, str],
          bands: tuple[tuple[int, int], ...]) -> CarrierRate:
    return CarrierRate(carrier, days[0], days[1], frozenset(zones), services, bands)


DEFAULT_TABLE: tuple[CarrierRate, ...] = (
    _rate("colissimo", (2, 3), (FRANCE, EUROPE), {"home": "domicile", "relay": "point_retrait"},
          ((1000, 600), (2000, 700), (5000, 800), (10000, 900), (30000, 1000))),
    _rate("chronopost", (1, 1), (FRANCE, EUROPE, INTERNATIONAL), {"home": "chrono13", "relay": "chrono_relais"},
          ((1000, 1500), (2000, 1700), (5000, 2000), (10000, 2200), (30000, 2500))),
    _rate("mondial_relay", (3, 5), (FRANCE, EUROPE), {"relay": "point_relais"},
          ((1000, 400), (2000, 500), (5000, 600), (30000, 700))),
    _rate("click_collect", (0, 0), (FRANCE, EUROPE, INTERNATIONAL), {"pickup": "store_pickup"},
          ((1_000_000, 0),)),
)


class NoCarrierFits(ValueError):
    """No carrier of the table meets the order's zone, delivery mode, weight and promise.

    ``str()`` says so in French, then English, with what to do; the packing store puts
    the order in exception with it (a supervisor picks a carrier by hand).
    """

    def __init__(self, order: str, zone: str, delivery_mode: str, weight_g: int | None, days: int) -> None:
        self.order, self.zone, self.delivery_mode, self.weight_g, self.days = order, zone, delivery_mode, weight_g, days
        kg = f"{(weight_g or 0) / 1000:.1f}"
        super().__init__(
            f"Aucun transporteur ne livre la commande {order} ({zone}, {delivery_mode}, {kg} kg, {days} j) : "
            f"choisissez-en un à la main ou revoyez la table des transporteurs. / "
            f"No carrier delivers order {order} ({zone}, {delivery_mode}, {kg} kg, {days} working days): "
            f"choose one by hand or review the carrier table."
        )


def _cost(rate: CarrierRate, weights: Sequence[int | None]) -> int | None:
    costs = [rate.cost_cents(w) for w in weights]
    return None if any(c is None for c in costs) else sum(c for c in costs if c is not None)


def choose_carrier(order: OrderInfo, weight_g: int | None, table: Sequence[CarrierRate] = DEFAULT_TABLE,
                   promise: int = 5, *, parcel_weights: Sequence[int | None] | None = None,
                   cutoffs: Mapping[str | None, time] | None = None) -> CarrierChoice:
    """The carrier for ``order`` (the rules in the module docstring).

    ``weight_g`` is the parcel's weight (unknown: None, the first band); for a multi-parcel
    order pass ``parcel_weights`` instead: the heaviest must be taken, the cost is the sum.
    ``promise`` is the delivery promise in working days (see ``promise_days``). ``cutoffs``
    (app.packing.cutoffs) fills ``CarrierChoice.cutoff``.

    Raises NoCarrierFits when the order names no carrier and none of the table fits.
    """
    weights = list(parcel_weights) if parcel_weights is not None else [weight_g]
    by_name = {rate.carrier: rate for rate in table}

    def cutoff(carrier: str) -> str | None:
        if cutoffs is None:
            return None
        at = cutoffs.get(carrier, cutoffs.get(None))
        return at.strftime("%H:%M") if at is not None else None

    if order.carrier is not None:
        rate = by_name.get(order.carrier)
        service = order.service or (rate.services.get(order.delivery_mode) if rate else None)
        reason = "click_collect" if order.carrier == "click_collect" else "from_order"
        return CarrierChoice(order.carrier, service, reason, _cost(rate, weights) if rate else None,
                             cutoff(order.carrier))
    if order.delivery_mode == "pickup":
        rate = by_name.get("click_collect")
        return CarrierChoice("click_collect", rate.services["pickup"] if rate else "store_pickup", "click_collect",
                             _cost(rate, weights) if rate else 0, cutoff("click_collect"))
    zone = zone_of(order.country)
    heaviest = max((w or 0 for w in weights), default=0)
    candidates = [
        (cost, rate.days_max, rate.carrier, rate)
        for rate in table
        if rate.serves(zone, order.delivery_mode) and rate.days_max <= promise
        and heaviest <= rate.max_weight_g and (cost := _cost(rate, weights)) is not None
    ]
    if not candidates:
        raise NoCarrierFits(order.number, zone, order.delivery_mode, heaviest, promise)
    cost, _, carrier, rate = min(candidates, key=lambda c: c[:3])
    reason = "cheapest" if len(candidates) > 1 else "only_option"
    return CarrierChoice(carrier, rate.services[order.delivery_mode], reason, cost, cutoff(carrier))


def with_overrides(table: Sequence[CarrierRate], overrides: Mapping[str, Mapping[str, object]]) -> tuple[CarrierRate, ...]:
    """The table with some carriers' fields replaced (already checked values, by field name)."""
    return tuple(replace(rate, **overrides[rate.carrier]) if rate.carrier in overrides else rate for rate in table)
