"""A supervisor takes away the order a picker is on: the pick stops at once, a banner says
what to do, the picker is back home (or on the rest of the batch), and nothing more is
written for that order; what was scanned before stays, here and centrally.

The supervisor's action is the console's own (app.sync.supervision.apply_action) against the
embedded central database; the station hears of it at its next sync cycle. Same station and
warehouse as tests/gui/test_picking_flow.py (its fixtures).

The banner's French is read through a translator built here from ``FRENCH`` (the same
triples the release's translation file gets), so the test holds before and after the
translations are compiled.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from sqlalchemy import func, select

from app.domain.roles import Role
from app.store.db import make_engine, session_factory, transaction
from app.store.models import Event, Order, OrderLine, Station
from app.store.users import add_user
from app.supervision import Cancel, Hold, Reassign
from app.sync.supervision import apply_action
from tests.gui.test_picking_flow import (  # noqa: F401  (fixtures)
    batch_size,
    central_order,
    central_url,
    config,
    picker,
    replica_line,
    replica_order,
    replica_url,
    scan,
    start,
    stocked,
)
from tests.support.warehouse import GTIN

SUP, CONSOLE = "BDG0077", "SUP-DESK"

FRENCH = [
    ("Order %1 cancelled", "Commande %1 annulée"),
    ("Order %1 deleted from the central database", "Commande %1 supprimée de la base centrale"),
    ("Order %1 reassigned to %2 by a supervisor", "Commande %1 réaffectée à %2 par un superviseur"),
    ("Order %1 put on hold by a supervisor", "Commande %1 bloquée par un superviseur"),
    ("Order %1 released by a supervisor", "Commande %1 libérée par un superviseur"),
    ("Order %1 taken over by %2", "Commande %1 reprise par %2"),
    ("Order %1 released", "Commande %1 libérée"),
    ("put back in stock the items already picked: %1.", "remettez en stock les articles déjà prélevés\u00a0: %1."),
    ("nothing was picked, nothing to put back in stock.", "rien n'a été prélevé, rien à remettre en stock."),
    ("put its items back in their tote and set it aside.", "remettez ses articles dans leur bac et posez-le de côté."),
    ("set its tote %1 aside, nothing to undo.", "posez son bac %1 de côté, rien à défaire."),
    ("set its tote aside, nothing to undo.", "posez son bac de côté, rien à défaire."),
    ("%1: %2", "%1\u00a0: %2"),  # no break before the colon on a big banner
    ("The other orders of the batch go on.", "Les autres commandes du lot continuent."),
]


@pytest.fixture(autouse=True)
def lost_work_french(qapp, tmp_path: Path) -> Iterator[None]:
    """The banner's French, whether or not the release's .qm has it yet (searched after it)."""
    body = "".join(f"<message><source>{escape(en)}</source><translation>{escape(fr)}</translation></message>"
                   for en, fr in FRENCH)
    ts = tmp_path / "lost_fr.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="fr_FR">'
                  f"<context><name>LostWork</name>{body}</context></TS>", encoding="utf-8")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(tmp_path / "lost_fr.qm")], check=True)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "lost_fr.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def supervise(config, action) -> None:
    """A supervisor's console action on the central database, as the console applies it."""
    central = make_engine(config.central_url)
    try:
        with transaction(session_factory(central)) as session:
            if session.scalars(select(Station).where(Station.name == "PICK-02")).first() is None:
                session.add_all([Station(name="PICK-02", kind="picking"), Station(name=CONSOLE, kind="supervisor")])
                add_user(session, name="Sam Sup", badge=SUP, roles=frozenset({Role.SUPERVISOR}), pin="4821")
        result = apply_action(session_factory(central), CONSOLE, SUP, action)
        assert not result.refused, result
    finally:
        central.dispose()


def units_recorded(config, number: str) -> int:
    engine = make_engine(config.replica_url)
    with session_factory(engine)() as session:
        count = session.scalar(select(func.count()).select_from(Event)
                               .where(Event.kind == "pick.unit", Event.order_number == number))
    engine.dispose()
    return int(count or 0)


def central_picked(config, number: str, sku: str) -> int:
    engine = make_engine(config.central_url)
    with session_factory(engine)() as session:
        picked = session.scalar(select(OrderLine.picked).join(Order).where(Order.number == number, OrderLine.sku == sku))
    engine.dispose()
    return int(picked or 0)


def told(qtbot, window) -> str:
    """The next sync cycle hears of the loss; the banner's text."""
    window.push_now()
    qtbot.waitUntil(lambda: window.feedback.banner_showing and window.feedback.banner_kind == "attention",
                    timeout=10_000)
    return window.feedback.banner_text


