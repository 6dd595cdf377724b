from __future__ import annotations

import json
from datetime import date

from app.picking.route import Route, StockSlot, minimum_interactions
from tests.picking.warehouse import TODAY, line, route_for


def places(route: Route) -> list[tuple[str, str, int]]:
    return [(t.sku, t.location, t.quantity) for t in route.tasks]


def test_first_location_in_route_order_holding_enough_wins() -> None:
    # A-01 (seq 10) holds 4: enough for 3, so it is the only visit.
    assert places(route_for([line("#1", 1, "MUG", 3)])) == [("MUG", "A-01-01-1", 3)]
    # 6 is more than A-01 holds: the first location holding all of it, B-02, rather than a split.
    assert places(route_for([line("#1", 1, "MUG", 6)])) == [("MUG", "B-02-01-1", 6)]


def test_split_in_route_order_when_no_location_holds_enough() -> None:
    stock = [StockSlot("MUG", "B-02-01-1", 20, 3), StockSlot("MUG", "A-01-01-1", 10, 4)]
    assert places(route_for([line("#1", 1, "MUG", 6)], stock)) == [("MUG", "A-01-01-1", 4), ("MUG", "B-02-01-1", 2)]


def test_fefo_for_lot_tracked_and_expired_lots_excluded() -> None:
    # L-OLD (A-03, first in route) is expired; L-DEC expires before L-2027, though further along.
    route = route_for([line("#1", 1, "JAM", 7)])
    assert places(route) == [("JAM", "B-01-01-1", 2), ("JAM", "C-02-01-1", 5)]
    assert all(s.lot != "L-OLD" for s in route.spare)
    assert route.unallocated == {}


def test_fefo_lots_without_expiry_last() -> None:
    stock = [StockSlot("JAM", "A-01-01-1", 10, 5, "NOEXP", None), StockSlot("JAM", "Z-09-09-9", 99, 5, "L", date(2027, 1, 1))]
    assert places(route_for([line("#1", 1, "JAM", 2)], stock)) == [("JAM", "Z-09-09-9", 2)]


def test_what_no_location_holds_is_unallocated() -> None:
    route = route_for([line("#1", 1, "JAM", 12), line("#1", 2, "NOPE", 2, line_no=2)])
    assert route.unallocated == {1: 2, 2: 2}
    assert sum(t.quantity for t in route.tasks) == 10


def test_earlier_lines_take_stock_first() -> None:
    route = route_for([line("#1", 1, "MUG", 4), line("#2", 2, "MUG", 2)])
    assert [(t.order, t.location, t.quantity) for t in route.tasks] == [("#1", "A-01-01-1", 4), ("#2", "B-02-01-1", 2)]


def test_tasks_sorted_by_sequence_location_order_line_and_grouped() -> None:
    route = route_for([
        line("#2", 5, "SOAP", 1), line("#2", 6, "MUG", 1, line_no=2),
        line("#1", 3, "TEA", 1), line("#1", 4, "MUG", 1, line_no=2),
    ])
    assert [(t.location, t.order) for t in route.tasks] == [
        ("A-01-01-1", "#1"), ("A-01-01-1", "#2"), ("A-02-01-1", "#1"), ("C-01-01-1", "#2"),
    ]
    assert [t.id for t in route.tasks] == [0, 1, 2, 3]
    assert route.orders == ("#2", "#1")


def test_json_round_trip() -> None:
    route = route_for([line("#1", 1, "JAM", 3), line("#1", 2, "MUG", 6, line_no=2), line("#1", 3, "NOPE", 1, line_no=3)])
    assert route.unallocated == {3: 1}
    again = Route.from_json(json.loads(json.dumps(route.as_json())))
    assert again == route
    assert again.spare and any(s.expiry for s in again.spare)


def test_minimum_interactions() -> None:
    route = route_for([line("#1", 1, "MUG", 2), line("#2", 2, "MUG", 1), line("#2", 3, "TEA", 3, line_no=2)])
    # Locations A-01 (two tasks, one visit) and A-02: 2 visits + 6 units.
    assert minimum_interactions(route) == 8
    # Batch: + 3 tote scans (one per task) + 2 tote bindings.
    assert minimum_interactions(route, batch=True) == 13
    assert TODAY  # the warehouse's day is fixed: expiry rules do not drift with the calendar
