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
The catalogue, orders, totes, scale lines and injections are in tests/support/pack_orders.py.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from dataclasses import dataclass, field

from app.config_packing import PackingSettings
from app.packing import events as ev
from app.packing.model import PackPlan
from app.packing.outcome import Outcome, Step
from app.packing.plan import build_plan
from app.packing.session import PackSession
from app.scanning.classify import classify
from tests.support.pack_orders import (
    BOX_BY_CODE, BOXES, ERROR_KINDS, TARE_SPREAD, TODAY, Injection, Unit, barcode, inject, make_catalogue,
    make_order, mt_sics_line, read_mt_sics,
)

__all__ = ["ERROR_KINDS", "OrderResult", "Packer", "SimulationReport", "mt_sics_line", "read_mt_sics", "run_simulation"]


# What a refusal says about the error it caught.
SCAN_CODES = frozenset({"wrong_product", "extra_unit", "lot_mismatch", "lot_needed", "serial_repeated",
                        "serial_needed", "not_a_serial", "invalid_quantity", "empty_parcel", "box_needed",
                        "box_too_small", "box_too_light", "unknown_box"})
# Refusals that catch nothing: the scale still settling.
BENIGN_CODES = frozenset({"weight_unstable"})


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


def run_simulation(seed: int = 7, orders: int = 600, error_rate: float = 0.4,
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
