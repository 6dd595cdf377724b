"""Quai's proposal for one order: boxes and parcels, expected weights, carrier, inserts, pallet.

``build_plan`` is what the packing store calls, with what it read from the database, when
a pack starts; the plan then goes into the ``pack.started`` event and the session works
from it alone. The rules themselves live in ``boxes``, ``carriers``, ``cutoffs`` and
``inserts``; ``PlanRules`` gathers the site's settings for them (app.config_packing's
``PackingSettings.plan_rules()`` builds one from the station file).

Pure functions; no Qt, no I/O. Any thread.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import time
from typing import Protocol

from app.packing.boxes import FILL_FACTOR, Unit, split_into_parcels, suggest_box
from app.packing.carriers import DEFAULT_TABLE, EXPRESS_WORDS, CarrierRate, choose_carrier, promise_days
from app.packing.cutoffs import DEFAULT_CUTOFFS
from app.packing.inserts import DEFAULT_RULES, InsertRule, inserts_for
from app.packing.model import BoxOption, OrderInfo, PackLine, PackPlan, ParcelPlan


@dataclass(frozen=True)
class PlanRules:
    """The site's rules a plan is built with (defaults: issue 7's)."""

    carriers: tuple[CarrierRate, ...] = DEFAULT_TABLE
    cutoffs: Mapping[str | None, time] = field(default_factory=lambda: dict(DEFAULT_CUTOFFS))
    promise_days: int = 5  # working days, when the shop's method does not say express
    express_words: tuple[str, ...] = EXPRESS_WORDS
    inserts: tuple[InsertRule, ...] = DEFAULT_RULES
    fill_factor: float = FILL_FACTOR


class HasPlanRules(Protocol):
    def plan_rules(self) -> PlanRules: ...


def build_plan(order: OrderInfo, lines: Sequence[PackLine], boxes: Sequence[BoxOption],
               settings: PlanRules | HasPlanRules | None = None) -> PackPlan:
    """The plan for ``order``: ``lines`` as picked, ``boxes`` the station's box types.

    ``settings``: a PlanRules, or anything with ``plan_rules()`` (the station's
    PackingSettings); None: the defaults.

    - One parcel in the box ``suggest_box`` proposes when everything fits one box; else
      the split of ``split_into_parcels`` (a unit no box holds: a parcel with box None,
      for the packer to choose). No box types at all: one parcel, box None.
    - Expected weight of a parcel: its units plus the box's tare; None when a unit's
      weight is unknown or the box is not chosen (the packer weighs, nothing to compare).
    - Carrier: ``choose_carrier`` on the parcels' weights (unknown weights counted as 0),
      with the promise read from the shop's method text.
    - Pallet: a B2B order in several cartons.

    Raises app.packing.carriers.NoCarrierFits when the order names no carrier and none of
    the table fits (the caller puts the order in exception with its message).
    """
    rules = settings if isinstance(settings, PlanRules) else settings.plan_rules() if settings else PlanRules()
    unit_lines: list[int] = []
    units: list[Unit] = []
    for line in lines:
        for _ in range(max(line.quantity, 0)):
            unit_lines.append(line.line_id)
            units.append((line.dims_mm, line.weight_g))
    if not boxes or not units:
        box = suggest_box(units, boxes, fill_factor=rules.fill_factor) if boxes else None
        groups: list[tuple[BoxOption | None, Sequence[int]]] = [(box, range(len(units)))]
    else:
        groups = [(split.box, split.units) for split in split_into_parcels(units, boxes, fill_factor=rules.fill_factor)]

    parcels: list[ParcelPlan] = []
    estimates: list[int] = []
    for seq, (box, members) in enumerate(groups, start=1):
        items = Counter(unit_lines[i] for i in members)
        weights = [units[i][1] for i in members]
        known = sum(w or 0 for w in weights) + (box.tare_g if box else 0)
        expected = known if box is not None and all(w is not None for w in weights) else None
        parcels.append(ParcelPlan(seq, box.code if box else None, dict(sorted(items.items())), expected))
        estimates.append(known)

    promise = promise_days(order.shipping_method, rules.promise_days, rules.express_words)
    carrier = choose_carrier(order, None, rules.carriers, promise, parcel_weights=estimates, cutoffs=rules.cutoffs)
    return PackPlan(
        order=order,
        lines=tuple(lines),
        boxes=tuple(boxes),
        parcels=tuple(parcels),
        carrier=carrier,
        inserts=inserts_for(order, lines, rules.inserts),
        pallet=order.channel == "b2b" and len(parcels) > 1,
    )
