"""The world of the packing simulation (tests/support/pack_simulation.py): a catalogue, orders
and their totes of physical units, the scale's MT-SICS lines, and the errors injected.

Seeded: the same ``random.Random`` gives the same world. Pure Python.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from app.config_packing import PackingSettings
from app.demo.seed import DEMO_BOXES
from app.devices.scales.mtsics import parse_weight_reply
from app.domain.gtin import make_gtin13
from app.packing.model import BoxOption, LotPicked, OrderInfo, PackLine, PackPlan, Reading
from app.packing.weight import tolerance_g

TODAY = date(2026, 11, 24)
BOXES = tuple(BoxOption(code, name, dims, max_g, tare, eco) for code, name, dims, max_g, tare, eco in DEMO_BOXES)
BOX_BY_CODE = {box.code: box for box in BOXES}
ERROR_KINDS = ("wrong_item", "extra_unit", "missing_unit", "wrong_tote", "weight_mismatch")
UNIT_SPREAD, TARE_SPREAD = 0.02, 0.03  # true weights against the catalogue's (pack_simulation's docstring)
WEIGHT_ERROR_MIN = 1.7  # an injected weight difference, in tolerances


# ---- the scale: MT-SICS lines as the balance sends them -----------------------------------------

def mt_sics_line(grams: int, stable: bool = True) -> str:
    """What a Mettler Toledo balance answers to ``SI``: ``S S      1.234 kg`` (``S D`` while moving)."""
    return f"S {'S' if stable else 'D'} {grams / 1000:>10.3f} kg"


def read_mt_sics(line: str) -> Reading:
    """A weight reply read by the scale driver's own parser, as the station reads it."""
    reading = parse_weight_reply(line)
    if not isinstance(reading, Reading):
        raise ValueError(f"not a weight reply: {line!r} ({reading})")
    return reading


# ---- catalogue and orders ------------------------------------------------------------------------

@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    gtin: str  # GTIN-14
    weight_g: int
    dims_mm: tuple[int, int, int] | None
    lot_tracked: bool = False
    serial_tracked: bool = False


@dataclass(frozen=True)
class Unit:
    """One physical unit in a tote: what its barcode says, and what it really weighs."""

    sku: str
    gtin: str
    lot: str | None
    expiry: date | None
    serial: str | None
    true_g: int


@dataclass
class SimOrder:
    info: OrderInfo
    lines: list[PackLine]
    units: list[Unit]  # what the picker put in the tote (the order exactly)


@dataclass
class Injection:
    kind: str
    # weight_mismatch: the parcel (0-based), a stray item's grams, or the product of which one
    # scanned unit is left on the bench.
    parcel: int = 0
    stray_g: int = 0
    bench_sku: str | None = None
    other_order: str | None = None  # wrong_tote: whose tote it is


def make_catalogue(rng: random.Random, size: int = 90) -> list[Product]:
    products = []
    for n in range(size):
        weight = round(10 ** rng.uniform(1.6, 3.8))  # 40 g to 6.3 kg, mostly light
        dims = None if rng.random() < 0.1 else tuple(sorted((rng.randint(20, 330) for _ in range(3)), reverse=True))
        kind = rng.random()
        products.append(Product(f"SIM-{n:03d}", f"Produit {n}", make_gtin13(f"3760999{n:05d}").zfill(14), weight,
                                dims, lot_tracked=kind < 0.18, serial_tracked=0.18 <= kind < 0.27))
    return products


_METHODS = [("colissimo", None, "Colissimo domicile", "home"), ("chronopost", "chrono13", "Chronopost 13h", "home"),
            ("mondial_relay", "point_relais", "Mondial Relay point relais", "relay"),
            ("click_collect", "store_pickup", "Retrait en magasin", "pickup"),
            (None, None, "Livraison standard", "home"), (None, None, "Livraison express 24h", "home"),
            (None, None, "Point relais", "relay")]


