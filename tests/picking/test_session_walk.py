"""Happy paths: a single order, a batch of four with totes, lots, counts and the keypad."""

from __future__ import annotations

import json
from datetime import date

from app.picking import events as ev
from app.picking.outcome import PickConfig, Step
from app.picking.route import minimum_interactions
from app.picking.session import PickSession
from tests.picking.warehouse import TODAY, line, product, route_for, scan, start, walk


def kinds(outcome) -> list[str]:
    return [kind for kind, _ in outcome.events]


def test_single_order_walk_through() -> None:
    session, started = start([line("#1", 1, "MUG", 2), line("#1", 2, "TEA", 1, line_no=2)])
    assert kinds(started) == [ev.PICK_STARTED]
    view = session.view()
    assert view.step == Step.LOCATION
    assert (view.task.location, view.task.sku, view.task.name, view.task.image, view.task.quantity) == (
        "A-01-01-1", "MUG", "Mug bleu", "mug.png", 2)
    assert (view.units_done, view.units_total, view.task_number, view.task_count) == (0, 3, 1, 2)
    assert view.task.tote is None and not view.can_undo

    out = session.handle(scan("a-01-01-1"))  # case does not matter
    assert (out.ok, out.code, kinds(out)) == (True, "ok_location", [ev.PICK_LOCATION_CONFIRMED])
    assert session.view().step == Step.PRODUCT and session.view().can_undo

    out = session.handle(product("MUG"))
    assert (out.code, kinds(out), out.needs) == ("ok_unit", [ev.PICK_UNIT], None)
    payload = out.events[0][1]
    assert {k: payload[k] for k in ("order", "line_id", "location", "quantity", "gtin", "task", "n")} == {
        "order": "#1", "line_id": 1, "location": "A-01-01-1", "quantity": 1, "gtin": product("MUG").gtin,
        "task": 0, "n": 2}
    assert session.view().task.done == 1
    session.handle(product("MUG"))
    view = session.view()
    assert (view.step, view.task.location, view.task_number) == (Step.LOCATION, "A-02-01-1", 2)

    session.handle(scan("A-02-01-1"))
    out = session.handle(product("TEA"))
    assert out.code == "pick_complete"
    assert kinds(out) == [ev.PICK_UNIT, ev.ORDER_STATUS_CHANGED]
    assert out.events[1][1] == {"order": "#1", "from": "picking", "to": "picked", "reason": None, "totes": []}
    view = session.view()
    assert (view.step, view.units_done, view.orders_done, view.can_undo) == (Step.DONE, 3, 1, False)
    assert session.counts() == {"#1": {1: {"quantity": 2, "picked": 2, "short": 0},
                                       2: {"quantity": 1, "picked": 1, "short": 0}}}


def test_tasks_at_one_location_need_one_location_scan() -> None:
    session, _ = start([line("#1", 1, "MUG", 1), line("#2", 2, "MUG", 1)])  # both at A-01
    scans, _ = walk(session)
    assert scans == 3 == minimum_interactions(route_for([line("#1", 1, "MUG", 1), line("#2", 2, "MUG", 1)]))


def test_batch_of_four_orders_with_totes() -> None:
    lines = [
        line("#1", 1, "MUG", 2), line("#1", 2, "SOAP", 1, line_no=2),
        line("#2", 3, "TEA", 3),
        line("#3", 4, "MUG", 1), line("#3", 5, "JAM", 2, line_no=2),
        line("#4", 6, "SOAP", 2), line("#4", 7, "TEA", 1, line_no=2),
    ]
    session, _ = start(lines, batch=True)
    view = session.view()
    assert (view.step, view.bind_order, view.task) == (Step.BIND_TOTES, "#1", None)
    assert session.handle(scan("A-01-01-1")).code == "not_a_tote"
    out = session.handle(scan("TOT-1"))
    assert (out.code, out.events[0]) == ("ok_bound", (ev.PICK_TOTE_BOUND, {"order": "#1", "tote": "TOT-1", "n": 1}))
    assert session.handle(scan("TOT-1")).code == "tote_in_use"
    for n in (2, 3, 4):
        assert session.handle(scan(f"TOT-{n}")).code == "ok_bound"
    view = session.view()
    assert view.step == Step.LOCATION and view.task.tote == "TOT-1"

    # First task: MUG x2 for #1 at A-01: two units into the tote, then one tote scan.
    session.handle(scan("A-01-01-1"))
    assert session.handle(product("MUG")).code == "ok_unit"
    assert session.view().step == Step.TOTE
    assert session.handle(product("MUG")).code == "ok_unit"  # a second unit before the tote
    assert session.handle(product("MUG")).code == "over_pick"
    assert session.handle(product("TEA")).code == "not_a_tote"
    out = session.handle(scan("TOT-3"))
    assert (out.code, out.args["expected"], out.args["order"]) == ("wrong_tote", "TOT-1", "#3")
    assert session.handle(scan("TOT-9")).code == "wrong_tote"
    out = session.handle(scan("TOT-1"))
    assert out.code == "ok_tote" and out.events[0][1]["quantity"] == 2
    view = session.view()
    assert (view.step, view.task.order, view.task.tote) == (Step.PRODUCT, "#3", "TOT-3")  # same location

    _, events = walk(session)
    picked = [p for k, p in events if k == ev.ORDER_STATUS_CHANGED]
    assert sorted((p["order"], p["to"], tuple(p["totes"])) for p in picked) == [
        ("#1", "picked", ("TOT-1",)), ("#2", "picked", ("TOT-2",)), ("#3", "picked", ("TOT-3",)),
        ("#4", "picked", ("TOT-4",))]
    assert all(c["picked"] == c["quantity"] for order in session.counts().values() for c in order.values())
    lots = [p for k, p in events if k == ev.PICK_UNIT and p["sku"] == "JAM"]
    assert lots and all(p["lot"] == "L-2027" and p["expiry"] == "2027-06-01" for p in lots)


