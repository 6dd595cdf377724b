"""The state of one pick, changed only by applying events.

The live session and a replay after a crash go through the same ``apply``: the session
validates an action, builds its events and applies them to itself, so replaying the
recorded events rebuilds the same state by construction (and a property test checks it).
Everything here is plain data; ``snapshot()`` is what "the same state" means.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from app.picking import events as ev
from app.picking.outcome import PickConfig, ShortPolicy, Step
from app.picking.route import LineToPick, PickTask, Route, StockSlot


@dataclass(frozen=True)
class Cursor:
    """Where the picker is; saved with each undoable action so undo puts them back exactly."""

    index: int = 0  # into PickState.tasks
    step: Step = Step.LOCATION
    location_ok: bool = False  # the current task's location has been scanned
    pending: int = 0  # batch: units scanned but not yet confirmed into the tote


@dataclass
class PickState:
    orders: list[str] = field(default_factory=list)
    batch: bool = False
    config: PickConfig = field(default_factory=PickConfig)
    tasks: list[PickTask] = field(default_factory=list)
    lines: dict[int, LineToPick] = field(default_factory=dict)
    unallocated: dict[int, int] = field(default_factory=dict)
    spare: list[StockSlot] = field(default_factory=list)
    done: dict[int, int] = field(default_factory=dict)  # task id -> units picked
    shorted: dict[int, int] = field(default_factory=dict)  # task id -> units declared missing there
    captures: dict[int, list[dict[str, Any]]] = field(default_factory=dict)  # task id -> unit payloads
    totes: dict[str, str] = field(default_factory=dict)  # order -> tote
    status: dict[str, str] = field(default_factory=dict)  # order -> status as far as this pick knows
    cursor: Cursor = field(default_factory=Cursor)
    # (n, kind, payload, cursor before): the actions undo can take back, newest last.
    undo_stack: list[tuple[int, str, dict[str, Any], Cursor]] = field(default_factory=list)
    next_n: int = 1
    paused: bool = False
    offer: dict[str, Any] | None = None  # an alternative location offered after a short pick
    started: bool = False
    # Orders with a line already short before this pick began (an earlier pick of theirs was
    # given back): they end in the short policy's status too, not ``picked``.
    short_before: frozenset[str] = frozenset()

    # ---- derived -------------------------------------------------------------------------

    @property
    def task(self) -> PickTask | None:
        return self.tasks[self.cursor.index] if self.cursor.index < len(self.tasks) else None

    def remaining(self, task: PickTask) -> int:
        return task.quantity - self.done.get(task.id, 0) - self.shorted.get(task.id, 0)

    def finished(self, task: PickTask) -> bool:
        return self.remaining(task) <= 0

    def orders_with_tasks(self) -> list[str]:
        having = {t.order for t in self.tasks}
        return [o for o in self.orders if o in having]

    def next_unbound(self) -> str | None:
        return next((o for o in self.orders_with_tasks() if o not in self.totes), None)

    def line_counts(self, line_id: int) -> dict[str, int]:
        """quantity (to pick in this pick), picked, and short: what will not be picked as things stand."""
        line = self.lines[line_id]
        tasks = [t for t in self.tasks if t.line_id == line_id]
        picked = sum(self.done.get(t.id, 0) for t in tasks)
        open_units = sum(max(self.remaining(t), 0) for t in tasks)
        return {"quantity": line.quantity_left, "picked": picked, "short": line.quantity_left - picked - open_units}

    def order_is_over(self, order: str) -> bool:
        """Every task of the order done or shorted, its units in its tote, no offer waiting."""
        if self.status.get(order) != "picking":
            return False
        if any(not self.finished(t) for t in self.tasks if t.order == order):
            return False
        current = self.task
        if current is not None and current.order == order and self.cursor.pending:
            return False
        return not (self.offer and self.offer["order"] == order)

    def end_status(self, order: str) -> str:
        short = order in self.short_before or any(self.line_counts(line_id)["short"] > 0 for line_id, line in self.lines.items()
                    if line.order == order and line.quantity_left > 0)
        return str(self.config.short_policy) if short else "picked"

    def snapshot(self) -> dict[str, Any]:
        """Everything that defines the pick, as plain data: equal snapshots, equal picks."""
        return {
            "orders": list(self.orders), "batch": self.batch,
            "config": [self.config.quantity_threshold, str(self.config.short_policy)],
            "tasks": [t.as_json() for t in self.tasks],
            "lines": sorted(self.lines), "unallocated": dict(self.unallocated),
            "spare": [s.as_json() for s in self.spare],
            "done": {k: v for k, v in self.done.items() if v}, "shorted": dict(self.shorted),
            "captures": {k: list(v) for k, v in self.captures.items() if v},
            "totes": dict(self.totes), "status": dict(self.status),
            "cursor": [self.cursor.index, str(self.cursor.step), self.cursor.location_ok, self.cursor.pending],
            "undo": [(n, kind, payload, c.index, str(c.step), c.location_ok, c.pending)
                     for n, kind, payload, c in self.undo_stack],
            "next_n": self.next_n, "paused": self.paused, "offer": self.offer, "started": self.started,
            "short_before": sorted(self.short_before),
        }

    # ---- moving on -------------------------------------------------------------------------

    def settle(self) -> None:
        """Put the cursor where the picker must act next (after start, binding or finishing a task)."""
        if self.batch and self.next_unbound() is not None:
            self.cursor = Cursor(0, Step.BIND_TOTES)
            return
        if self.cursor.step == Step.BIND_TOTES:
            self.cursor = Cursor(0, Step.LOCATION)
        self.advance()

    def advance(self) -> None:
        """Leave finished tasks behind. The location stays confirmed for the next task when it is
        the same one: tasks at one location are consecutive, and one scan of it is enough."""
        c = self.cursor
        while c.index < len(self.tasks) and self.finished(self.tasks[c.index]) and not c.pending and not self.offer:
            here = self.tasks[c.index].location
            index = c.index + 1
            if index == len(self.tasks):
                c = Cursor(index, Step.DONE)
            elif self.tasks[index].location == here and c.location_ok:
                c = Cursor(index, Step.PRODUCT, True)
            else:
                c = Cursor(index, Step.LOCATION)
        if c.index >= len(self.tasks):
            c = Cursor(len(self.tasks), Step.DONE)
        self.cursor = c

    # ---- apply -------------------------------------------------------------------------------

    def apply(self, kind: str, payload: dict[str, Any]) -> None:
        handler = _APPLY.get(kind)
        if handler is None:
            raise ValueError(f"a pick cannot apply an event of kind {kind!r}")
        handler(self, payload)

    def _push(self, kind: str, payload: dict[str, Any]) -> None:
        self.undo_stack.append((payload["n"], kind, payload, self.cursor))
        self.next_n = payload["n"] + 1

    def _started(self, p: dict[str, Any]) -> None:
        route = Route.from_json(p["route"])
        self.orders = list(p["orders"])
        self.batch = bool(p["batch"])
        self.config = PickConfig(p["quantity_threshold"], ShortPolicy(p["short_policy"]))
        self.tasks = list(route.tasks)
        self.lines = {line.line_id: line for line in route.lines}
        self.unallocated = dict(route.unallocated)
        self.spare = list(route.spare)
        self.totes = dict(p.get("totes") or {})
        self.short_before = frozenset(p.get("short_before") or ())
        self.status = {order: "picking" for order in self.orders}
        self.started = True
        self.cursor = Cursor(0, Step.LOCATION)
        self.settle()

    def _tote_bound(self, p: dict[str, Any]) -> None:
        self._push(ev.PICK_TOTE_BOUND, p)
        self.totes[p["order"]] = p["tote"]
        self.settle()

    def _location_confirmed(self, p: dict[str, Any]) -> None:
        self._push(ev.PICK_LOCATION_CONFIRMED, p)
        self.cursor = replace(self.cursor, step=Step.PRODUCT, location_ok=True)

    def _unit(self, p: dict[str, Any]) -> None:
        task = p["task"]
        if p.get("source") == "short_found":
            # Units found during a short pick: the pick.short that follows moves the cursor on.
            self.done[task] = self.done.get(task, 0) + p["quantity"]
            self.captures.setdefault(task, []).append(p)
            if self.batch:
                self.cursor = replace(self.cursor, pending=self.cursor.pending + p["quantity"])
            return
        self._push(ev.PICK_UNIT, p)
        self.done[task] = self.done.get(task, 0) + p["quantity"]
        self.captures.setdefault(task, []).append(p)
        if self.batch:
            self.cursor = replace(self.cursor, step=Step.TOTE, pending=self.cursor.pending + p["quantity"])
        else:
            self.advance()

    def _tote_confirmed(self, p: dict[str, Any]) -> None:
        self._push(ev.PICK_TOTE_CONFIRMED, p)
        self.cursor = replace(self.cursor, step=Step.PRODUCT, pending=0)
        self.advance()

    def _short(self, p: dict[str, Any]) -> None:
        # A short pick is a decision with stock consequences (a correction, a count request):
        # it is not undone with a scan, so nothing before it can be either.
        self.undo_stack.clear()
        if p.get("task") is None:  # recorded at start for what no location held
            return
        task = p["task"]
        self.shorted[task] = self.shorted.get(task, 0) + p["expected"] - p["found"]
        self.offer = p.get("alternative")
        if self.cursor.pending:  # batch: what was found goes into the tote before moving on
            self.cursor = replace(self.cursor, step=Step.TOTE)
        self.advance()

    def _alternative_added(self, p: dict[str, Any]) -> None:
        new = PickTask.from_json(p["new_task"])
        self.offer = None
        # Inserted in route order among the tasks still ahead: the picker walks on, never back.
        position = next((i for i in range(self.cursor.index + 1, len(self.tasks))
                         if self.tasks[i].route_key > new.route_key), len(self.tasks))
        self.tasks.insert(position, new)
        self._take_spare(new.sku, new.location, p.get("lot") or "", new.quantity)
        self.advance()

    def _alternative_declined(self, p: dict[str, Any]) -> None:
        self.offer = None
        self.advance()

    def _undone(self, p: dict[str, Any]) -> None:
        n, kind, payload, before = self.undo_stack.pop()
        if n != p["of"]:
            raise ValueError(f"pick.undone of action {p['of']} but the last undoable action is {n}")
        if kind == ev.PICK_TOTE_BOUND:
            del self.totes[payload["order"]]
        elif kind == ev.PICK_UNIT:
            self.done[payload["task"]] -= payload["quantity"]
            self.captures[payload["task"]].pop()
        self.cursor = before

    def _paused(self, p: dict[str, Any]) -> None:
        self.paused = True

    def _resumed(self, p: dict[str, Any]) -> None:
        self.paused = False

    def _stock_corrected(self, p: dict[str, Any]) -> None:
        # The location held less than recorded: nothing there can be offered as an alternative.
        self.spare = [s for s in self.spare if not (s.sku == p["sku"] and s.location == p["location"])]

    def _cycle_count(self, p: dict[str, Any]) -> None:
        pass  # for the supervisor's console; nothing changes in the pick

    def _status_changed(self, p: dict[str, Any]) -> None:
        if p["order"] not in self.status:
            return  # another order's history, interleaved in the log: not this pick's business
        # Also changes made elsewhere (a supervisor's hold): an order no longer "picking" is not
        # closed by this pick.
        self.status[p["order"]] = p["to"]
        # A finished order has gone on (to packing, or to the supervisor): its units stay picked.
        self.undo_stack.clear()

    def _take_spare(self, sku: str, location: str, lot: str, quantity: int) -> None:
        for i, s in enumerate(self.spare):
            if s.sku == sku and s.location == location and s.lot == lot:
                self.spare[i] = replace(s, quantity=s.quantity - quantity)
        self.spare = [s for s in self.spare if s.quantity > 0]


_APPLY = {
    ev.PICK_STARTED: PickState._started,
    ev.PICK_TOTE_BOUND: PickState._tote_bound,
    ev.PICK_LOCATION_CONFIRMED: PickState._location_confirmed,
    ev.PICK_UNIT: PickState._unit,
    ev.PICK_TOTE_CONFIRMED: PickState._tote_confirmed,
    ev.PICK_SHORT: PickState._short,
    ev.PICK_ALTERNATIVE_ADDED: PickState._alternative_added,
    ev.PICK_ALTERNATIVE_DECLINED: PickState._alternative_declined,
    ev.PICK_UNDONE: PickState._undone,
    ev.PICK_PAUSED: PickState._paused,
    ev.PICK_RESUMED: PickState._resumed,
    ev.STOCK_CORRECTED: PickState._stock_corrected,
    ev.CYCLE_COUNT_REQUESTED: PickState._cycle_count,
    ev.ORDER_STATUS_CHANGED: PickState._status_changed,
}
