"""Crash resume at the domain level: the recorded events bring back the same step and counts."""

from __future__ import annotations

import json

import pytest

from app.picking import events as ev
from app.picking.outcome import Step
from app.picking.route import Route
from app.picking.session import PickSession
from tests.picking.warehouse import TODAY, line, product, route_for, scan, start, walk


def through_the_log(events: list) -> list:
    return json.loads(json.dumps(events))


def test_resume_in_the_middle_of_a_batch() -> None:
    lines = [line("#1", 1, "MUG", 2), line("#2", 2, "TEA", 2), line("#3", 3, "JAM", 1)]
    session, started = start(lines, batch=True)
    log = list(started.events)
    for text in ("TOT-1", "TOT-2", "TOT-3", "A-01-01-1"):
        log += session.handle(scan(text)).events
    log += session.handle(product("MUG")).events
    resumed = PickSession.replay(through_the_log(log), TODAY)
    view = resumed.view()
    assert (view.step, view.task.sku, view.task.done, view.task.tote, view.can_undo) == (Step.TOTE, "MUG", 1, "TOT-1", True)
    assert resumed.counts() == session.counts()
    # It carries on, and undo still reaches the unit scanned before the crash.
    assert resumed.undo().args["kind"] == ev.PICK_UNIT
    assert resumed.view().step == Step.PRODUCT
    walk(resumed)
    assert set(resumed.state.status.values()) == {"picked"}


def test_resume_with_an_alternative_on_offer_offers_it_again() -> None:
    session, started = start([line("#1", 1, "MUG", 3)])
    log = list(started.events)
    session.start_short()
    session.short_reason("damaged")
    log += session.short_found(0).events
    resumed = PickSession.replay(through_the_log(log), TODAY)
    assert resumed.view().short_stage == "alternative"
    assert resumed.accept_alternative(True).code == "alternative_added"


def test_a_short_dialog_in_progress_is_not_recorded() -> None:
    session, started = start([line("#1", 1, "MUG", 3)])
    session.start_short()
    session.short_reason("damaged")
    resumed = PickSession.replay(through_the_log(started.events), TODAY)
    assert resumed.view().short_stage is None and resumed.view().step == Step.LOCATION


def test_totes_bound_up_front() -> None:
    route = route_for([line("#1", 1, "MUG", 1), line("#2", 2, "TEA", 1)])
    session, started = PickSession.start(route, today=TODAY, batch=True, totes={"#1": "TOT-9"})
    assert started.events[0][1]["totes"] == {"#1": "TOT-9"}
    assert session.view().bind_order == "#2"
    assert session.handle(scan("TOT-9")).code == "tote_in_use"


def test_status_changes_from_elsewhere() -> None:
    session, started = start([line("#1", 1, "TEA", 1), line("#2", 2, "MUG", 1)])
    before = session.snapshot()
    session.apply(ev.ORDER_STATUS_CHANGED, {"order": "#99", "from": "new", "to": "picking", "reason": None})
    assert session.snapshot() == before  # not one of this pick's orders
    # A supervisor holds #2 mid-pick: the pick does not close it as picked.
    session.apply(ev.ORDER_STATUS_CHANGED, {"order": "#2", "from": "picking", "to": "on_hold", "reason": "fraud"})
    _, events = walk(session)
    assert [p["order"] for k, p in events if k == ev.ORDER_STATUS_CHANGED] == ["#1"]


def test_an_unknown_event_kind_is_an_error() -> None:
    session, _ = start([line("#1", 1, "TEA", 1)])
    with pytest.raises(ValueError, match="order.updated"):
        session.apply("order.updated", {})


def test_route_round_trips_through_pick_started() -> None:
    route = route_for([line("#1", 1, "JAM", 3), line("#1", 2, "NOPE", 1, line_no=2)])
    _, started = PickSession.start(route, today=TODAY)
    assert Route.from_json(through_the_log(started.events)[0][1]["route"]) == route
