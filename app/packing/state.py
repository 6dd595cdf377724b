"""The state of one pack, changed only by applying events.

As in picking (app.picking.state), the live session validates an action, builds its events
and applies them to itself, and a replay after a crash applies the very same events, so the
two are equal by construction (``snapshot()``; a property test checks it).

What changes is one :class:`~app.packing.session_progress.Progress` value. Undo keeps, with each undoable action, the
Progress as it was before that action, and ``pack.undone`` puts it back: that also takes
back whatever the action led to afterwards (a parcel weighed after the unit now undone
must be weighed again; a stopped countdown starts afresh). Decisions that are audited
(``pack.recheck_started``, ``pack.override``) and the end of the pack clear the undo stack:
nothing before them can be taken back with a scan.

The step is derived from the progress, never stored: a replayed pack cannot disagree with
itself about where the packer is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.domain.events import ORDER_STATUS_CHANGED
from app.packing import events as ev
from app.packing.model import BoxOption, PackConfig, PackLine, PackPlan
from app.packing.outcome import Step
from app.packing.session_progress import (ParcelProgress, Progress, Recheck, add_units, int_keys, plain,  # noqa: F401
                                          str_keys)
from app.packing.weight import expected_weight


@dataclass
class PackState:
    order: str = ""
    plan: PackPlan | None = None
    config: PackConfig = field(default_factory=PackConfig)
    packer: str = ""
    lines: dict[int, PackLine] = field(default_factory=dict)
    progress: Progress = field(default_factory=Progress)
    # (n, kind, payload, progress before): what undo can take back, newest last.
    undo_stack: list[tuple[int, str, dict[str, Any], Progress]] = field(default_factory=list)
    next_n: int = 1
    _plan_json: dict[str, Any] | None = None  # the plan as recorded, for snapshots

    # ---- derived ------------------------------------------------------------------------------

    def parcel(self, seq: int) -> ParcelProgress:
        return self.progress.parcels[seq - 1]

    @property
    def active_seq(self) -> int:
        """The parcel the packer works on: rechecked, else waiting for its weight, else being filled."""
        p = self.progress
        if p.recheck is not None:
            return p.recheck.parcel
        if p.sealing is not None:
            return p.sealing
        return p.current

    def remaining(self, line_id: int) -> int:
        """Units of the line still to verify (a verification override counts them as done)."""
        line = self.lines[line_id]
        return line.quantity - self.progress.verified.get(line_id, 0) - self.progress.missing_overridden.get(line_id, 0)

    def missing(self) -> dict[int, int]:
        return {line_id: self.remaining(line_id) for line_id in self.lines if self.remaining(line_id) > 0}

    def all_verified(self) -> bool:
        return not self.missing()

    def lot_units(self, line_id: int) -> dict[str | None, int]:
        out: dict[str | None, int] = {}
        for c in self.progress.captures:
            if c["line_id"] == line_id:
                out[c["lot"]] = out.get(c["lot"], 0) + c["quantity"]
        return out

    def serials(self, line_id: int | None = None) -> list[str]:
        return [c["serial"] for c in self.progress.captures
                if c["serial"] and (line_id is None or c["line_id"] == line_id)]

    def box_option(self, code: str | None) -> BoxOption | None:
        if code is None or self.plan is None:
            return None
        wanted = code.strip().upper()
        return next((b for b in self.plan.boxes if b.code.strip().upper() == wanted), None)

    def suggested_box(self, seq: int) -> str | None:
        if self.plan is None:
            return None
        return next((p.box for p in self.plan.parcels if p.seq == seq), None)

    def expected_g(self, seq: int) -> int | None:
        """The parcel's expected weight with its confirmed box (else the suggested one)."""
        parcel = self.parcel(seq)
        box = self.box_option(parcel.box or self.suggested_box(seq))
        return expected_weight(parcel.contents(), self.lines, box.tare_g if box else None)

    @property
    def step(self) -> Step:
        p = self.progress
        if p.ended == "closed":
            return Step.CLOSED
        if p.ended == "cancelled":
            return Step.CANCELLED
        if p.recheck is not None:
            return Step.RECHECK
        if p.sealing is not None:
            return Step.WEIGH
        if not self.all_verified():
            return Step.VERIFY
        current = self.parcel(p.current)
        if current.box is None:
            return Step.BOX
        if current.grams is None:
            return Step.WEIGH
        if self.plan is not None and self.plan.inserts and not p.inserts_done:
            return Step.INSERTS
        return Step.LABEL

    def snapshot(self) -> dict[str, Any]:
        """Everything that defines the pack, as plain data: equal snapshots, equal packs."""
        return {
            "order": self.order, "plan": self._plan_json, "config": self.config.as_json(), "packer": self.packer,
            "progress": plain(self.progress),
            "undo": [(n, kind, payload, plain(before)) for n, kind, payload, before in self.undo_stack],
            "next_n": self.next_n, "step": str(self.step),
        }

    # ---- apply ----------------------------------------------------------------------------------

    def apply(self, kind: str, payload: dict[str, Any]) -> None:
        handler = _APPLY.get(kind)
        if handler is None:
            raise ValueError(f"a pack cannot apply an event of kind {kind!r}")
        if "n" in payload:
            self.next_n = max(self.next_n, int(payload["n"]) + 1)
        handler(self, payload)

    def _push(self, kind: str, p: dict[str, Any]) -> None:
        self.undo_stack.append((p["n"], kind, p, self.progress.clone()))

    def _started(self, p: dict[str, Any]) -> None:
        self.order = p["order"]
        self.plan = PackPlan.from_json(p["plan"])
        self._plan_json = self.plan.as_json()
        self.config = PackConfig.from_json(p["config"])
        self.packer = p["packer"]
        self.lines = {line.line_id: line for line in self.plan.lines}
        self.progress = Progress(status=self.progress.status)
        self.undo_stack.clear()

    def _unit(self, p: dict[str, Any]) -> None:
        self._push(ev.PACK_UNIT, p)
        prog = self.progress
        line_id, quantity, seq = int(p["line_id"]), int(p["quantity"]), int(p["parcel"])
        add_units(prog.verified, line_id, quantity)
        add_units(self.parcel(seq).items, line_id, quantity)
        prog.captures.append({"n": p["n"], "line_id": line_id, "quantity": quantity, "lot": p.get("lot"),
                              "expiry": p.get("expiry"), "serial": p.get("serial"), "parcel": seq})
        prog.last_line = line_id
        if prog.recheck is not None and prog.recheck.parcel == seq:
            add_units(prog.recheck.left, line_id, -quantity)
            if not prog.recheck.left:
                prog.recheck = None

    def _box_confirmed(self, p: dict[str, Any]) -> None:
        self._push(ev.PACK_BOX_CONFIRMED, p)
        self.parcel(int(p["parcel"])).box = p["box"]

    def _parcel_opened(self, p: dict[str, Any]) -> None:
        self._push(ev.PACK_PARCEL_OPENED, p)
        prog = self.progress
        seq = int(p["parcel"])
        prog.sealing = prog.current
        prog.parcels.append(ParcelProgress(seq))
        prog.current = seq
        prog.last_line = None  # a new parcel: the next product is scanned before any keyed quantity

    def _weighed(self, p: dict[str, Any]) -> None:
        prog = self.progress
        seq = int(p["parcel"])
        parcel = self.parcel(seq)
        if p["within"]:
            parcel.grams, parcel.failed = int(p["grams"]), None
            if prog.sealing == seq:
                prog.sealing = None
            prog.print_held = False
        else:
            parcel.failed = {"grams": int(p["grams"]), "expected_g": p.get("expected_g")}

    def _recheck_started(self, p: dict[str, Any]) -> None:
        self.undo_stack.clear()
        prog = self.progress
        seq = int(p["parcel"])
        units = int_keys(p["units"])
        parcel = self.parcel(seq)
        for line_id, n in units.items():
            add_units(prog.verified, line_id, -n)
            add_units(parcel.items, line_id, -n)
        # The parcel's lots and serials are read again with its units.
        prog.captures = [c for c in prog.captures if c["parcel"] != seq]
        prog.recheck = Recheck(seq, units) if units else None
        prog.last_line = None

    def _override(self, p: dict[str, Any]) -> None:
        self.undo_stack.clear()
        if p["what"] == "verification":
            prog = self.progress
            parcel = self.parcel(prog.current)
            for line_id, n in int_keys(p["missing"]).items():
                add_units(prog.missing_overridden, line_id, n)
                add_units(parcel.unverified, line_id, n)
            return
        seq = int(p["parcel"])
        prog = self.progress
        parcel = self.parcel(seq)
        if prog.recheck is not None and prog.recheck.parcel == seq:
            # Accepted as it is: the units not scanned again stay in the parcel, unverified (the
            # line's verified count is what was scanned, as the store counts it), like a
            # verification override.
            for line_id, n in prog.recheck.left.items():
                add_units(prog.missing_overridden, line_id, n)
                add_units(parcel.unverified, line_id, n)
            prog.recheck = None
        parcel.grams, parcel.failed = int(p["grams"]), None
        if prog.sealing == seq:
            prog.sealing = None
        prog.weight_overridden = True
        prog.print_held = False

    def _inserts_done(self, p: dict[str, Any]) -> None:
        self._push(ev.PACK_INSERTS_DONE, p)
        self.progress.inserts_done = True
        self.progress.gift_wrapped = bool(p.get("gift_wrapped"))
        self.progress.print_held = False

    def _print_cancelled(self, p: dict[str, Any]) -> None:
        self.progress.print_held = True

    def _undone(self, p: dict[str, Any]) -> None:
        n, kind, payload, before = self.undo_stack.pop()
        if n != p["of"]:
            raise ValueError(f"pack.undone of action {p['of']} but the last undoable action is {n}")
        status = self.progress.status
        self.progress = before
        self.progress.status = status

    def _closed(self, p: dict[str, Any]) -> None:
        self.undo_stack.clear()
        self.progress.ended = "closed"

    def _cancelled(self, p: dict[str, Any]) -> None:
        self.undo_stack.clear()
        self.progress.ended = "cancelled"

    def _status_changed(self, p: dict[str, Any]) -> None:
        if p["order"] == self.order:
            self.progress.status = p["to"]


_APPLY = {
    ev.PACK_STARTED: PackState._started,
    ev.PACK_UNIT: PackState._unit,
    ev.PACK_BOX_CONFIRMED: PackState._box_confirmed,
    ev.PACK_PARCEL_OPENED: PackState._parcel_opened,
    ev.PACK_WEIGHED: PackState._weighed,
    ev.PACK_RECHECK_STARTED: PackState._recheck_started,
    ev.PACK_OVERRIDE: PackState._override,
    ev.PACK_INSERTS_DONE: PackState._inserts_done,
    ev.PACK_PRINT_CANCELLED: PackState._print_cancelled,
    ev.PACK_UNDONE: PackState._undone,
    ev.PACK_CLOSED: PackState._closed,
    ev.PACK_CANCELLED: PackState._cancelled,
    ORDER_STATUS_CHANGED: PackState._status_changed,
}
