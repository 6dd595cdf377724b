"""A refused verification scan at the packing station is written down for the supervisor.

The refusal is shown at once (the banner is up when the scan's call returns: nothing waits
for a write), then a ``pack.mismatch`` event {order, code, sku | raw} is recorded in the
replica's log, pushed to the central database like any event, and changes nothing else:
no line verified, no status moved, here or centrally. Same station and floor as
tests/gui/test_packing_flow.py (its fixtures).
"""

from __future__ import annotations

from sqlalchemy import select

from app.store.db import make_engine, session_factory
from app.store.models import Event
from app.store.overview import PACK_MISMATCH, recent_mismatches
from tests.gui.pack_warehouse import GTIN
from tests.gui.test_packing_flow import (  # noqa: F401  (fixtures)
    central_order,
    central_url,
    config,
    events,
    packer,
    print_delay,
    replica_lines,
    replica_order,
    replica_url,
    scan,
    services,
    start,
    view,
)


def central_events(config, kind: str) -> list[Event]:
    engine = make_engine(config.central_url)
    with session_factory(engine)() as session:
        found = list(session.scalars(select(Event).where(Event.kind == kind).order_by(Event.seq)))
        for event in found:
            session.expunge(event)
    engine.dispose()
    return found


def test_wrong_product_and_extra_unit_are_recorded_as_mismatches_without_effect(qtbot, packer, config) -> None:
    window = packer
    start(qtbot, window)
    assert view(window).order == "#3001"

    window.scan_router.route(GTIN["OIL"])  # not in this order
    # Shown at once, in the same call: the record follows in the replica worker.
    assert window.feedback.banner_showing and view(window).last_error == "wrong_product"
    window.feedback.acknowledge()
    scan(qtbot, window, GTIN["MUG"])
    scan(qtbot, window, GTIN["MUG"])  # one MUG only: an extra unit
    assert view(window).last_error == "extra_unit"
    window.feedback.acknowledge()
    scan(qtbot, window, "CMD-NOPE-NOT-A-COMMAND")  # a refusal that is no verification mismatch

    qtbot.waitUntil(lambda: len(events(config, PACK_MISMATCH)) == 2, timeout=5000)
    wrong, extra = events(config, PACK_MISMATCH)
    assert wrong.payload == {"order": "#3001", "code": "wrong_product", "raw": GTIN["OIL"]}
    assert wrong.order_number == "#3001" and wrong.station == "PACK-01" and wrong.actor == "BDG0002"
    assert extra.payload["code"] == "extra_unit" and extra.payload["sku"] == "MUG"
    assert replica_lines(config, "#3001")["MUG"].verified == 1  # the one accepted unit only
    assert replica_order(config, "#3001").status == "packing"

    # Pushed like every event; centrally, recorded only (the console's central worker reads it).
    window.push_now()
    qtbot.waitUntil(lambda: len(central_events(config, PACK_MISMATCH)) == 2, timeout=15000)
    engine = make_engine(config.central_url)
    with session_factory(engine)() as session:
        found = recent_mismatches(session, wrong.occurred_at)
    engine.dispose()
    assert [(m.order, m.code) for m in found] == [("#3001", "extra_unit"), ("#3001", "wrong_product")]
    assert central_order(config, "#3001").status == "packing"