def test_a_reassigned_order_stops_the_pick_with_a_banner_and_nothing_more_is_written(qtbot, picker, config) -> None:
    window = picker
    start(qtbot, window)
    controller = window.picking.controller
    scan(qtbot, window, "A-01-01-1")
    scan(qtbot, window, GTIN["MUG"])  # acknowledged: on disk
    assert units_recorded(config, "#2001") == 1
    window.push_now()  # and centrally, before the supervisor acts
    qtbot.waitUntil(lambda: central_picked(config, "#2001", "MUG") == 1, timeout=10_000)
    supervise(config, Reassign(["#2001"], to="PICK-02", reason="rush"))
    text = told(qtbot, window)
    assert text.startswith("Commande #2001 réaffectée à PICK-02 par un superviseur\u00a0: posez son bac de côté, "
                           "rien à défaire.")
    assert controller.session is None
    qtbot.waitUntil(lambda: window.current_screen is window.homes["picker"], timeout=5000)
    assert window.status_area.sync_label.text() == "Commande #2001 réaffectée à PICK-02"  # the status line stays
    window.feedback.acknowledge()
    window.scan_router.route("A-02-01-1")  # the picker carries on out of habit: nothing is written
    window.scan_router.route(GTIN["TEA"])
    qtbot.waitUntil(lambda: not controller.busy, timeout=5000)
    assert units_recorded(config, "#2001") == 1
    assert replica_line(config, "#2001", "TEA").picked == 0
    # The unit scanned before stays: on the central order's line, for the next picker.
    window.push_now()
    qtbot.waitUntil(lambda: central_order(config, "#2001").assigned_to == "PICK-02", timeout=5000)
    central = central_order(config, "#2001")
    assert (central.status, central.claimed_by) == ("new", None)
    assert central_picked(config, "#2001", "MUG") == 1
    assert central_picked(config, "#2001", "TEA") == 0


def test_a_cancelled_order_lists_the_units_to_put_back(qtbot, picker, config) -> None:
    window = picker
    start(qtbot, window)
    scan(qtbot, window, "A-01-01-1")
    scan(qtbot, window, GTIN["MUG"])
    supervise(config, Cancel(["#2001"], reason="client a annulé"))
    assert told(qtbot, window) == ("Commande #2001 annulée\u00a0: remettez en stock les articles déjà prélevés\u00a0: "
                                   "MUG\u00a0×1.")
    assert window.picking.controller.session is None
    qtbot.waitUntil(lambda: window.current_screen is window.homes["picker"], timeout=5000)
    assert replica_order(config, "#2001").status == "cancelled"


@pytest.mark.parametrize("batch_size", [2])
def test_in_a_batch_only_the_held_order_leaves_and_the_others_go_on(qtbot, picker, config) -> None:
    window = picker
    start(qtbot, window)
    controller = window.picking.controller
    assert list(controller.session.state.orders) == ["#2001", "#2002"]
    scan(qtbot, window, "TOT001")
    scan(qtbot, window, "TOT002")
    supervise(config, Hold(["#2002"], reason="adresse à vérifier"))
    assert told(qtbot, window) == ("Commande #2002 bloquée par un superviseur\u00a0: posez son bac TOT002 de côté, "
                                   "rien à défaire.\nLes autres commandes du lot continuent.")
    qtbot.waitUntil(lambda: controller.session is not None, timeout=5000)
    session = controller.session
    assert list(session.state.orders) == ["#2001"] and session.state.totes == {"#2001": "TOT001"}
    assert window.current_screen is window.picking.screen
    window.feedback.acknowledge()
    guard = 0
    while str(session.view().step) != "done" and guard < 30:
        guard += 1
        view = session.view()
        assert view.task.order == "#2001"
        text = {"location": view.task.location, "product": GTIN.get(view.task.sku, view.task.sku)}.get(
            str(view.step), view.task.tote)
        scan(qtbot, window, text)
    assert str(session.view().step) == "done"
    qtbot.waitUntil(lambda: replica_order(config, "#2001").status == "picked", timeout=5000)
    assert replica_order(config, "#2001").totes == ["TOT001"]
    assert units_recorded(config, "#2002") == 0
    assert replica_order(config, "#2002").status == "on_hold"


def events_of(config, kind: str, number: str | None) -> int:
    """How many ``kind`` events the replica's log holds for ``number`` (None: for any order)."""
    engine = make_engine(config.replica_url)
    with session_factory(engine)() as session:
        query = select(func.count()).select_from(Event).where(Event.kind == kind)
        count = session.scalar(query if number is None else query.where(Event.order_number == number))
    engine.dispose()
    return int(count or 0)


