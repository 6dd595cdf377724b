"""Every wrong scan has its own code, changes nothing and records nothing; undo; pause."""

from __future__ import annotations

from datetime import date

import pytest

from app.picking import events as ev
from app.picking.outcome import Step
from app.picking.route import StockSlot
from tests.picking.warehouse import STOCK, line, product, scan, start


def refused_without_change(session, action, code: str) -> None:
    before = session.snapshot()
    outcome = action()
    assert (outcome.ok, outcome.code, outcome.events) == (False, code, [])
    assert session.snapshot() == before
    assert session.view().last_error == code


def at_location():
    session, _ = start([line("#1", 1, "MUG", 2), line("#1", 2, "JAM", 2, line_no=2)])
    return session  # LOCATION step at A-01 (MUG)


def at_product():
    session = at_location()
    session.handle(scan("A-01-01-1"))
    return session


@pytest.mark.parametrize("make, text, code", [
    (at_location, "Z-99-99-9", "wrong_location"),
    (at_location, "MUG", "scan_location_first"),  # the SKU label, before the location
    (at_location, "TOT-1", "unexpected_scan"),  # a tote when no tote is expected
    (at_location, "#1003", "unexpected_scan"),
    (at_location, "3760000000018", "misread"),  # wrong check digit
    (at_location, "CMD-CANCEL", "nothing_to_cancel"),
    (at_location, "CMD-NEXT", "unexpected_scan"),
    (at_location, "CMD-UNDO", "nothing_to_undo"),
    (at_product, "A-02-01-1", "wrong_product"),  # any other code at the product step
    (at_product, "TOT-1", "unexpected_scan"),
    (at_product, "BDG0001", "unexpected_scan"),
])
def test_wrong_scans_by_text(make, text: str, code: str) -> None:
    session = make()
    refused_without_change(session, lambda: session.handle(scan(text)), code)


def test_product_before_location() -> None:
    session = at_location()
    refused_without_change(session, lambda: session.handle(product("MUG")), "scan_location_first")


def test_wrong_product() -> None:
    session = at_product()
    refused_without_change(session, lambda: session.handle(product("TEA")), "wrong_product")
    assert session.handle(product("TEA")).args == {"expected": "MUG", "got": product("TEA").value}


def test_rescanning_the_location_is_harmless() -> None:
    session = at_product()
    before = session.snapshot()
    out = session.handle(scan("A-01-01-1"))
    assert (out.ok, out.events) == (True, [])
    assert session.snapshot() == before


def test_a_product_finished_at_another_location_is_a_wrong_product() -> None:
    session, _ = start([line("#1", 1, "MUG", 2), line("#1", 2, "TEA", 1, line_no=2)])
    session.handle(scan("A-01-01-1"))
    session.handle(product("MUG"))
    session.handle(product("MUG"))
    session.handle(scan("A-02-01-1"))
    refused_without_change(session, lambda: session.handle(product("MUG")), "wrong_product")


def test_over_pick_at_the_same_location() -> None:
    stock = [*STOCK, StockSlot("TEA", "A-01-01-1", 10, 5)]
    session, _ = start([line("#1", 1, "MUG", 1), line("#1", 2, "TEA", 1, line_no=2)], stock=stock)
    session.handle(scan("A-01-01-1"))
    session.handle(product("MUG"))
    assert session.view().task.sku == "TEA" and session.view().step == Step.PRODUCT
    refused_without_change(session, lambda: session.handle(product("MUG")), "over_pick")


def test_lot_tracked_rules() -> None:
    session = at_product()
    session.handle(product("MUG"))
    session.handle(product("MUG"))
    # JAM x2, FEFO: the expired A-03 is skipped, L-DEC (C-02) expires before L-2027 (B-01).
    assert session.view().task.location == "C-02-01-1"
    session.handle(scan("C-02-01-1"))
    refused_without_change(session, lambda: session.handle(product("JAM")), "lot_needed")
    refused_without_change(session, lambda: session.handle(scan("JAM")), "lot_needed")  # the SKU label
    refused_without_change(
        session, lambda: session.handle(product("JAM", lot="L-OLD", expiry=date(2026, 11, 23))), "expired_lot")
    # Expiring today is still good today.
    assert session.handle(product("JAM", lot="L-T", expiry=date(2026, 11, 24))).code == "ok_unit"


def test_gs1_count_of_zero_is_refused() -> None:
    session = at_product()
    refused_without_change(session, lambda: session.handle(product("MUG", count=0)), "invalid_quantity")


def test_batch_tote_errors_change_nothing() -> None:
    session, _ = start([line("#1", 1, "MUG", 1), line("#2", 2, "MUG", 1)], batch=True)
    refused_without_change(session, lambda: session.handle(scan("A-01-01-1")), "not_a_tote")
    session.handle(scan("TOT-A"))
    refused_without_change(session, lambda: session.handle(scan("TOT-A")), "tote_in_use")
    session.handle(scan("TOT-B"))
    session.handle(scan("A-01-01-1"))
    session.handle(product("MUG"))
    refused_without_change(session, lambda: session.handle(scan("TOT-B")), "wrong_tote")
    refused_without_change(session, lambda: session.handle(scan("TOT-Z")), "wrong_tote")
    refused_without_change(session, lambda: session.handle(scan("A-02-01-1")), "not_a_tote")
    refused_without_change(session, lambda: session.handle(product("MUG")), "over_pick")
    refused_without_change(session, lambda: session.handle(scan("#77")), "not_a_tote")
    refused_without_change(session, session.start_short, "scan_tote_first")


