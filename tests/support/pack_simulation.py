"""The error-injection simulation of issue 7: a seeded stream of orders packed as a packer would.

What is simulated, and why it is honest:

- A catalogue (GTIN-13 barcodes with real check digits, weights, sizes, some unknown sizes,
  lot-tracked and serial-tracked products) and a stream of orders: B2C and B2B, 1 to 5 lines,
  a few large lines (a keyed quantity), lots split over two batches, gift messages and gift
  wrap, named and generic carriers, France, Europe and abroad.
- Each order's plan comes from ``app.packing.plan.build_plan`` on the demo's box types
  (``DEMO_BOXES``), and it is packed through ``app.packing.session.PackSession`` with scans
  made by ``app.scanning.classify`` from the text a scanner would send (GS1 element strings
  with lots, expiry dates and serial numbers), the packer's keyed quantities, and the scale's
  answers as MT-SICS lines (``S S      1.234 kg``) read by the scale driver's parser
  (app.devices.scales.mtsics).
- The tote holds physical units, each with its true weight: the catalogue's within ±2 %, and
  the box's tare within ±3 %. That spread is the simulation's stated assumption: a catalogue
  that far off is a wrong catalogue, not a packing error.
- One error at most is injected per order, in the tote or at the bench:
  ``wrong_item`` (a unit of a product the order does not have, added or instead of one),
  ``extra_unit`` (one more unit of a line), ``missing_unit`` (one unit less),
  ``wrong_tote`` (the packer opened another order: the tote's units are another order's),
  ``weight_mismatch`` (the box holds what the scans did not see: a stray item dropped in, or
  a scanned unit left on the bench; its weight is at least 1.7 times the tolerance, so it is
  a difference a scale can tell, whatever the spread above).
- The packer is careful but not clairvoyant: scans every unit in the tote in turn, follows
  the plan's parcels and boxes, keys the count of the units of one product in hand when the
  station offers it, sets aside whatever the station refuses, empties and rescans a parcel
  whose weight is off (finding the stray item or the unit on the bench), and sends the tote
  back (``cancel_pack``) when the order cannot be completed. Never a supervisor override.

An error is *caught* when the station refuses a scan or a keyed quantity (``scan``), asks for
a parcel to be checked again (``weight``) or refuses to close with units unverified
(``verification``), before ``pack.closed``. Each closed pack is then compared with what is
physically in its boxes: the order's units, nothing else. Pure Python: no Qt, no database.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from app.config_packing import PackingSettings
from app.demo.seed import DEMO_BOXES
from app.devices.scales.mtsics import parse_weight_reply
from app.domain.gtin import make_gtin13
from app.packing import events as ev
from app.packing.model import BoxOption, LotPicked, OrderInfo, PackLine, PackPlan, Reading
from app.packing.outcome import Outcome, Step
from app.packing.plan import build_plan
from app.packing.session import PackSession
from app.packing.weight import tolerance_g
from app.scanning.classify import classify

TODAY = date(2026, 11, 24)
BOXES = tuple(BoxOption(code, name, dims, max_g, tare, eco) for code, name, dims, max_g, tare, eco in DEMO_BOXES)
BOX_BY_CODE = {box.code: box for box in BOXES}
ERROR_KINDS = ("wrong_item", "extra_unit", "missing_unit", "wrong_tote", "weight_mismatch")
UNIT_SPREAD, TARE_SPREAD = 0.02, 0.03  # true weights against the catalogue's (see the module docstring)
WEIGHT_ERROR_MIN = 1.7  # an injected weight difference, in tolerances

# What a refusal says about the error it caught.
SCAN_CODES = frozenset({"wrong_product", "extra_unit", "lot_mismatch", "lot_needed", "serial_repeated",
                        "serial_needed", "not_a_serial", "invalid_quantity", "empty_parcel", "box_needed"})
# Refusals that catch nothing: the scale still settling.
BENIGN_CODES = frozenset({"weight_unstable"})


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


@dataclass
class OrderResult:
    number: str
    injected: str | None
    ended: str  # closed | cancelled | stuck
    catches: list[str] = field(default_factory=list)  # error codes, in order ("recheck_started" for the weight)
    caught_by: list[str] = field(default_factory=list)  # scan | weight | verification, in order
    false_alarms: list[str] = field(default_factory=list)  # refusals on a clean order (benign ones excepted)
    overrides: int = 0
    content_ok: bool = True  # a closed pack holds exactly the order's units, nothing else
    labelled_before_catch: bool = False  # pack.closed recorded with the error not yet caught
    actions: int = 0
    seconds: float = 0.0  # building the plan and packing (the packer's own time is not simulated)

    @property
    def caught(self) -> bool:
        return bool(self.catches) and not self.labelled_before_catch


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


# ---- the packer --------------------------------------------------------------------------------

class Packer:
    """Packs one order's tote through a PackSession (see the module docstring)."""

    def __init__(self, rng: random.Random, settings: PackingSettings) -> None:
        self.rng = rng
        self.settings = settings

    def pack(self, plan: PackPlan, tote: list[Unit], injection: Injection | None, expected: list[Unit]) -> OrderResult:
        self.plan, self.injection = plan, injection
        self.result = OrderResult(plan.order.number, injection.kind if injection else None, "stuck")
        self.session, started = PackSession.start(plan, self.settings.pack_config(), packer="BDG0003", today=TODAY)
        self._seen(started)
        self.boxes: list[list[Unit]] = [[]]  # what is physically in each parcel's box
        self.bench: list[Unit] = []  # scanned, but left beside the box
        self.stray_g = 0
        self.tares: dict[int, int] = {}  # each box's true tare, drawn once
        line_of = {line.sku: line.line_id for line in plan.lines}
        wanted = [Counter(p.items) for p in plan.parcels]
        buckets: list[list[Unit]] = [[] for _ in plan.parcels]
        hand = list(tote)
        self.rng.shuffle(hand)
        for unit in hand:  # the packer sorts the tote into the plan's parcels, by product
            line_id = line_of.get(unit.sku)
            k = next((i for i, want in enumerate(wanted) if line_id is not None and want[line_id] > 0), None)
            if k is None:
                k = self.rng.randrange(len(buckets))
            else:
                wanted[k][line_id] -= 1
            buckets[k].append(unit)
        for k, bucket in enumerate(buckets):
            if k > 0:
                self._next_parcel()  # refused (an empty parcel): the packer goes on in this one
            box = plan.parcels[k].box
            if box is not None:
                self._do(self.session.handle(classify(box)))
            self._scan_units(bucket, k)
        return self._finish(expected)

    # -- steps

    def _next_parcel(self) -> None:
        if self._do(self.session.open_parcel()).ok:
            self._weigh(len(self.boxes) - 1)
            self.boxes.append([])

    def _scan_units(self, units: list[Unit], parcel: int) -> None:
        pending = list(units)
        bench_at = None
        inj = self.injection
        if inj and inj.kind == "weight_mismatch" and inj.parcel == parcel and inj.bench_sku is not None:
            bench_at = next((u for u in pending if u.sku == inj.bench_sku), None)
        while pending:
            unit = pending.pop(0)
            outcome = self._scan(unit)
            if not outcome.ok:
                continue  # set aside
            if unit is bench_at:
                self.bench.append(unit)  # scanned, then left beside the box
            else:
                self.boxes[-1].append(unit)
            if self.session.quantity_entry_available() and self.rng.random() < 0.7:
                same = [u for u in pending if u.sku == unit.sku and u.lot == unit.lot and u is not bench_at]
                if same:
                    keyed = self._do(self.session.confirm_quantity(len(same)))
                    if keyed.ok:
                        self.boxes[-1].extend(same)
                        pending = [u for u in pending if all(u is not s for s in same)]

    def _scan(self, unit: Unit) -> Outcome:
        text, separate_serial = barcode(unit, self.rng)
        outcome = self._do(self.session.handle(classify(text)))
        if outcome.ok and outcome.code == "serial_wanted":
            outcome = self._do(self.session.handle(classify(separate_serial or unit.serial or "")))
        return outcome

    def _weigh(self, parcel: int) -> None:
        """Weigh the parcel ``parcel`` (0-based); a recheck: empty the box, find what was wrong, rescan."""
        inj = self.injection
        if inj and inj.kind == "weight_mismatch" and inj.parcel == parcel and inj.stray_g:
            self.stray_g = inj.stray_g
        for _ in range(3):
            if self.rng.random() < 0.3:  # the parcel still settling on the plate
                self._do(self.session.weigh(read_mt_sics(mt_sics_line(self._true_weight(parcel) + 40, False))))
            outcome = self._do(self.session.weigh(read_mt_sics(mt_sics_line(self._true_weight(parcel)))))
            if outcome.code != "recheck_started":
                return
            # The packer empties the box: the stray item comes out, the unit on the bench goes in.
            self.stray_g = 0
            self.boxes[parcel].extend(self.bench)
            self.bench.clear()
            for unit in list(self.boxes[parcel]):
                if not self._scan(unit).ok:
                    self.boxes[parcel].remove(unit)

    def _true_weight(self, parcel: int) -> int:
        view = self.session.view()
        box = BOX_BY_CODE.get(view.box or "")
        tare = self.tares.setdefault(parcel, round(box.tare_g * (1 + self.rng.uniform(-TARE_SPREAD, TARE_SPREAD)))
                                      if box else 0)
        return sum(u.true_g for u in self.boxes[parcel]) + tare + self.stray_g

    def _finish(self, expected: list[Unit]) -> OrderResult:
        s = self.session
        if s.state.step in (Step.VERIFY, Step.RECHECK):
            self._do(s.close())  # "not_verified": the station will not close
            self._do(s.cancel_pack("tote back: units missing or wrong"))
            self.result.ended = "cancelled"
            return self.result
        if s.state.step == Step.WEIGH:
            self._weigh(len(self.boxes) - 1)
        if s.state.step == Step.INSERTS:
            self._do(s.confirm_inserts(self.plan.order.gift_wrap))
        if s.state.step == Step.LABEL:
            self._do(s.close())
        if s.state.step == Step.CLOSED:
            self.result.ended = "closed"
            packed = Counter((u.sku, u.lot) for box in self.boxes for u in box)
            self.result.content_ok = (packed == Counter((u.sku, u.lot) for u in expected)
                                      and not self.bench and self.stray_g == 0)
        return self.result

    # -- bookkeeping

    def _do(self, outcome: Outcome) -> Outcome:
        self._seen(outcome)
        return outcome

    def _seen(self, outcome: Outcome) -> None:
        r = self.result
        r.actions += 1
        kinds = [kind for kind, _ in outcome.events]
        r.overrides += kinds.count(ev.PACK_OVERRIDE)
        if ev.PACK_CLOSED in kinds and r.injected is not None and not r.catches:
            r.labelled_before_catch = True
        code = outcome.code
        if outcome.ok and code != "recheck_started":
            return
        if code in BENIGN_CODES:
            return
        if r.injected is None:
            r.false_alarms.append(code)
            return
        r.catches.append(code)
        r.caught_by.append("weight" if code == "recheck_started" else "verification" if code == "not_verified"
                           else "scan" if code in SCAN_CODES else code)


