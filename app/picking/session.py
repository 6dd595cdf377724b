"""PickSession: the state machine a picking station drives with scans.

Single order: per task, scan the location (once per run of tasks at one location), then
the product, one scan per unit (or a GS1 count, or a keypad entry on large lines).
Batch: first bind one tote per order, then after product scans, scan the order's tote.

Every method returns an :class:`Outcome`. A refusal changes nothing and records nothing;
an accepted action carries the events to record, already applied to this session.
``apply`` replays recorded events (crash resume): the live path applies the very same
events, so a replayed session equals the live one (``snapshot()``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.picking import events as ev
from app.picking.outcome import Outcome, PickConfig, Step, refused
from app.picking.route import PickTask, Route
from app.picking.short_pick import ShortPickMixin
from app.picking.state import PickState
from app.scanning.classify import Scan, ScanKind
from app.scanning.commands import Command
from app.scanning.rules import PrefixRules


@dataclass(frozen=True)
class TaskView:
    location: str
    sku: str
    name: str
    image: str | None
    quantity: int
    done: int
    remaining: int
    tote: str | None
    order: str


@dataclass(frozen=True)
class PickView:
    """What the screen shows; read it after each outcome."""

    step: Step
    paused: bool
    task: TaskView | None
    bind_order: str | None  # batch, BIND_TOTES: the order whose tote to scan now
    units_done: int
    units_total: int
    task_number: int  # 1-based, for "task 3 of 12"
    task_count: int
    orders_done: int
    orders_total: int
    last_error: str | None
    can_undo: bool
    short_stage: str | None  # reason | found | alternative
    offer: dict[str, Any] | None


def _same_code(a: str, b: str) -> bool:
    return PrefixRules.normalise(a) == PrefixRules.normalise(b)


class PickSession(ShortPickMixin):
    """Not thread-safe: one station's GUI thread drives it (the store records the events)."""

    def __init__(self, today: date) -> None:
        self.today = today  # lots expiring before today are refused; not part of the state
        self.state = PickState()
        self.last_error: str | None = None
        self._short_stage: str | None = None  # reason | found: the dialog, before anything is recorded
        self._short_reason: str | None = None

    # ---- starting and replaying ------------------------------------------------------------

    @classmethod
    def start(cls, route: Route, *, today: date, batch: bool = False, config: PickConfig | None = None,
              totes: dict[str, str] | None = None, orders: list[str] | None = None,
              short_before: set[str] | frozenset[str] = frozenset()) -> tuple[PickSession, Outcome]:
        """A new pick over ``route``. ``totes`` binds orders up front (else batch asks for them).

        ``orders``: the orders claimed for this pick, in order (default: those of the route's
        lines); one with nothing left to pick closes at once. ``short_before``: orders with a
        line already short from an earlier pick (they end in the short policy's status)."""
        config = config or PickConfig()
        session = cls(today)
        numbers = list(dict.fromkeys([*(orders or []), *route.orders]))
        started = (ev.PICK_STARTED, {
            "orders": numbers, "totes": dict(totes or {}) if batch else {}, "route": route.as_json(),
            "batch": batch, "quantity_threshold": config.quantity_threshold,
            "short_policy": str(config.short_policy), "short_before": sorted(set(short_before) & set(numbers)),
        })
        events = [started]
        session.apply(*started)
        # What no location holds is short before anyone walks: record it now, so the line says so.
        for line in route.lines:
            missing = route.unallocated.get(line.line_id, 0)
            if missing:
                short = (ev.PICK_SHORT, {
                    "order": line.order, "line_id": line.line_id, "sku": line.sku, "location": None, "task": None,
                    "reason": ev.NO_STOCK, "expected": missing, "found": 0, "alternative": None,
                })
                session.apply(*short)
                events.append(short)
        return session, session._accepted("started", events)

    @classmethod
    def replay(cls, events: list[ev.Event], today: date) -> PickSession:
        session = cls(today)
        for kind, payload in events:
            session.apply(kind, payload)
        return session

    def apply(self, kind: str, payload: dict[str, Any]) -> None:
        self.state.apply(kind, payload)

    def snapshot(self) -> dict[str, Any]:
        return self.state.snapshot()

    # ---- what the screen needs ----------------------------------------------------------------

    def view(self) -> PickView:
        s = self.state
        task = s.task if s.cursor.step not in (Step.BIND_TOTES, Step.DONE) else None
        task_view = None
        if task is not None:
            done = s.done.get(task.id, 0)
            task_view = TaskView(task.location, task.sku, task.name, task.image, task.quantity, done,
                                 s.remaining(task), s.totes.get(task.order) if s.batch else None, task.order)
        return PickView(
            step=s.cursor.step, paused=s.paused, task=task_view,
            bind_order=s.next_unbound() if s.cursor.step == Step.BIND_TOTES else None,
            units_done=sum(s.done.values()),
            units_total=sum(t.quantity - s.shorted.get(t.id, 0) for t in s.tasks),
            task_number=min(s.cursor.index + 1, len(s.tasks)), task_count=len(s.tasks),
            orders_done=sum(1 for o in s.orders if s.status.get(o) != "picking"), orders_total=len(s.orders),
            last_error=self.last_error, can_undo=bool(s.undo_stack),
            short_stage="alternative" if s.offer else self._short_stage, offer=s.offer,
        )

    def counts(self) -> dict[str, dict[int, dict[str, int]]]:
        """Per order, per line: quantity to pick, picked, short."""
        result: dict[str, dict[int, dict[str, int]]] = {order: {} for order in self.state.orders}
        for line_id, line in self.state.lines.items():
            result.setdefault(line.order, {})[line_id] = self.state.line_counts(line_id)
        return result

    # ---- scans -----------------------------------------------------------------------------------

    def handle(self, scan: Scan) -> Outcome:
        return self._remember(self._handle(scan))

    def _handle(self, scan: Scan) -> Outcome:
        if scan.kind == ScanKind.MISREAD:
            return refused("misread", reason=scan.reason)
        if scan.kind == ScanKind.COMMAND:
            return self._command(scan.command)
        if blocked := self._blocked():
            return blocked
        step = self.state.cursor.step
        if step == Step.BIND_TOTES:
            return self._bind(scan) if scan.kind == ScanKind.TOTE else refused("not_a_tote")
        if step == Step.LOCATION:
            return self._location(scan)
        if step == Step.PRODUCT:
            if scan.kind in (ScanKind.PRODUCT, ScanKind.CODE):
                return self._product(scan)
            return refused("unexpected_scan", kind=str(scan.kind))
        if step == Step.TOTE:
            return self._tote(scan)
        return refused("unexpected_scan", kind=str(scan.kind))

    def _command(self, command: Command | None) -> Outcome:
        if command == Command.UNDO:
            return self.undo()
        if command == Command.PAUSE:
            return self.resume() if self.state.paused else self.pause()
        if command == Command.DONE and self.state.paused:
            return self.resume()
        if command == Command.SHORT_PICK:
            return self.start_short()
        if command == Command.CANCEL:
            return self.cancel()
        # LOGOUT, NEXT, REPRINT belong to the GUI; DONE has nothing to finish here.
        return refused("unexpected_scan", kind="command", command=str(command))

    def _blocked(self) -> Outcome | None:
        if self.state.paused:
            return refused("paused")
        if self._short_stage or self.state.offer:
            return refused("short_in_progress")
        return None

    def _bind(self, scan: Scan) -> Outcome:
        s = self.state
        order = s.next_unbound()
        holder = next((o for o, t in s.totes.items() if t == scan.value), None)
        if holder is not None:
            return refused("tote_in_use", tote=scan.value, order=holder)
        return self._act("ok_bound", ev.PICK_TOTE_BOUND, {"order": order, "tote": scan.value},
                         order=order, tote=scan.value)

    def _location(self, scan: Scan) -> Outcome:
        task = self.state.task
        assert task is not None
        if scan.kind == ScanKind.PRODUCT:
            return refused("scan_location_first", expected=task.location)
        if scan.kind not in (ScanKind.CODE, ScanKind.LOCATION):
            return refused("unexpected_scan", kind=str(scan.kind))
        if _same_code(scan.value, task.location):
            return self._act("ok_location", ev.PICK_LOCATION_CONFIRMED, {"location": task.location, "task": task.id},
                             location=task.location)
        if _same_code(scan.value, task.sku):  # the SKU label: the product, before its location
            return refused("scan_location_first", expected=task.location)
        return refused("wrong_location", expected=task.location, got=scan.value)

    def _matches(self, scan: Scan, task: PickTask) -> bool:
        if scan.kind == ScanKind.PRODUCT:
            return scan.gtin in task.gtins
        return scan.value == task.sku or _same_code(scan.value, task.sku)

    def _product(self, scan: Scan) -> Outcome:
        s = self.state
        task = s.task
        assert task is not None
        if scan.kind == ScanKind.CODE and _same_code(scan.value, task.location):
            return Outcome(True, "ok_location", {"location": task.location})  # a second scan of it: harmless
        if not self._matches(scan, task):
            # The product of a task already complete here: more than the order asks for.
            earlier = s.tasks[:s.cursor.index]
            if any(t.location == task.location and self._matches(scan, t) for t in earlier):
                return refused("over_pick", expected=task.sku, got=scan.value)
            return refused("wrong_product", expected=task.sku, got=scan.value)
        if scan.expiry is not None and scan.expiry < self.today:
            return refused("expired_lot", lot=scan.lot, expiry=scan.expiry.isoformat())
        if task.lot_tracked and not scan.lot:
            return refused("lot_needed", sku=task.sku)
        quantity = 1 if scan.count is None else scan.count
        if quantity < 1:
            return refused("invalid_quantity", quantity=quantity)
        if quantity > s.remaining(task):
            return refused("over_pick", remaining=s.remaining(task), quantity=quantity)
        payload = self._unit_payload(task, quantity, "count" if scan.count is not None else "scan",
                                     lot=scan.lot, expiry=ev.iso_or_none(scan.expiry), serial=scan.serial,
                                     gtin=scan.gtin)
        return self._act("ok_unit", ev.PICK_UNIT, payload, quantity=quantity)

    def _unit_payload(self, task: PickTask, quantity: int, source: str, **capture: Any) -> dict[str, Any]:
        return {"order": task.order, "line_id": task.line_id, "sku": task.sku, "location": task.location,
                "quantity": quantity, "lot": capture.get("lot"), "expiry": capture.get("expiry"),
                "serial": capture.get("serial"), "gtin": capture.get("gtin"), "task": task.id, "source": source}

    def _tote(self, scan: Scan) -> Outcome:
        s = self.state
        task = s.task
        assert task is not None
        if scan.kind in (ScanKind.PRODUCT, ScanKind.CODE):
            # More units of the same product before the tote: one tote scan drops them all.
            if s.remaining(task) > 0:
                return self._product(scan)
            if self._matches(scan, task):
                return refused("over_pick", remaining=0)
            return refused("not_a_tote", expected=s.totes[task.order])
        if scan.kind != ScanKind.TOTE:
            return refused("not_a_tote", expected=s.totes[task.order])
        expected = s.totes[task.order]
        if scan.value != expected:
            holder = next((o for o, t in s.totes.items() if t == scan.value), None)
            return refused("wrong_tote", expected=expected, got=scan.value, order=holder)
        payload = {"order": task.order, "tote": expected, "task": task.id, "quantity": s.cursor.pending}
        return self._act("ok_tote", ev.PICK_TOTE_CONFIRMED, payload, tote=expected)

    # ---- keypad ------------------------------------------------------------------------------------

    def quantity_entry_available(self) -> bool:
        """Large lines: once one unit has been scanned (the product, and its lot, are proven), the rest
        may be keyed in instead of scanned one by one."""
        s = self.state
        task = s.task
        return (task is not None and s.cursor.step in (Step.PRODUCT, Step.TOTE)
                and task.quantity >= s.config.quantity_threshold and bool(s.captures.get(task.id))
                and s.remaining(task) > 0)

    def confirm_quantity(self, n: int) -> Outcome:
        """Record ``n`` more units of the current task, keyed in and confirmed on the keypad."""
        return self._remember(self._confirm_quantity(n))

    def _confirm_quantity(self, n: int) -> Outcome:
        if blocked := self._blocked():
            return blocked
        if not self.quantity_entry_available():
            return refused("quantity_entry_unavailable")
        s = self.state
        task = s.task
        assert task is not None
        if n < 1:
            return refused("invalid_quantity", quantity=n)
        if n > s.remaining(task):
            return refused("over_pick", remaining=s.remaining(task), quantity=n)
        last = s.captures[task.id][-1]  # the unit in hand: same lot and expiry
        payload = self._unit_payload(task, n, "entry", lot=last["lot"], expiry=last["expiry"], gtin=last["gtin"])
        return self._act("ok_unit", ev.PICK_UNIT, payload, quantity=n)

    # ---- undo, pause ---------------------------------------------------------------------------------

    def undo(self) -> Outcome:
        return self._remember(self._undo())

    def _undo(self) -> Outcome:
        if blocked := self._blocked():
            return blocked
        if not self.state.undo_stack:
            return refused("nothing_to_undo")
        n, kind, payload, _ = self.state.undo_stack[-1]
        event = (ev.PICK_UNDONE, {"of": n, "kind": kind, "undone": payload})
        self.apply(*event)
        return self._accepted("undone", [event], kind=kind)

    def pause(self) -> Outcome:
        if self.state.paused:
            return self._remember(refused("paused"))
        if self.state.cursor.step == Step.DONE:
            return self._remember(refused("unexpected_scan", kind="pause"))
        event = (ev.PICK_PAUSED, {})
        self.apply(*event)
        return self._remember(self._accepted("pick_paused", [event]))

    def resume(self) -> Outcome:
        if not self.state.paused:
            return self._remember(refused("not_paused"))
        event = (ev.PICK_RESUMED, {})
        self.apply(*event)
        return self._remember(self._accepted("pick_resumed", [event]))

    # ---- plumbing ------------------------------------------------------------------------------------

    def _act(self, code: str, kind: str, payload: dict[str, Any], **args: Any) -> Outcome:
        """Apply one accepted action, then whatever it finished (orders), and say what comes next."""
        if kind in ev.UNDOABLE:
            payload = {**payload, "n": self.state.next_n}
        self.apply(kind, payload)
        outcome = self._accepted(code, [(kind, payload)], **args)
        if outcome.ok and outcome.code == code and kind == ev.PICK_UNIT and self.quantity_entry_available():
            return Outcome(True, code, {**outcome.args, "remaining": self.state.remaining(self.state.task)},
                           outcome.events, "quantity_entry_available")
        return outcome

    def _accepted(self, code: str, events: list[ev.Event], needs: str | None = None, **args: Any) -> Outcome:
        """Close the orders this action finished (recording their new status) and pick the code."""
        events = list(events)
        finished = []
        for order in self.state.orders:
            if self.state.order_is_over(order):
                change = ev.status_changed(
                    order, "picking", self.state.end_status(order),
                    None if self.state.end_status(order) == "picked" else "short_pick",
                    totes=[self.state.totes[order]] if order in self.state.totes else [],
                )
                self.apply(*change)
                events.append(change)
                finished.append((order, change[1]["to"]))
        if finished:
            args = {**args, "orders": [{"order": o, "status": st} for o, st in finished]}
            code = "order_picked"
        if self.state.cursor.step == Step.DONE and finished:
            code = "pick_complete"  # the last order closed with this action
        return Outcome(True, code, args, events, needs)

    def _remember(self, outcome: Outcome) -> Outcome:
        self.last_error = None if outcome.ok else outcome.code
        return outcome