def make_order(rng: random.Random, n: int, catalogue: list[Product], line_ids: list[int]) -> SimOrder:
    b2b = rng.random() < 0.1
    carrier, service, method, mode = rng.choice(_METHODS)
    info = OrderInfo(
        number=f"#SIM{n:05d}", channel="b2b" if b2b else "b2c", carrier=carrier, service=service, delivery_mode=mode,
        shipping_method=method, country=rng.choice(["FR"] * 8 + ["BE", "DE", "CH", "US"]),
        customer_name="Client", customer_first_order=rng.random() < 0.2,
        gift_message="Joyeux anniversaire !" if rng.random() < 0.1 else None, gift_wrap=rng.random() < 0.05,
        created_on=TODAY,
    )
    lines: list[PackLine] = []
    units: list[Unit] = []
    for line_no, product in enumerate(rng.sample(catalogue, rng.randint(2, 5) if b2b else rng.randint(1, 4)), start=1):
        if b2b:
            quantity = rng.randint(4, 16)
        else:
            quantity = rng.randint(5, 9) if rng.random() < 0.12 else rng.randint(1, 3)
        if product.weight_g * quantity > 25_000:
            quantity = max(1, 25_000 // product.weight_g)
        line_ids[0] += 1
        lots: tuple[LotPicked, ...] = ()
        if product.lot_tracked:
            split = rng.randint(1, quantity - 1) if quantity > 1 and rng.random() < 0.4 else quantity
            batches = [(f"L{line_ids[0]}A", split), (f"L{line_ids[0]}B", quantity - split)]
            lots = tuple(LotPicked(lot, TODAY + timedelta(days=200 + 30 * k), q)
                         for k, (lot, q) in enumerate(batches) if q > 0)
        lines.append(PackLine(line_ids[0], line_no, product.sku, product.name, quantity, (product.gtin,), lots,
                              product.lot_tracked, product.serial_tracked, product.weight_g, product.dims_mm))
        picked = [(lot.lot, lot.expiry) for lot in lots for _ in range(lot.quantity)] or [(None, None)] * quantity
        for k, (lot, expiry) in enumerate(picked):
            serial = f"SN{line_ids[0]}{k:03d}" if product.serial_tracked else None
            units.append(Unit(product.sku, product.gtin, lot, expiry, serial, true_weight(rng, product.weight_g)))
    return SimOrder(info, lines, units)


def true_weight(rng: random.Random, catalogue_g: int) -> int:
    return max(1, round(catalogue_g * (1 + rng.uniform(-UNIT_SPREAD, UNIT_SPREAD))))


def barcode(unit: Unit, rng: random.Random) -> tuple[str, str | None]:
    """What the scanner sends for a unit: a GS1 element string (or a plain EAN-13), and, for a
    serial on its own label, the second scan."""
    if unit.lot is None and unit.serial is None and rng.random() < 0.7:
        return unit.gtin[1:], None  # the EAN-13 on the pack
    text = f"]C101{unit.gtin}"
    if unit.expiry is not None:
        text += f"17{unit.expiry:%y%m%d}"
    separate = unit.serial is not None and rng.random() < 0.3
    if unit.serial is not None and not separate:
        text += f"21{unit.serial}" + ("\x1d" if unit.lot else "")
    if unit.lot is not None:
        text += f"10{unit.lot}"
    return text, unit.serial if separate else None


def inject(rng: random.Random, kind: str, order: SimOrder, stream: list[SimOrder], catalogue: list[Product],
           plan: PackPlan) -> tuple[list[Unit], Injection] | None:
    """The tote with ``kind`` injected (and how), or None when this order cannot have that error."""
    tote = list(order.units)
    skus = {line.sku for line in order.lines}
    if kind == "wrong_item":
        product = rng.choice([p for p in catalogue if p.sku not in skus])
        stranger = Unit(product.sku, product.gtin, "LX1" if product.lot_tracked else None,
                        TODAY + timedelta(days=300) if product.lot_tracked else None,
                        "SNX" + order.info.number[4:] if product.serial_tracked else None,
                        true_weight(rng, product.weight_g))
        if rng.random() < 0.5 and len(tote) > 1:
            tote[rng.randrange(len(tote))] = stranger
        else:
            tote.insert(rng.randrange(len(tote) + 1), stranger)
        return tote, Injection(kind)
    if kind == "extra_unit":
        model = rng.choice(tote)
        serial = model.serial + "X" if model.serial else None
        tote.insert(rng.randrange(len(tote) + 1), Unit(model.sku, model.gtin, model.lot, model.expiry, serial,
                                                       true_weight(rng, _catalogue_g(order, model.sku))))
        return tote, Injection(kind)
    if kind == "missing_unit":
        tote.pop(rng.randrange(len(tote)))
        return tote, Injection(kind)
    if kind == "wrong_tote":
        mine = Counter((u.sku, u.lot) for u in order.units)
        others = [o for o in stream if o is not order and Counter((u.sku, u.lot) for u in o.units) != mine]
        other = rng.choice(others)
        return list(other.units), Injection(kind, other_order=other.info.number)
    # weight_mismatch: a difference a scale can tell (>= WEIGHT_ERROR_MIN tolerances of the parcel).
    parcel = rng.randrange(len(plan.parcels))
    expected = plan.parcels[parcel].expected_weight_g
    if expected is None:
        return None
    tolerance = tolerance_g(expected, PackingSettings().pack_config())
    by_line = {line.line_id: line for line in order.lines}
    heavy = [by_line[line_id].sku for line_id in plan.parcels[parcel].items
             if (by_line[line_id].weight_g or 0) * (1 - UNIT_SPREAD) >= WEIGHT_ERROR_MIN * tolerance]
    if heavy and rng.random() < 0.5:
        return tote, Injection(kind, parcel=parcel, bench_sku=rng.choice(heavy))
    return tote, Injection(kind, parcel=parcel, stray_g=round(tolerance * rng.uniform(WEIGHT_ERROR_MIN, 4)))


def _catalogue_g(order: SimOrder, sku: str) -> int:
    return next(line.weight_g or 0 for line in order.lines if line.sku == sku)