def test_told_while_a_scan_is_written_that_scan_stays_and_the_one_waiting_behind_it_is_dropped(
        qtbot, picker, config, monkeypatch) -> None:
    """The scan being written when the loss is heard was acknowledged (its write lands, its
    beep comes); the scan queued behind it was not yet tried: it is never written."""
    import time as clock

    from app.gui import pick_jobs

    window = picker
    start(qtbot, window)
    controller = window.picking.controller
    scan(qtbot, window, "A-01-01-1")
    real_record = pick_jobs.record
    monkeypatch.setattr(pick_jobs, "record", lambda *a: (clock.sleep(0.3), real_record(*a))[1])
    window.scan_router.route(GTIN["MUG"])  # being written
    window.scan_router.route("A-02-01-1")  # waits behind it
    assert controller._writing and controller._waiting
    # What the main window does when the sync reports the claim lost.
    assert controller.claim_lost("#2001", "reassigned to PICK-02", ())
    assert controller.session is None  # at once: the next scan reaches no pick
    assert not controller.claim_lost("#2002", "reassigned to PICK-02", ())  # not this station's work
    qtbot.waitUntil(lambda: window.feedback.banner_showing and window.current_screen is window.homes["picker"],
                    timeout=5000)
    qtbot.waitUntil(lambda: not controller.busy, timeout=5000)
    assert window.feedback.banner_text.startswith("Commande #2001 réaffectée à PICK-02 par un superviseur")
    assert events_of(config, "pick.unit", "#2001") == 1  # the scan under way landed
    assert events_of(config, "pick.location_confirmed", None) == 1  # only the first shelf


@pytest.mark.parametrize("batch_size", [2])
def test_a_batch_gone_on_without_an_order_is_what_a_restart_resumes(qtbot, picker, config, services) -> None:
    from datetime import date

    from app.gui import pick_jobs

    window = picker
    start(qtbot, window)
    controller = window.picking.controller
    scan(qtbot, window, "TOT001")
    scan(qtbot, window, "TOT002")
    supervise(config, Reassign(["#2001"], to="PICK-02", reason="rush"))
    told(qtbot, window)
    qtbot.waitUntil(lambda: controller.session is not None, timeout=5000)
    assert list(controller.session.state.orders) == ["#2002"]
    engine = make_engine(config.replica_url)
    resumed = pick_jobs.unfinished_pick(session_factory(engine), "PICK-01", date.today())  # as after a crash
    engine.dispose()
    assert resumed is not None and list(resumed.state.orders) == ["#2002"]
    assert resumed.state.totes == {"#2002": "TOT002"} and resumed.snapshot() == controller.session.snapshot()


def test_the_quantity_keypad_open_when_the_order_is_taken_away_is_gone_at_the_next_pick(qtbot, picker, config) -> None:
    window = picker
    start(qtbot, window)
    screen = window.picking.screen
    scan(qtbot, window, "A-01-01-1")
    screen.quantity_requested.emit()  # the picker opened the keypad to key a quantity in
    assert screen.pages.currentWidget() is screen.keypad
    supervise(config, Cancel(["#2001"], reason="client a annulé"))
    told(qtbot, window)
    qtbot.waitUntil(lambda: window.current_screen is window.homes["picker"], timeout=5000)
    assert screen.pages.currentWidget() is screen.work_page
    window.feedback.acknowledge()
    start(qtbot, window)  # the next order: on its location, no keypad
    assert window.picking.controller.session.view().task.order != "#2001"
    assert screen.pages.currentWidget() is screen.work_page
    assert str(window.picking.controller.session.view().step) == "location"
    assert screen.location_label.text() == window.picking.controller.session.view().task.location


def test_the_short_pick_reason_page_does_not_outlive_the_order_taken_away(qtbot, picker, config) -> None:
    window = picker
    start(qtbot, window)
    screen = window.picking.screen
    scan(qtbot, window, "A-01-01-1")
    qtbot.mouseClick(screen.short_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.pages.currentWidget() is screen.reason_page, timeout=5000)
    supervise(config, Hold(["#2001"], reason="adresse à vérifier"))
    told(qtbot, window)
    qtbot.waitUntil(lambda: window.current_screen is window.homes["picker"], timeout=5000)
    assert screen.pages.currentWidget() is screen.work_page
    window.feedback.acknowledge()
    start(qtbot, window)
    assert screen.pages.currentWidget() is screen.work_page
