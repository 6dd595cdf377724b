"""Short picks: reason, quantity found, stock correction, count request, alternative or short policy."""

from __future__ import annotations

from datetime import date

from app.picking import events as ev
from app.picking.outcome import PickConfig, ShortPolicy, Step
from tests.picking.warehouse import line, product, scan, start, walk


def short(session, reason: str, found: int):
    assert session.handle(scan("CMD-SHORT")).needs == "short_reason"
    assert session.short_reason(reason).needs == "short_found"
    return session.short_found(found)


def test_short_pick_with_an_alternative_accepted() -> None:
    session, _ = start([line("#1", 1, "MUG", 3)])  # A-01 holds 4 on record: the route sends the picker there
    session.handle(scan("A-01-01-1"))
    out = short(session, "location_empty", 1)
    assert (out.code, out.needs, out.args) == ("short_recorded", "alternative", {"location": "B-02-01-1", "quantity": 2})
    assert [k for k, _ in out.events] == [ev.PICK_UNIT, ev.PICK_SHORT, ev.STOCK_CORRECTED, ev.CYCLE_COUNT_REQUESTED]
    unit, short_payload, corrected, count = (p for _, p in out.events)
    assert (unit["quantity"], unit["source"], unit["lot"]) == (1, "short_found", None)
    assert short_payload == {
        "order": "#1", "line_id": 1, "sku": "MUG", "location": "A-01-01-1", "task": 0, "reason": "location_empty",
        "expected": 3, "found": 1,
        "alternative": {"order": "#1", "line_id": 1, "from_task": 0, "location": "B-02-01-1", "sequence": 20,
                        "lot": "", "expiry": None, "quantity": 2}}
    assert corrected == {"sku": "MUG", "location": "A-01-01-1", "lot": None, "quantity": 0, "reason": "location_empty"}
    assert count == {"location": "A-01-01-1", "sku": "MUG", "reason": "location_empty"}
    assert session.view().short_stage == "alternative" and session.view().offer["location"] == "B-02-01-1"
    assert session.handle(scan("B-02-01-1")).code == "short_in_progress"  # answer the offer first
    assert session.undo().code == "short_in_progress"

    out = session.accept_alternative(True)
    assert out.code == "alternative_added"
    (kind, payload), = out.events
    assert kind == ev.PICK_ALTERNATIVE_ADDED
    assert (payload["location"], payload["quantity"], payload["new_task"]["id"]) == ("B-02-01-1", 2, 1)
    view = session.view()
    assert (view.step, view.task.location, view.task.quantity, view.task_count) == (Step.LOCATION, "B-02-01-1", 2, 2)
    assert session.undo().code == "nothing_to_undo"  # a short pick is not undone with a scan
    _, events = walk(session)
    assert events[-1] == (ev.ORDER_STATUS_CHANGED,
                          {"order": "#1", "from": "picking", "to": "picked", "reason": None, "totes": []})
    assert session.counts()["#1"][1] == {"quantity": 3, "picked": 3, "short": 0}


def test_short_pick_without_an_alternative_sends_the_order_to_exception() -> None:
    session, _ = start([line("#1", 1, "SOAP", 2), line("#1", 2, "MUG", 1, line_no=2)])
    session.handle(scan("A-01-01-1"))
    session.handle(product("MUG"))
    assert session.view().task.sku == "SOAP"  # C-01 is the only SOAP location
    out = short(session, "damaged", 0)
    assert (out.code, out.needs) == ("pick_complete", None)
    kinds = [k for k, _ in out.events]
    assert kinds == [ev.PICK_SHORT, ev.STOCK_CORRECTED, ev.CYCLE_COUNT_REQUESTED, ev.ORDER_STATUS_CHANGED]
    assert out.events[0][1]["alternative"] is None
    assert out.events[-1][1] == {"order": "#1", "from": "picking", "to": "exception", "reason": "short_pick", "totes": []}
    assert session.counts()["#1"] == {1: {"quantity": 2, "picked": 0, "short": 2}, 2: {"quantity": 1, "picked": 1, "short": 0}}
    assert session.view().step == Step.DONE


