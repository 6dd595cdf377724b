"""What a pack is built from: the order as the packer sees it, and the plan Quai proposes.

Plain frozen dataclasses holding JSON-friendly values: ``PackPlan.as_json()`` goes into the
``pack.started`` event, so a pack replays from its events alone (crash resume), without
reading the database again. ``PackPlan.from_json(plan.as_json()) == plan``.

Units: grams, millimetres, euro cents; dates as ``date``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class LotPicked:
    """Units of one lot the picker put in the tote for a line (from the pick's captures)."""

    lot: str
    expiry: date | None
    quantity: int


@dataclass(frozen=True)
class PackLine:
    """One order line to verify: ``quantity`` is what was picked (what should be in the tote)."""

    line_id: int
    line_no: int
    sku: str
    name: str
    quantity: int
    gtins: tuple[str, ...] = ()  # GTIN-14s of the product
    lots: tuple[LotPicked, ...] = ()  # empty for a product without lots
    lot_tracked: bool = False
    serial_tracked: bool = False  # a serial number is captured for each unit
    weight_g: int | None = None  # one unit; None when the catalogue does not say
    dims_mm: tuple[int, int, int] | None = None  # one unit, any order; None when unknown
    image: str | None = None


@dataclass(frozen=True)
class BoxOption:
    """A box type the station can use (app.store.models.BoxType)."""

    code: str
    name: str
    inner_mm: tuple[int, int, int]
    max_weight_g: int
    tare_g: int
    eco: bool = False


@dataclass(frozen=True)
class OrderInfo:
    """What the rules need to know about the order besides its lines."""

    number: str
    channel: str = "b2c"  # b2c | b2b
    carrier: str | None = None  # colissimo | chronopost | mondial_relay | click_collect | None (generic)
    service: str | None = None
    delivery_mode: str = "home"  # home | relay | pickup
    shipping_method: str | None = None  # as the shop wrote it
    country: str = "FR"
    customer_name: str = ""
    customer_first_order: bool = False  # no earlier order with the same e-mail
    gift_message: str | None = None
    gift_wrap: bool = False
    created_on: date | None = None
    ship_by: date | None = None


@dataclass(frozen=True)
class ParcelPlan:
    """One proposed parcel: its box and what goes in it ({line_id: units})."""

    seq: int
    box: str | None  # BoxOption.code; None when no box fits (the packer chooses)
    items: dict[int, int]
    expected_weight_g: int | None  # items + tare; None when a unit weight is unknown


@dataclass(frozen=True)
class CarrierChoice:
    carrier: str
    service: str | None
    reason: str  # from_order | cheapest | only_option | click_collect: why this one (translated by the GUI)
    cost_cents: int | None = None
    cutoff: str | None = None  # "HH:MM", the carrier's same-day cutoff


@dataclass(frozen=True)
class Insert:
    """Something to put in the parcel or do to it before it closes."""

    code: str  # gift_message | gift_wrap | promo_first_order | any code an insert rule names
    label: str  # shown to the packer (the rule's text, French first)
    text: str | None = None  # the gift message itself, for the card


@dataclass(frozen=True)
class PackPlan:
    order: OrderInfo
    lines: tuple[PackLine, ...]
    boxes: tuple[BoxOption, ...]  # every box type, for the packer's own choice
    parcels: tuple[ParcelPlan, ...]  # Quai's proposal: one parcel, or a split
    carrier: CarrierChoice
    inserts: tuple[Insert, ...] = ()
    pallet: bool = False  # B2B with several cartons: a pallet label too

    def as_json(self) -> dict[str, Any]:
        return _jsonable(asdict(self))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PackPlan:
        order = dict(data["order"])
        for key in ("created_on", "ship_by"):
            order[key] = date.fromisoformat(order[key]) if order.get(key) else None
        lines = tuple(
            PackLine(**{**line, "gtins": tuple(line.get("gtins", ())),
                        "dims_mm": tuple(line["dims_mm"]) if line.get("dims_mm") else None,
                        "lots": tuple(LotPicked(l["lot"], date.fromisoformat(l["expiry"]) if l.get("expiry") else None,
                                                l["quantity"]) for l in line.get("lots", ()))})
            for line in data["lines"]
        )
        boxes = tuple(BoxOption(**{**b, "inner_mm": tuple(b["inner_mm"])}) for b in data["boxes"])
        parcels = tuple(ParcelPlan(p["seq"], p["box"], {int(k): v for k, v in p["items"].items()},
                                   p["expected_weight_g"]) for p in data["parcels"])
        return cls(
            order=OrderInfo(**order), lines=lines, boxes=boxes, parcels=parcels,
            carrier=CarrierChoice(**data["carrier"]), inserts=tuple(Insert(**i) for i in data.get("inserts", ())),
            pallet=bool(data.get("pallet", False)),
        )


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


@dataclass(frozen=True)
class PackConfig:
    """The station's [packing] settings the session applies."""

    quantity_threshold: int = 5  # from this many units left on a line, a keyed quantity (confirmed)
    tolerance_g: int = 30  # a weighed parcel may differ from the expected weight by the larger of
    tolerance_pct: float = 5.0  # these two
    print_delay_s: int = 5  # seconds to cancel before the label and slip print
    require_scale: bool = False  # True: no weight keyed by hand (a scale is configured and must be used)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PackConfig:
        return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Reading:
    """One weight reading (from a scale or keyed in)."""

    grams: int
    stable: bool
    source: str = "scale"  # scale | manual
    raw: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