# ---- the run -------------------------------------------------------------------------------------

@dataclass
class SimulationReport:
    results: list[OrderResult]
    seconds: float

    def of(self, kind: str | None) -> list[OrderResult]:
        return [r for r in self.results if r.injected == kind]

    def escaped(self) -> list[OrderResult]:
        """Injected errors not caught before a label, or a closed pack holding the wrong units."""
        return [r for r in self.results if r.injected and (not r.caught or (r.ended == "closed" and not r.content_ok))]

    def blocked(self) -> list[OrderResult]:
        """Clean orders that did not close on their own, or raised an alarm, or needed an override."""
        return [r for r in self.results if r.injected is None
                and (r.ended != "closed" or r.false_alarms or r.overrides or not r.content_ok)]


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


def run_simulation(seed: int = 7, orders: int = 520, error_rate: float = 0.4,
                   settings: PackingSettings | None = None) -> SimulationReport:
    """Generate ``orders`` orders from ``seed``, inject errors into about ``error_rate`` of them, pack them all."""
    rng = random.Random(seed)
    settings = settings or PackingSettings()
    catalogue = make_catalogue(rng)
    line_ids = [0]
    stream = [make_order(rng, n, catalogue, line_ids) for n in range(orders)]
    started = time.perf_counter()
    results = []
    for order in stream:
        began = time.perf_counter()
        plan = build_plan(order.info, order.lines, BOXES, settings)
        tote, injection = list(order.units), None
        if rng.random() < error_rate:
            made = inject(rng, rng.choice(ERROR_KINDS), order, stream, catalogue, plan)
            if made is not None:
                tote, injection = made
        result = Packer(rng, settings).pack(plan, tote, injection, order.units)
        result.seconds = time.perf_counter() - began
        results.append(result)
    return SimulationReport(results, time.perf_counter() - started)
