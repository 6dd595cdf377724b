"""The route of a pick: which units to take from which location, in walking order.

Allocation, per line, against what earlier lines of the same pick already took:

- lot-tracked products: expired lots (expiry < today) are never offered; the earliest
  expiry goes first (FEFO), lots without an expiry last, ties in route order;
- other products: the first location in route order that holds the whole quantity,
  so the picker takes it in one visit; if none does, locations in route order until
  the line is covered;
- whatever no location covers is ``unallocated``: the line is short before anyone
  walks, and the session records it so.

Tasks are sorted by (pick_sequence, location code, order, line_no), so every task at
one location is consecutive and the picker scans each location once.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import date
from typing import Any

from app.picking.events import date_or_none, iso_or_none


@dataclass(frozen=True)
class LineToPick:
    order: str
    line_id: int
    line_no: int
    sku: str
    name: str
    quantity_left: int  # units still to pick on this line


@dataclass(frozen=True)
class ProductInfo:
    sku: str
    name: str
    image: str | None = None
    lot_tracked: bool = False
    gtins: tuple[str, ...] = ()  # GTIN-14, as app.scanning.classify gives them


@dataclass(frozen=True)
class StockSlot:
    sku: str
    location: str
    sequence: int  # the location's pick_sequence
    quantity: int
    lot: str = ""  # '' when not lot-tracked, as in the stock table
    expiry: date | None = None

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "expiry": iso_or_none(self.expiry)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StockSlot:
        return cls(**{**data, "expiry": date_or_none(data.get("expiry"))})


@dataclass(frozen=True)
class PickTask:
    id: int  # stable within the pick: events name tasks by it (alternatives get new ids)
    order: str
    line_id: int
    line_no: int
    sku: str
    name: str
    image: str | None
    location: str
    sequence: int
    quantity: int  # units to take at this location
    lot_tracked: bool = False
    gtins: tuple[str, ...] = ()
    tote: str | None = None  # the order's tote when it was known when the route was built

    @property
    def route_key(self) -> tuple[int, str, str, int]:
        return (self.sequence, self.location, self.order, self.line_no)

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "gtins": list(self.gtins)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PickTask:
        return cls(**{**data, "gtins": tuple(data.get("gtins", ()))})


@dataclass(frozen=True)
class Route:
    tasks: tuple[PickTask, ...]
    unallocated: dict[int, int] = field(default_factory=dict)  # line_id -> units no location holds
    lines: tuple[LineToPick, ...] = ()
    orders: tuple[str, ...] = ()  # as given: the order totes are bound in
    spare: tuple[StockSlot, ...] = ()  # stock left after allocation: where alternatives come from

    def as_json(self) -> dict[str, Any]:
        # unallocated as pairs: JSON object keys would turn integer line ids into strings.
        return {
            "tasks": [t.as_json() for t in self.tasks],
            "unallocated": [[line_id, qty] for line_id, qty in self.unallocated.items()],
            "lines": [asdict(line) for line in self.lines],
            "orders": list(self.orders),
            "spare": [s.as_json() for s in self.spare],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Route:
        return cls(
            tasks=tuple(PickTask.from_json(t) for t in data["tasks"]),
            unallocated={line_id: qty for line_id, qty in data.get("unallocated", [])},
            lines=tuple(LineToPick(**line) for line in data.get("lines", [])),
            orders=tuple(data.get("orders", [])),
            spare=tuple(StockSlot.from_json(s) for s in data.get("spare", [])),
        )


def usable(slot: StockSlot, lot_tracked: bool, today: date) -> bool:
    """Stock a picker may be sent to: some units, and for lot-tracked products not expired."""
    if slot.quantity <= 0:
        return False
    return not (lot_tracked and slot.expiry is not None and slot.expiry < today)


def candidate_order(slots: list[StockSlot], lot_tracked: bool, need: int) -> list[StockSlot]:
    """The slots to take from, in the order to take them, for ``need`` units of one product.

    Shared with the short-pick flow, which looks for an alternative the same way.
    """
    by_route = sorted(slots, key=lambda s: (s.sequence, s.location, s.lot))
    if lot_tracked:
        return sorted(by_route, key=lambda s: (s.expiry is None, s.expiry or date.max))
    whole = [s for s in by_route if s.quantity >= need]
    if whole:
        # One visit to the earliest location that holds enough; the others only if it runs short.
        first = whole[0]
        return [first] + [s for s in by_route if s is not first]
    return by_route


def build_route(
    lines: list[LineToPick],
    products: dict[str, ProductInfo],
    stock: list[StockSlot],
    today: date,
    totes: dict[str, str] | None = None,
) -> Route:
    """Allocate ``lines`` (in the order given: earlier lines get stock first) against ``stock``."""
    left = list(stock)  # remaining quantity per slot, replaced as lines take from it
    taken: dict[tuple[int, str], int] = {}  # (line index, location) -> units
    unallocated: dict[int, int] = {}
    for index, line in enumerate(lines):
        need = line.quantity_left
        if need <= 0:
            continue
        product = products.get(line.sku)
        lot_tracked = bool(product and product.lot_tracked)
        slots = [s for s in left if s.sku == line.sku and usable(s, lot_tracked, today)] if product else []
        for slot in candidate_order(slots, lot_tracked, need):
            if need == 0:
                break
            take = min(need, slot.quantity)
            need -= take
            key = (index, slot.location)
            taken[key] = taken.get(key, 0) + take
            left[left.index(slot)] = replace(slot, quantity=slot.quantity - take)
        if need:
            unallocated[line.line_id] = unallocated.get(line.line_id, 0) + need

    sequence_of = {s.location: s.sequence for s in stock}
    unsorted: list[PickTask] = []
    for (index, location), quantity in taken.items():
        line = lines[index]
        product = products[line.sku]
        unsorted.append(PickTask(
            id=0, order=line.order, line_id=line.line_id, line_no=line.line_no, sku=line.sku,
            name=product.name or line.name, image=product.image, location=location,
            sequence=sequence_of[location], quantity=quantity, lot_tracked=product.lot_tracked,
            gtins=tuple(product.gtins), tote=(totes or {}).get(line.order),
        ))
    tasks = tuple(replace(t, id=i) for i, t in enumerate(sorted(unsorted, key=lambda t: t.route_key)))
    orders = tuple(dict.fromkeys(line.order for line in lines))
    spare = tuple(
        s for s in left if usable(s, bool(products.get(s.sku) and products[s.sku].lot_tracked), today)
    )
    return Route(tasks, unallocated, tuple(lines), orders, spare)


def minimum_interactions(route: Route, batch: bool = False) -> int:
    """The fewest scans a perfect picker needs for ``route`` (the bench's yardstick).

    One scan per location visited (a run of consecutive tasks at one location) plus one
    per unit; in batch mode also one tote scan per task (all its units dropped at once)
    and one per tote bound (each order that has any task). Quantity entry can beat this
    on large lines; the issue's yardstick is scans, so it is left out.
    """
    visits = sum(1 for i, t in enumerate(route.tasks) if i == 0 or route.tasks[i - 1].location != t.location)
    units = sum(t.quantity for t in route.tasks)
    total = visits + units
    if batch:
        total += len(route.tasks) + len({t.order for t in route.tasks})
    return total
