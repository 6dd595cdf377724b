"""VERIFY: every unit scanned again; each wrong scan has its own code, changes nothing, records nothing."""

from __future__ import annotations

from datetime import date

import pytest

from app.packing import events as ev
from app.packing.model import LotPicked
from app.packing.outcome import Step
from tests.packing.plans import jam, mug, phone, plan, product, scan, socks, start, tea


def refused_without_change(session, action, code: str):
    before = session.snapshot()
    outcome = action()
    assert (outcome.ok, outcome.code, outcome.events) == (False, code, []), outcome
    assert session.snapshot() == before
    assert session.view().last_error == code
    return outcome


def test_start_records_the_plan_and_the_status_change() -> None:
    p = plan(mug())
    session, events = start(p)
    assert [kind for kind, _ in events] == [ev.PACK_STARTED, "order.status_changed"]
    started = events[0][1]
    assert started["plan"] == p.as_json() and started["packer"] == "BDG0007" and started["order"] == "#1001"
    assert events[1][1] == {"order": "#1001", "from": "picked", "to": "packing", "reason": None}
    view = session.view()
    assert (view.step, view.units_verified, view.units_total, view.suggested_box) == (Step.VERIFY, 0, 2, "BOX-M")


def test_a_single_line_order_verified_unit_by_unit() -> None:
    session, _ = start(plan(mug(quantity=2)))
    first = session.handle(product("MUG"))
    assert (first.ok, first.code, first.args["verified"]) == (True, "ok_unit", 1)
    unit = first.events[0]
    assert unit[0] == ev.PACK_UNIT
    assert unit[1] == {"n": 1, "order": "#1001", "line_id": 1, "sku": "MUG", "quantity": 1, "parcel": 1,
                       "source": "scan", "lot": None, "expiry": None, "serial": None}
    assert session.view().step == Step.VERIFY
    second = session.handle(scan("mug"))  # the SKU label, any case
    assert second.ok and second.events[0][1]["n"] == 2
    assert session.view().step == Step.BOX  # every unit verified, no box confirmed yet
    assert session.view().lines[0].verified == 2


def test_wrong_product_extra_unit_and_misread_each_have_their_code() -> None:
    session, _ = start(plan(mug(quantity=1), tea(quantity=1)))
    refused_without_change(session, lambda: session.handle(product("ALIEN")), "wrong_product")
    refused_without_change(session, lambda: session.handle(scan("NOT-A-SKU")), "wrong_product")
    session.handle(product("MUG"))
    refused_without_change(session, lambda: session.handle(product("MUG")), "extra_unit")
    refused_without_change(session, lambda: session.handle(scan("3760000000018")), "misread")
    refused_without_change(session, lambda: session.handle(scan("TOT-7")), "unexpected_scan")
    refused_without_change(session, lambda: session.handle(product("TEA", count=2)), "extra_unit")


def test_the_error_stays_until_the_next_accepted_action() -> None:
    session, _ = start(plan(mug(quantity=2)))
    session.handle(product("ALIEN"))
    assert session.view().last_error == "wrong_product"
    session.view()
    assert session.view().last_error == "wrong_product"  # reading the view does not acknowledge it
    assert session.handle(product("MUG")).ok
    assert session.view().last_error is None


def test_a_gs1_count_verifies_that_many_units() -> None:
    session, _ = start(plan(tea(quantity=6)))
    out = session.handle(product("TEA", count=4))
    assert out.ok and out.events[0][1]["quantity"] == 4 and out.events[0][1]["source"] == "gs1_count"
    refused_without_change(session, lambda: session.handle(product("TEA", count=3)), "extra_unit")
    refused_without_change(session, lambda: session.handle(product("TEA", count=0)), "invalid_quantity")
    assert session.handle(product("TEA", count=2)).ok
    assert session.view().step == Step.BOX


def test_multi_line_with_lots() -> None:
    session, _ = start(plan(mug(quantity=1), jam()))  # JAM: 2 of L-A, 1 of L-B picked
    assert session.view().lines[1].lot == "L-A, L-B"
    refused_without_change(session, lambda: session.handle(product("JAM")), "lot_needed")
    wrong = refused_without_change(session, lambda: session.handle(product("JAM", lot="L-Z")), "lot_mismatch")
    assert wrong.args["reason"] == "not_picked" and wrong.args["picked"] == ["L-A", "L-B"]
    assert session.handle(product("JAM", lot="L-B")).ok
    too_many = refused_without_change(session, lambda: session.handle(product("JAM", lot="L-B")), "lot_mismatch")
    assert too_many.args["reason"] == "more_than_picked"
    out = session.handle(product("JAM", lot="L-A", count=2))
    assert out.ok and out.events[0][1]["lot"] == "L-A" and out.events[0][1]["expiry"] == "2027-06-01"
    assert session.handle(product("MUG")).ok
    assert session.view().step == Step.BOX


