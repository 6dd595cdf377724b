"""The short-pick flow: the location does not hold what the route expected.

reason (location_empty | damaged | not_found) → the quantity found there (taken, 0..remaining)
→ recorded: the units found, ``pick.short``, ``stock.corrected`` (the location holds nothing
more of it) and ``cycle_count.requested`` → if other stock of the product remains, an
alternative location is offered: accepted, it becomes a new task in route order; declined
or none, the line stays short and the order goes to the configured status when it ends.

The reason and quantity dialog is not recorded until it completes: a crash in the middle
simply shows the task again. The offer is recorded (inside ``pick.short``): a crash while
it is on screen shows it again.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from app.picking import events as ev
from app.picking.outcome import Outcome, Step, refused
from app.picking.route import candidate_order

if TYPE_CHECKING:
    from app.picking.session import PickSession


class ShortPickMixin:
    def start_short(self: PickSession) -> Outcome:
        return self._remember(self._start_short())

    def _start_short(self: PickSession) -> Outcome:
        if self.state.paused:
            return refused("paused")
        if self._short_stage or self.state.offer:
            return refused("short_in_progress")
        step = self.state.cursor.step
        if step == Step.TOTE and self.state.cursor.pending:
            return refused("scan_tote_first", tote=self.state.totes.get(self.state.task.order))
        if step not in (Step.LOCATION, Step.PRODUCT, Step.TOTE):
            return refused("nothing_to_short")
        self._short_stage, self._short_reason = "reason", None
        return Outcome(True, "short_started", {"reasons": list(ev.SHORT_REASONS)}, needs="short_reason")

    def short_reason(self: PickSession, reason: str) -> Outcome:
        if self._short_stage != "reason":
            return self._remember(refused("nothing_to_short"))
        if reason not in ev.SHORT_REASONS:
            return self._remember(refused("invalid_reason", reason=reason))
        self._short_stage, self._short_reason = "found", reason
        return self._remember(Outcome(True, "short_reason_given", {"max": self.state.remaining(self.state.task)},
                                      needs="short_found"))

    def short_found(self: PickSession, found: int) -> Outcome:
        return self._remember(self._short_found(found))

    def _short_found(self: PickSession, found: int) -> Outcome:
        s = self.state
        if self._short_stage != "found":
            return refused("nothing_to_short")
        task = s.task
        assert task is not None and self._short_reason is not None
        expected = s.remaining(task)
        if not 0 <= found <= expected:
            return refused("invalid_quantity", quantity=found, max=expected)
        if found and task.lot_tracked:
            # Their lot and expiry must be read (an expired lot refused): scan the units found,
            # then declare what is still missing. The dialog stays open for that count.
            return refused("lot_needed", sku=task.sku, found=found)
        reason = self._short_reason
        self._short_stage = self._short_reason = None
        events: list[ev.Event] = []
        if found:
            # Taken from the shelf without a scan each (never a lot-tracked product: refused above).
            events.append((ev.PICK_UNIT, self._unit_payload(task, found, "short_found")))
        offer = self._alternative(task, expected - found)
        events += [
            (ev.PICK_SHORT, {"order": task.order, "line_id": task.line_id, "sku": task.sku, "location": task.location,
                             "task": task.id, "reason": reason, "expected": expected, "found": found,
                             "alternative": offer}),
            # The shelf held less than recorded; after taking what was found it holds none of it.
            (ev.STOCK_CORRECTED, {"sku": task.sku, "location": task.location, "lot": None, "quantity": 0,
                                  "reason": reason}),
            (ev.CYCLE_COUNT_REQUESTED, {"location": task.location, "sku": task.sku, "reason": reason}),
        ]
        for event in events:
            self.apply(*event)
        if offer:
            return self._accepted("short_recorded", events, needs="alternative",
                                  location=offer["location"], quantity=offer["quantity"])
        return self._accepted("short_recorded", events)

    def _alternative(self: PickSession, task: Any, missing: int) -> dict[str, Any] | None:
        """Where else the missing units can be found: the same rule as the route's allocation."""
        if missing <= 0:
            return None
        slots = [x for x in self.state.spare if x.sku == task.sku and x.location != task.location and x.quantity > 0]
        if not slots:
            return None
        slot = candidate_order(slots, task.lot_tracked, missing)[0]
        return {"order": task.order, "line_id": task.line_id, "from_task": task.id, "location": slot.location,
                "sequence": slot.sequence, "lot": slot.lot, "expiry": ev.iso_or_none(slot.expiry),
                "quantity": min(slot.quantity, missing)}

    def accept_alternative(self: PickSession, accept: bool) -> Outcome:
        return self._remember(self._accept_alternative(accept))

    def _accept_alternative(self: PickSession, accept: bool) -> Outcome:
        s = self.state
        offer = s.offer
        if s.paused:
            return refused("paused")
        if offer is None:
            return refused("no_alternative_offered")
        if not accept:
            event = (ev.PICK_ALTERNATIVE_DECLINED, {k: offer[k] for k in ("order", "line_id", "location", "quantity")})
            self.apply(*event)
            return self._accepted("alternative_declined", [event])
        source = next(t for t in s.tasks if t.id == offer["from_task"])
        new_task = replace(source, id=max(t.id for t in s.tasks) + 1, location=offer["location"],
                           sequence=offer["sequence"], quantity=offer["quantity"])
        event = (ev.PICK_ALTERNATIVE_ADDED, {"order": offer["order"], "line_id": offer["line_id"],
                                             "location": offer["location"], "quantity": offer["quantity"],
                                             "lot": offer["lot"], "new_task": new_task.as_json()})
        self.apply(*event)
        return self._accepted("alternative_added", [event], location=offer["location"], quantity=offer["quantity"])

    def cancel(self: PickSession) -> Outcome:
        """CMD-CANCEL: closes the short-pick dialog, or declines an offered alternative."""
        if self.state.paused:
            return self._remember(refused("paused"))
        if self.state.offer:
            return self.accept_alternative(False)
        if self._short_stage:
            self._short_stage = self._short_reason = None
            return self._remember(Outcome(True, "short_cancelled"))
        return self._remember(refused("nothing_to_cancel"))