def test_scans_after_the_pick_is_complete_are_refused() -> None:
    session, _ = start([line("#1", 1, "TEA", 1)])
    session.handle(scan("A-02-01-1"))
    assert session.handle(product("TEA")).code == "pick_complete"
    refused_without_change(session, lambda: session.handle(product("TEA")), "unexpected_scan")
    refused_without_change(session, session.undo, "nothing_to_undo")
    refused_without_change(session, session.pause, "unexpected_scan")
    refused_without_change(session, session.start_short, "nothing_to_short")


# ---- undo ---------------------------------------------------------------------------------------------

def without_counter(snapshot: dict) -> dict:
    # The action counter only grows: an undone action's number is never reused.
    return {k: v for k, v in snapshot.items() if k != "next_n"}


def assert_undoes(session, action, kind: str) -> None:
    before = session.snapshot()
    out = action()
    assert out.ok and out.events[0][0] == kind, out
    undo = session.handle(scan("CMD-UNDO"))
    assert (undo.code, undo.args["kind"]) == ("undone", kind)
    (undone_kind, payload), = undo.events
    assert undone_kind == ev.PICK_UNDONE
    assert payload["of"] == out.events[0][1]["n"] and payload["kind"] == kind and payload["undone"] == out.events[0][1]
    assert without_counter(session.snapshot()) == without_counter(before)


def test_undo_each_kind_of_action() -> None:
    session, _ = start([line("#1", 1, "MUG", 6), line("#2", 2, "MUG", 1)], batch=True)
    assert_undoes(session, lambda: session.handle(scan("TOT-1")), ev.PICK_TOTE_BOUND)
    session.handle(scan("TOT-1"))
    assert_undoes(session, lambda: session.handle(scan("TOT-2")), ev.PICK_TOTE_BOUND)  # the last binding too
    session.handle(scan("TOT-2"))
    assert session.view().task.location == "A-01-01-1"  # #2's MUG; #1's 6 come from B-02
    assert_undoes(session, lambda: session.handle(scan("A-01-01-1")), ev.PICK_LOCATION_CONFIRMED)
    session.handle(scan("A-01-01-1"))
    assert_undoes(session, lambda: session.handle(product("MUG")), ev.PICK_UNIT)
    session.handle(product("MUG"))
    out = session.handle(scan("TOT-2"))  # closes order #2: undo cannot reach back past it
    assert out.code == "order_picked"
    assert session.undo().code == "nothing_to_undo"
    session.handle(scan("B-02-01-1"))
    assert_undoes(session, lambda: session.handle(product("MUG", count=2)), ev.PICK_UNIT)  # GS1 count
    session.handle(product("MUG"))
    assert_undoes(session, lambda: session.confirm_quantity(3), ev.PICK_UNIT)  # keypad entry
    assert_undoes(session, lambda: session.handle(scan("TOT-1")), ev.PICK_TOTE_CONFIRMED)
    session.handle(scan("TOT-1"))
    # Undo twice in a row walks back two actions.
    session.handle(product("MUG"))
    session.undo()
    assert session.undo().args["kind"] == ev.PICK_TOTE_CONFIRMED
    assert session.view().step == Step.TOTE and session.view().task.done == 1


def test_nothing_to_undo_at_the_start() -> None:
    session, _ = start([line("#1", 1, "MUG", 1)])
    refused_without_change(session, session.undo, "nothing_to_undo")


# ---- pause ----------------------------------------------------------------------------------------------

def test_pause_and_resume() -> None:
    session = at_product()
    out = session.handle(scan("CMD-PAUSE"))
    assert (out.code, out.events) == ("pick_paused", [(ev.PICK_PAUSED, {})])
    assert session.view().paused
    refused_without_change(session, lambda: session.handle(product("MUG")), "paused")
    refused_without_change(session, lambda: session.handle(scan("A-01-01-1")), "paused")
    refused_without_change(session, session.undo, "paused")
    refused_without_change(session, session.start_short, "paused")
    refused_without_change(session, lambda: session.confirm_quantity(1), "paused")
    refused_without_change(session, session.pause, "paused")
    out = session.handle(scan("CMD-PAUSE"))
    assert (out.code, out.events) == ("pick_resumed", [(ev.PICK_RESUMED, {})])
    refused_without_change(session, session.resume, "not_paused")
    assert session.handle(product("MUG")).code == "ok_unit"
    session.pause()
    assert session.handle(scan("CMD-DONE")).code == "pick_resumed"  # DONE also ends a pause
    assert session.view().step == Step.PRODUCT and not session.view().paused
