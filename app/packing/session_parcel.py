"""The parcel: box, more parcels, weight, overrides, inserts, the label countdown, close, cancel.

Box rules (``box_refusal``), simple on purpose and never blocking on what is unknown:

- ``box_too_small``: a unit whose dimensions, both sorted, exceed the box's inner dimensions
  on any axis (it cannot go in, whichever way it is turned), or units whose total volume
  exceeds the box's inner volume. Units with unknown dimensions are left out of both checks;
  a box with an unknown (zero) inner dimension is not checked.
- ``box_too_light``: units weighing more than the box's ``max_weight_g`` (units with an
  unknown weight are left out; a max of 0 means unknown).

The units checked are those already verified into the parcel; before the first one, those the
plan puts in it (the packer usually takes the box first). These refusals are looser than the
suggestion's rule (app.packing.boxes: 85 % fill, tare counted in the maximum), so the box Quai
suggests is never refused: the refusal is for boxes that plainly cannot work.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from app.packing import events as ev
from app.packing.model import BoxOption, PackLine, Reading
from app.packing.outcome import Outcome, Step, refused
from app.packing.state import str_keys
from app.packing.weight import check_weight
from app.picking.events import status_changed

if TYPE_CHECKING:
    from app.packing.session import PackSession


def box_refusal(box: BoxOption, items: Mapping[int, int], lines: Mapping[int, PackLine]) -> tuple[str, dict] | None:
    """Why ``box`` cannot take ``items`` ({line_id: units}), as (code, args), or None when it can."""
    inner = sorted(box.inner_mm)
    check_dims = all(d > 0 for d in inner)
    volume = weight = 0
    for line_id, units in items.items():
        line = lines[int(line_id)]
        if line.dims_mm and all(d > 0 for d in line.dims_mm) and check_dims:
            dims = sorted(line.dims_mm)
            if any(d > i for d, i in zip(dims, inner)):
                return "box_too_small", {"box": box.code, "sku": line.sku, "reason": "unit_too_big"}
            volume += math.prod(dims) * units
        if line.weight_g:
            weight += line.weight_g * units
    if check_dims and volume > math.prod(inner):
        return "box_too_small", {"box": box.code, "reason": "volume", "volume_mm3": volume}
    if box.max_weight_g > 0 and weight > box.max_weight_g:
        return "box_too_light", {"box": box.code, "weight_g": weight, "max_weight_g": box.max_weight_g}
    return None


class ParcelMixin:
    # ---- box --------------------------------------------------------------------------------------

    def choose_box(self: PackSession, code: str, scanned: bool = False) -> Outcome:
        """The packer's box for the parcel being filled: tapped on screen, or scanned (``scanned``)."""
        return self._remember(self._choose_box(code, scanned))

    def _choose_box(self: PackSession, code: str, scanned: bool) -> Outcome:
        s = self.state
        if s.progress.ended:
            return refused("already_closed")
        step = s.step
        if step not in (Step.VERIFY, Step.BOX):
            return refused("wrong_step", step=str(step))
        box = s.box_option(code)
        if box is None:
            return refused("unknown_box", box=code)
        seq = s.progress.current
        parcel = s.parcel(seq)
        if parcel.box == box.code:
            return Outcome(True, "ok_box", {"box": box.code, "parcel": seq})  # the same box again: nothing new
        items = parcel.contents() or next((p.items for p in s.plan.parcels if p.seq == seq), {})
        if (why := box_refusal(box, items, s.lines)) is not None:
            return refused(why[0], **why[1])
        events: list[ev.Event] = []
        self._emit(events, ev.PACK_BOX_CONFIRMED, {"parcel": seq, "box": box.code,
                                                   "suggested": s.suggested_box(seq), "scanned": bool(scanned)})
        return self._accepted("ok_box", events, step, box=box.code, parcel=seq)

    # ---- more parcels ------------------------------------------------------------------------------

    def open_parcel(self: PackSession) -> Outcome:
        """Close the current parcel (it is weighed first) and put the next units in a new one."""
        return self._remember(self._open_parcel())

    def _open_parcel(self: PackSession) -> Outcome:
        s = self.state
        if s.progress.ended:
            return refused("already_closed")
        step = s.step
        if step != Step.VERIFY:
            return refused("wrong_step", step=str(step))
        parcel = s.parcel(s.progress.current)
        if not parcel.contents():
            return refused("empty_parcel", parcel=parcel.seq)
        if parcel.box is None:
            return refused("box_needed", parcel=parcel.seq, suggested=s.suggested_box(parcel.seq))
        events: list[ev.Event] = []
        new = len(s.progress.parcels) + 1
        self._emit(events, ev.PACK_PARCEL_OPENED, {"parcel": new})
        return self._accepted("parcel_opened", events, step, parcel=new, weigh=parcel.seq)

    # ---- weight ------------------------------------------------------------------------------------

    def weigh(self: PackSession, reading: Reading) -> Outcome:
        return self._remember(self._weigh(reading))

    def _weigh(self: PackSession, reading: Reading) -> Outcome:
        s = self.state
        if s.progress.ended:
            return refused("already_closed")
        step = s.step
        if step != Step.WEIGH:
            return refused("wrong_step", step=str(step))
        if reading.source == "manual" and s.config.require_scale:
            return refused("manual_weight_refused")
        if not reading.stable:
            return refused("weight_unstable", grams=reading.grams)
        if reading.grams <= 0:
            return refused("weight_invalid", grams=reading.grams)
        seq = s.active_seq
        check = check_weight(reading.grams, s.expected_g(seq), s.config)
        events: list[ev.Event] = []
        self._emit(events, ev.PACK_WEIGHED, {"parcel": seq, "grams": reading.grams, "expected_g": check.expected_g,
                                             "source": reading.source, "within": check.within})
        args = {"parcel": seq, "grams": reading.grams, "expected_g": check.expected_g,
                "tolerance_g": check.tolerance_g, "difference_g": check.difference_g}
        if check.within:
            return self._accepted("weight_ok", events, step, **args)
        # One outcome, both recorded: the weighing (audit, "errors caught") and the recheck it starts.
        self._emit(events, ev.PACK_RECHECK_STARTED, {"parcel": seq, "units": str_keys(s.parcel(seq).items)})
        return self._accepted("recheck_started", events, step, **args)

    # ---- supervisor ----------------------------------------------------------------------------------

    def override(self: PackSession, what: str, supervisor: str, roles: frozenset[str], reason: str) -> Outcome:
        """A supervisor lets the pack go on: ``verification`` (units left unverified go in the current
        parcel as they are) or ``weight`` (a parcel out of tolerance, accepted at its last reading;
        during its recheck, the units not scanned again stay unverified). Allowed only when there
        is something to override (else ``wrong_step``). The store checks the badge and PIN before
        calling; the role is checked here."""
        return self._remember(self._override(what, supervisor, roles, reason))

    def _override(self: PackSession, what: str, supervisor: str, roles: frozenset[str], reason: str) -> Outcome:
        s = self.state
        if s.progress.ended:
            return refused("already_closed")
        step = s.step
        payload: dict[str, Any]
        if what == "verification":
            if step != Step.VERIFY:
                return refused("wrong_step", step=str(step), what=what)
            payload = {"what": what, "missing": str_keys(s.missing())}
        elif what == "weight":
            seq = s.active_seq
            failed = s.parcel(seq).failed
            if step not in (Step.WEIGH, Step.RECHECK) or failed is None:
                return refused("wrong_step", step=str(step), what=what)
            left = s.progress.recheck.left if s.progress.recheck is not None else {}
            payload = {"what": what, "parcel": seq, "grams": failed["grams"], "expected_g": failed["expected_g"],
                       "unverified": str_keys(left)}
        else:
            return refused("wrong_step", step=str(step), what=what)
        if "supervisor" not in roles:
            return refused("not_a_supervisor", badge=supervisor)
        if not reason.strip():
            return refused("reason_needed")
        events: list[ev.Event] = []
        self._emit(events, ev.PACK_OVERRIDE, {**payload, "supervisor": supervisor, "reason": reason.strip()})
        return self._accepted(f"{what}_overridden", events, step, what=what)

    # ---- inserts, label ------------------------------------------------------------------------------

    def confirm_inserts(self: PackSession, gift_wrapped: bool = False) -> Outcome:
        """Every insert listed is in (or done): the gift wrap too when the order asked for it."""
        return self._remember(self._confirm_inserts(gift_wrapped))

    def _confirm_inserts(self: PackSession, gift_wrapped: bool) -> Outcome:
        s = self.state
        if s.progress.ended:
            return refused("already_closed")
        step = s.step
        if step != Step.INSERTS:
            return refused("wrong_step", step=str(step))
        assert s.plan is not None
        codes = [i.code for i in s.plan.inserts]
        events: list[ev.Event] = []
        self._emit(events, ev.PACK_INSERTS_DONE, {"inserts": codes,
                                                  "gift_wrapped": bool(gift_wrapped) or "gift_wrap" in codes})
        return self._accepted("inserts_done", events, step, inserts=codes)

    def cancel_print(self: PackSession) -> Outcome:
        """Stop the countdown (CMD-CANCEL): nothing prints; DONE starts it again."""
        return self._remember(self._cancel_print())

    def _cancel_print(self: PackSession) -> Outcome:
        s = self.state
        if s.progress.ended:
            return refused("already_closed")
        if not self.countdown_running():
            return refused("wrong_step", step=str(s.step))
        events: list[ev.Event] = []
        self._emit(events, ev.PACK_PRINT_CANCELLED, {})
        self._countdown_restarted = False
        return self._accepted("print_cancelled", events, Step.LABEL)

    def _restart_countdown(self: PackSession) -> Outcome:
        if self.countdown_running():
            return Outcome(True, "print_countdown", {"countdown_s": self.state.config.print_delay_s, "running": True})
        self._countdown_restarted = True
        return Outcome(True, "print_countdown", {"countdown_s": self.state.config.print_delay_s}, needs="countdown")

    def close(self: PackSession) -> Outcome:
        """The countdown ran out: the pack closes, the order is ready to ship; the store fills in the
        SSCCs and prints."""
        return self._remember(self._close())

    def _close(self: PackSession) -> Outcome:
        s = self.state
        if s.progress.ended:
            return refused("already_closed")
        step = s.step
        if step in (Step.VERIFY, Step.RECHECK):
            return refused("not_verified", missing=str_keys(s.missing()))
        if not self.countdown_running():
            return refused("wrong_step", step=str(step))
        assert s.plan is not None
        events: list[ev.Event] = []
        self._emit(events, ev.PACK_CLOSED, {
            "order": s.order, "carrier": s.plan.carrier.carrier, "service": s.plan.carrier.service,
            "parcels": self.parcels(), "packer": s.packer,
        }, numbered=False)
        self._emit(events, *status_changed(s.order, s.progress.status, "ready_to_ship", None), numbered=False)
        return self._accepted("closed", events, step, parcels=len(s.progress.parcels))

    def cancel_pack(self: PackSession, reason: str) -> Outcome:
        """The tote goes back (the GUI asked for confirmation): verification starts over next time."""
        return self._remember(self._cancel_pack(reason))

    def _cancel_pack(self: PackSession, reason: str) -> Outcome:
        s = self.state
        if s.progress.ended:
            return refused("already_closed")
        if not reason.strip():
            return refused("reason_needed")
        events: list[ev.Event] = []
        self._emit(events, ev.PACK_CANCELLED, {"order": s.order, "reason": reason.strip()}, numbered=False)
        self._emit(events, *status_changed(s.order, s.progress.status, "picked", None), numbered=False)
        return self._accepted("pack_cancelled", events, s.step)