def test_short_policy_awaiting_stock() -> None:
    session, _ = start([line("#1", 1, "SOAP", 2)], config=PickConfig(short_policy=ShortPolicy.AWAITING_STOCK))
    out = short(session, "not_found", 0)  # straight from the location step: the picker never saw the shelf
    assert out.events[-1][1]["to"] == "awaiting_stock"


def test_declining_the_alternative_leaves_the_line_short() -> None:
    session, _ = start([line("#1", 1, "MUG", 3)])
    session.handle(scan("A-01-01-1"))
    session.handle(product("MUG"))
    out = short(session, "not_found", 0)
    assert out.args == {"location": "B-02-01-1", "quantity": 2}
    out = session.handle(scan("CMD-CANCEL"))  # CANCEL on the offer: no thanks
    assert out.code == "pick_complete"
    assert out.events[0] == (ev.PICK_ALTERNATIVE_DECLINED,
                             {"order": "#1", "line_id": 1, "location": "B-02-01-1", "quantity": 2})
    assert out.events[-1][1]["to"] == "exception"
    assert session.counts()["#1"][1] == {"quantity": 3, "picked": 1, "short": 2}


def test_the_alternative_covers_what_it_can() -> None:
    from tests.picking.warehouse import StockSlot
    stock = [StockSlot("MUG", "A-01-01-1", 10, 5), StockSlot("MUG", "C-01-01-1", 30, 1)]
    session, _ = start([line("#1", 1, "MUG", 4)], stock=stock)
    out = short(session, "location_empty", 0)
    assert out.args == {"location": "C-01-01-1", "quantity": 1}
    session.accept_alternative(True)
    walk(session)
    assert session.counts()["#1"][1] == {"quantity": 4, "picked": 1, "short": 3}
    assert session.state.status["#1"] == "exception"


def test_lot_tracked_alternative_is_fefo_and_never_expired() -> None:
    session, _ = start([line("#1", 1, "JAM", 2)])  # C-02 (L-DEC) first; B-01 (L-2027) remains; A-03 expired
    assert session.view().task.location == "C-02-01-1"
    out = short(session, "location_empty", 0)
    assert out.args == {"location": "B-01-01-1", "quantity": 2}


def test_short_in_batch_found_units_go_into_the_tote() -> None:
    session, _ = start([line("#1", 1, "SOAP", 3), line("#2", 2, "SOAP", 1)], batch=True)
    session.handle(scan("TOT-1"))
    session.handle(scan("TOT-2"))
    session.handle(scan("C-01-01-1"))
    out = short(session, "damaged", 2)
    assert out.needs is None  # SOAP is nowhere else
    view = session.view()
    assert (view.step, view.task.order, view.task.done) == (Step.TOTE, "#1", 2)
    out = session.handle(scan("TOT-1"))
    assert out.code == "order_picked" and out.args["orders"] == [{"order": "#1", "status": "exception"}]
    assert out.events[-1][1]["totes"] == ["TOT-1"]
    # The location was corrected to empty: the next task there is still walked (the picker checks),
    # and shorted in turn if nothing is there.
    assert session.view().task.order == "#2"


def test_short_dialog_validation_and_cancel() -> None:
    session, _ = start([line("#1", 1, "MUG", 3)])
    assert session.short_reason("location_empty").code == "nothing_to_short"
    assert session.short_found(0).code == "nothing_to_short"
    assert session.accept_alternative(True).code == "no_alternative_offered"
    before = session.snapshot()
    session.start_short()
    assert session.start_short().code == "short_in_progress"
    assert session.handle(scan("A-01-01-1")).code == "short_in_progress"
    assert session.short_found(0).code == "nothing_to_short"  # the reason comes first
    assert session.short_reason("stolen").code == "invalid_reason"
    session.short_reason("damaged")
    assert session.view().short_stage == "found"
    assert session.short_found(4).code == "invalid_quantity"
    assert session.short_found(-1).code == "invalid_quantity"
    out = session.handle(scan("CMD-CANCEL"))
    assert (out.ok, out.code, out.events) == (True, "short_cancelled", [])
    assert session.snapshot() == before and session.view().short_stage is None
    assert session.handle(scan("A-01-01-1")).code == "ok_location"


