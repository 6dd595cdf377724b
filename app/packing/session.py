"""PackSession: the packer's double verification, driven by scans, taps and the scale.

VERIFY (every unit scanned again; the box barcode any time) -> BOX (when the parcel has no
confirmed box) -> WEIGH -> [RECHECK -> WEIGH when the weight is off] -> INSERTS (only when the
plan has some) -> LABEL (the countdown; the GUI calls ``close()`` when it runs out) -> CLOSED.
Multi-parcel: ``open_parcel()`` sends the current parcel to WEIGH; the next units go to the new one.

Every method returns an :class:`Outcome`. A refusal changes nothing and records nothing, and
its code stays in ``view().last_error`` until the next accepted action. An accepted action
carries the events to record, already applied to this session; ``apply`` replays recorded
events (crash resume), so a replayed session equals the live one (``snapshot()``).

Not recorded, hence lost by a crash (the packer simply does it again): a serial-tracked unit
waiting for its serial scan, and a countdown restarted with DONE after the packer stopped it
(a resumed station never prints on its own after a stop).

Undo (CMD-UNDO or ``undo()``) takes back the last unit, box, parcel opened or inserts
confirmation, at any step until the pack closes, also during the countdown (the step goes
back, which stops it). What that action led to goes back with it: undoing the last unit of a
weighed parcel means weighing it again. A recheck, an override and the close cannot be undone.

Not thread-safe: one station's GUI thread drives it (the store records the events).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.packing import events as ev
from app.packing.model import PackConfig, PackPlan
from app.packing.outcome import LineView, Outcome, PackView, Step, refused
from app.packing.session_parcel import ParcelMixin
from app.packing.session_units import UnitsMixin
from app.packing.state import PackState, str_keys
from app.picking.events import status_changed
from app.scanning.classify import Scan, ScanKind
from app.scanning.commands import Command


class PackSession(UnitsMixin, ParcelMixin):
    """Not thread-safe: the GUI thread drives it."""

    def __init__(self, today: date) -> None:
        self.today = today  # not part of the state
        self.state = PackState()
        self.last_error: str | None = None
        # Transient (not recorded): a serial-tracked unit scanned, waiting for its serial.
        self._awaiting: dict[str, Any] | None = None
        # Transient: DONE restarted the countdown after the packer had stopped it.
        self._countdown_restarted = False

    # ---- starting and replaying ------------------------------------------------------------------

    @classmethod
    def start(cls, plan: PackPlan, config: PackConfig, *, packer: str, today: date) -> tuple[PackSession, Outcome]:
        session = cls(today)
        number = plan.order.number
        events: list[ev.Event] = [
            (ev.PACK_STARTED, {"order": number, "plan": plan.as_json(), "config": config.as_json(), "packer": packer}),
            status_changed(number, "picked", "packing", None),
        ]
        for event in events:
            session.apply(*event)
        return session, session._accepted("started", events, Step.VERIFY)

    @classmethod
    def replay(cls, events: list[tuple[str, dict]], today: date) -> PackSession:
        session = cls(today)
        for kind, payload in events:
            session.apply(kind, payload)
        return session

    def apply(self, kind: str, payload: dict[str, Any]) -> None:
        self.state.apply(kind, payload)

    def snapshot(self) -> dict[str, Any]:
        return self.state.snapshot()

    # ---- what the screen needs --------------------------------------------------------------------

    def countdown_running(self) -> bool:
        return self.state.step == Step.LABEL and (not self.state.progress.print_held or self._countdown_restarted)

    def view(self) -> PackView:
        s = self.state
        prog = s.progress
        plan = s.plan
        assert plan is not None, "a pack is started (or replayed from pack.started) before it is shown"
        step = s.step
        seq = s.active_seq
        parcel = s.parcel(seq)
        lines = tuple(
            LineView(line.line_id, line.sku, line.name, line.image, line.quantity, prog.verified.get(line.line_id, 0),
                     tuple(s.serials(line.line_id)), ", ".join(lot.lot for lot in line.lots) or None)
            for line in plan.lines
        )
        return PackView(
            order=s.order, step=step, lines=lines,
            units_verified=sum(prog.verified.values()), units_total=sum(line.quantity for line in plan.lines),
            parcel=seq, parcel_count=max(len(prog.parcels), len(plan.parcels)),
            box=parcel.box, suggested_box=s.suggested_box(seq),
            expected_weight_g=s.expected_g(seq), weight_g=parcel.grams,
            carrier=plan.carrier.carrier, service=plan.carrier.service, delivery_mode=plan.order.delivery_mode,
            inserts=tuple(i.code for i in plan.inserts) if step == Step.INSERTS else (),
            gift_message=plan.order.gift_message,
            serial_wanted=s.lines[self._awaiting["line_id"]].sku if self._awaiting else None,
            last_error=self.last_error,
            can_undo=bool(s.undo_stack or self._awaiting) and prog.ended is None,
            overridden=bool(prog.missing_overridden) or prog.weight_overridden,
            countdown_s=s.config.print_delay_s if self.countdown_running() else None,
        )

    def parcels(self) -> list[dict[str, Any]]:
        """The parcels as ``pack.closed`` carries them ({line_id: n} keyed by str, as in every payload);
        ``sscc`` None: the store takes one from the station's pool for each. A B2B plan with a pallet
        gets one more entry, kind ``pallet``, for the pallet label (its weight: the cartons')."""
        s = self.state
        assert s.plan is not None
        kind = "carton" if s.plan.order.channel == "b2b" else "parcel"
        out: list[dict[str, Any]] = [
            {"seq": p.seq, "box": p.box, "grams": p.grams, "items": str_keys(p.contents()), "kind": kind, "sscc": None}
            for p in s.progress.parcels
        ]
        if s.plan.pallet:
            grams = [p["grams"] for p in out]
            out.append({"seq": len(out) + 1, "box": None, "grams": None if None in grams else sum(grams),
                        "items": {}, "kind": "pallet", "sscc": None})
        return out

    # ---- scans --------------------------------------------------------------------------------------

    def handle(self, scan: Scan) -> Outcome:
        return self._remember(self._handle(scan))

    def _handle(self, scan: Scan) -> Outcome:
        if scan.kind == ScanKind.MISREAD:
            return refused("misread", reason=scan.reason)
        if scan.kind == ScanKind.COMMAND:
            return self._command(scan.command)
        if self.state.progress.ended:
            return refused("already_closed")
        if self._awaiting is not None:
            return self._serial_scan(scan)
        if scan.kind == ScanKind.CODE and (box := self.state.box_option(scan.value)) is not None:
            return self._choose_box(box.code, scanned=True)
        if scan.kind in (ScanKind.PRODUCT, ScanKind.CODE):
            return self._product(scan)
        return refused("unexpected_scan", kind=str(scan.kind))

    def _command(self, command: Command | None) -> Outcome:
        if command not in (Command.UNDO, Command.DONE, Command.CANCEL):
            # REPRINT, LOGOUT, NEXT belong to the GUI; PAUSE and SHORT mean nothing here.
            return refused("unexpected_scan", kind="command", command=str(command))
        if self.state.progress.ended:
            return refused("already_closed")
        step = self.state.step
        if command == Command.UNDO:
            return self._undo()
        if command == Command.DONE:
            if step == Step.INSERTS:
                return self._confirm_inserts(False)
            if step == Step.LABEL:
                return self._restart_countdown()
            return refused("wrong_step", step=str(step))
        # CANCEL stops the countdown; anywhere else the GUI asks "cancel the pack?" and calls cancel_pack.
        if step == Step.LABEL:
            return self._cancel_print()
        return refused("wrong_step", step=str(step))

    # ---- undo ----------------------------------------------------------------------------------------

    def undo(self) -> Outcome:
        return self._remember(self._undo())

    def _undo(self) -> Outcome:
        s = self.state
        if s.progress.ended:
            return refused("already_closed")
        if self._awaiting is not None:  # nothing recorded yet: forget the unit waiting for its serial
            self._awaiting = None
            return Outcome(True, "undone", {"kind": "serial_wait"})
        if not s.undo_stack:
            return refused("nothing_to_undo")
        n, kind, _, _ = s.undo_stack[-1]
        events: list[ev.Event] = []
        self._emit(events, ev.PACK_UNDONE, {"of": n, "kind": kind})
        return self._accepted("undone", events, None, kind=kind)

    # ---- plumbing ------------------------------------------------------------------------------------

    def _emit(self, events: list[ev.Event], kind: str, payload: dict[str, Any], numbered: bool = True) -> None:
        """Number an event (``n``, the action's number within the pack), apply it, keep it to record."""
        if numbered:
            payload = {"n": self.state.next_n, "order": self.state.order, **payload}
        self.apply(kind, payload)
        events.append((kind, payload))

    def _accepted(self, code: str, events: list[ev.Event], step_before: Step | None, **args: Any) -> Outcome:
        """An accepted action, its events applied: say what the GUI should ask for next."""
        self._awaiting = None
        if not self.state.progress.print_held:
            self._countdown_restarted = False  # nothing stopped: nothing to remember having restarted
        step = self.state.step
        needs = None
        if step == Step.LABEL and step_before != Step.LABEL and self.countdown_running():
            needs = "countdown"
            args = {**args, "countdown_s": self.state.config.print_delay_s}
        elif step == Step.WEIGH:
            needs = "weight"
        elif self.quantity_entry_available():
            needs = "quantity_entry_available"
            line_id = self.state.progress.last_line
            assert line_id is not None
            args = {**args, "keyed_sku": self.state.lines[line_id].sku, "keyed_max": self._room(line_id)}
        return Outcome(True, code, args, events, needs)

    def _remember(self, outcome: Outcome) -> Outcome:
        if not outcome.ok:
            self.last_error = outcome.code
        elif outcome.code == "recheck_started":
            self.last_error = "weight_out_of_tolerance"  # stays on screen while the parcel is checked again
        else:
            self.last_error = None
        return outcome
