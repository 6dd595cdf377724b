"""A supervisor holds (or cancels) the order a packer is verifying: the pack stops at once, a
banner says what to do with the tote, the packer is back home, and a following scan is not
written for that order; the units verified before were acknowledged and stay in the log.

Same station and packing floor as tests/gui/test_packing_flow.py (its fixtures); the
supervisor's action and the French banner as in tests/gui/test_lost_claim_pick.py.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.store.db import make_engine, session_factory
from app.store.models import Event
from app.supervision import Cancel, Hold
from tests.gui.pack_warehouse import GTIN
from tests.gui.test_lost_claim_pick import lost_work_french, supervise, told  # noqa: F401  (fixture)
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
    supervisor_pin,
    view,
)


def pack_units(config, number: str) -> int:
    engine = make_engine(config.replica_url)
    with session_factory(engine)() as session:
        count = session.scalar(select(func.count()).select_from(Event)
                               .where(Event.kind == "pack.unit", Event.order_number == number))
    engine.dispose()
    return int(count or 0)


def test_a_hold_mid_verification_stops_the_pack_and_sends_the_packer_home(qtbot, packer, config) -> None:
    window = packer
    start(qtbot, window)
    controller = window.packing.controller
    assert view(window).order == "#3001"
    scan(qtbot, window, GTIN["MUG"])  # verified, acknowledged
    assert replica_lines(config, "#3001")["MUG"].verified == 1
    before = pack_units(config, "#3001")
    assert before == 1
    supervise(config, Hold(["#3001"], reason="adresse à vérifier"))
    assert told(qtbot, window) == ("Commande #3001 bloquée par un superviseur\u00a0: remettez ses articles dans leur "
                                   "bac et posez-le de côté.")
    assert controller.session is None
    qtbot.waitUntil(lambda: window.current_screen is window.homes["packer"], timeout=5000)
    assert window.status_area.sync_label.text().startswith("Commande #3001")  # the status line as before
    window.feedback.acknowledge()
    window.scan_router.route(GTIN["TEA"])  # out of habit: written nowhere
    qtbot.waitUntil(lambda: not controller.busy, timeout=5000)
    assert pack_units(config, "#3001") == before
    assert replica_lines(config, "#3001")["TEA"].verified == 0
    assert controller.session is None
    assert central_order(config, "#3001").status == "on_hold"
    assert replica_order(config, "#3001").status == "on_hold"


def test_a_cancel_mid_verification_lists_what_goes_back_in_stock(qtbot, packer, config) -> None:
    window = packer
    start(qtbot, window)
    scan(qtbot, window, GTIN["TEA"])
    supervise(config, Cancel(["#3001"], reason="client a annulé"))
    assert told(qtbot, window) == ("Commande #3001 annulée\u00a0: remettez en stock les articles déjà prélevés\u00a0: "
                                   "MUG\u00a0×1, TEA\u00a0×2.")
    assert window.packing.controller.session is None
    qtbot.waitUntil(lambda: window.current_screen is window.homes["packer"], timeout=5000)


def test_the_override_dialog_and_the_weight_pad_close_unapplied_when_the_order_is_taken_away(
        qtbot, packer, config, supervisor_pin) -> None:
    window = packer
    start(qtbot, window)
    screen = window.packing.screen
    scan(qtbot, window, GTIN["MUG"])
    screen.ask_weight()  # the packer opened the weight entry, then called a supervisor
    assert screen.pages.currentWidget() is screen.weight_pad
    qtbot.mouseClick(screen.override_button, Qt.MouseButton.LeftButton)
    dialog = window.packing.dialog
    assert dialog is not None and dialog.isVisible()
    window.scan_router.route("BDG0003")
    dialog.choose_reason("barcode_unreadable")
    for key in supervisor_pin:  # keyed, not yet submitted
        qtbot.mouseClick(dialog.keys[key], Qt.MouseButton.LeftButton)
    assert dialog.ok_button.isEnabled()
    supervise(config, Hold(["#3001"], reason="adresse à vérifier"))
    told(qtbot, window)
    qtbot.waitUntil(lambda: window.current_screen is window.homes["packer"], timeout=5000)
    assert window.packing.dialog is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)  # closed, then deleted
    assert screen.panel is None and screen.pages.currentWidget() is screen.work_page
    assert events(config, "pack.override") == []


def test_an_override_on_its_way_when_the_order_is_taken_away_is_not_applied(
        qtbot, packer, config, supervisor_pin) -> None:
    window = packer
    start(qtbot, window)
    controller = window.packing.controller
    scan(qtbot, window, GTIN["MUG"])
    qtbot.mouseClick(window.packing.screen.override_button, Qt.MouseButton.LeftButton)
    dialog = window.packing.dialog
    window.scan_router.route("BDG0003")
    dialog.choose_reason("barcode_unreadable")
    for key in supervisor_pin:
        qtbot.mouseClick(dialog.keys[key], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # the badge and PIN are being checked…
    assert dialog.checking
    # … when the sync reports the claim lost (before the check's answer can reach the GUI thread).
    assert controller.claim_lost("#3001", "released by a supervisor")
    qtbot.waitUntil(lambda: window.current_screen is window.homes["packer"], timeout=5000)
    assert window.packing.dialog is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)
    qtbot.waitUntil(lambda: not controller.busy, timeout=5000)
    assert events(config, "pack.override") == []
    assert controller.session is None