def test_unallocated_lines_are_short_from_the_start() -> None:
    session, started = start([line("#1", 1, "TEA", 1), line("#1", 2, "NOPE", 2, line_no=2)])
    assert [k for k, _ in started.events] == [ev.PICK_STARTED, ev.PICK_SHORT]
    assert started.events[1][1] == {"order": "#1", "line_id": 2, "sku": "NOPE", "location": None, "task": None,
                                    "reason": "no_stock", "expected": 2, "found": 0, "alternative": None}
    _, events = walk(session)
    assert events[-1][1]["to"] == "exception"


def test_an_order_with_nothing_in_stock_ends_at_once() -> None:
    session, started = start([line("#1", 1, "NOPE", 1), line("#2", 2, "TEA", 1)], batch=True)
    assert started.events[-1] == (ev.ORDER_STATUS_CHANGED,
                                  {"order": "#1", "from": "picking", "to": "exception", "reason": "short_pick",
                                   "totes": []})
    assert session.view().bind_order == "#2"  # no tote for an order with nothing to pick
    session, started = start([line("#1", 1, "NOPE", 1)])
    assert started.code == "pick_complete" and session.view().step == Step.DONE


def test_an_order_short_before_this_pick_ends_in_the_short_policy_status_not_picked() -> None:
    """A pick given back after a short pick and started again: the short line is no longer
    on the route, yet the order must not end as ``picked``."""
    from tests.picking.warehouse import line, route_for, walk

    from app.picking.session import PickSession
    from tests.picking.warehouse import TODAY

    route = route_for([line("#1", 1, "TEA", 1)])
    session, _ = PickSession.start(route, today=TODAY, orders=["#1"], short_before={"#1"})
    _scans, events = walk(session)
    closing = [p for kind, p in events if kind == "order.status_changed"]
    assert [(p["order"], p["to"]) for p in closing] == [("#1", "exception")]


def test_an_order_with_nothing_left_to_pick_closes_when_the_pick_starts() -> None:
    from app.picking.session import PickSession
    from tests.picking.warehouse import TODAY, line, route_for

    route = route_for([line("#1", 1, "TEA", 1)])
    session, outcome = PickSession.start(route, today=TODAY, orders=["#0", "#1"], short_before={"#0"})
    assert outcome.code == "order_picked"
    assert outcome.args["orders"] == [{"order": "#0", "status": "exception"}]
    assert session.view().orders_total == 2 and str(session.view().step) == "location"
    replayed = PickSession.replay(list(outcome.events), TODAY)
    assert replayed.snapshot() == session.snapshot()


def test_units_found_of_a_lot_tracked_product_must_be_scanned_for_their_lot() -> None:
    session, _ = start([line("#1", 1, "JAM", 2)])  # C-02 holds L-DEC
    session.handle(scan("C-02-01-1"))
    assert session.handle(scan("CMD-SHORT")).needs == "short_reason"
    session.short_reason("damaged")
    before = session.snapshot()
    out = session.short_found(1)  # a count without a scan would carry no lot and skip the expiry check
    assert (out.ok, out.code, out.events) == (False, "lot_needed", [])
    assert session.snapshot() == before and session.view().short_stage == "found"  # still asked
    assert session.cancel().code == "short_cancelled"  # as the screen says: cancel, scan the unit found
    assert session.handle(product("JAM", "L-DEC", date(2026, 12, 1))).code == "ok_unit"
    out = short(session, "damaged", 0)  # then the short pick for the rest
    assert out.code == "short_recorded" and session.counts()["#1"][1] == {"quantity": 2, "picked": 1, "short": 1}