def test_one_lot_picked_is_taken_without_reading_it() -> None:
    session, _ = start(plan(jam(lots=(LotPicked("L-A", date(2027, 6, 1), 2),))))
    out = session.handle(product("JAM"))
    assert out.ok and out.events[0][1]["lot"] == "L-A"


def test_serial_from_the_gs1_scan_and_repeated_serial() -> None:
    session, _ = start(plan(phone(quantity=2)))
    out = session.handle(product("PHONE", serial="SN001"))
    assert (out.ok, out.code, out.events[0][1]["serial"]) == (True, "ok_serial", "SN001")
    refused_without_change(session, lambda: session.handle(product("PHONE", serial="SN001")), "serial_repeated")
    refused_without_change(session, lambda: session.handle(product("PHONE", count=2)), "extra_unit")
    assert session.view().lines[0].serials == ("SN001",)


def test_serial_asked_after_the_product_scan() -> None:
    session, _ = start(plan(phone(quantity=2), mug(quantity=1)))
    session.handle(product("PHONE", serial="SN001"))
    wait = session.handle(product("PHONE"))
    assert (wait.ok, wait.code, wait.needs, wait.events) == (True, "serial_wanted", "serial", [])
    assert session.view().serial_wanted == "PHONE"
    refused_without_change(session, lambda: session.handle(product("MUG")), "not_a_serial")
    refused_without_change(session, lambda: session.handle(scan("MUG")), "not_a_serial")  # a SKU, not a serial
    refused_without_change(session, lambda: session.handle(scan("BOX-S")), "not_a_serial")
    refused_without_change(session, lambda: session.handle(scan("SN001")), "serial_repeated")
    assert session.view().serial_wanted == "PHONE"  # still waiting
    out = session.handle(scan("SN002"))
    assert (out.ok, out.code, out.events[0][1]["serial"]) == (True, "ok_serial", "SN002")
    assert session.view().serial_wanted is None
    assert session.view().lines[0].serials == ("SN001", "SN002")


def test_undo_forgets_a_unit_waiting_for_its_serial() -> None:
    session, _ = start(plan(phone(quantity=1)))
    session.handle(product("PHONE"))
    out = session.handle(scan("CMD-UNDO"))
    assert (out.ok, out.code, out.events) == (True, "undone", [])
    assert session.view().serial_wanted is None and session.view().units_verified == 0


def test_keyed_quantity_from_the_threshold() -> None:
    session, _ = start(plan(socks(quantity=12), mug(quantity=1)))
    assert not session.quantity_entry_available()  # nothing in hand yet
    refused_without_change(session, lambda: session.confirm_quantity(3), "quantity_entry_unavailable")
    out = session.handle(product("SOCK"))
    assert out.needs == "quantity_entry_available" and session.quantity_entry_available()
    refused_without_change(session, lambda: session.confirm_quantity(12), "invalid_quantity")  # 11 left
    refused_without_change(session, lambda: session.confirm_quantity(0), "invalid_quantity")
    keyed = session.confirm_quantity(7)
    assert keyed.ok and keyed.events[0][1]["source"] == "keyed" and keyed.events[0][1]["quantity"] == 7
    # 4 left: below the threshold of 5, each unit is scanned.
    assert not session.quantity_entry_available() and keyed.needs is None
    refused_without_change(session, lambda: session.confirm_quantity(4), "quantity_entry_unavailable")


def test_keyed_quantity_never_for_serials() -> None:
    session, _ = start(plan(phone(quantity=8)))
    session.handle(product("PHONE", serial="S1"))
    assert not session.quantity_entry_available()


def test_keyed_quantity_keeps_the_lot_in_hand() -> None:
    lots = (LotPicked("L-A", None, 6), LotPicked("L-B", None, 2))
    session, _ = start(plan(jam(lots=lots)))
    session.handle(product("JAM", lot="L-A"))
    refused_without_change(session, lambda: session.confirm_quantity(6), "lot_mismatch")  # only 5 more of L-A
    out = session.confirm_quantity(5)
    assert out.ok and out.events[0][1]["lot"] == "L-A"


def test_a_count_scan_cannot_carry_serials() -> None:
    session, _ = start(plan(phone(quantity=3)))
    refused_without_change(session, lambda: session.handle(product("PHONE", count=2)), "serial_needed")


def test_the_same_serial_twice_is_the_same_unit_scanned_twice() -> None:
    # Even on a product without serial tracking: a unit whose barcode carries a serial is unique.
    session, _ = start(plan(mug(quantity=2)))
    assert session.handle(product("MUG", serial="M-1")).ok
    refused_without_change(session, lambda: session.handle(product("MUG", serial="M-1")), "serial_repeated")
