"""Verifying units: product scans, lots, serial numbers and keyed quantities (PackSession's part).

A product scan is a GTIN (any GTIN of the line's product, with GS1 AIs 10 lot, 17 expiry,
21 serial, 37 count) or a plain code equal to the line's SKU. Refusals, each with its code:

- ``wrong_product``: no line of the order is that product;
- ``extra_unit``: the line is already fully verified (or, while a parcel is rechecked, that
  parcel holds no more of it), or a count larger than what is left;
- ``lot_mismatch``: a lot that was not picked for the line, or more units of that lot than
  were picked; ``lot_needed``: a lot-tracked line with several lots picked and no lot read
  (with one lot picked, that lot is taken);
- ``serial_repeated``: a serial number already captured in this order (whatever the product:
  the same unit scanned twice); ``serial_needed``: a count scan of a serial-tracked product.

A serial-tracked unit scanned without its serial waits (``serial_wanted``, needs "serial") for
the next scan: a plain code is taken as the serial; UNDO forgets the waiting unit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.packing import events as ev
from app.packing.model import PackLine
from app.packing.outcome import Outcome, Step, refused
from app.scanning.classify import Scan, ScanKind
from app.scanning.rules import PrefixRules

if TYPE_CHECKING:
    from app.packing.session import PackSession


def _same_code(a: str, b: str) -> bool:
    return PrefixRules.normalise(a) == PrefixRules.normalise(b)


def matches(scan: Scan, line: PackLine) -> bool:
    if scan.kind == ScanKind.PRODUCT:
        return scan.gtin in line.gtins
    return _same_code(scan.value, line.sku) or (scan.value.isdigit() and scan.value.zfill(14) in line.gtins)


class UnitsMixin:
    def _room(self: PackSession, line_id: int) -> int:
        """Units of the line that can still be scanned now."""
        s = self.state
        step = s.step
        if step == Step.RECHECK:
            assert s.progress.recheck is not None
            return s.progress.recheck.left.get(line_id, 0)
        if step == Step.VERIFY:
            return s.remaining(line_id)
        return 0

    def _product(self: PackSession, scan: Scan) -> Outcome:
        s = self.state
        assert s.plan is not None
        candidates = [line for line in s.plan.lines if matches(scan, line)]
        if not candidates:
            if scan.kind == ScanKind.CODE and s.step == Step.BOX:
                return refused("unknown_box", box=scan.value)  # a box is what is asked for here
            return refused("wrong_product", got=scan.value)
        if s.step == Step.WEIGH and s.progress.sealing is not None:
            # The parcel just closed is weighed before anything goes into the next one.
            return refused("wrong_step", step=str(Step.WEIGH), parcel=s.progress.sealing)
        line = next((c for c in candidates if self._room(c.line_id) > 0), None)
        if line is None:
            first = candidates[0]
            return refused("extra_unit", sku=first.sku, quantity=first.quantity, parcel=s.active_seq)
        room = self._room(line.line_id)
        quantity = 1 if scan.count is None else scan.count
        if quantity < 1:
            return refused("invalid_quantity", quantity=quantity)
        if quantity > room:
            return refused("extra_unit", sku=line.sku, quantity=quantity, left=room)
        lot = self._lot_for(line, scan.lot, scan.expiry, quantity)
        if isinstance(lot, Outcome):
            return lot
        if line.serial_tracked and quantity > 1:
            return refused("serial_needed", sku=line.sku)
        if scan.serial:
            if scan.serial in s.serials():
                return refused("serial_repeated", serial=scan.serial)
        elif line.serial_tracked:
            self._awaiting = {"line_id": line.line_id, "lot": lot[0], "expiry": lot[1]}
            return Outcome(True, "serial_wanted", {"sku": line.sku}, needs="serial")
        source = "scan" if scan.count is None else "gs1_count"
        return self._record_unit(line, quantity, source, lot[0], lot[1], scan.serial)

    def _lot_for(self: PackSession, line: PackLine, lot: str | None, expiry: Any,
                 quantity: int) -> tuple[str | None, str | None] | Outcome:
        """The lot (and expiry, ISO) the units are of, or the refusal."""
        picked = {p.lot: p for p in line.lots}
        iso = expiry.isoformat() if expiry is not None else None
        if lot is not None:
            if not picked:
                return lot, iso  # the plan does not say which lots were picked: nothing to compare
            if lot not in picked:
                return refused("lot_mismatch", sku=line.sku, lot=lot, picked=sorted(picked), reason="not_picked")
            already = self.state.lot_units(line.line_id).get(lot, 0)
            if already + quantity > picked[lot].quantity:
                return refused("lot_mismatch", sku=line.sku, lot=lot, picked=sorted(picked), reason="more_than_picked")
            chosen = picked[lot]
            return lot, iso or (chosen.expiry.isoformat() if chosen.expiry else None)
        if len(picked) == 1:
            only = next(iter(picked.values()))  # one lot in the tote: no doubt which
            return only.lot, only.expiry.isoformat() if only.expiry else None
        if line.lot_tracked and picked:
            return refused("lot_needed", sku=line.sku, picked=sorted(picked))
        return None, iso

    def _serial_scan(self: PackSession, scan: Scan) -> Outcome:
        s = self.state
        waiting = self._awaiting
        assert waiting is not None and s.plan is not None
        line = s.lines[waiting["line_id"]]
        serial: str | None = None
        if scan.kind == ScanKind.PRODUCT and scan.serial and matches(scan, line):
            serial = scan.serial
        elif scan.kind == ScanKind.CODE:
            is_known = s.box_option(scan.value) is not None or any(matches(scan, x) for x in s.plan.lines)
            serial = None if is_known else scan.value
        if serial is None:
            return refused("not_a_serial", sku=line.sku, got=scan.value)
        if serial in s.serials():
            return refused("serial_repeated", serial=serial)
        return self._record_unit(line, 1, "scan", waiting["lot"], waiting["expiry"], serial)

    def _record_unit(self: PackSession, line: PackLine, quantity: int, source: str, lot: str | None,
                     expiry: str | None, serial: str | None) -> Outcome:
        s = self.state
        step_before = s.step
        events: list[ev.Event] = []
        self._emit(events, ev.PACK_UNIT, {
            "line_id": line.line_id, "sku": line.sku, "quantity": quantity, "parcel": s.active_seq,
            "source": source, "lot": lot, "expiry": expiry, "serial": serial,
        })
        verified = s.progress.verified.get(line.line_id, 0)
        return self._accepted("ok_serial" if serial else "ok_unit", events, step_before, sku=line.sku,
                              quantity=quantity, verified=verified, total=line.quantity, serial=serial)

    # ---- keypad ---------------------------------------------------------------------------------------

    def quantity_entry_available(self: PackSession) -> bool:
        """A keyed quantity continues the product in hand (its line, its lot) when that line has at
        least ``quantity_threshold`` units left to scan; never for serial-tracked products."""
        s = self.state
        line_id = s.progress.last_line
        if self._awaiting is not None or line_id is None or s.step not in (Step.VERIFY, Step.RECHECK):
            return False
        return not s.lines[line_id].serial_tracked and self._room(line_id) >= s.config.quantity_threshold

    def confirm_quantity(self: PackSession, n: int) -> Outcome:
        """``n`` more units of the product in hand, keyed in and confirmed on the keypad."""
        return self._remember(self._confirm_quantity(n))

    def _confirm_quantity(self: PackSession, n: int) -> Outcome:
        s = self.state
        if s.progress.ended:
            return refused("already_closed")
        if not self.quantity_entry_available():
            return refused("quantity_entry_unavailable")
        assert s.progress.last_line is not None
        line = s.lines[s.progress.last_line]
        room = self._room(line.line_id)
        if not 1 <= n <= room:
            return refused("invalid_quantity", quantity=n, max=room)
        last = next((c for c in reversed(s.progress.captures) if c["line_id"] == line.line_id), None)
        lot = last["lot"] if last else None
        expiry = last["expiry"] if last else None
        if lot is not None and any(p.lot == lot for p in line.lots):
            picked = next(p for p in line.lots if p.lot == lot)
            if s.lot_units(line.line_id).get(lot, 0) + n > picked.quantity:
                return refused("lot_mismatch", sku=line.sku, lot=lot, reason="more_than_picked",
                               picked=sorted(p.lot for p in line.lots))
        return self._record_unit(line, n, "keyed", lot, expiry, None)