def test_a_perfect_batch_walk_takes_the_minimum_interactions() -> None:
    lines = [line("#1", 1, "MUG", 2), line("#2", 2, "TEA", 3), line("#3", 3, "MUG", 1), line("#4", 4, "SOAP", 2)]
    session, _ = start(lines, batch=True)
    scans, _ = walk(session)
    # One product scan per unit, one tote scan per task: the walker drops all units at once.
    assert scans == minimum_interactions(route_for(lines), batch=True) == 3 + 8 + 4 + 4  # visits, units, tote scans, bindings


def test_order_change_in_order_status_events_match_the_domain_payload() -> None:
    session, _ = start([line("#1", 1, "TEA", 1)])
    _, events = walk(session)
    (kind, payload), = [e for e in events if e[0] == ev.ORDER_STATUS_CHANGED]
    assert {"order", "from", "to", "reason"} <= set(payload)
    json.dumps(events)  # everything recorded is plain JSON


def test_gs1_count_adds_that_many_units_or_is_refused_whole() -> None:
    session, _ = start([line("#1", 1, "MUG", 6)])  # B-02 holds enough
    session.handle(scan("B-02-01-1"))
    out = session.handle(product("MUG", count=4))
    assert out.code == "ok_unit" and out.events[0][1]["quantity"] == 4 and out.events[0][1]["source"] == "count"
    before = session.snapshot()
    out = session.handle(product("MUG", count=3))
    assert (out.ok, out.code, out.events, out.args["remaining"]) == (False, "over_pick", [], 2)
    assert session.snapshot() == before
    assert session.handle(product("MUG", count=2)).code == "pick_complete"


def test_quantity_entry_at_the_threshold_with_confirmation() -> None:
    session, _ = start([line("#1", 1, "MUG", 6), line("#1", 2, "TEA", 4, line_no=2)])
    assert session.confirm_quantity(5).code == "quantity_entry_unavailable"  # no location yet
    session.handle(scan("A-02-01-1"))  # TEA x4 comes first in the route: below the threshold of 5
    assert session.confirm_quantity(3).code == "quantity_entry_unavailable"  # nothing scanned yet
    out = session.handle(product("TEA"))
    assert out.needs is None
    assert session.confirm_quantity(3).code == "quantity_entry_unavailable"
    for _ in range(3):
        session.handle(product("TEA"))
    session.handle(scan("B-02-01-1"))
    out = session.handle(product("MUG", lot=None))
    assert (out.needs, out.args["remaining"]) == ("quantity_entry_available", 5)
    before = session.snapshot()
    assert session.confirm_quantity(6).code == "over_pick"
    assert session.confirm_quantity(0).code == "invalid_quantity"
    assert session.snapshot() == before
    out = session.confirm_quantity(4)
    assert out.code == "ok_unit" and out.events[0][1]["source"] == "entry" and out.events[0][1]["quantity"] == 4
    assert session.view().task.done == 5
    assert session.confirm_quantity(1).code == "pick_complete"


def test_quantity_threshold_is_configurable() -> None:
    session, _ = start([line("#1", 1, "TEA", 2)], config=PickConfig(quantity_threshold=2))
    session.handle(scan("A-02-01-1"))
    assert session.handle(product("TEA")).needs == "quantity_entry_available"


def test_quantity_entry_keeps_the_lot_of_the_unit_in_hand() -> None:
    session, _ = start([line("#1", 1, "JAM", 5)], config=PickConfig(quantity_threshold=5))
    session.handle(scan("C-02-01-1"))  # FEFO: L-DEC holds 5
    session.handle(product("JAM", lot="L-DEC", expiry=date(2026, 12, 1)))
    out = session.confirm_quantity(4)
    assert (out.events[0][1]["lot"], out.events[0][1]["expiry"]) == ("L-DEC", "2026-12-01")


def test_lot_is_captured() -> None:
    session, _ = start([line("#1", 1, "JAM", 1)])
    session.handle(scan("C-02-01-1"))
    out = session.handle(product("JAM", lot="L-DEC", expiry=date(2026, 12, 1)))
    unit = out.events[0][1]
    assert (unit["lot"], unit["expiry"], unit["serial"]) == ("L-DEC", "2026-12-01", None)


def test_replay_of_a_walk_rebuilds_the_state() -> None:
    session, started = start([line("#1", 1, "MUG", 2), line("#2", 2, "TEA", 1)], batch=True)
    _, events = walk(session)
    replayed = PickSession.replay(json.loads(json.dumps(started.events + events)), TODAY)
    assert replayed.snapshot() == session.snapshot()
